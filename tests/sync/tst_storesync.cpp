// The store's sync support on real SQLite files: applying pulled records with the shared merge
// rule, pending tracking across a push, conflicts and their resolution, resync, dropping a
// mission's records, and wiping a revoked device.

#include "../core/storefixture.h"

#include "hlc.h"
#include "uuid.h"

#include <set>

using namespace attache;
using nlohmann::json;

namespace {

const std::string kRemoteNode = "0000000000000abc";

std::string stamp(std::int64_t ms, std::uint32_t counter = 0, const std::string &node = kRemoteNode)
{
    return Hlc {ms, counter, node}.toString();
}

Store::RemoteChange remote(const char *kind, const std::string &id,
    std::vector<std::pair<std::string, Store::RemoteField>> fields)
{
    Store::RemoteChange c;
    c.kind = findKind(kind);
    c.id = id;
    c.fields = std::move(fields);
    c.updatedBy = "0190a000-0000-7000-8000-000000000001";
    c.updatedDevice = kRemoteNode;
    c.updatedAt = 1'767'225'600'000;
    return c;
}

std::string pendingOf(Store &s, const char *table, const std::string &id)
{
    auto st = s.database().prepare(std::string("SELECT _pending FROM ") + table + " WHERE id = ?1");
    if (!st)
        return "?";
    st->bind(1, std::string_view(id));
    if (!st->step().ok())
        return "?";
    return st->isNull("_pending") ? std::string() : st->text("_pending");
}

std::int64_t searchCount(Store &s, const char *words)
{
    auto hits = s.search(words);
    return hits ? std::int64_t(hits->size()) : -1;
}

/// A contact pulled with title "Base", edited here to "Mine" and not pushed, then a pull brings
/// "Theirs" stamped `theirsMs` from now (after ours: ours loses; before: ours wins).
bool collide(StoreFixture &fx, std::string &id, std::int64_t theirsMs)
{
    id = makeUuidV7(fx.wallMs);
    return fx.store
               ->applyRemote({remote("contact", id,
                   {{"full_name", {"Park", stamp(fx.wallMs - 9000)}},
                       {"title", {"Base", stamp(fx.wallMs - 8000)}}})})
               .ok()
        && fx.store->update("contact", id, {{"title", "Mine"}}).ok()
        && fx.store
               ->applyRemote(
                   {remote("contact", id, {{"title", {"Theirs", stamp(fx.wallMs + theirsMs)}}})})
               .ok();
}

} // namespace

class TestStoreSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        qputenv("LC_ALL", "C.UTF-8");
    }

    void newRemoteRecordIsStoredCleanAndSearchable()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string id = makeUuidV7(fx.wallMs);
        const auto t = stamp(fx.wallMs - 1000);
        auto r = fx.store->applyRemote({remote("contact", id,
            {{"full_name", {"Nguyễn Văn Đức", t}}, {"title", {"Giám đốc", t}},
                {"deleted", {false, t}}})});
        REQUIRE_OK(r);
        QCOMPARE(r->records, std::int64_t(1));
        QCOMPARE(r->conflicts, std::int64_t(0));
        auto got = fx.store->get("contact", id);
        QVERIFY(got && *got);
        QCOMPARE((*got)->text("full_name"), std::string("Nguyễn Văn Đức"));
        QCOMPARE((*got)->updatedDevice, kRemoteNode);
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));
        QCOMPARE(searchCount(*fx.store, "duc"), std::int64_t(1));
        // The same page again (a crash before the cursor was saved) changes nothing.
        auto again = fx.store->applyRemote({remote("contact", id,
            {{"full_name", {"Nguyễn Văn Đức", t}}, {"title", {"Giám đốc", t}},
                {"deleted", {false, t}}})});
        REQUIRE_OK(again);
        QCOMPARE(again->records, std::int64_t(0));
        QCOMPARE(searchCount(*fx.store, "duc"), std::int64_t(1));
    }

    void firstSyncInsertMatchesTheGeneralMerge()
    {
        // A record the device has never seen is inserted without the general merge (the whole
        // of a first sync); a change naming a field twice takes the general path. Both must
        // store exactly the same row, stamps and search entry.
        StoreFixture fx;
        QVERIFY(fx.open());
        const auto t1 = stamp(fx.wallMs - 3000), t2 = stamp(fx.wallMs - 2000, 7);
        const std::string mission = makeUuidV7(fx.wallMs - 5000);
        struct Case
        {
            const char *kind;
            std::vector<std::pair<std::string, Store::RemoteField>> fields;
            const char *search; ///< a word of the record ("" none)
            std::int64_t hits; ///< expected search hits for each copy
        };
        const std::vector<Case> cases = {
            {"contact",
                {{"full_name", {"  Trần Thị Ánh  ", t1}}, {"title", {"Phó Giám đốc", t2}},
                    {"emails", {json::array({"anh@example.vn", "anh@example.vn"}), t1}},
                    {"phones", {json::array(), t1}}, {"country", {"vn", t1}},
                    {"website", {42, t1}}, // invalid: ignored
                    {"nickname", {"Ánh", t1}}, // unknown to this app: ignored
                    {"notes", {nullptr, t1}}, {"tags", {json::array({"energy"}), t2}},
                    {"consent_noted", {true, t1}}, {"mission_id", {mission, t1}},
                    {"deleted", {false, t1}}},
                "anh", 1},
            {"lead",
                {{"company", {"Mekong Solar", t1}}, {"mission_id", {mission, t1}},
                    {"status", {"interested", t1}},
                    {"pledged_capital", {json {{"amount", 250000}, {"currency", "usd"}}, t2}}},
                "mekong", 1},
            {"contact", {{"full_name", {"Lê Văn Xoá", t1}}, {"deleted", {true, t2}}}, "xoa", 0},
        };
        for (const auto &c : cases) {
            const std::string fast = makeUuidV7(), general = makeUuidV7();
            auto twice = c.fields;
            twice.push_back(c.fields.front()); // the same field again: the general merge
            auto r = fx.store->applyRemote(
                {remote(c.kind, fast, c.fields), remote(c.kind, general, twice)});
            REQUIRE_OK(r);
            QCOMPARE(r->records, std::int64_t(2));
            const KindDef &kind = *findKind(c.kind);
            std::string columns = "created_at, updated_at, updated_by, updated_device, deleted, "
                                  "_pending";
            for (const auto &f : kind.fields) {
                for (const auto &col : columnsOf(f))
                    columns += ", " + col;
            }
            const std::string table(kind.table);
            auto same = fx.store->database().prepare(
                std::string("SELECT count(*) AS n, max(_stamps) AS a, "
                            "min(_stamps) AS b, max(_base) AS c FROM (")
                + "SELECT _stamps, _base, " + columns + " FROM " + table
                + " WHERE id = ?1 UNION SELECT _stamps, _base, " + columns + " FROM " + table
                + " WHERE id = ?2)");
            REQUIRE_OK(same);
            same->bind(1, std::string_view(fast));
            same->bind(2, std::string_view(general));
            QVERIFY(same->step().ok());
            // Identical columns; the stamp texts may list fields in another order.
            const std::int64_t rows = same->integer("n");
            QVERIFY(rows == 1 || rows == 2);
            QCOMPARE(json::parse(same->text("a")), json::parse(same->text("b")));
            QCOMPARE(json::parse(same->text("a")), json::parse(same->text("c")));
            auto cols = fx.store->database().prepare("SELECT count(*) AS n FROM (SELECT " + columns
                + " FROM " + table + " WHERE id = ?1 UNION SELECT " + columns + " FROM " + table
                + " WHERE id = ?2)");
            REQUIRE_OK(cols);
            cols->bind(1, std::string_view(fast));
            cols->bind(2, std::string_view(general));
            QVERIFY(cols->step().ok());
            QCOMPARE(cols->integer("n"), std::int64_t(1));
            QCOMPARE(searchCount(*fx.store, c.search), 2 * c.hits);
        }
        auto lead = fx.store->list("lead");
        REQUIRE_OK(lead);
        QCOMPARE(lead->size(), size_t(2));
        QCOMPARE(lead->front().field("pledged_capital"),
            json({{"amount", 250000}, {"currency", "USD"}}));
        ListQuery all;
        all.includeDeleted = true;
        auto contacts = fx.store->list("contact", all);
        REQUIRE_OK(contacts);
        for (const auto &rec : *contacts) {
            if (rec.text("full_name") != "Trần Thị Ánh")
                continue;
            QCOMPARE(rec.field("emails"), json::array({"anh@example.vn"}));
            QCOMPARE(rec.field("country"), json("VN"));
            QVERIFY(rec.field("website").is_null());
        }
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));
    }

    void newerRemoteValueReplacesCleanFieldAndReindexes()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string id = makeUuidV7(fx.wallMs);
        const auto t1 = stamp(fx.wallMs - 5000), t2 = stamp(fx.wallMs - 1000);
        REQUIRE_OK(fx.store->applyRemote(
            {remote("contact", id, {{"full_name", {"Tanaka Hiroshi", t1}}})}));
        auto r = fx.store->applyRemote(
            {remote("contact", id, {{"full_name", {"Suzuki Ichiro", t2}}})});
        REQUIRE_OK(r);
        QCOMPARE(r->conflicts, std::int64_t(0));
        QCOMPARE((*fx.store->get("contact", id))->text("full_name"), std::string("Suzuki Ichiro"));
        QCOMPARE(searchCount(*fx.store, "tanaka"), std::int64_t(0));
        QCOMPARE(searchCount(*fx.store, "suzuki"), std::int64_t(1));
        // An older value arriving late (reordered delivery) loses.
        REQUIRE_OK(fx.store->applyRemote(
            {remote("contact", id, {{"full_name", {"Tanaka Hiroshi", t1}}})}));
        QCOMPARE((*fx.store->get("contact", id))->text("full_name"), std::string("Suzuki Ichiro"));
    }

    void remoteDeleteLeavesSearch()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string id = makeUuidV7(fx.wallMs);
        REQUIRE_OK(fx.store->applyRemote({remote("contact", id,
            {{"full_name", {"Park Ji-sung", stamp(1000)}}, {"deleted", {false, stamp(1000)}}})}));
        QCOMPARE(searchCount(*fx.store, "park"), std::int64_t(1));
        REQUIRE_OK(
            fx.store->applyRemote({remote("contact", id, {{"deleted", {true, stamp(2000)}}})}));
        QVERIFY((*fx.store->get("contact", id))->deleted);
        QCOMPARE(searchCount(*fx.store, "park"), std::int64_t(0));
    }

    void localEditNewerThanRemoteSurvivesAndStaysPending()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string id = makeUuidV7(fx.wallMs);
        const auto t0 = stamp(fx.wallMs - 10000);
        REQUIRE_OK(fx.store->applyRemote(
            {remote("contact", id, {{"full_name", {"A", t0}}, {"title", {"Old", t0}}})}));
        // Offline: the official edits the title...
        REQUIRE_OK(fx.store->update("contact", id, {{"title", "Mine"}}));
        // ...while someone else had changed it earlier (older stamp) on the server.
        const auto remoteStamp = stamp(fx.wallMs - 5000);
        auto r = fx.store->applyRemote({remote(
            "contact", id, {{"full_name", {"A", t0}}, {"title", {"Theirs", remoteStamp}}})});
        REQUIRE_OK(r);
        QCOMPARE(r->conflicts, std::int64_t(1));
        QCOMPARE((*fx.store->get("contact", id))->text("title"), std::string("Mine"));
        QCOMPARE(pendingOf(*fx.store, "contacts", id), std::string("[\"title\"]"));
        auto pending = fx.store->pendingChanges(10);
        QVERIFY(pending);
        QCOMPARE(pending->size(), size_t(1));
        // Its base is still the value it was written over, so the server sees the collision.
        QCOMPARE(pending->front().fields.front().baseHlc, t0);
        auto conflicts = fx.store->conflicts();
        QVERIFY(conflicts);
        QCOMPARE(conflicts->size(), size_t(1));
        const auto &c = conflicts->front();
        QCOMPARE(c.field, std::string("title"));
        QCOMPARE(c.winnerValue, json("Mine"));
        QCOMPARE(c.loserValue, json("Theirs"));
        QCOMPARE(c.loserHlc, remoteStamp);
        QCOMPARE(c.loserBy, std::string("0190a000-0000-7000-8000-000000000001"));
        // Delivered twice: still one conflict.
        auto again
            = fx.store->applyRemote({remote("contact", id, {{"title", {"Theirs", remoteStamp}}})});
        REQUIRE_OK(again);
        QCOMPARE(again->conflicts, std::int64_t(0));
        QCOMPARE(*fx.store->openConflictCount(), std::int64_t(1));
    }

    void localEditOlderThanRemoteGivesWayWithConflict()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string id = makeUuidV7(fx.wallMs);
        const auto t0 = stamp(fx.wallMs - 10000);
        REQUIRE_OK(fx.store->applyRemote({remote("contact", id, {{"full_name", {"A", t0}}})}));
        REQUIRE_OK(fx.store->update("contact", id, {{"title", "Mine"}, {"notes", "kept"}}));
        const auto newer = stamp(fx.wallMs + 60000);
        auto r = fx.store->applyRemote({remote("contact", id, {{"title", {"Theirs", newer}}})});
        REQUIRE_OK(r);
        QCOMPARE(r->conflicts, std::int64_t(1));
        auto got = *fx.store->get("contact", id);
        QCOMPARE(got->text("title"), std::string("Theirs"));
        // The other field edited locally is untouched and still goes up.
        QCOMPARE(got->text("notes"), std::string("kept"));
        QCOMPARE(pendingOf(*fx.store, "contacts", id), std::string("[\"notes\"]"));
        auto c = (*fx.store->conflicts()).front();
        QCOMPARE(c.winnerValue, json("Theirs"));
        QCOMPARE(c.loserValue, json("Mine"));
        QCOMPARE(c.winnerHlc, newer);
    }

    void equalValuesAreNeverAConflict()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string id = makeUuidV7(fx.wallMs);
        REQUIRE_OK(fx.store->applyRemote(
            {remote("contact", id, {{"full_name", {"A", stamp(fx.wallMs - 9000)}}})}));
        REQUIRE_OK(fx.store->update("contact", id, {{"title", "Same"}}));
        auto r = fx.store->applyRemote(
            {remote("contact", id, {{"title", {"Same", stamp(fx.wallMs - 100)}}})});
        REQUIRE_OK(r);
        QCOMPARE(r->conflicts, std::int64_t(0));
    }

    void acknowledgeKeepsEditsMadeDuringThePush()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        auto a = fx.add("contact", {{"full_name", "Kim"}, {"title", "One"}});
        auto pushed = *fx.store->pendingChanges(100);
        QCOMPARE(pushed.size(), size_t(1));
        // Edited while the push was on the wire.
        fx.wallMs += 1000;
        REQUIRE_OK(fx.store->update("contact", a.id, {{"title", "Two"}}));
        std::vector<PendingRecord> server;
        for (const auto &p : pushed) {
            PendingRecord s {p.kind, p.id, {}};
            for (const auto &f : p.fields)
                s.fields.push_back({f.field, nullptr, f.hlc, {}});
            server.push_back(s);
        }
        REQUIRE_OK(fx.store->acknowledgePush(pushed, server));
        QCOMPARE(pendingOf(*fx.store, "contacts", a.id), std::string("[\"title\"]"));
        auto left = *fx.store->pendingChanges(100);
        QCOMPARE(left.size(), size_t(1));
        QCOMPARE(left[0].fields[0].value, json("Two"));
        // A field the server did not acknowledge stays pending as well.
        REQUIRE_OK(fx.store->acknowledgePush(left, {}));
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(1));
        // Acknowledged at the current stamp: clean, with its base at the server's stamp.
        PendingRecord s {left[0].kind, left[0].id, {{"title", nullptr, left[0].fields[0].hlc, {}}}};
        REQUIRE_OK(fx.store->acknowledgePush(left, {s}));
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));
    }

    void unlistedRecordsAreHeldAsPushedOnlyWhenTheServerSaysSo()
    {
        // The server's "acknowledge": "changed" answer lists only records it holds at other
        // stamps than pushed; an older server's answer that leaves a record out acknowledges
        // nothing of it.
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string a = fx.add("contact", {{"full_name", "An"}, {"title", "One"}}).id;
        const std::string b = fx.add("contact", {{"full_name", "Bình"}, {"title", "Two"}}).id;
        auto pushed = fx.store->pendingChanges(10);
        REQUIRE_OK(pushed);
        QCOMPARE(pushed->size(), size_t(2));
        REQUIRE_OK(fx.store->acknowledgePush(*pushed, {}, {}, false));
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(2));

        const std::string newer = stamp(fx.wallMs + 5000);
        const auto &pb = pushed->front().id == b ? pushed->front() : pushed->back();
        PendingRecord listed {pb.kind, b, {{"full_name", nullptr, newer, {}}}};
        REQUIRE_OK(fx.store->acknowledgePush(*pushed, {listed}, {}, true));
        // A, not listed: clean, its base at the stamps it pushed.
        QCOMPARE(pendingOf(*fx.store, "contacts", a), std::string());
        // B, listed with its name only: the name is acknowledged at the server's stamp (the pull
        // brings its value); the title, left out of B's entry, stays pending.
        QCOMPARE(pendingOf(*fx.store, "contacts", b), std::string("[\"title\"]"));
        auto again = fx.store->pendingChanges(10);
        REQUIRE_OK(again);
        QCOMPARE(again->size(), size_t(1));
        QCOMPARE(again->front().id, b);
        QCOMPARE(again->front().fields.size(), size_t(1));
        QCOMPARE(again->front().fields.front().baseHlc, std::string());
        auto base = fx.store->database().prepare("SELECT _base FROM contacts WHERE id = ?1");
        QVERIFY(base);
        base->bind(1, std::string_view(b));
        QVERIFY(base->step().ok());
        QCOMPARE(json::parse(base->text("_base"))["full_name"], json(newer));
        base->reset();
        base->bind(1, std::string_view(a));
        QVERIFY(base->step().ok());
        const auto &pa = pushed->front().id == a ? pushed->front() : pushed->back();
        for (const auto &f : pa.fields)
            QCOMPARE(json::parse(base->text("_base"))[f.field], json(f.hlc));
    }

    void acknowledgedBaseKeepsTheStampsOfFieldsNotPushed()
    {
        // A synced record edited again: only the edited field is pushed, and its acknowledgement
        // moves that field's base alone, written as the same JSON text as before (names in order).
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string id
            = fx.add("contact", {{"full_name", "An"}, {"title", "One"}, {"country", "VN"}}).id;
        auto first = fx.store->pendingChanges(10);
        REQUIRE_OK(first);
        REQUIRE_OK(fx.store->acknowledgePush(*first, {}, {}, true));
        REQUIRE_OK(fx.store->update("contact", id, {{"title", "Two"}}));
        auto second = fx.store->pendingChanges(10);
        REQUIRE_OK(second);
        QCOMPARE(second->size(), size_t(1));
        QCOMPARE(second->front().fields.size(), size_t(1));
        QCOMPARE(second->front().fields.front().field, std::string("title"));
        REQUIRE_OK(fx.store->acknowledgePush(*second, {}, {}, true));
        QCOMPARE(pendingOf(*fx.store, "contacts", id), std::string());
        json expected = json::object();
        for (const auto &f : first->front().fields)
            expected[f.field] = f.hlc;
        expected["title"] = second->front().fields.front().hlc;
        auto base = fx.store->database().prepare("SELECT _base FROM contacts WHERE id = ?1");
        QVERIFY(base);
        base->bind(1, std::string_view(id));
        QVERIFY(base->step().ok());
        QCOMPARE(base->text("_base"), expected.dump());
    }

    void pendingChangesPageThroughEveryKindOnce()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        // Added in an order unlike the push order: contacts, then a mission and its meetings.
        std::set<std::string> contacts, meetings;
        for (int i = 0; i < 5; ++i)
            contacts.insert(fx.add("contact", {{"full_name", "Kim " + std::to_string(i)}}).id);
        const std::string mission
            = fx.add("mission",
                    {{"organisation_id", makeUuidV7(fx.wallMs)}, {"title", "Hàn Quốc"},
                        {"start_date", "2026-03-09"}, {"end_date", "2026-03-15"}})
                  .id;
        for (int i = 0; i < 3; ++i) {
            meetings.insert(fx.add("meeting",
                                  {{"mission_id", mission}, {"starts_at", "2026-03-10T09:30"},
                                      {"counterpart", "KOTRA Busan " + std::to_string(i)}})
                                .id);
        }

        Store::PendingCursor cursor;
        std::vector<PendingRecord> seen;
        std::vector<std::size_t> pageSizes;
        for (int page = 0; page < 10; ++page) {
            auto p = fx.store->pendingChanges(2, cursor);
            REQUIRE_OK(p);
            pageSizes.push_back(p->size());
            if (p->empty())
                break;
            if (page == 1) {
                // Acknowledged while the pages are read: it stays read once, and is then clean.
                REQUIRE_OK(fx.store->acknowledge(*p));
                // A record already read, edited meanwhile, is not read again in this pass.
                fx.wallMs += 1000;
                REQUIRE_OK(fx.store->update("contact", *contacts.begin(), {{"title", "Giám đốc"}}));
            }
            seen.insert(seen.end(), p->begin(), p->end());
        }
        QCOMPARE(pageSizes, (std::vector<std::size_t> {2, 2, 2, 2, 1, 0}));
        QCOMPARE(seen.size(), size_t(9));
        // The mission first, then its meetings, then the contacts, in id order within a kind.
        QCOMPARE(seen[0].id, mission);
        std::vector<std::string> meetingIds, contactIds;
        for (const auto &r : seen) {
            if (r.kind->name == std::string_view("meeting"))
                meetingIds.push_back(r.id);
            if (r.kind->name == std::string_view("contact"))
                contactIds.push_back(r.id);
        }
        QCOMPARE(meetingIds, (std::vector<std::string>(meetings.begin(), meetings.end())));
        QCOMPARE(contactIds, (std::vector<std::string>(contacts.begin(), contacts.end())));
        QCOMPARE(seen[1].kind->name, std::string_view("meeting"));
        QCOMPARE(seen[8].kind->name, std::string_view("contact"));
        // The second page was acknowledged; the contact edited after it was read still pends.
        auto left = fx.store->pendingChanges(100);
        REQUIRE_OK(left);
        QCOMPARE(left->size(), size_t(7));
        for (const auto &r : *left)
            QVERIFY(r.id != seen[2].id && r.id != seen[3].id);
    }

    void pulledCopyOfOwnPendingChangeClearsIt()
    {
        // The push reached the server but its answer was lost: the pull brings our own stamp.
        StoreFixture fx;
        QVERIFY(fx.open());
        auto a = fx.add("contact", {{"full_name", "Lee"}});
        auto p = (*fx.store->pendingChanges(10)).front();
        std::vector<std::pair<std::string, Store::RemoteField>> fields;
        for (const auto &f : p.fields)
            fields.push_back({f.field, {f.value, f.hlc}});
        auto r = fx.store->applyRemote({remote("contact", a.id, fields)});
        REQUIRE_OK(r);
        QCOMPARE(r->conflicts, std::int64_t(0));
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));
    }

    void resolvingAConflictIsAnEditThatSyncs()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string id = makeUuidV7(fx.wallMs);
        REQUIRE_OK(fx.store->applyRemote(
            {remote("contact", id, {{"full_name", {"A", stamp(fx.wallMs - 9000)}}})}));
        REQUIRE_OK(fx.store->update("contact", id, {{"title", "Mine"}}));
        REQUIRE_OK(fx.store->applyRemote(
            {remote("contact", id, {{"title", {"Theirs", stamp(fx.wallMs + 5000)}}})}));
        // Our value lost: it is no longer the record's, only a report to the server is left.
        QVERIFY((*fx.store->pendingChanges(10)).empty());
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(1));
        const auto c = (*fx.store->conflicts()).front();
        fx.wallMs += 10000;
        auto kept = fx.store->resolveConflict(c.id, false);
        REQUIRE_OK(kept);
        QCOMPARE(kept->text("title"), std::string("Mine"));
        QCOMPARE(*fx.store->openConflictCount(), std::int64_t(0));
        auto pending = *fx.store->pendingChanges(10);
        QCOMPARE(pending.size(), size_t(1));
        QCOMPARE(pending[0].fields[0].field, std::string("title"));
        // The new stamp beats the value that won before, on every device.
        QVERIFY(pending[0].fields[0].hlc > c.winnerHlc);
        // Keeping the winner also re-stamps, so a choice is never silently undone.
        REQUIRE_OK(fx.store->applyRemote(
            {remote("contact", id, {{"title", {"Again", stamp(fx.wallMs - 1)}}})}));
        QCOMPARE(*fx.store->openConflictCount(), std::int64_t(1));
        auto second = (*fx.store->conflicts()).front();
        REQUIRE_OK(fx.store->resolveConflict(second.id, true));
        QCOMPARE(*fx.store->openConflictCount(), std::int64_t(0));
        REQUIRE_ERROR(fx.store->resolveConflict(9999, true), "not_found");
    }

    void lostEditIsReportedAndTheServersVerdictReplacesIt()
    {
        // A pull brings a newer value of a field we edited but had not pushed: the conflict is
        // found here first. Our edit is reported to the server (which keeps the winner and
        // records the conflict for every device); its verdict then replaces ours.
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string id = makeUuidV7(fx.wallMs);
        const std::string base = stamp(fx.wallMs - 8000);
        REQUIRE_OK(fx.store->applyRemote({remote("contact", id,
            {{"full_name", {"Park", stamp(fx.wallMs - 9000)}}, {"title", {"Base", base}}})}));
        REQUIRE_OK(fx.store->update("contact", id, {{"title", "Mine"}}));
        const std::string mine = (*fx.store->pendingChanges(10)).front().fields.front().hlc;
        auto applied = fx.store->applyRemote(
            {remote("contact", id, {{"title", {"Theirs", stamp(fx.wallMs + 5000)}}})});
        REQUIRE_OK(applied);
        QCOMPARE(applied->conflicts, std::int64_t(1));
        auto found = *fx.store->conflicts();
        QCOMPARE(found.size(), size_t(1));
        QVERIFY(found[0].provisional);
        QCOMPARE(found[0].loserValue, json("Mine"));

        auto reports = *fx.store->conflictReports();
        QCOMPARE(reports.size(), size_t(1));
        QCOMPARE(reports[0].id, id);
        QCOMPARE(reports[0].fields.size(), size_t(1));
        QCOMPARE(reports[0].fields[0].field, std::string("title"));
        QCOMPARE(reports[0].fields[0].value, json("Mine"));
        QCOMPARE(reports[0].fields[0].hlc, mine);
        QCOMPARE(reports[0].fields[0].baseHlc, base);
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(1));

        // Someone edited again meanwhile: the server's conflict names a newer winner.
        Store::Conflict verdict;
        verdict.kind = findKind("contact");
        verdict.recordId = id;
        verdict.field = "title";
        verdict.winnerValue = "Theirs again";
        verdict.winnerHlc = stamp(fx.wallMs + 6000);
        verdict.loserValue = "Mine";
        verdict.loserHlc = mine;
        verdict.detectedAt = fx.wallMs;
        PendingRecord held {reports[0].kind, id, {{"title", nullptr, verdict.winnerHlc, {}}}};
        auto added = fx.store->acknowledgePush(reports, {held}, {verdict});
        REQUIRE_OK(added);
        QCOMPARE(*added, std::int64_t(1));
        found = *fx.store->conflicts(false);
        QCOMPARE(found.size(), size_t(1));
        QVERIFY(!found[0].provisional);
        QCOMPARE(found[0].winnerHlc, verdict.winnerHlc);
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));
        QVERIFY((*fx.store->conflictReports()).empty());
        // The record still holds what the pull brought; the next pull brings the newer value.
        QCOMPARE((*fx.store->get("contact", id))->text("title"), std::string("Theirs"));
    }

    void serverConfirmsTheSameConflict()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        std::string id;
        QVERIFY(collide(fx, id, 5000));
        const auto local = (*fx.store->conflicts()).front();
        // The same conflict arrives from the server (a pull, or the report's answer).
        Store::Conflict same = local;
        same.provisional = false;
        QCOMPARE(*fx.store->recordConflicts({same}), std::int64_t(0));
        const auto all = *fx.store->conflicts(false);
        QCOMPARE(all.size(), size_t(1));
        QVERIFY(!all[0].provisional);
        // Settled: nothing is left to report.
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));
    }

    void resolvingAProvisionalConflictCarriesOver()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        std::string id;
        QVERIFY(collide(fx, id, 5000));
        const auto local = (*fx.store->conflicts()).front();
        fx.wallMs += 10000;
        REQUIRE_OK(fx.store->resolveConflict(local.id, false)); // keep mine
        // The choice knew both values: pushed with the winner's stamp as its base, the
        // server sees no new conflict in it.
        auto pending = *fx.store->pendingChanges(10);
        QCOMPARE(pending.size(), size_t(1));
        QCOMPARE(pending[0].fields[0].baseHlc, local.winnerHlc);

        auto reports = *fx.store->conflictReports();
        QCOMPARE(reports.size(), size_t(1));
        Store::Conflict verdict = local;
        verdict.winnerHlc = stamp(fx.wallMs - 4000); // the server had a newer winner
        verdict.provisional = false;
        PendingRecord held {reports[0].kind, id, {{"title", nullptr, verdict.winnerHlc, {}}}};
        REQUIRE_OK(fx.store->acknowledgePush(reports, {held}, {verdict}));
        const auto all = *fx.store->conflicts(false);
        QCOMPARE(all.size(), size_t(1));
        QCOMPARE(all[0].winnerHlc, verdict.winnerHlc);
        QVERIFY(all[0].resolvedAt > 0);
        QCOMPARE(*fx.store->openConflictCount(), std::int64_t(0));
    }

    void ourWinningEditSettlesWhenALaterStampIsAcknowledged()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        std::string id;
        QVERIFY(collide(fx, id, -100));
        const auto local = (*fx.store->conflicts()).front();
        QVERIFY(local.provisional);
        QCOMPARE(local.winnerValue, json("Mine"));
        QVERIFY((*fx.store->conflictReports()).empty()); // ours won: pushed as the value
        // Edited again before the push: the server sees the newer stamp, not the first one.
        fx.wallMs += 1000;
        REQUIRE_OK(fx.store->update("contact", id, {{"title", "Mine, corrected"}}));
        auto pushed = *fx.store->pendingChanges(10);
        const std::string newer = pushed[0].fields[0].hlc;
        Store::Conflict verdict = local;
        verdict.winnerValue = "Mine, corrected";
        verdict.winnerHlc = newer;
        verdict.provisional = false;
        REQUIRE_OK(fx.store->acknowledgePush(pushed, pushed, {verdict}));
        const auto all = *fx.store->conflicts(false);
        QCOMPARE(all.size(), size_t(1));
        QCOMPARE(all[0].winnerHlc, newer);
        QVERIFY(!all[0].provisional);
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));
    }

    void aReportTheServerRefusesStaysLocal()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        std::string id;
        QVERIFY(collide(fx, id, 5000));
        auto reports = *fx.store->conflictReports();
        QCOMPARE(reports.size(), size_t(1));
        REQUIRE_OK(fx.store->keepConflictReportLocal(reports[0]));
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));
        const auto all = *fx.store->conflicts();
        QCOMPARE(all.size(), size_t(1)); // still shown, with both values
        QCOMPARE(all[0].loserValue, json("Mine"));
        QVERIFY(!all[0].provisional);
    }

    void aValueWeNoLongerEditIsNeverAConflict()
    {
        // The push's answer named a newer stamp than the value we hold (someone edited after
        // us); our base is then ahead of our value. The pull that follows is no conflict:
        // nothing of ours is unpushed.
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string id = makeUuidV7(fx.wallMs);
        REQUIRE_OK(fx.store->applyRemote({remote("contact", id,
            {{"full_name", {"Park", stamp(fx.wallMs - 9000)}},
                {"title", {"One", stamp(fx.wallMs - 8000)}}})}));
        REQUIRE_OK(fx.store->update("contact", id, {{"title", "Two"}}));
        auto pushed = *fx.store->pendingChanges(10);
        PendingRecord held {pushed[0].kind, id, {{"title", nullptr, stamp(fx.wallMs + 100), {}}}};
        REQUIRE_OK(fx.store->acknowledgePush(pushed, {held}));
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));
        auto r = fx.store->applyRemote(
            {remote("contact", id, {{"title", {"Four", stamp(fx.wallMs + 200)}}})});
        REQUIRE_OK(r);
        QCOMPARE(r->conflicts, std::int64_t(0));
        QVERIFY((*fx.store->conflicts(false)).empty());
        QCOMPARE((*fx.store->get("contact", id))->text("title"), std::string("Four"));
    }

    void aValueTheServerLostGoesUpAgain()
    {
        // The server answers an older value than one we pushed and it acknowledged: it lost
        // ours (tombstones purged, a backup restored). Ours stays and is pushed again.
        StoreFixture fx;
        QVERIFY(fx.open());
        auto a = fx.add("contact", {{"full_name", "Lee"}, {"title", "Director"}});
        REQUIRE_OK(fx.store->acknowledge(*fx.store->pendingChanges(10)));
        REQUIRE_OK(fx.store->remove("contact", a.id));
        REQUIRE_OK(fx.store->acknowledge(*fx.store->pendingChanges(10)));
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));
        // Recreated on the server from another device's older copy: older title, no delete.
        auto r = fx.store->applyRemote({remote("contact", a.id,
            {{"full_name", {"Lee", stamp(fx.wallMs - 5000)}},
                {"title", {"Manager", stamp(fx.wallMs - 5000)}}})});
        REQUIRE_OK(r);
        QCOMPARE(r->conflicts, std::int64_t(0));
        auto kept = *fx.store->get("contact", a.id);
        QVERIFY(kept->deleted);
        QCOMPARE(kept->text("title"), std::string("Director"));
        auto again = *fx.store->pendingChanges(10);
        QCOMPARE(again.size(), size_t(1));
        std::set<std::string> fields;
        for (const auto &f : again[0].fields)
            fields.insert(f.field);
        QCOMPARE(fields, (std::set<std::string> {"deleted", "full_name", "title"}));
    }

    void serverConflictsAreStoredOnce()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        Store::Conflict c;
        c.kind = findKind("meeting");
        c.recordId = makeUuidV7();
        c.field = "outcome";
        c.winnerValue = "Signed";
        c.winnerHlc = stamp(2000);
        c.loserValue = "Postponed";
        c.loserHlc = stamp(1000, 0, "00000000000000aa");
        c.detectedAt = 5;
        QCOMPARE(*fx.store->recordConflicts({c, c}), std::int64_t(1));
        QCOMPARE(*fx.store->recordConflicts({c}), std::int64_t(0));
        QCOMPARE(*fx.store->openConflictCount(), std::int64_t(1));
    }

    void resyncKeepsUnpushedEditsWhole()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string clean = makeUuidV7(fx.wallMs), edited = makeUuidV7(fx.wallMs + 1);
        const auto t = stamp(fx.wallMs - 1000);
        REQUIRE_OK(fx.store->applyRemote({remote("contact", clean, {{"full_name", {"Clean", t}}}),
            remote("contact", edited, {{"full_name", {"Edited", t}}, {"title", {"T", t}}})}));
        REQUIRE_OK(fx.store->update("contact", edited, {{"notes", "unsynced note"}}));
        auto fresh = fx.add("contact", {{"full_name", "Brand new"}});
        REQUIRE_OK(fx.store->setSyncValue("cursor", "4242"));

        auto kept = fx.store->prepareResync();
        REQUIRE_OK(kept);
        QCOMPARE(*kept, std::int64_t(2));
        QVERIFY(!*fx.store->get("contact", clean));
        QCOMPARE(searchCount(*fx.store, "clean"), std::int64_t(0));
        QCOMPARE(**fx.store->syncValue("cursor"), std::string("0"));
        auto pending = *fx.store->pendingChanges(10);
        QCOMPARE(pending.size(), size_t(2));
        for (const auto &p : pending) {
            if (p.id == edited) {
                // Every field goes up again, so a server that lost the record gets all of it.
                QCOMPARE(p.fields.size(), size_t(3));
            }
        }
        QCOMPARE((*fx.store->get("contact", edited))->text("notes"), std::string("unsynced note"));
        QVERIFY(*fx.store->get("contact", fresh.id));
        // The pull from 0 brings the server's copy back; stamps decide, nothing newer is lost.
        REQUIRE_OK(fx.store->applyRemote({remote("contact", clean, {{"full_name", {"Clean", t}}}),
            remote("contact", edited, {{"full_name", {"Edited", t}}, {"title", {"T", t}}})}));
        QCOMPARE(searchCount(*fx.store, "clean"), std::int64_t(1));
        auto after = *fx.store->pendingChanges(10);
        QCOMPARE(after.size(), size_t(2));
        for (const auto &p : after) {
            if (p.id == edited) {
                QCOMPARE(p.fields.size(), size_t(1));
                QCOMPARE(p.fields[0].field, std::string("notes"));
            }
        }
        QCOMPARE(*fx.store->openConflictCount(), std::int64_t(0));
    }

    void droppingAMissionSetsUnpushedEditsAside()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string mission = makeUuidV7(fx.wallMs), other = makeUuidV7(fx.wallMs + 1);
        const std::string org = makeUuidV7(fx.wallMs + 2);
        const auto t = stamp(fx.wallMs - 1000);
        auto missionFields = [&](const char *title) {
            return std::vector<std::pair<std::string, Store::RemoteField>> {
                {"organisation_id", {org, t}}, {"title", {title, t}},
                {"start_date", {"2026-03-09", t}}, {"end_date", {"2026-03-15", t}},
                {"status", {"planned", t}}};
        };
        const std::string c1 = makeUuidV7(fx.wallMs + 3), c2 = makeUuidV7(fx.wallMs + 4);
        const std::string c3 = makeUuidV7(fx.wallMs + 5);
        REQUIRE_OK(fx.store->applyRemote({remote("mission", mission, missionFields("Osaka")),
            remote("mission", other, missionFields("Seoul")),
            remote(
                "contact", c1, {{"full_name", {"Dropped clean", t}}, {"mission_id", {mission, t}}}),
            remote("contact", c2,
                {{"full_name", {"Dropped edited", t}}, {"mission_id", {mission, t}}}),
            remote("contact", c3, {{"full_name", {"Stays", t}}, {"mission_id", {other, t}}})}));
        REQUIRE_OK(fx.store->update("contact", c2, {{"notes", "said yes to the visit"}}));

        auto dropped = fx.store->dropMissions({mission});
        REQUIRE_OK(dropped);
        QCOMPARE(dropped->records, std::int64_t(3)); // the mission and its two contacts
        QCOMPARE(dropped->setAside, std::int64_t(1));
        QVERIFY(!*fx.store->get("mission", mission));
        QVERIFY(!*fx.store->get("contact", c1));
        QVERIFY(!*fx.store->get("contact", c2));
        QVERIFY(*fx.store->get("contact", c3));
        QCOMPARE(searchCount(*fx.store, "dropped"), std::int64_t(0));
        QCOMPARE(searchCount(*fx.store, "osaka"), std::int64_t(0));
        QCOMPARE(searchCount(*fx.store, "stays"), std::int64_t(1));
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));
        auto aside = *fx.store->setAsideEdits();
        QCOMPARE(aside.size(), size_t(1));
        QCOMPARE(aside[0].recordId, c2);
        QCOMPARE(aside[0].missionId, mission);
        QCOMPARE(aside[0].record["fields"]["notes"], json("said yes to the visit"));
        QCOMPARE(aside[0].pendingFields, std::vector<std::string> {"notes"});
    }

    void droppingRecordsThatLeftTheScope()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string mission = makeUuidV7(fx.wallMs);
        const std::string clean = makeUuidV7(fx.wallMs), edited = makeUuidV7(fx.wallMs + 1);
        for (const auto &id : {clean, edited}) {
            REQUIRE_OK(fx.store->applyRemote({remote("contact", id,
                {{"full_name", {"Hoàng Minh " + id.substr(30), stamp(fx.wallMs - 9000)}},
                    {"mission_id", {mission, stamp(fx.wallMs - 9000)}}})}));
        }
        REQUIRE_OK(fx.store->update("contact", edited, {{"notes", "chưa gửi"}}));
        QCOMPARE(searchCount(*fx.store, "hoang minh"), std::int64_t(2));
        auto stats = fx.store->dropRecords({{findKind("contact"), clean},
            {findKind("contact"), edited}, {findKind("contact"), makeUuidV7()}});
        REQUIRE_OK(stats);
        QCOMPARE(stats->records, std::int64_t(2)); // an unknown id is no error
        QCOMPARE(stats->setAside, std::int64_t(1));
        QVERIFY(!*fx.store->get("contact", clean));
        QVERIFY(!*fx.store->get("contact", edited));
        QCOMPARE(searchCount(*fx.store, "hoang minh"), std::int64_t(0));
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));
        const auto aside = *fx.store->setAsideEdits();
        QCOMPARE(aside.size(), size_t(1));
        QCOMPARE(aside[0].recordId, edited);
        QCOMPARE(aside[0].reason, std::string("moved_out_of_scope"));
        QCOMPARE(aside[0].missionId, mission);
        QCOMPARE(aside[0].record["fields"]["notes"], json("chưa gửi"));

        // An edit that lost a conflict and was not reported yet is set aside too.
        const std::string third = makeUuidV7(fx.wallMs + 2);
        REQUIRE_OK(fx.store->applyRemote({remote("contact", third,
            {{"full_name", {"Lý Văn Ba", stamp(fx.wallMs - 9000)}},
                {"mission_id", {mission, stamp(fx.wallMs - 9000)}},
                {"title", {"Cũ", stamp(fx.wallMs - 9000)}}})}));
        REQUIRE_OK(fx.store->update("contact", third, {{"title", "Của tôi"}}));
        REQUIRE_OK(fx.store->applyRemote(
            {remote("contact", third, {{"title", {"Của họ", stamp(fx.wallMs + 5000)}}})}));
        QCOMPARE((*fx.store->conflictReports()).size(), size_t(1));
        REQUIRE_OK(fx.store->dropMissions({mission}));
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));
        const auto later = *fx.store->setAsideEdits();
        QCOMPARE(later.size(), size_t(2));
        QCOMPARE(later[1].reason, std::string("lost_edit_not_reported"));
        QCOMPARE(later[1].record["fields"]["title"], json("Của tôi"));
        QCOMPARE(later[1].pendingFields, std::vector<std::string> {"title"});
    }

    void wipeErasesEverythingAndChangesIdentity()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        fx.add("contact", {{"full_name", "Secret contact"}});
        REQUIRE_OK(fx.store->setSyncValue("cursor", "12"));
        REQUIRE_OK(fx.store->setCurrentUser("0190a000-0000-7000-8000-000000000001"));
        const std::string oldDevice = fx.store->deviceId();
        REQUIRE_OK(fx.store->wipe());
        QVERIFY(fx.store->deviceId() != oldDevice);
        ListQuery all;
        all.includeDeleted = true;
        QCOMPARE(*fx.store->count("contact", all), std::int64_t(0));
        QCOMPARE(searchCount(*fx.store, "secret"), std::int64_t(0));
        QVERIFY(!*fx.store->syncValue("cursor"));
        QVERIFY(fx.store->currentUser().empty());
        QCOMPARE(*fx.store->database().queryInt("SELECT count(*) FROM pragma_integrity_check "
                                                "WHERE integrity_check = 'ok'"),
            std::int64_t(1));
        // The store still works, under the new identity, after reopening too.
        fx.add("contact", {{"full_name", "After"}});
        const std::string newDevice = fx.store->deviceId();
        QVERIFY(fx.open());
        QCOMPARE(fx.store->deviceId(), newDevice);
        // The deleted text is not left in the file (secure_delete + VACUUM).
        QFile f(QString::fromStdString(fx.path()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("Secret contact"));
    }
};

QTEST_GUILESS_MAIN(TestStoreSync)
#include "tst_storesync.moc"
