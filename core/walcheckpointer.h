#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace attache {

/// Checkpoints an SQLite database's write-ahead log on a thread of its own. Without it, the
/// commit that takes the log past 1,000 pages copies them into the database file itself, on the
/// committing thread, while whatever comes next waits for it: a sixth of a push's CPU on the
/// server, a quarter of a pulled page's on a device. Durability is the same: a commit is
/// durable once in the log, and the copy is the same PASSIVE checkpoint SQLite runs by default,
/// now started by the commits and run beside them on a connection of its own. While commits
/// keep coming, the copy waits for them to pause (see Timing): in a push of thousands of
/// records it took a tenth of the CPU of each side, competing with the writer.
class WalCheckpointer
{
public:
    /// When the copy runs: once the log is past 1,000 pages (SQLite's own threshold) and the
    /// commits pause for `quiet`, or at once when it is past `maxDeferredPages`.
    struct Timing
    {
        std::chrono::milliseconds quiet {100};
        int maxDeferredPages = 16384; // 64 MiB of 4 KiB pages
    };
    explicit WalCheckpointer(std::string path);
    WalCheckpointer(std::string path, Timing timing);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    /// Makes `db` (a connection to the same file, in WAL mode) leave its checkpoints to this
    /// thread: replaces its automatic checkpoint, itself a WAL hook. Detach before this object
    /// goes (sqlite3_wal_hook(db, nullptr, nullptr)) if the connection outlives it.
    void attach(sqlite3 *db);
    /// Called after each commit with the pages now in the log.
    void committed(int pages);

private:
    void run();

    std::string m_path;
    Timing m_timing;
    std::mutex m_mutex;
    std::condition_variable m_cond;
    std::chrono::steady_clock::time_point m_lastCommit;
    int m_pages = 0;
    bool m_wanted = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace attache
