#pragma once

#include "result.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace attache {

class Database;

/// A prepared statement. Parameters bind by 1-based index; columns are read by name.
class Statement
{
public:
    Statement() = default;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    bool isValid() const { return m_stmt != nullptr; }

    void bindNull(int index);
    void bind(int index, std::int64_t value);
    void bind(int index, double value);
    void bind(int index, std::string_view text);
    void bind(int index, const char *text) { bind(index, std::string_view(text)); }
    void bind(int index, const std::optional<std::string> &text);
    void bindBlob(int index, const void *data, int size);

    /// Steps once. true: a row is available; false: done. Errors come back as Error.
    [[nodiscard]] Result<bool> step();
    /// Steps to completion, for statements that return no rows.
    [[nodiscard]] Result<void> exec();
    void reset();
    /// Steps through every row, calling `f(const Statement &)` on each, then resets. `f` may
    /// return void, or Result<void> to stop at its first error (returned as is).
    template<typename F> [[nodiscard]] Result<void> forEachRow(F &&f);

    bool isNull(std::string_view column) const;
    std::int64_t integer(std::string_view column) const;
    double real(std::string_view column) const;
    std::string text(std::string_view column) const;
    std::optional<std::string> optionalText(std::string_view column) const;
    int columnCount() const;

private:
    friend class Database;
    Statement(Database *db, sqlite3_stmt *stmt);
    int columnIndex(std::string_view column) const;

    Database *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    // Looked up by string_view without making a string: a row's fields are read by name.
    struct NameHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept
        {
            return std::hash<std::string_view> {}(s);
        }
    };
    mutable std::unordered_map<std::string, int, NameHash, std::equal_to<>> m_columns;
};

template<typename F> Result<void> Statement::forEachRow(F &&f)
{
    for (;;) {
        auto row = step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const Statement &self = *this;
        if constexpr (std::is_void_v<std::invoke_result_t<F &, const Statement &>>) {
            f(self);
        } else if (auto r = f(self); !r) {
            reset();
            return r.error();
        }
    }
    reset();
    return {};
}

/// An open SQLite connection. Non-copyable; closes on destruction.
class Database
{
public:
    enum class Mode { ReadWrite, ReadOnly };

    /// Opens (ReadWrite: or creates) the file. A file on read-only storage (a disk mounted
    /// read-only, a write-protected card, a folder or file without write permission) opens for
    /// reading whatever the mode, committed changes still in its -wal file included; see
    /// isReadOnly(). Creating a file in a read-only folder fails with "read_only".
    static Result<Database> open(const std::string &path, Mode mode = Mode::ReadWrite);

    Database() = default;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    [[nodiscard]] Result<Statement> prepare(std::string_view sql);
    /// Runs one or more statements without parameters (schema, PRAGMAs).
    [[nodiscard]] Result<void> exec(std::string_view sql);
    /// The first column of the first row of a query, as an integer.
    [[nodiscard]] Result<std::int64_t> queryInt(std::string_view sql);

    /// True inside an explicit transaction (BEGIN … not yet committed).
    bool inTransaction() const;
    std::int64_t lastInsertRowId() const;
    int changes() const;
    sqlite3 *handle() const { return m_db; }
    const std::string &path() const { return m_path; }
    /// True when nothing can be written through this connection: it was opened ReadOnly, or the
    /// file's storage is read-only. Every write is then refused with "read_only".
    bool isReadOnly() const;
    /// When open() made a new file: that file and its -wal, -shm and -journal companions, those
    /// of them that did not exist before. Empty when it opened an existing file. A creation
    /// that fails half-way (a full disk) removes them, so that no empty store is left behind.
    const std::vector<std::string> &newFiles() const { return m_newFiles; }

    /// An Error for the connection's last failure, with a message a user can act on
    /// (disk full, read-only, not a database…).
    Error lastError(int rc) const;

private:
    int connect(const std::string &name, int flags, const char *vfs = nullptr);
    void close();
    /// For a file on read-only storage whose first read failed: reopens it in a way SQLite can
    /// read without creating the -wal and -shm files next to it.
    [[nodiscard]] Result<void> reopenForReading();
    Error openError(int rc) const;

    sqlite3 *m_db = nullptr;
    std::string m_path;
    Mode m_mode = Mode::ReadWrite;
    /// The file, its folder or its disk cannot be written: read-only errors say so.
    bool m_storageReadOnly = false;
    std::vector<std::string> m_newFiles;
};

/// RAII transaction: BEGIN IMMEDIATE on construction, ROLLBACK unless commit() succeeded.
/// Inside an open transaction it nests as a SAVEPOINT, so a bulk operation (a first sync, an
/// import) can wrap many single-record writes in one outer transaction.
class Transaction
{
public:
    static Result<Transaction> begin(Database &db);
    Transaction(Transaction &&other) noexcept;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    Transaction &operator=(Transaction &&) = delete;
    ~Transaction();

    [[nodiscard]] Result<void> commit();

private:
    Transaction(Database *db, bool nested)
        : m_db(db)
        , m_nested(nested)
    { }
    Database *m_db = nullptr;
    bool m_nested = false;
};

} // namespace attache
