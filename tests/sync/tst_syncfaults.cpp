// A fault-injecting proxy between the devices and a real attache-server drops connections before
// the request, after the request but before the response, halfway through the response body,
// truncates answers and delays them. After the faults stop, one more round of syncs converges
// with nothing lost and nothing duplicated.

#include "syncworld.h"

#include <random>

using namespace attache;
using namespace attache::test;
using nlohmann::json;

class TestSyncFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("TZ", "UTC"); }

    void faultsThenOneMoreSyncConverges_data()
    {
        QTest::addColumn<int>("fault");
        QTest::newRow("drop before request") << int(Fault::DropBeforeRequest);
        QTest::newRow("drop after request") << int(Fault::DropAfterRequest);
        QTest::newRow("drop mid body") << int(Fault::DropMidBody);
        QTest::newRow("truncate") << int(Fault::Truncate);
        QTest::newRow("delay") << int(Fault::Delay);
        QTest::newRow("mixed") << -1;
    }

    void faultsThenOneMoreSyncConverges()
    {
        QFETCH(int, fault);
        SyncWorld w;
        auto started = w.start();
        QVERIFY2(started, started ? "" : started.error().message.c_str());
        std::mt19937 rng(1234);
        FaultProxy proxy(w.server.port(), nullptr);
        proxy.delay = std::chrono::milliseconds(150);
        sync::SyncConfig config;
        config.pushBatchSize = 7; // several requests per sync, so faults hit pushes and pulls
        config.pullLimit = 9;
        config.retry.maxAttempts = 3;
        auto a = w.addDevice("user0", proxy.url(), config);
        auto b = w.addDevice("user1", proxy.url(), config);
        QVERIFY2(a && b, "login through the proxy failed");
        TestDevice &A = **a, &B = **b;

        // Every other request (then two in three) fails the chosen way while devices work.
        const std::vector<Fault> all {Fault::DropBeforeRequest, Fault::DropAfterRequest,
            Fault::DropMidBody, Fault::Truncate, Fault::Delay};
        proxy.setDecide([&](int i) {
            if (i % 3 == 2)
                return Fault::None;
            return fault >= 0 ? Fault(fault) : all[size_t(i) % all.size()];
        });

        std::map<std::string, std::string> expectedNames; // id -> full_name
        for (int round = 0; round < 3; ++round) {
            for (TestDevice *d : {&A, &B}) {
                for (int i = 0; i < 12; ++i) {
                    const std::string name
                        = d->name + " round " + std::to_string(round) + " #" + std::to_string(i);
                    auto r = d->store().create(
                        "contact", {{"full_name", name}, {"mission_id", w.mission}});
                    QVERIFY(r);
                    expectedNames[r->id] = name;
                }
                // Edit something the device already has from the other one.
                ListQuery q;
                q.missionId = w.mission;
                auto list = d->store().list("contact", q);
                QVERIFY(list);
                if (!list->empty()) {
                    const auto &victim = (*list)[rng() % list->size()];
                    const std::string renamed = victim.text("full_name") + " (edited)";
                    QVERIFY(d->store().update("contact", victim.id, {{"full_name", renamed}}));
                    expectedNames[victim.id] = renamed;
                }
                (void)d->engine->sync(); // may fail: that is the point
            }
        }
        QVERIFY(proxy.faultCount() > 0);

        // Faults stop: one more sync each (and one to bring the last device's changes back).
        proxy.setDecide(nullptr);
        for (TestDevice *d : {&A, &B, &A}) {
            const auto s = d->engine->sync();
            QVERIFY2(s.ok, s.errors.empty() ? "" : s.errors[0].message.c_str());
        }
        for (TestDevice *d : {&A, &B}) {
            ListQuery q;
            q.missionId = w.mission;
            auto list = *d->store().list("contact", q);
            QCOMPARE(list.size(), expectedNames.size()); // nothing lost, nothing duplicated
            for (const auto &r : list) {
                QVERIFY2(expectedNames.count(r.id), r.id.c_str());
                QCOMPARE(r.text("full_name"), expectedNames[r.id]);
            }
            QCOMPARE(*d->store().pendingCount(), std::int64_t(0));
        }
        const StoreState sa = stateOf(A.store()), sb = stateOf(B.store());
        QVERIFY2(sa == sb, describeDiff(sa, sb).c_str());
        // And the server agrees (a fresh device straight to it).
        auto fresh = w.addDevice("user2");
        QVERIFY(fresh);
        QVERIFY((*fresh)->engine->sync().ok);
        const StoreState sf = stateOf((*fresh)->store());
        QVERIFY2(sf == sa, describeDiff(sf, sa).c_str());
    }
};

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_syncfaults.moc"
