#include "groupcommit.h"

#include "log.h"

#include <exception>

#include <pthread.h>

namespace attache::server {

std::vector<PushJob *> GroupCommitter::takeGroup()
{
    // In arrival order; the first push is always taken, however big, so none waits forever.
    std::vector<PushJob *> group;
    std::size_t changes = 0;
    while (!m_queue.empty() && group.size() < m_maxBatches) {
        PushJob *next = m_queue.front();
        if (!group.empty() && changes + next->changes.size() > m_maxChanges)
            break;
        changes += next->changes.size();
        group.push_back(next);
        m_queue.pop_front();
    }
    return group;
}

GroupCommitter::GroupCommitter(Writer writer, std::size_t maxBatches, std::size_t maxChanges)
    : m_writer(std::move(writer))
    , m_maxBatches(maxBatches)
    , m_maxChanges(maxChanges)
    , m_thread([this] { run(); })
{ }

GroupCommitter::~GroupCommitter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_work.notify_one();
    m_thread.join();
}

void GroupCommitter::submit(PushJob &job)
{
    std::unique_lock lock(m_mutex);
    m_queue.push_back(&job);
    if (m_queue.size() == 1)
        m_work.notify_one();
    job.wake.wait(lock, [&] { return job.done; });
}

void GroupCommitter::run()
{
    pthread_setname_np(pthread_self(), "push-writer"); // as shown by top -H and perf
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_work.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty())
            return; // stopping, and nothing is left to answer
        const std::vector<PushJob *> group = takeGroup();
        lock.unlock();
        try {
            m_writer(group);
        } catch (const std::exception &e) {
            log(LogLevel::Error, "attache.server", std::string("push failed: ") + e.what());
        } catch (...) {
            log(LogLevel::Error, "attache.server", "push failed");
        }
        lock.lock();
        // A push the writer could not answer for gets a 500: nothing of it was committed, or
        // (if it failed after the commit) a retry with the same batch id gets the stored answer.
        for (PushJob *j : group) {
            if (!j->answer)
                j->answer = ApiError {500, "internal",
                    "The server failed; nothing was partially stored. Retry later."};
            j->done = true;
            j->wake.notify_one();
        }
    }
}

} // namespace attache::server
