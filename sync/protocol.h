#pragma once

// The JSON of docs/sync-protocol.md, in one place: encoding pushes, decoding answers.

#include "result.h"
#include "store.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace attache::sync {

inline constexpr int kProtocolVersion = 1;

struct PushAnswer
{
    std::int64_t applied = 0;
    std::vector<PendingRecord> acknowledged; ///< fields with the stamp the server now holds
    /// The server listed only records with a field at another stamp than pushed; the others
    /// are held as pushed ("acknowledge": "changed").
    bool changedOnly = false;
    std::vector<Store::Conflict> conflicts;
    std::int64_t cursor = 0;
    /// The batch's writes took the seqs seqFrom … cursor (0: none, or a server before it said).
    std::int64_t seqFrom = 0;
};

struct PullAnswer
{
    std::vector<Store::RemoteChange> changes;
    std::vector<Store::Conflict> conflicts;
    std::vector<std::string> dropMissions;
    std::vector<Store::RecordRef> dropRecords; ///< moved to a mission the caller cannot see
    std::int64_t cursor = 0;
    std::int64_t remaining = 0;
    bool resync = false;
};

/// The push request body (JSON text).
std::string encodePush(const std::string &batchId, const std::vector<PendingRecord> &changes);
Result<PushAnswer> decodePush(const nlohmann::json &body);
Result<PullAnswer> decodePull(const nlohmann::json &body);
Result<Store::Conflict> decodeConflict(const nlohmann::json &c);

} // namespace attache::sync
