#include "statistics.h"

#include "log.h"

namespace attache::server {

namespace {

// The tables a push or a pull reads by key, and that grow with use.
constexpr const char *kTables[] = {"records", "batches", "devices", "conflicts", "audit_log"};

} // namespace

StatisticsKeeper::StatisticsKeeper(Pool &pool)
    : m_pool(pool)
{
    if (m_pool.config().postgres())
        m_thread = std::thread([this] { run(); });
}

StatisticsKeeper::~StatisticsKeeper()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void StatisticsKeeper::committed(std::int64_t seq)
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        // The first commit this process sees is the baseline: the server gathered what was
        // missing when it started, and an older database's statistics are as good as its
        // autovacuum keeps them.
        if (m_gatheredAt < 0) {
            m_gatheredAt = seq;
            return;
        }
        if (seq < 2 * m_gatheredAt || seq - m_gatheredAt < kMinGrowth)
            return;
        m_gatheredAt = seq;
        m_due = true;
    }
    m_wake.notify_one();
}

void StatisticsKeeper::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_due || m_stopping; });
        if (!m_stopping && m_lastGathering != std::chrono::steady_clock::time_point {})
            m_wake.wait_until(lock, m_lastGathering + kMinInterval, [this] { return m_stopping; });
        if (m_stopping)
            return;
        m_due = false;
        m_lastGathering = std::chrono::steady_clock::now();
        lock.unlock();
        auto conn = m_pool.acquire();
        for (const char *table : kTables) {
            if (!conn)
                break;
            if (auto r = (*conn)->script(std::string("ANALYZE ") + table); !r) {
                log(LogLevel::Warning, "attache.server",
                    "Could not gather PostgreSQL's statistics of " + std::string(table) + ": "
                        + r.error().message);
                break;
            }
        }
        if (!conn)
            log(LogLevel::Warning, "attache.server",
                "Could not gather PostgreSQL's statistics: " + conn.error().message);
        lock.lock();
    }
}

} // namespace attache::server
