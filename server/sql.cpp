#include "sql.h"

#include <filesystem>

namespace attache::server {

int SqlRows::index(std::string_view column) const
{
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] == column)
            return int(i);
    }
    return -1;
}

bool SqlRows::isNull(std::size_t row, std::string_view column) const
{
    const int i = index(column);
    return i < 0 || row >= rows.size() || !rows[row][std::size_t(i)].has_value();
}

std::string SqlRows::text(std::size_t row, std::string_view column) const
{
    const int i = index(column);
    if (i < 0 || row >= rows.size() || !rows[row][std::size_t(i)])
        return {};
    return *rows[row][std::size_t(i)];
}

std::string_view SqlRows::view(std::size_t row, std::string_view column) const
{
    const int i = index(column);
    if (i < 0 || row >= rows.size() || !rows[row][std::size_t(i)])
        return {};
    return *rows[row][std::size_t(i)];
}

std::int64_t SqlRows::integer(std::size_t row, std::string_view column) const
{
    const std::string t = text(row, column);
    if (t.empty())
        return 0;
    try {
        return std::stoll(t);
    } catch (...) {
        return 0;
    }
}

std::string sqlitePath(const StorageConfig &config)
{
    return (std::filesystem::path(config.dataDir) / "attache-server.db").string();
}

Result<std::unique_ptr<SqlConnection>> openConnection(
    const StorageConfig &config, WalCheckpointer *checkpointer)
{
    if (config.postgres())
        return openPostgres(config.databaseUrl, config.schema);
    std::error_code ec;
    std::filesystem::create_directories(config.dataDir, ec);
    if (ec)
        return makeError(
            "storage", "Cannot create the data directory " + config.dataDir + ": " + ec.message());
    return openSqlite(sqlitePath(config), checkpointer);
}

Pool::Pool(StorageConfig config, std::size_t maxSize)
    : m_config(std::move(config))
    , m_maxSize(maxSize < 1 ? 1 : maxSize)
{
    if (!m_config.postgres()) {
        m_checkpointer = std::make_unique<WalCheckpointer>(sqlitePath(m_config));
    }
}

Pool::~Pool() = default;

Pool::Lease::~Lease()
{
    if (m_conn)
        m_pool->release(std::move(m_conn));
}

Result<Pool::Lease> Pool::acquire()
{
    std::unique_lock lock(m_mutex);
    m_cond.wait(lock, [&] { return !m_free.empty() || m_open < m_maxSize; });
    if (!m_free.empty()) {
        auto conn = std::move(m_free.back());
        m_free.pop_back();
        return Lease(this, std::move(conn));
    }
    ++m_open;
    lock.unlock();
    auto conn = openConnection(m_config, m_checkpointer.get());
    if (!conn) {
        lock.lock();
        --m_open;
        m_cond.notify_one();
        return conn.error();
    }
    return Lease(this, std::move(*conn));
}

void Pool::release(std::unique_ptr<SqlConnection> conn)
{
    std::lock_guard lock(m_mutex);
    if (conn->healthy())
        m_free.push_back(std::move(conn));
    else
        --m_open;
    m_cond.notify_one();
}

} // namespace attache::server
