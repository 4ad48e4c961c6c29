// Two and three devices edit offline (creates, edits of different fields of one record, edits
// of the same field, delete vs edit) and sync in every order against a real attache-server: all
// devices and the server end identical, and every same-field collision is a recorded conflict on
// each device. Data-driven over the SQLite and PostgreSQL backends.

#include "syncworld.h"

#include <algorithm>

using namespace attache;
using namespace attache::test;
using nlohmann::json;

namespace {

bool syncOk(TestDevice &d)
{
    const auto s = d.engine->sync();
    if (!s.ok) {
        for (const auto &e : s.errors)
            qWarning("%s: %s (%s)", d.name.c_str(), e.message.c_str(), e.serverCode.c_str());
    }
    return s.ok;
}

// Syncs everyone twice around: after that, every change has reached every device.
bool settle(SyncWorld &w)
{
    for (int round = 0; round < 2; ++round) {
        for (auto &d : w.devices) {
            if (!syncOk(*d))
                return false;
        }
    }
    return true;
}

} // namespace

class TestSyncConvergence : public QObject
{
    Q_OBJECT

    void backends()
    {
        QTest::addColumn<int>("backend");
        QTest::newRow("sqlite") << int(Backend::Sqlite);
        QTest::newRow("postgres") << int(Backend::Postgres);
    }

    bool skipUnavailable(int backend)
    {
        return Backend(backend) == Backend::Postgres && !postgresAvailable();
    }

    // Checks that every device (and a fresh device, i.e. the server's view) holds the same
    // records, and that every device recorded the same conflicts.
    void checkConverged(SyncWorld &w, std::size_t expectedConflicts)
    {
        auto fresh = w.addDevice("user2");
        QVERIFY2(fresh, fresh ? "" : fresh.error().message.c_str());
        QVERIFY(syncOk(**fresh));
        const StoreState server = stateOf((*fresh)->store());
        for (auto &d : w.devices) {
            if (d.get() == *fresh)
                continue;
            const StoreState mine = stateOf(d->store());
            QVERIFY2(mine == server, (d->name + "\n" + describeDiff(mine, server)).c_str());
            QCOMPARE(*d->store().pendingCount(), std::int64_t(0));
        }
        const ConflictSet first = conflictsOf(w.devices.front()->store());
        QCOMPARE(first.size(), expectedConflicts);
        for (auto &d : w.devices)
            QCOMPARE(conflictsOf(d->store()), first);
    }

private slots:
    void initTestCase() { qputenv("TZ", "UTC"); }

    void twoDevicesEveryOrder_data()
    {
        QTest::addColumn<int>("backend");
        QTest::addColumn<bool>("aFirst");
        QTest::newRow("sqlite A then B") << int(Backend::Sqlite) << true;
        QTest::newRow("sqlite B then A") << int(Backend::Sqlite) << false;
        QTest::newRow("postgres A then B") << int(Backend::Postgres) << true;
        QTest::newRow("postgres B then A") << int(Backend::Postgres) << false;
    }

