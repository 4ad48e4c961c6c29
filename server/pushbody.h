#pragma once

#include "records.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attache::server {

/// A push request's content (docs/sync-protocol.md, Push), validated and normalised.
struct PushBody
{
    std::string batchId;
    /// "acknowledge": "changed": the answer lists only the changes with a field the server
    /// holds at another stamp than the pushed one.
    bool changedOnly = false;
    std::vector<IncomingChange> changes; ///< each change's fields sorted by name, names unique
};

/// Reads a push body with simdjson (its DOM: the whole text validated at once, several times
/// faster than nlohmann's parser) straight into flat changes; only each field's value becomes an
/// nlohmann tree, for normalising it. The checks, their order and the errors are those of
/// reading the body into an nlohmann tree: the last of duplicate members wins, and the first
/// problem in document order (batch id, then changes, then change by change, field by field in
/// name order) is the one reported. More than `maxChanges` changes: 413.
ApiResult<PushBody> readPushBody(std::string_view body, std::int64_t nowMs, std::size_t maxChanges);

} // namespace attache::server
