#pragma once

#include "records.h"

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace attache::server {

/// One validated push waiting for the writer, and its answer once written.
struct PushJob
{
    Actor caller;
    std::string batchId;
    std::vector<IncomingChange> changes;
    std::int64_t now = 0;
    std::optional<ApiResult<std::string>> answer; ///< JSON text, set by the writer
    bool done = false; ///< set under the committer's lock once `answer` is final
    /// Woken when the job has its answer, or when it is first in the queue and no writer is at
    /// work (one waiter woken at a time: no thundering herd of the waiting worker threads).
    std::condition_variable wake;
};

/// Group commit for pushes. Writes are serialised on purpose (one writer at a time, so that
/// server sequence numbers become visible strictly in order and no pull cursor can skip a
/// change); when many devices push at once, each would pay the lock, the transaction and the
/// commit alone, one after the other. Instead, pushes queue here, and whichever thread finds no
/// writer at work becomes the writer: it takes every push queued (up to a bound), writes them
/// all in one transaction through `Writer`, which must give each job its answer, then wakes the
/// waiting threads and, if its own push was not in that group, goes round again.
class GroupCommitter
{
public:
    /// Writes a group and sets `answer` on every job of it.
    using Writer = std::function<void(const std::vector<PushJob *> &)>;

    /// At most 64 batches per group: PostgreSQL keeps up to 64 subtransactions (one savepoint
    /// per batch) of a transaction in shared memory; past that, every reader's snapshot slows.
    GroupCommitter(std::size_t maxBatches = 64, std::size_t maxChanges = 10000)
        : m_maxBatches(maxBatches)
        , m_maxChanges(maxChanges)
    { }

    /// Queues `job` and returns once it has its answer.
    void submit(PushJob &job, const Writer &writer);

private:
    std::vector<PushJob *> takeGroup();

    const std::size_t m_maxBatches;
    const std::size_t m_maxChanges;
    std::mutex m_mutex;
    std::deque<PushJob *> m_queue;
    bool m_writing = false;
};

} // namespace attache::server
