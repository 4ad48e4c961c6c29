#pragma once

#include "sql.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace attache::server {

/// Keeps PostgreSQL's planner statistics in step with a database that grows fast.
///
/// PostgreSQL plans a prepared statement generically after a few executions, from the
/// statistics of that moment, and keeps the plan until the next ANALYZE. On a young database
/// (a department's first burst of devices) the tables grow from a few dozen rows to thousands in
/// seconds, long before autovacuum analyses them again: every push and pull then ran key lookups
/// as sequential scans planned for a handful of rows (bench/README.md, tenth session).
///
/// The push writer reports the sequence it committed; each time it has doubled since the last
/// gathering (and grown by at least kMinGrowth), the keeper analyses the tables the sync path
/// reads by key, on a thread of its own. That is a few times while a database is young and
/// rarely after. ANALYZE takes no lock that pushes or pulls wait for; it invalidates the plans,
/// which PostgreSQL makes again at their next use. On SQLite it does nothing.
class StatisticsKeeper
{
public:
    static constexpr std::int64_t kMinGrowth = 1000;
    /// At most one gathering in this time: in a burst of pushes the sequence doubles several
    /// times a second, and each ANALYZE of `records` took PostgreSQL tens of milliseconds of
    /// CPU and made every pooled connection plan its statements again. The first gathering
    /// sets the plans right; PostgreSQL scales its row estimates with the tables' current size
    /// in between. A gathering that falls due sooner waits, and is not dropped.
    static constexpr std::chrono::seconds kMinInterval {10};

    explicit StatisticsKeeper(Pool &pool);
    /// Waits for a gathering in progress, then stops.
    ~StatisticsKeeper();
    StatisticsKeeper(const StatisticsKeeper &) = delete;
    StatisticsKeeper &operator=(const StatisticsKeeper &) = delete;

    /// The writer committed changes up to `seq`. Returns at once.
    void committed(std::int64_t seq);

private:
    void run();

    Pool &m_pool;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::int64_t m_gatheredAt = -1; ///< the sequence at the last gathering; -1: none seen yet
    bool m_due = false;
    std::chrono::steady_clock::time_point m_lastGathering {}; ///< none yet: the epoch
    bool m_stopping = false;
    std::thread m_thread; ///< started last, joined first
};

} // namespace attache::server
