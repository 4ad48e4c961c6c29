#pragma once

#include "groupcommit.h"
#include "records.h"
#include "sql.h"
#include "statistics.h"
#include "synclimits.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attache::server {

/// Limits of protocol v1 (docs/sync-protocol.md).
inline constexpr std::size_t kMaxPushBytes = 8 * 1024 * 1024;
inline constexpr std::size_t kMaxChunkBytes = 1024 * 1024;
inline constexpr std::int64_t kMaxAttachmentBytes = 50LL * 1024 * 1024;
inline constexpr std::size_t kMaxChangesPerBatch = 10000;
inline constexpr int kMinProtocol = 1;
inline constexpr int kMaxProtocol = 1;

/// An inclusive range of server sequence numbers.
struct SeqRange
{
    std::int64_t from = 0;
    std::int64_t to = 0;
};

using attache::kMaxOwnRanges;

/// Reads a pull's "own" parameter: "FROM-TO" ranges separated by commas, each FROM <= TO, both
/// positive, at most kMaxOwnRanges. nullopt when it is not that.
std::optional<std::vector<SeqRange>> parseOwnRanges(std::string_view text);

/// Login throttling, counted in the database so that it holds across server processes.
struct LoginLimits
{
    int perUser = 10; ///< failed attempts per user name per window
    int perAddress = 50; ///< failed attempts per client address per window
    std::int64_t windowMs = 15 * 60 * 1000;
};

/// Bytes of an attachment and the response status for them.
struct Download
{
    std::string bytes;
};

/// The protocol's operations, independent of HTTP: each takes parsed input, runs in its own
/// transaction on a pooled connection and answers JSON or an ApiError.
class SyncService
{
public:
    /// `maxGroup`: at most this many pushes written in one transaction (see GroupCommitter);
    /// 1 writes each push in its own.
    SyncService(Pool &pool, LoginLimits limits = {}, std::size_t maxGroup = 64);

    nlohmann::json status() const;
    ApiResult<nlohmann::json> login(const std::string &body, const std::string &address);
    ApiResult<Actor> authenticate(const std::string &authorization);
    ApiResult<bool> logout(const Actor &caller);
    /// The answer is JSON text (built as text: a large batch's acknowledgements are big).
    ApiResult<std::string> push(const Actor &caller, const std::string &body);
    /// The response body is built as text from the stored wire form of each record.
    /// `own`: ranges of seq of pushes whose answers the caller's device stored; the records it
    /// created in them and nobody changed since are left out (it holds them as they are).
    ApiResult<std::string> pull(
        const Actor &caller, std::int64_t cursor, int limit, const std::vector<SeqRange> &own = {});
    ApiResult<nlohmann::json> history(
        const Actor &caller, const std::string &kind, const std::string &id);
    ApiResult<nlohmann::json> attachmentStatus(const Actor &caller, const std::string &sha);
    ApiResult<nlohmann::json> putChunk(const Actor &caller, const std::string &sha,
        std::int64_t offset, std::int64_t size, const std::string &bytes);
    ApiResult<Download> download(const Actor &caller, const std::string &sha);

    static std::int64_t nowMs();

private:
    /// Writes a group of pushes in one transaction (see GroupCommitter) and answers each.
    void writeGroup(const std::vector<PushJob *> &group);
    /// Applies one batch inside the group's transaction, numbering its changes after `seq`
    /// (advanced on success; the caller stores it). An error means the caller must roll back
    /// to the batch's savepoint.
    ApiResult<std::string> applyBatch(SqlConnection &conn, const PushJob &job, std::int64_t &seq);

    Pool &m_pool;
    LoginLimits m_limits;
    StatisticsKeeper m_statistics;
    GroupCommitter m_commits; ///< last: its writer thread stops first
};

} // namespace attache::server
