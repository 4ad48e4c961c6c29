#include "sql.h"

#include <libpq-fe.h>

#include <charconv>
#include <string_view>
#include <unordered_map>

namespace attache::server {

namespace {

constexpr unsigned kByteaOid = 17;
// The one advisory lock every sync-state writer takes (any 64-bit constant; "attache" in hex).
constexpr const char *kWriteLock = "SELECT pg_advisory_xact_lock(6967238434873157)";

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 0;
}

// bytea comes back in the text protocol as "\x" followed by hex digits.
std::string decodeBytea(const char *text, int len)
{
    std::string out;
    if (len >= 2 && text[0] == '\\' && text[1] == 'x') {
        out.reserve(std::size_t(len - 2) / 2);
        for (int i = 2; i + 1 < len; i += 2)
            out.push_back(char(hexValue(text[i]) * 16 + hexValue(text[i + 1])));
        return out;
    }
    return std::string(text, std::size_t(len));
}

// SQLSTATE 53100 is disk_full; 53200 (out_of_memory) and the rest stay "storage".
const char *errorCode(const PGresult *res)
{
    const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    return state && std::string_view(state) == "53100" ? kStorageFull : "storage";
}

/// The PostgreSQL backend through libpq, for departments that want replicas and backups.
class PgConnection final : public SqlConnection
{
public:
    explicit PgConnection(PGconn *conn)
        : m_conn(conn)
    { }
    ~PgConnection() override { PQfinish(m_conn); }

    Dialect dialect() const override { return Dialect::Postgres; }
    bool healthy() const override { return PQstatus(m_conn) == CONNECTION_OK; }

    Result<SqlRows> query(std::string_view sql, const std::vector<SqlValue> &params) override
    {
        auto result = exec(sql, params);
        if (!result)
            return result.error();
        PGresult *res = *result;
        SqlRows rows;
        const int cols = PQnfields(res);
        std::vector<bool> bytea(std::size_t(cols), false);
        for (int c = 0; c < cols; ++c) {
            rows.columns.emplace_back(PQfname(res, c));
            bytea[std::size_t(c)] = PQftype(res, c) == kByteaOid;
        }
        const int count = PQntuples(res);
        rows.rows.reserve(std::size_t(count));
        for (int r = 0; r < count; ++r) {
            auto &row = rows.rows.emplace_back();
            row.reserve(std::size_t(cols));
            for (int c = 0; c < cols; ++c) {
                if (PQgetisnull(res, r, c)) {
                    row.emplace_back(std::nullopt);
                    continue;
                }
                const char *v = PQgetvalue(res, r, c);
                const int len = PQgetlength(res, r, c);
                row.emplace_back(
                    bytea[std::size_t(c)] ? decodeBytea(v, len) : std::string(v, std::size_t(len)));
            }
        }
        const char *affected = PQcmdTuples(res);
        rows.affected = affected && *affected ? std::stoll(affected) : 0;
        PQclear(res);
        return rows;
    }

    Result<void> each(std::string_view sql, const std::vector<SqlValue> &params,
        const std::function<void(const SqlRow &)> &visit) override
    {
        auto result = exec(sql, params);
        if (!result)
            return result.error();
        Row row(*result);
        for (const int count = PQntuples(row.res); row.index < count; ++row.index)
            visit(row);
        return {};
    }

    Result<void> script(std::string_view sql) override
    {
        PGresult *res = PQexec(m_conn, std::string(sql).c_str());
        const auto status = PQresultStatus(res);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            std::string m = PQresultErrorMessage(res);
            const char *code = errorCode(res);
            PQclear(res);
            return makeError(code, "PostgreSQL: " + m);
        }
        PQclear(res);
        return {};
    }

