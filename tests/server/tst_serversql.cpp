// The storage layer's two ways to read a result, on each backend: query() copies every row,
// each() hands the rows to a visitor as they are read (a pull's page). Both must see the same
// values: text with Vietnamese and JSON in it, integers past 32 bits, NULL, bytes with zeros, and
// the rows in the order asked for. A bad statement is an error, not an empty result.
#include "sql.h"
#include "testserver.h"
#include "uuid.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using attache::server::SqlRow;
using attache::server::SqlValue;

class TestServerSql : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<attache::server::SqlConnection> m_conn;
    bool m_postgres = false;
    std::string m_schema;

private slots:
    void initTestCase()
    {
        m_postgres = qEnvironmentVariable("ATTACHE_TEST_BACKEND") == "postgres";
        if (m_postgres && !attache::test::postgresAvailable())
            QSKIP("ATTACHE_TEST_PG_URL is not set (run under scripts/with-postgres)");
        attache::server::StorageConfig config;
        if (m_postgres) {
            config.databaseUrl = qEnvironmentVariable("ATTACHE_TEST_PG_URL").toStdString();
            config.schema = m_schema = "attache_sql_" + attache::randomHex(6);
        } else {
            QVERIFY(m_dir.isValid());
            config.dataDir = m_dir.path().toStdString();
        }
        auto conn = attache::server::openConnection(config);
        QVERIFY2(conn.ok(), conn.ok() ? "" : conn.error().message.c_str());
        m_conn = std::move(*conn);
        const std::string bytes = m_postgres ? "BYTEA" : "BLOB";
        QVERIFY(m_conn->script("CREATE TABLE t (n BIGINT NOT NULL, name TEXT, body " + bytes + ")")
                    .ok());
        const std::vector<std::vector<SqlValue>> rows {
            {SqlValue(std::int64_t(1)), SqlValue("Hà Tĩnh"),
                SqlValue::blob(std::string("a\0b", 3))},
            {SqlValue(std::int64_t(5'000'000'000)), SqlValue("{\"k\":[1,\"₫\"]}"), SqlValue()},
            {SqlValue(std::int64_t(-7)), SqlValue(), SqlValue::blob("")},
        };
        for (const auto &r : rows)
            QVERIFY(m_conn->query("INSERT INTO t (n, name, body) VALUES (?, ?, ?)", r).ok());
    }

    void each_seesWhatQuerySees()
    {
        const std::string sql = "SELECT n, name, body FROM t WHERE n > ? ORDER BY n DESC";
        auto copied = m_conn->query(sql, {SqlValue(std::int64_t(-100))});
        QVERIFY(copied.ok());
        QCOMPARE(copied->size(), std::size_t(3));
        std::size_t i = 0;
        auto read = m_conn->each(sql, {SqlValue(std::int64_t(-100))}, [&](const SqlRow &row) {
            QVERIFY(i < copied->size());
            QCOMPARE(row.integer(0), copied->integer(i, "n"));
            QCOMPARE(row.isNull(1), copied->isNull(i, "name"));
            QCOMPARE(row.view(1), copied->view(i, "name"));
            QCOMPARE(row.isNull(2), copied->isNull(i, "body"));
            QCOMPARE(row.view(2), copied->view(i, "body"));
            ++i;
        });
        QVERIFY(read.ok());
        QCOMPARE(i, std::size_t(3));
    }

    void each_valuesAsStored()
    {
        std::vector<std::int64_t> numbers;
        std::vector<std::string> names, bodies;
        std::vector<bool> nullNames, nullBodies;
        auto read
            = m_conn->each("SELECT n, name, body FROM t ORDER BY n", {}, [&](const SqlRow &row) {
                  numbers.push_back(row.integer(0));
                  names.emplace_back(row.view(1));
                  nullNames.push_back(row.isNull(1));
                  bodies.emplace_back(row.view(2));
                  nullBodies.push_back(row.isNull(2));
              });
        QVERIFY(read.ok());
        QCOMPARE(numbers, (std::vector<std::int64_t> {-7, 1, 5'000'000'000}));
        QCOMPARE(names, (std::vector<std::string> {"", "Hà Tĩnh", "{\"k\":[1,\"₫\"]}"}));
        QCOMPARE(nullNames, (std::vector<bool> {true, false, false}));
        QCOMPARE(bodies, (std::vector<std::string> {"", std::string("a\0b", 3), ""}));
        QCOMPARE(nullBodies, (std::vector<bool> {false, false, true}));
    }

    void each_noRows_visitorNotCalled()
    {
        int calls = 0;
        auto read = m_conn->each("SELECT n FROM t WHERE n > ?", {SqlValue(std::int64_t(1) << 40)},
            [&](const SqlRow &) { ++calls; });
        QVERIFY(read.ok());
        QCOMPARE(calls, 0);
    }

    void each_badStatement_isAnError()
    {
        int calls = 0;
        auto read = m_conn->each("SELECT nope FROM t", {}, [&](const SqlRow &) { ++calls; });
        QVERIFY(!read.ok());
        QVERIFY(!read.error().message.empty());
        QCOMPARE(calls, 0);
        // The connection serves on.
        auto after = m_conn->query("SELECT COUNT(*) AS c FROM t");
        QVERIFY(after.ok());
        QCOMPARE(after->integer(0, "c"), 3);
    }

    void cleanupTestCase()
    {
        if (m_conn && m_postgres)
            (void)m_conn->script("DROP SCHEMA " + m_schema + " CASCADE");
    }
};

QTEST_GUILESS_MAIN(TestServerSql)
#include "tst_serversql.moc"
