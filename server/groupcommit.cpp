#include "groupcommit.h"

#include "log.h"

#include <exception>

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

void GroupCommitter::submit(PushJob &job, const Writer &writer)
{
    std::unique_lock lock(m_mutex);
    m_queue.push_back(&job);
    while (!job.done) {
        if (m_writing) {
            job.wake.wait(lock);
            continue;
        }
        m_writing = true;
        const std::vector<PushJob *> group = takeGroup();
        lock.unlock();
        try {
            writer(group);
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
        }
        m_writing = false;
        for (PushJob *j : group) {
            if (j != &job)
                j->wake.notify_one();
        }
        if (!m_queue.empty())
            m_queue.front()->wake.notify_one(); // the next writer
    }
}

} // namespace attache::server
