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
#include <thread>
#include <vector>

namespace attache::server {

/// One validated push waiting for the writer, and its answer once written.
struct PushJob
{
    Actor caller;
    std::string batchId;
    bool changedOnly = false; ///< acknowledge only what the server holds at other stamps
    std::vector<IncomingChange> changes;
    std::int64_t now = 0;
    std::optional<ApiResult<std::string>> answer; ///< JSON text, set by the writer
    bool done = false; ///< set under the committer's lock once `answer` is final
    /// Woken by the writer thread once the job has its answer.
    std::condition_variable wake;
};

/// Group commit for pushes. Writes are serialised on purpose (one writer at a time, so that
/// server sequence numbers become visible strictly in order and no pull cursor can skip a
/// change); when many devices push at once, each would pay the lock, the transaction and the
/// commit alone, one after the other. Instead, pushes queue here, and one writer thread takes
/// every push queued (up to a bound), writes them all in one transaction through `Writer`,
/// which must give each job its answer, and wakes the threads that wait for those answers.
/// The writer is a thread of its own ("push-writer" in top -H and perf): the request threads
/// only queue their push and wait for its answer.
class GroupCommitter
{
public:
    /// Writes a group and sets `answer` on every job of it.
    using Writer = std::function<void(const std::vector<PushJob *> &)>;

    /// At most 64 batches per group: PostgreSQL keeps up to 64 subtransactions (one savepoint
    /// per batch) of a transaction in shared memory; past that, every reader's snapshot slows.
    explicit GroupCommitter(
        Writer writer, std::size_t maxBatches = 64, std::size_t maxChanges = 10000);
    /// Answers what is queued, then stops the writer thread.
    ~GroupCommitter();
    GroupCommitter(const GroupCommitter &) = delete;
    GroupCommitter &operator=(const GroupCommitter &) = delete;

    /// Queues `job` and returns once it has its answer.
    void submit(PushJob &job);

private:
    std::vector<PushJob *> takeGroup();
    void run();

    const Writer m_writer;
    const std::size_t m_maxBatches;
    const std::size_t m_maxChanges;
    std::mutex m_mutex;
    std::condition_variable m_work; ///< the writer waits here for pushes
    std::deque<PushJob *> m_queue;
    bool m_stopping = false;
    std::thread m_thread; ///< started last, joined first
};

} // namespace attache::server
