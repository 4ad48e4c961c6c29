// WalCheckpointer: the commits of a pooled SQLite connection leave the copy of the write-ahead
// log into the database file to a thread of its own. That copy must happen while connections
// stay open: with the automatic checkpoint replaced and nothing doing it, everything would stay
// in a growing log until the last connection closes.
#include "sql.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

using namespace attache::server;

class TestWalCheckpoint : public QObject
{
    Q_OBJECT

private slots:
    void commitsAreCheckpointedBesideTheWriter()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        StorageConfig config;
        config.dataDir = dir.path().toStdString();
        Pool pool(config, 2);
        const std::filesystem::path db = sqlitePath(config);
        {
            auto conn = pool.acquire();
            QVERIFY(conn);
            QVERIFY((*conn)->script("CREATE TABLE t (x TEXT)"));
        }
        const auto emptySize = std::filesystem::file_size(db);
        // Ten commits of ~1,200 pages each (4 KiB pages): every one takes the log over the
        // threshold of 1,000 pages.
        const std::string text(4000, 'x');
        for (int commit = 0; commit < 10; ++commit) {
            auto conn = pool.acquire();
            QVERIFY(conn);
            SqlTransaction txn(**conn);
            QVERIFY(txn.beginWrite());
            for (int i = 0; i < 1200; ++i)
                QVERIFY((*conn)->query("INSERT INTO t (x) VALUES (?)", {SqlValue(text)}));
            QVERIFY(txn.commit());
        }
        // The checkpoint runs on its own thread: wait for its outcome (a connection is still
        // open in the pool, so nothing else copies the log into the file).
        QTRY_VERIFY_WITH_TIMEOUT(std::filesystem::file_size(db) > emptySize + 40000000, 10000);
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpoint)
#include "tst_walcheckpoint.moc"
