#include "walcheckpointer.h"

#include <sqlite3.h>

namespace attache {

WalCheckpointer::WalCheckpointer(std::string path)
    : WalCheckpointer(std::move(path), Timing())
{ }

WalCheckpointer::WalCheckpointer(std::string path, Timing timing)
    : m_path(std::move(path))
    , m_timing(timing)
    , m_thread([this] { run(); })
{ }

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cond.notify_one();
    m_thread.join();
}

void WalCheckpointer::attach(sqlite3 *db)
{
    sqlite3_wal_hook(
        db,
        [](void *c, sqlite3 *, const char *, int pages) {
            static_cast<WalCheckpointer *>(c)->committed(pages);
            return SQLITE_OK;
        },
        this);
}

void WalCheckpointer::committed(int pages)
{
    // SQLite's own threshold (wal_autocheckpoint's default).
    if (pages < 1000)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_wanted = true;
        m_pages = pages;
        m_lastCommit = std::chrono::steady_clock::now();
    }
    m_cond.notify_one();
}

void WalCheckpointer::run()
{
    sqlite3 *db = nullptr;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_cond.wait(lock, [&] { return m_wanted || m_stop; });
            // While commits keep coming (a push of thousands of records, a burst of devices),
            // the copy waits for a pause: it then competes with no writer for the CPU and copies
            // each page once, however many commits changed it. A log that grows past
            // maxDeferredPages is copied at once.
            while (!m_stop && m_pages < m_timing.maxDeferredPages) {
                const auto quietAt = m_lastCommit + m_timing.quiet;
                if (std::chrono::steady_clock::now() >= quietAt)
                    break;
                m_cond.wait_until(lock, quietAt);
            }
            if (m_stop)
                break;
            m_wanted = false;
        }
        // The connection must have read the database to know it is in WAL mode (until then a
        // checkpoint does nothing and says so with a log of -1 frames).
        if (!db
            && (sqlite3_open_v2(
                    m_path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr)
                    != SQLITE_OK
                || sqlite3_exec(db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr)
                    != SQLITE_OK)) {
            sqlite3_close_v2(db);
            db = nullptr;
            continue; // the next commit over the threshold asks again
        }
        // PASSIVE, as SQLite's automatic checkpoint: copies what no reader still needs, never
        // waits for a lock; a busy log is taken by the next request.
        (void)sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    }
    sqlite3_close_v2(db);
}

} // namespace attache
