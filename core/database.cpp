#include "database.h"

#include <sqlite3.h>

#include <utility>

namespace attache {

namespace {

Error sqliteError(sqlite3 *db, int rc)
{
    const int primary = rc & 0xff;
    const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    switch (primary) {
    case SQLITE_FULL:
        return makeError("disk_full",
            "The disk is full: nothing was saved. Free some space and try again. (" + detail + ")");
    case SQLITE_READONLY:
        return makeError("read_only",
            "The database is read-only: nothing was saved. Check the file's "
            "permissions or the disk. ("
                + detail + ")");
    case SQLITE_NOTADB:
        return makeError("not_a_database", "This file is not an Attaché database.");
    case SQLITE_CORRUPT:
        return makeError("corrupt", "The database file is damaged (" + detail + ").");
    case SQLITE_CANTOPEN:
        return makeError("cannot_open", "The database file cannot be opened (" + detail + ").");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError("busy", "The database is busy in another process (" + detail + ").");
    case SQLITE_IOERR:
        return makeError(
            "io_error", "The disk reported an error: nothing was saved (" + detail + ").");
    case SQLITE_CONSTRAINT:
        return makeError("constraint", "The change breaks a database rule (" + detail + ").");
    default:
        return makeError("sqlite", "Database error: " + detail);
    }
}

} // namespace

// ---- Statement ----

Statement::Statement(Database *db, sqlite3_stmt *stmt)
    : m_db(db)
    , m_stmt(stmt)
{ }

Statement::Statement(Statement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_columns(std::move(other.m_columns))
{ }

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_columns = std::move(other.m_columns);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

void Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

void Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
}

void Statement::bind(int index, std::string_view text)
{
    sqlite3_bind_text(m_stmt, index, text.data(), int(text.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int index, const std::optional<std::string> &text)
{
    if (text)
        bind(index, std::string_view(*text));
    else
        bindNull(index);
}

void Statement::bindBlob(int index, const void *data, int size)
{
    sqlite3_bind_blob(m_stmt, index, data, size, SQLITE_TRANSIENT);
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error e = sqliteError(m_db->handle(), rc);
    sqlite3_reset(m_stmt);
    return e;
}

Result<void> Statement::exec()
{
    for (;;) {
        auto r = step();
        if (!r)
            return r.error();
        if (!*r)
            break;
    }
    reset();
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnIndex(std::string_view column) const
{
    if (m_columns.empty()) {
        const int n = sqlite3_column_count(m_stmt);
        for (int i = 0; i < n; ++i)
            m_columns.emplace(sqlite3_column_name(m_stmt, i), i);
    }
    auto it = m_columns.find(column);
    return it == m_columns.end() ? -1 : it->second;
}

bool Statement::isNull(std::string_view column) const
{
    const int i = columnIndex(column);
    return i < 0 || sqlite3_column_type(m_stmt, i) == SQLITE_NULL;
}

std::int64_t Statement::integer(std::string_view column) const
{
    const int i = columnIndex(column);
    return i < 0 ? 0 : sqlite3_column_int64(m_stmt, i);
}

double Statement::real(std::string_view column) const
{
    const int i = columnIndex(column);
    return i < 0 ? 0.0 : sqlite3_column_double(m_stmt, i);
}

std::string Statement::text(std::string_view column) const
{
    const int i = columnIndex(column);
    if (i < 0)
        return {};
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, i));
    return p ? std::string(p, size_t(sqlite3_column_bytes(m_stmt, i))) : std::string();
}

std::optional<std::string> Statement::optionalText(std::string_view column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

// ---- Database ----

Result<Database> Database::open(const std::string &path, Mode mode)
{
    Database db;
    db.m_path = path;
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
                                              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    const int rc = sqlite3_open_v2(path.c_str(), &db.m_db, flags, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(db.m_db, rc);
    sqlite3_extended_result_codes(db.m_db, 1);
    sqlite3_busy_timeout(db.m_db, 5000);
    return db;
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
{ }

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

Result<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(
        m_db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(m_db, rc);
    return Statement(this, stmt);
}

Result<void> Database::exec(std::string_view sql)
{
    const std::string s(sql);
    const int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(m_db, rc);
    return {};
}

Result<std::int64_t> Database::queryInt(std::string_view sql)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::int64_t(0);
    return std::int64_t(sqlite3_column_int64(stmt->m_stmt, 0));
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Error Database::lastError(int rc) const
{
    return sqliteError(m_db, rc);
}

// ---- Transaction ----

Result<Transaction> Transaction::begin(Database &db)
{
    const bool nested = sqlite3_get_autocommit(db.handle()) == 0;
    if (auto r = db.exec(nested ? "SAVEPOINT attache_tx" : "BEGIN IMMEDIATE"); !r)
        return r.error();
    return Transaction(&db, nested);
}

Transaction::Transaction(Transaction &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_nested(other.m_nested)
{ }

Transaction::~Transaction()
{
    if (!m_db)
        return;
    if (m_nested)
        (void)m_db->exec("ROLLBACK TO attache_tx; RELEASE attache_tx");
    else
        (void)m_db->exec("ROLLBACK");
}

Result<void> Transaction::commit()
{
    auto r = m_db->exec(m_nested ? "RELEASE attache_tx" : "COMMIT");
    if (!r) {
        // A failed COMMIT (disk full, I/O error) may leave the transaction open: roll back so
        // that nothing is half-written, and say why.
        if (m_nested)
            (void)m_db->exec("ROLLBACK TO attache_tx; RELEASE attache_tx");
        else
            (void)m_db->exec("ROLLBACK");
        m_db = nullptr;
        return r.error();
    }
    m_db = nullptr;
    return {};
}

} // namespace attache