    void twoDevicesEveryOrder()
    {
        QFETCH(int, backend);
        QFETCH(bool, aFirst);
        if (skipUnavailable(backend))
            QSKIP("ATTACHE_TEST_PG_URL is not set (scripts/with-postgres sets it)");
        SyncWorld w {Backend(backend)};
        auto started = w.start();
        QVERIFY2(started, started ? "" : started.error().message.c_str());
        auto a = w.addDevice("user0");
        auto b = w.addDevice("user1");
        QVERIFY2(a && b, "login failed");
        TestDevice &A = **a, &B = **b;

        // Common starting point: records both devices know.
        auto shared = A.store().create("contact",
            {{"full_name", "Tanaka Hiroshi"}, {"title", "Manager"}, {"mission_id", w.mission}});
        auto doomed
            = A.store().create("contact", {{"full_name", "Sato Kenji"}, {"mission_id", w.mission}});
        auto meeting = A.store().create("meeting",
            {{"mission_id", w.mission}, {"starts_at", "2026-03-10T09:00"},
                {"counterpart", "JETRO Osaka"}});
        QVERIFY(shared && doomed && meeting);
        QVERIFY(syncOk(A));
        QVERIFY(syncOk(B));
        QVERIFY(*B.store().get("contact", shared->id));

        // Offline on both.
        QVERIFY(
            A.store().create("contact", {{"full_name", "Made on A"}, {"mission_id", w.mission}}));
        QVERIFY(
            B.store().create("contact", {{"full_name", "Made on B"}, {"mission_id", w.mission}}));
        QVERIFY(A.store().update("contact", shared->id, {{"title", "Director"}}));
        QVERIFY(B.store().update("contact", shared->id, {{"country", "JP"}}));
        QVERIFY(A.store().update("meeting", meeting->id, {{"outcome", "MoU next spring"}}));
        QVERIFY(B.store().update("meeting", meeting->id, {{"outcome", "Visit Hà Tĩnh in May"}}));
        QVERIFY(A.store().remove("contact", doomed->id));
        QVERIFY(B.store().update("contact", doomed->id, {{"notes", "met again at the fair"}}));

        TestDevice &first = aFirst ? A : B, &second = aFirst ? B : A;
        QVERIFY(syncOk(first));
        QVERIFY(syncOk(second));
        QVERIFY(settle(w));

        // Different fields of one record: both edits kept.
        auto merged = **B.store().get("contact", shared->id);
        QCOMPARE(merged.text("title"), std::string("Director"));
        QCOMPARE(merged.text("country"), std::string("JP"));
        // Delete vs edit: the delete holds, the edit is kept in the tombstone, nothing lost.
        auto tomb = **A.store().get("contact", doomed->id);
        QVERIFY(tomb.deleted);
        QCOMPARE(tomb.text("notes"), std::string("met again at the fair"));
        // Same field: the later stamp won everywhere and the collision is a conflict everywhere
        // (the outcome, and the edit of a record someone deleted).
        // The protocol records delete-vs-edit when the edit reaches the server after the delete
        // (the editor did not know); a delete arriving after an edit of other fields is a plain
        // field-level merge, so that order has one conflict fewer.
        checkConverged(w, aFirst ? 2 : 1);
        auto c = *A.store().conflicts();
        QVERIFY(std::any_of(c.begin(), c.end(), [&](const Store::Conflict &x) {
            return x.field == "outcome" && x.recordId == meeting->id;
        }));
    }

    void threeDevicesEveryOrder_data()
    {
        QTest::addColumn<int>("backend");
        QTest::addColumn<QString>("order");
        for (const char *order : {"012", "021", "102", "120", "201", "210"})
            QTest::newRow((std::string("sqlite ") + order).c_str())
                << int(Backend::Sqlite) << QString(order);
        QTest::newRow("postgres 201") << int(Backend::Postgres) << QString("201");
    }

    void threeDevicesEveryOrder()
    {
        QFETCH(int, backend);
        QFETCH(QString, order);
        if (skipUnavailable(backend))
            QSKIP("ATTACHE_TEST_PG_URL is not set (scripts/with-postgres sets it)");
        SyncWorld w {Backend(backend)};
        auto started = w.start();
        QVERIFY2(started, started ? "" : started.error().message.c_str());
        std::vector<TestDevice *> d;
        for (const char *u : {"user0", "user1", "user2"}) {
            auto dev = w.addDevice(u);
            QVERIFY2(dev, dev ? "" : dev.error().message.c_str());
            d.push_back(*dev);
        }
        auto lead = d[0]->store().create("lead",
            {{"mission_id", w.mission}, {"company", "Toyota Tsusho"}, {"sector", "auto parts"}});
        QVERIFY(lead);
        QVERIFY(settle(w));

        // All three edit the same field and one other field each, offline.
        const char *sectors[] = {"steel", "logistics", "wind power"};
        const char *other[] = {"notes", "country", "status"};
        const json otherValues[] = {"follow up in Tokyo", "JP", "committed"};
        for (int i = 0; i < 3; ++i) {
            QVERIFY(d[size_t(i)]->store().update(
                "lead", lead->id, {{"sector", sectors[i]}, {other[i], otherValues[i]}}));
            QVERIFY(d[size_t(i)]->store().create("followup",
                {{"mission_id", w.mission}, {"title", "Việc của " + d[size_t(i)]->name}}));
        }
        for (QChar c : order)
            QVERIFY(syncOk(*d[size_t(c.digitValue())]));
        QVERIFY(settle(w));

        auto final = *(*d[0]->store().get("lead", lead->id));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(final.field(other[i]), otherValues[i]);
        ListQuery q;
        q.missionId = w.mission;
        QCOMPARE(*d[1]->store().count("followup", q), std::int64_t(3));
        // Three writers of one field: whoever pushed second and third collided.
        checkConverged(w, 2);
    }
};

QTEST_GUILESS_MAIN(TestSyncConvergence)
#include "tst_syncconvergence.moc"
