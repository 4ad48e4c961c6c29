// Resync against a real attache-server: tombstones purged past a device's cursor make the server
// answer 409 resync_required; the device keeps its unsynced edits, rebuilds from the server, then
// pushes them. A reset never loses a note, and a purged delete is not resurrected by a device
// that merely had the record. The records a device created and pushed in a sync do not come
// back to it in that sync's pull, and a resync brings them back all the same.

#include "syncworld.h"

using namespace attache;
using namespace attache::test;
using nlohmann::json;

namespace {

std::map<std::string, json> liveContacts(Store &s)
{
    std::map<std::string, json> out;
    auto list = s.list("contact");
    if (!list)
        return out;
    for (const auto &r : *list)
        out[r.id] = r.fields;
    return out;
}

} // namespace

class TestSyncResync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("TZ", "UTC"); }

    void ownNewRecordsDoNotComeBack_othersGetThemAll()
    {
        SyncWorld w;
        auto started = w.start();
        QVERIFY2(started, started ? "" : started.error().message.c_str());
        auto a = w.addDevice("user0");
        auto b = w.addDevice("user1");
        QVERIFY(a && b);
        TestDevice &A = **a, &B = **b;
        QVERIFY(A.engine->sync().ok);
        QVERIFY(B.engine->sync().ok);
        std::vector<std::string> ids;
        for (int i = 0; i < 30; ++i) {
            auto r = A.store().create("contact",
                {{"full_name", "Đối tác " + std::to_string(i)}, {"mission_id", w.mission}});
            QVERIFY(r);
            ids.push_back(r->id);
        }
        // B creates a record meanwhile: that one must reach A.
        auto earlier
            = B.store().create("contact", {{"full_name", "Made by B"}, {"mission_id", w.mission}});
        QVERIFY(earlier);
        QVERIFY(B.engine->sync().ok);
        const auto s = A.engine->sync();
        QVERIFY2(s.ok, s.errors.empty() ? "" : s.errors[0].message.c_str());
        QCOMPARE(s.pushed, std::int64_t(30));
        QCOMPARE(s.pulled, std::int64_t(1)); // B's record only: A's 30 did not come back
        QCOMPARE(*A.store().pendingCount(), std::int64_t(0));
        QVERIFY(*A.store().get("contact", earlier->id));
        // B gets all 30; after B edits one, A gets the edit.
        const auto sb = B.engine->sync();
        QVERIFY(sb.ok);
        QCOMPARE(sb.pulled, std::int64_t(30));
        QVERIFY(B.store().update("contact", ids[7], {{"title", "Giám đốc"}}));
        QVERIFY(B.engine->sync().ok);
        QVERIFY(A.engine->sync().ok);
        QCOMPARE((**A.store().get("contact", ids[7])).text("title"), std::string("Giám đốc"));
        QVERIFY(liveContacts(A.store()) == liveContacts(B.store()));
        // A device that never held them (a new one of the same user) gets every one.
        auto again = w.addDevice("user0");
        QVERIFY(again && (*again)->engine->sync().ok);
        QVERIFY(liveContacts((*again)->store()) == liveContacts(A.store()));
    }

    void purgedTombstonesForceAResyncThatLosesNothing()
    {
        SyncWorld w;
        auto started = w.start();
        QVERIFY2(started, started ? "" : started.error().message.c_str());
        auto a = w.addDevice("user0");
        auto b = w.addDevice("user1");
        QVERIFY(a && b);
        TestDevice &A = **a, &B = **b;
        std::vector<std::string> ids;
        for (int i = 0; i < 10; ++i) {
            auto r = A.store().create("contact",
                {{"full_name", "Contact " + std::to_string(i)}, {"mission_id", w.mission}});
            QVERIFY(r);
            ids.push_back(r->id);
        }
        QVERIFY(A.engine->sync().ok);
        QVERIFY(B.engine->sync().ok);

        // A goes offline and edits; meanwhile B deletes two contacts (one of them the one A is
        // editing) and edits another, and IT purges tombstones.
        QVERIFY(A.store().update("contact", ids[1], {{"notes", "ghi chú quan trọng"}}));
        QVERIFY(A.store().update("contact", ids[2], {{"title", "Director"}}));
        auto fresh = A.store().create(
            "contact", {{"full_name", "Made offline"}, {"mission_id", w.mission}});
        QVERIFY(fresh);
        QVERIFY(B.store().remove("contact", ids[1]));
        QVERIFY(B.store().remove("contact", ids[3]));
        QVERIFY(B.store().update("contact", ids[4], {{"country", "KR"}}));
        QVERIFY(B.engine->sync().ok);
        const auto purge = w.server.admin({"purge-tombstones", "--older-than", "0"});
        QVERIFY2(purge.exitCode == 0, purge.err.c_str());

        const auto s = A.engine->sync();
        QVERIFY2(s.ok, s.errors.empty() ? "" : s.errors[0].message.c_str());
        QVERIFY(s.resynced);
        QCOMPARE(*A.store().pendingCount(), std::int64_t(0));
        // Nothing A wrote is lost.
        auto one = *A.store().get("contact", ids[1]);
        QVERIFY(one);
        QCOMPARE(one->text("notes"), std::string("ghi chú quan trọng"));
        QCOMPARE((**A.store().get("contact", ids[2])).text("title"), std::string("Director"));
        QVERIFY(*A.store().get("contact", fresh->id));
        // B's edit arrived; the purged delete of a record A never touched stays deleted.
        QCOMPARE((**A.store().get("contact", ids[4])).text("country"), std::string("KR"));
        QVERIFY(!*A.store().get("contact", ids[3]) || (**A.store().get("contact", ids[3])).deleted);
        QCOMPARE(A.store().search("contact 3")->size(), size_t(0));

        // The server has the note too: a fresh device sees the record, edit included.
        auto c = w.addDevice("user2");
        QVERIFY(c && (*c)->engine->sync().ok);
        auto onServer = *(*c)->store().get("contact", ids[1]);
        QVERIFY(onServer && !onServer->deleted);
        QCOMPARE(onServer->text("notes"), std::string("ghi chú quan trọng"));

        // B deleted ids[1] after A's offline edit began; the purge took the server's tombstone,
        // and A's resync brought the record back. B's delete, which the server no longer knows
        // of, goes up again: the record is deleted everywhere, with A's note kept in the
        // tombstone (restorable, and in the audit trail).
        QVERIFY(B.engine->sync().ok);
        QCOMPARE(*B.store().pendingCount(), std::int64_t(1)); // found by this pull: next sync
        QVERIFY(B.engine->sync().ok);
        QCOMPARE(*B.store().pendingCount(), std::int64_t(0));
        QVERIFY(A.engine->sync().ok);
        QVERIFY((*c)->engine->sync().ok);
        auto la = liveContacts(A.store()), lb = liveContacts(B.store()),
             lc = liveContacts((*c)->store());
        QVERIFY(!la.count(ids[1]));
        QCOMPARE(la.size(), size_t(9)); // 10 - ids[1] - ids[3] + the one made offline
        QVERIFY(la == lb);
        QVERIFY(la == lc);
        for (TestDevice *dev : {&A, &B, *c}) {
            auto tomb = *dev->store().get("contact", ids[1]);
            QVERIFY2(tomb && tomb->deleted, dev->name.c_str());
            QCOMPARE(tomb->text("notes"), std::string("ghi chú quan trọng"));
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncResync)
#include "tst_syncresync.moc"
