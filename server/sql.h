#pragma once

#include "result.h"
#include "walcheckpointer.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace attache::server {

/// The error code of a statement that failed because the storage is full (SQLite's
/// SQLITE_FULL, PostgreSQL's disk_full); every other storage failure is "storage".
inline constexpr const char *kStorageFull = "storage_full";

/// A parameter of a query: NULL, an integer, text, or bytes.
struct SqlValue
{
    enum class Type { Null, Integer, Text, Blob };
    Type type = Type::Null;
    std::int64_t integer = 0;
    std::string text; ///< Text and Blob

    SqlValue() = default;
    SqlValue(std::nullptr_t) { }
    SqlValue(std::int64_t v)
        : type(Type::Integer)
        , integer(v)
    { }
    SqlValue(int v)
        : SqlValue(std::int64_t(v))
    { }
    SqlValue(std::string v)
        : type(Type::Text)
        , text(std::move(v))
    { }
    SqlValue(std::string_view v)
        : SqlValue(std::string(v))
    { }
    SqlValue(const char *v)
        : SqlValue(std::string(v))
    { }
    static SqlValue blob(std::string bytes)
    {
        SqlValue v(std::move(bytes));
        v.type = Type::Blob;
        return v;
    }
};

/// The rows of a query, every value as text (bytes for blobs) or NULL, columns read by name.
class SqlRows
{
public:
    std::vector<std::string> columns;
    std::vector<std::vector<std::optional<std::string>>> rows;
    std::int64_t affected = 0;

    std::size_t size() const { return rows.size(); }
    bool empty() const { return rows.empty(); }
    bool isNull(std::size_t row, std::string_view column) const;
    std::string text(std::size_t row, std::string_view column) const;
    /// The text without a copy (empty for NULL), valid while the rows live.
    std::string_view view(std::size_t row, std::string_view column) const;
    std::int64_t integer(std::size_t row, std::string_view column) const;

private:
    int index(std::string_view column) const;
};

/// One row of a result as it is read (SqlConnection::each): columns by position, no copies.
/// Valid only inside the visitor's call.
class SqlRow
{
public:
    virtual bool isNull(int column) const = 0;
    /// The text (bytes for blobs), empty for NULL. On PostgreSQL a blob is decoded into the
    /// row: its view lasts until the next view of the same column.
    virtual std::string_view view(int column) const = 0;
    /// The integer value (0 for NULL).
    virtual std::int64_t integer(int column) const = 0;

protected:
    ~SqlRow() = default;
};

enum class Dialect { Sqlite, Postgres };

/// One connection to the server's database. Queries use `?` placeholders in both dialects (the
/// PostgreSQL backend numbers them). Not thread-safe: a connection is leased from a Pool.
class SqlConnection
{
public:
    virtual ~SqlConnection() = default;
    virtual Dialect dialect() const = 0;
    [[nodiscard]] virtual Result<SqlRows> query(
        std::string_view sql, const std::vector<SqlValue> &params = {})
        = 0;
    /// Runs a query and hands each row to `visit` as it is read, without copying it: for
    /// results read once and turned into an answer (a pull's page).
    [[nodiscard]] virtual Result<void> each(std::string_view sql,
        const std::vector<SqlValue> &params, const std::function<void(const SqlRow &)> &visit)
        = 0;
    /// Several statements without parameters (schema creation).
    [[nodiscard]] virtual Result<void> script(std::string_view sql) = 0;
    /// Starts the one kind of transaction that changes sync state. Such transactions are
    /// serialised across every server process on the database (SQLite: BEGIN IMMEDIATE;
    /// PostgreSQL: a transaction-scoped advisory lock), so server sequence numbers are handed
    /// out and become visible strictly in order and a pull cursor can never skip a change.
    [[nodiscard]] virtual Result<void> beginWrite() = 0;
    /// A read-only snapshot (SQLite: a deferred transaction in WAL mode; PostgreSQL:
    /// REPEATABLE READ).
    [[nodiscard]] virtual Result<void> beginRead() = 0;
    [[nodiscard]] virtual Result<void> commit() = 0;
    virtual void rollback() = 0;
    /// False after a lost connection: the pool drops it.
    virtual bool healthy() const = 0;
};

/// Opens a connection: a data directory (SQLite file attache-server.db inside it) or a
/// postgresql:// URL with an optional schema (created when missing).
struct StorageConfig
{
    std::string dataDir;
    std::string databaseUrl;
    std::string schema;
    bool postgres() const { return !databaseUrl.empty(); }
};

using attache::WalCheckpointer;

/// `checkpointer`: when given, the connection's commits leave checkpoints to it instead of
/// running them.
Result<std::unique_ptr<SqlConnection>> openSqlite(
    const std::string &path, WalCheckpointer *checkpointer = nullptr);
Result<std::unique_ptr<SqlConnection>> openPostgres(
    const std::string &url, const std::string &schema);
/// `checkpointer`: see openSqlite (unused for PostgreSQL).
Result<std::unique_ptr<SqlConnection>> openConnection(
    const StorageConfig &config, WalCheckpointer *checkpointer = nullptr);
/// The SQLite file of a data directory.
std::string sqlitePath(const StorageConfig &config);

/// A bounded pool of connections shared by the HTTP worker threads.
class Pool
{
public:
    Pool(StorageConfig config, std::size_t maxSize);
    ~Pool();

    class Lease
    {
    public:
        Lease(Pool *pool, std::unique_ptr<SqlConnection> conn)
            : m_pool(pool)
            , m_conn(std::move(conn))
        { }
        Lease(Lease &&) = default;
        Lease &operator=(Lease &&) = delete;
        Lease(const Lease &) = delete;
        ~Lease();
        SqlConnection &operator*() { return *m_conn; }
        SqlConnection *operator->() { return m_conn.get(); }

    private:
        Pool *m_pool;
        std::unique_ptr<SqlConnection> m_conn;
    };

    Result<Lease> acquire();
    /// Serialises writers inside this process so that they queue here instead of spinning in
    /// SQLite's busy handler; the database lock still orders writers of other processes.
    std::mutex &writeMutex() { return m_writeMutex; }
    const StorageConfig &config() const { return m_config; }

private:
    void release(std::unique_ptr<SqlConnection> conn);

    StorageConfig m_config;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // SQLite only
    std::size_t m_maxSize;
    std::size_t m_open = 0;
    std::vector<std::unique_ptr<SqlConnection>> m_free;
    std::mutex m_mutex;
    std::condition_variable m_cond;
    std::mutex m_writeMutex;
};

/// Rolls back unless committed: every change to the database is all or nothing.
class SqlTransaction
{
public:
    SqlTransaction(SqlConnection &conn)
        : m_conn(conn)
    { }
    ~SqlTransaction()
    {
        if (m_open)
            m_conn.rollback();
    }
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;
    Result<void> beginWrite()
    {
        auto r = m_conn.beginWrite();
        m_open = r.ok();
        return r;
    }
    Result<void> beginRead()
    {
        auto r = m_conn.beginRead();
        m_open = r.ok();
        return r;
    }
    Result<void> commit()
    {
        m_open = false;
        return m_conn.commit();
    }

private:
    SqlConnection &m_conn;
    bool m_open = false;
};

} // namespace attache::server
