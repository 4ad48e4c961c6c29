#include "sql.h"

#include <sqlite3.h>

#include <cerrno>
#include <unordered_map>

namespace attache::server {

namespace {

/// The SQLite backend: one file in the data directory, WAL mode so that pulls read while a
/// push writes.
class SqliteConnection final : public SqlConnection
{
public:
    explicit SqliteConnection(sqlite3 *db)
        : m_db(db)
    { }
    ~SqliteConnection() override
    {
        for (auto &[sql, stmt] : m_cache)
            sqlite3_finalize(stmt);
        sqlite3_close_v2(m_db);
    }

    Dialect dialect() const override { return Dialect::Sqlite; }
    bool healthy() const override { return true; }

    Result<SqlRows> query(std::string_view sql, const std::vector<SqlValue> &params) override
    {
        auto stmt = prepare(sql, params);
        if (!stmt)
            return stmt.error();
        Reset reset {*stmt};
        SqlRows rows;
        const int n = sqlite3_column_count(*stmt);
        for (int c = 0; c < n; ++c)
            rows.columns.emplace_back(sqlite3_column_name(*stmt, c));
        for (;;) {
            const int rc = sqlite3_step(*stmt);
            if (rc == SQLITE_DONE)
                break;
            if (rc != SQLITE_ROW)
                return error("step");
            auto &row = rows.rows.emplace_back();
            row.reserve(std::size_t(n));
            for (int c = 0; c < n; ++c) {
                if (sqlite3_column_type(*stmt, c) == SQLITE_NULL) {
                    row.emplace_back(std::nullopt);
                    continue;
                }
                const void *data = sqlite3_column_blob(*stmt, c);
                const int size = sqlite3_column_bytes(*stmt, c);
                row.emplace_back(data
                        ? std::string(static_cast<const char *>(data), std::size_t(size))
                        : std::string());
            }
        }
        rows.affected = sqlite3_changes(m_db);
        return rows;
    }

    Result<void> each(std::string_view sql, const std::vector<SqlValue> &params,
        const std::function<void(const SqlRow &)> &visit) override
    {
        auto stmt = prepare(sql, params);
        if (!stmt)
            return stmt.error();
        Reset reset {*stmt};
        const Row row {*stmt};
        for (;;) {
            const int rc = sqlite3_step(*stmt);
            if (rc == SQLITE_DONE)
                return {};
            if (rc != SQLITE_ROW)
                return error("step");
            visit(row);
        }
    }

    Result<void> script(std::string_view sql) override
    {
        char *msg = nullptr;
        if (const int rc = sqlite3_exec(m_db, std::string(sql).c_str(), nullptr, nullptr, &msg);
            rc != SQLITE_OK) {
            std::string m = msg ? msg : "unknown error";
            sqlite3_free(msg);
            return makeError(errorCode(rc), "SQLite: " + m);
        }
        return {};
    }

    Result<void> beginWrite() override { return script("BEGIN IMMEDIATE"); }
    Result<void> beginRead() override { return script("BEGIN DEFERRED"); }
    Result<void> commit() override { return script("COMMIT"); }
    void rollback() override
    {
        if (!sqlite3_get_autocommit(m_db))
            (void)script("ROLLBACK");
    }

private:
    struct Reset
    {
        sqlite3_stmt *s;
        ~Reset()
        {
            sqlite3_reset(s);
            sqlite3_clear_bindings(s);
        }
    };

    struct Row final : SqlRow
    {
        sqlite3_stmt *stmt;
        explicit Row(sqlite3_stmt *s)
            : stmt(s)
        { }
        bool isNull(int column) const override
        {
            return sqlite3_column_type(stmt, column) == SQLITE_NULL;
        }
        std::string_view view(int column) const override
        {
            const void *data = sqlite3_column_blob(stmt, column);
            return data ? std::string_view(static_cast<const char *>(data),
                       std::size_t(sqlite3_column_bytes(stmt, column)))
                        : std::string_view();
        }
        std::int64_t integer(int column) const override
        {
            return sqlite3_column_int64(stmt, column);
        }
    };

