#include "database.h"

#include <sqlite3.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

namespace attache {

namespace {

// A name SQLite takes as a file path, not ":memory:", a temporary database or a URI.
bool isFilePath(const std::string &path)
{
    return !path.empty() && path != ":memory:" && path.rfind("file:", 0) != 0;
}

std::string folderOf(const std::string &path)
{
    const auto parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

// Asks the VFS rather than the OS: its answer is the one SQLite's own opens will meet.
bool vfsWritable(const std::string &path)
{
    sqlite3_vfs *vfs = sqlite3_vfs_find(nullptr);
    int writable = 0;
    return vfs && vfs->xAccess(vfs, path.c_str(), SQLITE_ACCESS_READWRITE, &writable) == SQLITE_OK
        && writable != 0;
}

// The file (if it exists) or its folder cannot be written. A folder that does not exist is
// not read-only: that is another error.
bool storageReadOnly(const std::string &path)
{
    std::error_code ec;
    const std::string folder = folderOf(path);
    if (!std::filesystem::is_directory(folder, ec))
        return false;
    if (std::filesystem::exists(path, ec) && !vfsWritable(path))
        return true;
    return !vfsWritable(folder);
}

// "file:///…" with the path percent-encoded, so that URI parameters can follow it.
std::string fileUri(const std::string &path)
{
    std::error_code ec;
    std::string absolute = std::filesystem::absolute(path, ec).generic_string();
    if (ec)
        absolute = path;
    if (absolute.empty() || absolute.front() != '/')
        absolute.insert(absolute.begin(), '/'); // a Windows drive: file:///C:/…
    std::string uri = "file://";
    for (const char c : absolute) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || std::strchr("/._~-:", c))
            uri.push_back(c);
        else {
            static constexpr char kHex[] = "0123456789ABCDEF";
            uri += '%';
            uri += kHex[u >> 4];
            uri += kHex[u & 0xf];
        }
    }
    return uri;
}

std::string readOnlyStorageMessage(const std::string &path)
{
    return "The storage holding " + path
        + " is read-only (a disk or memory card that is write-protected or mounted read-only, "
          "or a file or folder without write permission): nothing was saved; what is already "
          "there is safe.";
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
    Error e = m_db->lastError(rc);
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
    db.m_mode = mode;
    const bool isFile = isFilePath(path);
    std::error_code ec;
    if (isFile && !std::filesystem::exists(path, ec) && !ec) {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
            std::string file = path + suffix;
            if (!std::filesystem::exists(file, ec) && !ec)
                db.m_newFiles.push_back(std::move(file));
        }
    }
    db.m_storageReadOnly = isFile && storageReadOnly(path);
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
                                              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    if (const int rc = db.connect(path, flags); rc != SQLITE_OK)
        return db.openError(rc);
    if (isFile && db.m_newFiles.empty() && (db.m_storageReadOnly || db.isReadOnly())) {
        // SQLite opens a file it cannot write for reading, but in WAL mode its first read
        // fails ("unable to open database file") when it cannot create the -wal and -shm files
        // beside it. Find that out here, while another way to read the file can still be taken.
        if (auto probe = db.exec("PRAGMA schema_version"); !probe
            && (sqlite3_errcode(db.m_db) & 0xff) == SQLITE_CANTOPEN && db.m_storageReadOnly) {
            if (auto r = db.reopenForReading(); !r)
                return r.error();
        }
    }
    return db;
}

int Database::connect(const std::string &name, int flags, const char *vfs)
{
    const int rc = sqlite3_open_v2(name.c_str(), &m_db, flags, vfs);
    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(m_db, 1);
        sqlite3_busy_timeout(m_db, 5000);
    }
    return rc;
}

void Database::close()
{
    sqlite3_close_v2(m_db);
    m_db = nullptr;
}

