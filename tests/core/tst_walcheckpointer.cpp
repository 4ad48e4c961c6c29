// WalCheckpointer's timing: the copy of the write-ahead log into the database file waits while
// commits keep coming, runs once they pause, and runs at once when the log passes its cap. (That
// the copy happens at all with a store or a server pool open: tst_store, tst_walcheckpoint.)
#include "walcheckpointer.h"

#include <sqlite3.h>

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <string>

using namespace attache;
using namespace std::chrono_literals;

namespace {

/// A connection in WAL mode with a table to fill; closed (which checkpoints) at the end.
struct Database
{
    sqlite3 *db = nullptr;
    explicit Database(const std::string &path)
    {
        if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
                != SQLITE_OK
            || sqlite3_exec(db,
                   "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; CREATE TABLE t (x TEXT)",
                   nullptr, nullptr, nullptr)
                != SQLITE_OK) {
            sqlite3_close_v2(db);
            db = nullptr;
        }
    }
    ~Database() { sqlite3_close_v2(db); }

    /// One transaction of 1,200 rows of 4,000 bytes: ~1,200 pages of 4 KiB in the log.
    bool commitPages()
    {
        const std::string text(4000, 'x');
        sqlite3_stmt *s = nullptr;
        if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK
            || sqlite3_prepare_v2(db, "INSERT INTO t (x) VALUES (?1)", -1, &s, nullptr)
                != SQLITE_OK)
            return false;
        bool ok = true;
        for (int i = 0; i < 1200 && ok; ++i) {
            sqlite3_bind_text(s, 1, text.data(), int(text.size()), SQLITE_STATIC);
            ok = sqlite3_step(s) == SQLITE_DONE;
            sqlite3_reset(s);
        }
        sqlite3_finalize(s);
        return ok && sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
};

/// A fresh database whose log a WalCheckpointer with `timing` watches.
struct Watched
{
    QTemporaryDir dir;
    std::string path = dir.filePath("wal.db").toStdString();
    Database d {path};
    WalCheckpointer checkpointer;
    std::uintmax_t empty = 0; ///< the file's size before the commits

    explicit Watched(WalCheckpointer::Timing timing)
        : checkpointer(path, timing)
    {
        if (d.db) {
            checkpointer.attach(d.db);
            empty = size();
        }
    }
    ~Watched()
    {
        if (d.db)
            sqlite3_wal_hook(d.db, nullptr, nullptr);
    }
    std::uintmax_t size() const { return std::filesystem::file_size(path); }
};

} // namespace

class TestWalCheckpointer : public QObject
{
    Q_OBJECT

private slots:
    void waitsForTheCommitsToPause()
    {
        Watched w({3s, 1000000});
        QVERIFY(w.d.db);
        // Five commits, each well within 3 s of the one before: every one is past the 1,000
        // pages, and none is copied while they keep coming.
        for (int i = 0; i < 5; ++i)
            QVERIFY(w.d.commitPages());
        QCOMPARE(w.size(), w.empty);
        // Then the pause: the copy runs.
        QTRY_VERIFY_WITH_TIMEOUT(w.size() > w.empty + 20000000, 20000);
    }

    void copiesAtOncePastTheCap()
    {
        // A pause it would wait for far longer than this test; a cap of 3,000 pages.
        Watched w({10min, 3000});
        QVERIFY(w.d.db);
        QVERIFY(w.d.commitPages());
        QVERIFY(w.d.commitPages()); // ~2,400 pages: under the cap, waiting for a pause
        QCOMPARE(w.size(), w.empty);
        QVERIFY(w.d.commitPages()); // ~3,600: past it
        QTRY_VERIFY_WITH_TIMEOUT(w.size() > w.empty + 10000000, 20000);
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