    /// The statement for `sql` with `params` bound; the caller resets it (Reset).
    Result<sqlite3_stmt *> prepare(std::string_view sql, const std::vector<SqlValue> &params)
    {
        // Prepared statements are cached per connection: the same few statements run for
        // every change of every push.
        sqlite3_stmt *stmt = nullptr;
        auto cached = m_cache.find(sql);
        if (cached != m_cache.end()) {
            stmt = cached->second;
        } else {
            if (sqlite3_prepare_v2(m_db, sql.data(), int(sql.size()), &stmt, nullptr) != SQLITE_OK)
                return error("prepare");
            m_cache.emplace(std::string(sql), stmt);
        }
        for (std::size_t i = 0; i < params.size(); ++i) {
            const auto &p = params[i];
            const int idx = int(i) + 1;
            switch (p.type) {
            case SqlValue::Type::Null:
                sqlite3_bind_null(stmt, idx);
                break;
            case SqlValue::Type::Integer:
                sqlite3_bind_int64(stmt, idx, p.integer);
                break;
            case SqlValue::Type::Text:
                sqlite3_bind_text(stmt, idx, p.text.data(), int(p.text.size()), SQLITE_TRANSIENT);
                break;
            case SqlValue::Type::Blob:
                sqlite3_bind_blob(stmt, idx, p.text.data(), int(p.text.size()), SQLITE_TRANSIENT);
                break;
            }
        }
        return stmt;
    }

    Error error(const char *what) const
    {
        return makeError(errorCode(sqlite3_extended_errcode(m_db)),
            std::string("SQLite ") + what + ": " + sqlite3_errmsg(m_db));
    }
    // A full disk is SQLITE_FULL where SQLite sees it as such, and an I/O error where the write
    // that failed was of the shared-memory index or a file's growth: the OS's errno tells.
    const char *errorCode(int rc) const
    {
        const int err = sqlite3_system_errno(m_db);
        const bool full = (rc & 0xff) == SQLITE_FULL
            || ((rc & 0xff) == SQLITE_IOERR && (err == ENOSPC || err == EDQUOT));
        return full ? kStorageFull : "storage";
    }
    sqlite3 *m_db;
    /// Looked up by the SQL's view: a push's multi-row inserts are kilobytes of SQL, and a copy
    /// of each key to look it up cost the writer an allocation per statement.
    struct SqlHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept
        {
            return std::hash<std::string_view> {}(s);
        }
    };
    std::unordered_map<std::string, sqlite3_stmt *, SqlHash, std::equal_to<>> m_cache;
};

} // namespace

Result<std::unique_ptr<SqlConnection>> openSqlite(
    const std::string &path, WalCheckpointer *checkpointer)
{
    // SQLite counts every allocation under one process-wide mutex unless told not to: with a
    // pool of connections busy on many threads, the push writer spent most of a burst asleep
    // on that mutex. Must come before SQLite initialises itself (the first open).
    static std::once_flag configured;
    std::call_once(configured, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db,
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string m = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close_v2(db);
        return makeError("storage", "Cannot open " + path + ": " + m);
    }
    // Other server processes on the same file (admin commands) wait instead of failing.
    sqlite3_busy_timeout(db, 30000);
    auto conn = std::make_unique<SqliteConnection>(db);
    // WAL: readers never block the writer. synchronous=FULL: a commit is on disk before the
    // server answers, because the answer is what makes a device stop keeping the change pending
    // (with NORMAL, a power cut could lose the last acknowledged pushes, which no device would
    // then send again); group commit shares the flush among the pushes that arrive together.
    // Reads go through mmap: under load, pread copies were a quarter of the server's time.
    if (auto r = conn->script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                              "PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; "
                              "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-16000;");
        !r)
        return r.error();
    if (checkpointer) {
        checkpointer->attach(db);
    }
    return std::unique_ptr<SqlConnection>(std::move(conn));
}

} // namespace attache::server