Result<void> Database::reopenForReading()
{
    const std::string wal = sqlite3_filename_wal(sqlite3_db_filename(m_db, "main"));
    std::error_code ec;
    const auto walSize = std::filesystem::file_size(wal, ec);
    const bool walHasChanges = !ec && walSize > 0;
    close();
    const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    int rc = SQLITE_OK;
    if (!walHasChanges) {
        // Everything is in the file itself: immutable=1 reads it without a log or locks. Never
        // with a -wal that has changes in it, which immutable would not read.
        rc = connect(fileUri(m_path) + "?immutable=1", flags);
    } else {
        // SQLite reads the log through an index it keeps in the -shm file, which it cannot
        // create here. In exclusive locking mode it keeps that index in memory instead; the
        // exclusive lock itself cannot be taken on a file opened for reading, so the VFS's
        // variant without locks is used ("unix-none"): nothing can write to this storage.
        const std::string vfs = std::string(sqlite3_vfs_find(nullptr)->zName) + "-none";
        if (!sqlite3_vfs_find(vfs.c_str()))
            rc = SQLITE_CANTOPEN;
        else if (rc = connect(fileUri(m_path), flags, vfs.c_str()); rc == SQLITE_OK)
            rc = exec("PRAGMA locking_mode = EXCLUSIVE") ? SQLITE_OK : sqlite3_errcode(m_db);
    }
    if (rc == SQLITE_OK && exec("PRAGMA schema_version"))
        return {};
    return makeError("read_only",
        "The storage holding " + m_path + " is read-only, and the database cannot be read there"
            + (walHasChanges ? " (its latest changes are in " + wal + ")" : std::string())
            + ". Copy it" + (walHasChanges ? " with that file" : "")
            + " to a writable folder to open it; nothing was changed.");
}

Error Database::openError(int rc) const
{
    if ((rc & 0xff) == SQLITE_CANTOPEN && m_mode == Mode::ReadWrite && m_storageReadOnly
        && !m_newFiles.empty())
        return makeError("read_only",
            "The folder " + folderOf(m_path)
                + " is read-only (a disk or memory card that is "
                  "write-protected or mounted read-only, or a folder without write permission): "
                + m_path + " could not be created there; nothing was written.");
    return lastError(rc);
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
    , m_mode(other.m_mode)
    , m_storageReadOnly(other.m_storageReadOnly)
    , m_newFiles(std::move(other.m_newFiles))
{ }

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_mode = other.m_mode;
        m_storageReadOnly = other.m_storageReadOnly;
        m_newFiles = std::move(other.m_newFiles);
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
        return lastError(rc);
    return Statement(this, stmt);
}

Result<void> Database::exec(std::string_view sql)
{
    const std::string s(sql);
    const int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return lastError(rc);
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

bool Database::isReadOnly() const
{
    return m_db && sqlite3_db_readonly(m_db, "main") == 1;
}

Error Database::lastError(int rc) const
{
    const int primary = rc & 0xff;
    const std::string detail = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    // A disk that fills up or turns read-only under an open file (an error remounts it
    // read-only) fails SQLite's writes with a plain I/O error. errno says "full" (when SQLite
    // kept it); whether the storage can still be written says "read-only".
    const bool ioError = primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN;
    const int sysErrno = m_db && ioError ? sqlite3_system_errno(m_db) : 0;
    if (primary == SQLITE_FULL || sysErrno == ENOSPC)
        return makeError("disk_full",
            "The disk is full: nothing was saved. Free some space and try again. (" + detail + ")");
    if (ioError && (sysErrno == EROFS || (isFilePath(m_path) && storageReadOnly(m_path))))
        return makeError("read_only", readOnlyStorageMessage(m_path) + " (" + detail + ")");
    switch (primary) {
    case SQLITE_READONLY:
        if (rc == SQLITE_READONLY_DBMOVED)
            return makeError("read_only",
                "The database file " + m_path
                    + " was moved or deleted while open: nothing was saved. (" + detail + ")");
        if (m_mode == Mode::ReadOnly && !m_storageReadOnly)
            return makeError("read_only",
                "The database was opened read-only: nothing was saved. (" + detail + ")");
        return makeError("read_only", readOnlyStorageMessage(m_path) + " (" + detail + ")");
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
