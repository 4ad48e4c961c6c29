// The client process (`attache-sync sync`) killed with SIGKILL at random points during a sync,
// 50 times in a row, restarted each time, while the device and another device keep editing:
// after every kill the database passes PRAGMA integrity_check and holds every edit made on it;
// at the end one clean sync converges with the server and nothing is lost.

#include "syncworld.h"

#include <QProcess>

#include <random>

using namespace attache;
using namespace attache::test;
using nlohmann::json;

namespace {

std::string integrity(Store &s)
{
    auto st = s.database().prepare("PRAGMA integrity_check");
    if (!st || !st->step().ok())
        return "failed to run";
    return st->text("integrity_check");
}

} // namespace

class TestSyncKill : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("TZ", "UTC"); }

    void killedFiftyTimesInARow()
    {
        const QString bin = qEnvironmentVariable("ATTACHE_SYNC_BIN");
        QVERIFY2(!bin.isEmpty(), "ATTACHE_SYNC_BIN is not set (ctest sets it)");
        const unsigned seed = qEnvironmentVariableIsSet("ATTACHE_SEED")
            ? qEnvironmentVariableIntValue("ATTACHE_SEED")
            : std::random_device {}();
        qInfo("seed %u (replay with ATTACHE_SEED=%u)", seed, seed);
        std::mt19937 rng(seed);

        SyncWorld w;
        auto started = w.start();
        QVERIFY2(started, started ? "" : started.error().message.c_str());
        auto other = w.addDevice("user1");
        QVERIFY(other);
        TestDevice &B = **other;

        // The device under test: signed in by the engine, then driven only by the CLI.
        const std::string db = w.dir.filePath("killed.db").toStdString();
        std::map<std::string, std::string> mine; // id -> last name written on this device
        {
            sync::SyncConfig config;
            config.serverUrl = w.url();
            auto engine = sync::SyncEngine::open(db, config);
            QVERIFY(engine);
            QVERIFY((*engine)->login("user0", w.password));
            for (int i = 0; i < 120; ++i) {
                auto r = (*engine)->store().create("contact",
                    {{"full_name", "Liên hệ " + std::to_string(i)}, {"mission_id", w.mission}});
                QVERIFY(r);
                mine[r->id] = r->text("full_name");
            }
        }

        int killed = 0;
        for (int iteration = 0; iteration < 50; ++iteration) {
            // Someone else keeps working, so pulls have something to bring.
            for (int i = 0; i < 10; ++i)
                QVERIFY(B.store().create("contact",
                    {{"full_name", "B " + std::to_string(iteration) + "." + std::to_string(i)},
                        {"mission_id", w.mission}}));
            QVERIFY(B.engine->sync().ok);

            QProcess child;
            child.setProgram(bin);
            child.setArguments(
                {"--db", QString::fromStdString(db), "--server", QString::fromStdString(w.url()),
                    "--batch", "4", "--pull-limit", "5", "--progress", "sync"});
            child.setReadChannel(QProcess::StandardError); // progress lines
            child.start();
            QVERIFY(child.waitForStarted(10000));
            // Kill after a random number of progress lines (0: straight after start).
            const int killAfter = int(rng() % 9);
            int lines = 0;
            while (lines < killAfter && child.state() == QProcess::Running) {
                if (!child.canReadLine() && !child.waitForReadyRead(10000))
                    break;
                while (child.canReadLine()) {
                    (void)child.readLine();
                    ++lines;
                }
            }
            if (child.state() == QProcess::Running) {
                child.kill(); // SIGKILL
                ++killed;
            }
            if (child.state() != QProcess::NotRunning)
                QVERIFY(child.waitForFinished(10000));

            // Restarted: the file is sound and holds every edit made on it.
            auto store = Store::open(db);
            QVERIFY2(store, store ? "" : store.error().message.c_str());
            QCOMPARE(integrity(**store), std::string("ok"));
            for (const auto &[id, name] : mine) {
                auto r = (*store)->get("contact", id);
                QVERIFY2(r && *r,
                    ("lost " + id + " at iteration " + std::to_string(iteration) + ", seed "
                        + std::to_string(seed))
                        .c_str());
                QCOMPARE((**r).text("full_name"), name);
            }
            // The official keeps working between attempts.
            auto ids = std::vector<std::string>();
            for (const auto &[id, name] : mine)
                ids.push_back(id);
            const std::string victim = ids[rng() % ids.size()];
            const std::string renamed = "Đổi tên " + std::to_string(iteration);
            QVERIFY((*store)->update("contact", victim, {{"full_name", renamed}}));
            mine[victim] = renamed;
            auto created = (*store)->create("contact",
                {{"full_name", "Mới " + std::to_string(iteration)}, {"mission_id", w.mission}});
            QVERIFY(created);
            mine[created->id] = created->text("full_name");
        }
        qInfo("%d of 50 runs were killed mid-sync", killed);
        QVERIFY(killed >= 25); // most runs really were interrupted

        // One clean run converges.
        QProcess final;
        final.start(bin,
            {"--db", QString::fromStdString(db), "--server", QString::fromStdString(w.url()),
                "sync"});
        QVERIFY(final.waitForFinished(60000));
        QVERIFY2(final.exitCode() == 0, final.readAllStandardError().constData());
        QVERIFY(B.engine->sync().ok);
        auto store = Store::open(db);
        QVERIFY(store);
        QCOMPARE(*(*store)->pendingCount(), std::int64_t(0));
        const StoreState a = stateOf(**store), b = stateOf(B.store());
        QVERIFY2(a == b, describeDiff(a, b).c_str());
        for (const auto &[id, name] : mine) {
            auto r = B.store().get("contact", id);
            QVERIFY(r && *r);
            QCOMPARE((**r).text("full_name"), name);
        }
        ListQuery q;
        q.missionId = w.mission;
        QCOMPARE(*B.store().count("contact", q), std::int64_t(mine.size() + 500));
    }
};

QTEST_GUILESS_MAIN(TestSyncKill)
#include "tst_synckill.moc"