    Result<void> beginWrite() override
    {
        if (auto r = script("BEGIN"); !r)
            return r;
        if (auto r = script(kWriteLock); !r) {
            rollback();
            return r;
        }
        return {};
    }
    Result<void> beginRead() override
    {
        return script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
    Result<void> commit() override { return script("COMMIT"); }
    void rollback() override
    {
        if (PQtransactionStatus(m_conn) != PQTRANS_IDLE)
            (void)script("ROLLBACK");
    }

private:
    struct Row final : SqlRow
    {
        PGresult *res;
        int index = 0;
        std::vector<bool> bytea;
        mutable std::vector<std::string> decoded; ///< bytea columns of the current row
        explicit Row(PGresult *r)
            : res(r)
        {
            const int cols = PQnfields(res);
            for (int c = 0; c < cols; ++c)
                bytea.push_back(PQftype(res, c) == kByteaOid);
            decoded.resize(std::size_t(cols));
        }
        ~Row() { PQclear(res); }
        Row(const Row &) = delete;
        Row &operator=(const Row &) = delete;
        bool isNull(int column) const override { return PQgetisnull(res, index, column) != 0; }
        std::string_view view(int column) const override
        {
            const char *v = PQgetvalue(res, index, column);
            const int len = PQgetlength(res, index, column);
            if (!bytea[std::size_t(column)])
                return {v, std::size_t(len)};
            return decoded[std::size_t(column)] = decodeBytea(v, len);
        }
        std::int64_t integer(int column) const override
        {
            const std::string_view v = view(column);
            std::int64_t n = 0;
            std::from_chars(v.data(), v.data() + v.size(), n);
            return n;
        }
    };

    /// Runs `sql` with `params`; the caller owns the result (PQclear).
    Result<PGresult *> exec(std::string_view sql, const std::vector<SqlValue> &params)
    {
        // `?` → `$n`, outside quoted literals.
        std::string text;
        text.reserve(sql.size() + 16);
        int n = 0;
        bool quoted = false;
        for (char c : sql) {
            if (c == '\'')
                quoted = !quoted;
            if (c == '?' && !quoted)
                text += "$" + std::to_string(++n);
            else
                text += c;
        }
        std::vector<std::string> ints;
        ints.reserve(params.size());
        std::vector<const char *> values(params.size(), nullptr);
        std::vector<int> lengths(params.size(), 0);
        std::vector<int> formats(params.size(), 0);
        for (std::size_t i = 0; i < params.size(); ++i) {
            const auto &p = params[i];
            switch (p.type) {
            case SqlValue::Type::Null:
                break;
            case SqlValue::Type::Integer:
                ints.push_back(std::to_string(p.integer));
                values[i] = ints.back().c_str();
                break;
            case SqlValue::Type::Text:
                values[i] = p.text.c_str();
                break;
            case SqlValue::Type::Blob:
                values[i] = p.text.data();
                lengths[i] = int(p.text.size());
                formats[i] = 1;
                break;
            }
        }
        // The fixed statements are prepared once per connection (parse and plan once). Those
        // with lists of values (IN (?, ?, …)) are not: the cache stays small, and each is
        // planned with its values against the table as it is then. Prepared, the batch prefetch
        // got a generic plan after five executions on a department's new, nearly empty
        // database (a sequential scan), which a burst then ran over ten thousand rows for each
        // batch (6 ms a batch instead of 0.1) until autovacuum's next ANALYZE.
        PGresult *res = nullptr;
        auto cached = m_prepared.find(text);
        if (cached == m_prepared.end() && m_prepared.size() < 256 && params.size() <= 32
            && text.find(" IN ($") == std::string::npos) {
            const std::string name = "s" + std::to_string(m_prepared.size());
            PGresult *prep
                = PQprepare(m_conn, name.c_str(), text.c_str(), int(params.size()), nullptr);
            const bool ok = PQresultStatus(prep) == PGRES_COMMAND_OK;
            PQclear(prep);
            if (ok)
                cached = m_prepared.emplace(text, name).first;
        }
        if (cached != m_prepared.end())
            res = PQexecPrepared(m_conn, cached->second.c_str(), int(params.size()), values.data(),
                lengths.data(), formats.data(), 0);
        else
            res = PQexecParams(m_conn, text.c_str(), int(params.size()), nullptr, values.data(),
                lengths.data(), formats.data(), 0);
        const auto status = PQresultStatus(res);
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            std::string m = PQresultErrorMessage(res);
            const char *code = errorCode(res);
            PQclear(res);
            return makeError(code, "PostgreSQL: " + m);
        }
        return res;
    }

    PGconn *m_conn;
    std::unordered_map<std::string, std::string> m_prepared; // SQL → statement name
};

bool validSchemaName(const std::string &s)
{
    if (s.empty() || s.size() > 60)
        return false;
    for (char c : s) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

} // namespace

Result<std::unique_ptr<SqlConnection>> openPostgres(
    const std::string &url, const std::string &schema)
{
    if (!schema.empty() && !validSchemaName(schema))
        return makeError("storage", "The schema name may use only a-z, 0-9 and _.");
    PGconn *conn = PQconnectdb(url.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string m = PQerrorMessage(conn);
        PQfinish(conn);
        return makeError("storage", "Cannot connect to PostgreSQL: " + m);
    }
    auto c = std::make_unique<PgConnection>(conn);
    if (auto r = c->script("SET client_min_messages = warning"); !r)
        return r.error();
    if (!schema.empty()) {
        if (auto r = c->script("CREATE SCHEMA IF NOT EXISTS " + schema); !r) {
            // Two processes creating it at once: the loser sees a unique violation.
            if (auto again = c->script("SET search_path TO " + schema); !again)
                return r.error();
        }
        if (auto r = c->script("SET search_path TO " + schema); !r)
            return r.error();
    }
    return std::unique_ptr<SqlConnection>(std::move(c));
}

} // namespace attache::server
