#include "storefixture.h"
#include <QtCore/qfloat16.h> // complete before nlohmann::json meets QCOMPARE

#include "database.h"
#include "log.h"
#include "migrations.h"
#include "readonlystorage.h"
#include "schema.h"
#include "uuid.h"

#include <QFile>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>

using namespace attache;
using nlohmann::json;

/// The offline store: transactional writes, change stamps, pending tracking, bad input.
class TestStore : public QObject
{
    Q_OBJECT

    static json contact(const char *name)
    {
        return {{"full_name", name}, {"country", "jp"}, {"emails", {"Tanaka@Example.jp"}}};
    }

    static QByteArray readAll(const std::string &path)
    {
        QFile f(QString::fromStdString(path));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // ---- Read-only and full disks ----
    // The scenarios below are Qt-free: the real-disk tests run them in a forked child (see
    // testsupport::runWithOwnMounts) and read back what they observed as JSON.

    /// A store as a user leaves it: a contact, a deleted one, and one added last.
    struct Seeded
    {
        std::string mission, kept, deleted, last;
    };

    using Snapshot = std::map<std::string, std::string>;

    /// Every file in `dir` with its bytes. `withShm` false leaves out -shm files, SQLite's
    /// shared-memory index, which the fault shim lets SQLite write on the writable disk below.
    static Snapshot snapshot(const std::string &dir, bool withShm)
    {
        Snapshot files;
        for (const auto &entry : std::filesystem::directory_iterator(dir)) {
            const std::string name = entry.path().filename().string();
            if (!withShm && name.size() > 4 && name.compare(name.size() - 4, 4, "-shm") == 0)
                continue;
            std::ifstream in(entry.path(), std::ios::binary);
            files[name] = std::string(std::istreambuf_iterator<char>(in), {});
        }
        return files;
    }

    /// Tries every kind of write; returns each one's error code ("ok" if it was not refused),
    /// and under "explained" whether every refusal named the file and said nothing was saved.
    static json tryEveryWrite(Store &s, const Seeded &ids, const std::string &path)
    {
        json codes, messages;
        bool explained = true;
        const auto note = [&](const char *what, const auto &r) {
            codes[what] = r.ok() ? std::string("ok") : r.error().code;
            messages[what] = r.ok() ? std::string() : r.error().message;
            if (!r.ok()
                && (r.error().message.find(path) == std::string::npos
                    || r.error().message.find("nothing was saved") == std::string::npos))
                explained = false;
        };
        note("create", s.create("contact", contact("Sato Yuki")));
        note("update", s.update("contact", ids.kept, {{"title", "Director"}}));
        note("remove", s.remove("contact", ids.kept));
        note("restore", s.restore("contact", ids.deleted));
        note("setCurrentUser", s.setCurrentUser(makeUuidV7()));
        note("setSyncValue", s.setSyncValue("cursor", "42"));
        Store::RemoteChange change;
        change.kind = findKind("contact");
        change.id = makeUuidV7();
        change.fields = {
            {"full_name", {"Remote", Hlc {1'767'225'600'000, 0, "0000000000000abc"}.toString()}}};
        note("applyRemote", s.applyRemote({change}));
        if (auto pending = s.pendingChanges(100); pending)
            note("acknowledge", s.acknowledge(*pending));
        else
            note("acknowledge", pending);
        note("prepareResync", s.prepareResync());
        note("dropMissions", s.dropMissions({ids.mission}));
        note("wipe", s.wipe());
        return {{"codes", codes}, {"messages", messages}, {"explained", explained}};
    }

    /// Opens the store at `path` as the app does and reads and writes it; says what happened,
    /// and whether its folder's files are byte for byte as before.
    static json observe(const std::string &path, const Seeded &ids, bool withShm)
    {
        const std::string dir = std::filesystem::path(path).parent_path().string();
        const Snapshot before = snapshot(dir, withShm);
        json o;
        {
            auto s = Store::open(path);
            if (!s) {
                o["open"] = s.error().code;
                o["message"] = s.error().message;
            } else {
                Store &store = **s;
                o["open"] = "ok";
                o["readOnly"] = store.database().isReadOnly();
                auto count = store.count("contact");
                o["contacts"] = count ? *count : -1;
                auto last = store.get("contact", ids.last);
                o["last"] = last && *last ? (*last)->text("full_name") : std::string();
                auto hits = store.search("watanabe");
                o["found"] = hits ? int(hits->size()) : -1;
                o["writes"] = tryEveryWrite(store, ids, path);
                auto flushed = store.flush();
                o["flush"] = flushed ? std::string("ok") : flushed.error().code;
            }
        }
        o["unchanged"] = snapshot(dir, withShm) == before;
        return o;
    }

    /// Stores made in `dir` while it is writable, then opened after `turnReadOnly` (a real
    /// remount or the fault shim; returns why it could not): "live" closed cleanly, "crashed"
    /// and "noshm" copies of it taken while open, its last change only in the -wal (the -shm
    /// index with it, or not), and a new store.
    static json readOnlyScenario(
        const std::string &dir, const std::function<std::string()> &turnReadOnly, bool withShm)
    {
        json out;
        Seeded ids;
        const std::string live = dir + "/live.db";
        {
            auto s = Store::open(live);
            if (!s)
                return {{"error", s.error().message}};
            ids.mission = makeUuidV7();
            json kept = contact("Tanaka Hiroshi");
            kept["mission_id"] = ids.mission;
            ids.kept = (*s)->create("contact", kept)->id;
            ids.deleted = (*s)->create("contact", contact("Suzuki Aiko"))->id;
            (void)(*s)->remove("contact", ids.deleted);
        }
        {
            auto s = Store::open(live);
            if (!s)
                return {{"error", s.error().message}};
            ids.last = (*s)->create("contact", contact("Watanabe Ken"))->id;
            namespace fs = std::filesystem;
            for (const char *suffix : {"", "-wal", "-shm"})
                fs::copy_file(live + suffix, dir + "/crashed.db" + suffix);
            for (const char *suffix : {"", "-wal"})
                fs::copy_file(live + suffix, dir + "/noshm.db" + suffix);
            out["walBytes"] = fs::file_size(live + "-wal");
        }
        if (auto why = turnReadOnly(); !why.empty())
            return {{"skip", why}};
        for (const char *name : {"live", "crashed", "noshm"})
            out[name] = observe(dir + "/" + name + ".db", ids, withShm);
        const Snapshot before = snapshot(dir, withShm);
        auto fresh = Store::open(dir + "/new.db");
        out["new"] = {{"code", fresh ? std::string("ok") : fresh.error().code},
            {"message", fresh ? std::string() : fresh.error().message},
            {"unchanged", snapshot(dir, withShm) == before}};
        return out;
    }

    /// What readOnlyScenario() saw of a store that must open for reading.
    static void checkReadable(const json &o, const std::string &path)
    {
        QVERIFY2(o.value("open", "") == "ok", (path + ": " + o.dump()).c_str());
        QCOMPARE(o["readOnly"], json(true));
        QCOMPARE(o["contacts"], json(2)); // "Watanabe Ken" is in the -wal of the copies
        QCOMPARE(o["last"], json("Watanabe Ken"));
        QCOMPARE(o["found"], json(1));
        for (const auto &[write, code] : o["writes"]["codes"].items())
            QVERIFY2(code == "read_only",
                (path + ": " + write + " gave " + code.dump() + ": "
                    + o["writes"]["messages"][write].dump())
                    .c_str());
        QCOMPARE(o["writes"]["codes"].size(), std::size_t(11));
        QCOMPARE(o["writes"]["explained"], json(true));
        QCOMPARE(o["flush"], json("ok"));
        QCOMPARE(o["unchanged"], json(true));
    }

    static void checkNewStoreRefused(const json &o, const std::string &dir)
    {
        QCOMPARE(o["code"], json("read_only"));
        const std::string message = o["message"];
        QVERIFY2(message.find(dir) != std::string::npos
                && message.find("read-only") != std::string::npos
                && message.find("could not be created") != std::string::npos,
            message.c_str());
        QCOMPARE(o["unchanged"], json(true)); // no file left behind
    }

    /// A new store on a full disk: the error, and the files left in `dir`.
    static json fullDiskScenario(const std::string &dir)
    {
        auto s = Store::open(dir + "/new.db");
        json files = json::array();
        for (const auto &entry : std::filesystem::directory_iterator(dir))
            files.push_back(entry.path().filename().string());
        return {{"code", s ? std::string("ok") : s.error().code}, {"files", files}};
    }

private slots:
    void initTestCase() { qputenv("TZ", "UTC"); }

    void createAndGet()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        REQUIRE_OK(fx.store->setCurrentUser("019b76da-a800-7000-8000-0000000000aa"));
        const Record r = fx.add("lead",
            {{"mission_id", "019b76da-a800-7000-8000-000000000001"},
                {"company", "  Formosa Hà Tĩnh "},
                {"pledged_capital", {{"amount", 1500000000}, {"currency", "usd"}}}});
        QVERIFY(isUuid(r.id));
        QCOMPARE(r.id[14], '7');
        QCOMPARE(r.createdAt, fx.wallMs);
        QCOMPARE(r.updatedBy, std::string("019b76da-a800-7000-8000-0000000000aa"));
        QCOMPARE(r.updatedDevice, fx.store->deviceId());
        auto got = fx.store->get("lead", r.id);
        REQUIRE_OK(got);
        QVERIFY(got->has_value());
        const Record &g = **got;
        QCOMPARE(g.text("company"), std::string("Formosa Hà Tĩnh"));
        QCOMPARE(g.field("status"), json("interested")); // default applied
        QCOMPARE(g.field("pledged_capital"), (json {{"amount", 1500000000}, {"currency", "USD"}}));
        QCOMPARE(g.field("notes"), json(nullptr));
        QVERIFY(!g.deleted);
        QCOMPARE(g.toJson()["fields"]["company"], json("Formosa Hà Tĩnh"));
    }

    void clientGivenIdAndDuplicates()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string id = makeUuidV7();
        REQUIRE_OK(fx.store->create("contact", contact("A"), id));
        REQUIRE_ERROR(fx.store->create("contact", contact("B"), id), "duplicate_id");
        REQUIRE_ERROR(fx.store->create("contact", contact("C"), "42"), "invalid_id");
        QCOMPARE(*fx.store->count("contact"), std::int64_t(1));
        QCOMPARE((*fx.store->get("contact", id))->text("full_name"), std::string("A"));
    }

    void updateChangesOnlyNamedFields()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const Record r = fx.add("contact", contact("Tanaka Hiroshi"));
        fx.wallMs += 5000;
        auto u = fx.store->update("contact", r.id, {{"title", "Director"}});
        REQUIRE_OK(u);
        QCOMPARE(u->text("title"), std::string("Director"));
        QCOMPARE(u->text("full_name"), std::string("Tanaka Hiroshi"));
        QCOMPARE(u->field("emails"), json::array({"tanaka@example.jp"}));
        QCOMPARE(u->updatedAt, fx.wallMs);
        QCOMPARE(u->createdAt, r.createdAt);
    }

    void listsReadBackAsWritten()
    {
        // Lists of text are read without the JSON parser where they are plain; escapes (here a
        // control character and a quote) take the parser. Either way they read back the same,
        // in a record and in what the push sends.
        StoreFixture fx;
        QVERIFY(fx.open());
        const json tags = json::array({"đầu tư", "a\u0007b", "say \"hi\""});
        const json plain = json::array({"năng lượng", "logistics"});
        const Record r = fx.add("contact", {{"full_name", "Lê"}, {"tags", tags}});
        const Record q = fx.add("contact", {{"full_name", "Võ"}, {"tags", plain}});
        QCOMPARE((*fx.store->get("contact", r.id))->field("tags"), tags);
        QCOMPARE((*fx.store->get("contact", q.id))->field("tags"), plain);
        auto pending = fx.store->pendingChanges(10);
        REQUIRE_OK(pending);
        for (const auto &p : *pending) {
            for (const auto &f : p.fields) {
                if (f.field == "tags")
                    QCOMPARE(f.value, p.id == r.id ? tags : plain);
            }
        }
    }

    void savingSameValuesWritesNothing()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const Record r = fx.add("contact", contact("Tanaka"));
        REQUIRE_OK(fx.store->acknowledge(*fx.store->pendingChanges(100)));
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));
        fx.wallMs += 1000;
        auto u = fx.store->update("contact", r.id, {{"full_name", " Tanaka "}, {"country", "JP"}});
        REQUIRE_OK(u);
        QCOMPARE(u->updatedAt, r.updatedAt);
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));
    }

    void pendingFieldsCarryStampsAndBase()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const Record r = fx.add("contact", contact("Tanaka"));
        auto pending = fx.store->pendingChanges(100);
        REQUIRE_OK(pending);
        QCOMPARE(pending->size(), size_t(1));
        const PendingRecord &p = pending->front();
        QCOMPARE(p.id, r.id);
        QCOMPARE(p.kind->name, std::string_view("contact"));
        std::set<std::string> names;
        for (const auto &f : p.fields) {
            names.insert(f.field);
            QVERIFY(Hlc::parse(f.hlc).has_value());
            QCOMPARE(Hlc::parse(f.hlc)->node, fx.store->deviceId());
            QVERIFY(f.baseHlc.empty());
        }
        QCOMPARE(names, (std::set<std::string> {"full_name", "country", "emails"}));

        REQUIRE_OK(fx.store->acknowledge(*pending));
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));

        // A later edit is pending alone, with the acknowledged stamp as its base.
        fx.wallMs += 10;
        REQUIRE_OK(fx.store->update("contact", r.id, {{"title", "Director"}, {"country", "KR"}}));
        auto again = fx.store->pendingChanges(100);
        QCOMPARE(again->front().fields.size(), size_t(2));
        for (const auto &f : again->front().fields) {
            if (f.field == "country") {
                QCOMPARE(f.value, json("KR"));
                QVERIFY(!f.baseHlc.empty());
                QVERIFY(f.baseHlc < f.hlc);
            } else {
                QCOMPARE(f.field, std::string("title"));
                QVERIFY(f.baseHlc.empty());
            }
        }
    }

    void editDuringPushStaysPending()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const Record r = fx.add("contact", contact("Tanaka"));
        const auto pushed = *fx.store->pendingChanges(100); // sent to the server…
        fx.wallMs += 10;
        REQUIRE_OK(fx.store->update("contact", r.id, {{"full_name", "Tanaka H."}})); // …meanwhile
        REQUIRE_OK(fx.store->acknowledge(pushed));
        auto left = fx.store->pendingChanges(100);
        QCOMPARE(left->size(), size_t(1));
        QCOMPARE(left->front().fields.size(), size_t(1));
        QCOMPARE(left->front().fields.front().field, std::string("full_name"));
        QCOMPARE(left->front().fields.front().value, json("Tanaka H."));
    }

    void stampsStayMonotonicAcrossRestartWithClockBack()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const Record r = fx.add("contact", contact("Tanaka"));
        const std::string first = fx.store->pendingChanges(1)->front().fields.front().hlc;
        const std::string device = fx.store->deviceId();
        fx.wallMs -= 24 * 3600 * 1000; // the phone's clock went back a day
        QVERIFY(fx.open());
        QCOMPARE(fx.store->deviceId(), device);
        REQUIRE_OK(fx.store->update("contact", r.id, {{"title", "Director"}}));
        const auto after = fx.store->pendingChanges(1);
        for (const auto &f : after->front().fields) {
            if (f.field == "title") {
                const std::string message = f.hlc + " <= " + first;
                QVERIFY2(f.hlc > first, message.c_str());
            }
        }
    }

    void stampsOrderAcrossConnections()
    {
        // The app and the sync engine each hold a connection to the same file. An edit made on
        // one after a newer stamp was written through the other must order after it, or the
        // user's later edit would lose to a value they had already seen.
        StoreFixture fx;
        QVERIFY(fx.open());
        const Record r = fx.add("contact", contact("Tanaka"));
        std::int64_t aheadMs = fx.wallMs + 3'600'000; // the other connection's clock: +1 h
        StoreOptions o;
        o.clock = [&] { return aheadMs; };
        auto other = Store::open(fx.path(), o);
        REQUIRE_OK(other);
        REQUIRE_OK((*other)->update("contact", r.id, {{"title", "Deputy Director"}}));
        const std::string seen = (*other)->pendingChanges(1)->front().fields.back().hlc;
        REQUIRE_OK(fx.store->update("contact", r.id, {{"title", "Director"}}));
        const auto mine = fx.store->pendingChanges(1);
        std::string stamp;
        for (const auto &f : mine->front().fields) {
            if (f.field == "title")
                stamp = f.hlc;
        }
        const std::string message = stamp + " <= " + seen;
        QVERIFY2(stamp > seen, message.c_str());
    }

    void deleteAndRestore()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const Record r = fx.add("contact", contact("Tanaka"));
        REQUIRE_OK(fx.store->acknowledge(*fx.store->pendingChanges(100)));
        auto d = fx.store->remove("contact", r.id);
        REQUIRE_OK(d);
        QVERIFY(d->deleted);
        QCOMPARE(*fx.store->count("contact"), std::int64_t(0));
        QCOMPARE(fx.store->list("contact")->size(), size_t(0));
        ListQuery all;
        all.includeDeleted = true;
        QCOMPARE(fx.store->list("contact", all)->size(), size_t(1));
        QVERIFY(fx.store->search("tanaka")->empty());
        auto p = fx.store->pendingChanges(10);
        QCOMPARE(p->front().fields.front().field, std::string("deleted"));
        QCOMPARE(p->front().fields.front().value, json(true));
        REQUIRE_ERROR(fx.store->update("contact", r.id, {{"title", "x"}}), "deleted");

        REQUIRE_OK(fx.store->restore("contact", r.id));
        QCOMPARE(*fx.store->count("contact"), std::int64_t(1));
        QCOMPARE(fx.store->search("tanaka")->size(), size_t(1));
        QCOMPARE(fx.store->pendingChanges(10)->front().fields.front().value, json(false));
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("code");
        QTest::newRow("missing required field") << R"({"full_name": ""})"
                                                << "required";
        QTest::newRow("unknown field") << R"({"shoe_size": 42})"
                                       << "unknown_field";
        QTest::newRow("bad country") << R"({"country": "Nhật"})"
                                     << "invalid_country";
        QTest::newRow("wrong type") << R"({"emails": "a@b.c"})"
                                    << "wrong_type";
        QTest::newRow("not an object") << R"(["full_name"])"
                                       << "wrong_type";
    }
    void badInputChangesNothing()
    {
        QFETCH(QString, patch);
        QFETCH(QString, code);
        StoreFixture fx;
        QVERIFY(fx.open());
        const Record r = fx.add("contact", contact("Tanaka"));
        const auto before = fx.store->pendingChanges(10)->front().fields.size();
        // A valid change in the same patch must not be half-applied either.
        json p = json::parse(patch.toStdString());
        if (p.is_object())
            p["title"] = "Director";
        const auto u = fx.store->update("contact", r.id, p);
        QVERIFY(!u.ok());
        QCOMPARE(QString::fromStdString(u.error().code), code);
        const Record after = **fx.store->get("contact", r.id);
        QCOMPARE(after.fields, r.fields);
        QCOMPARE(fx.store->pendingChanges(10)->front().fields.size(), before);
        // Creating with the same bad input creates nothing.
        const int count = int(*fx.store->count("contact"));
        json c = p;
        if (p.is_object()) {
            c = contact("B");
            c.update(p);
        }
        QVERIFY(!fx.store->create("contact", c).ok());
        QCOMPARE(int(*fx.store->count("contact")), count);
    }

    void invalidUtf8ChangesNothing()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        REQUIRE_ERROR(fx.store->create("contact", {{"full_name", std::string("H\xe0 T\xecnh")}}),
            "invalid_utf8");
        QCOMPARE(*fx.store->count("contact"), std::int64_t(0));
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(0));
    }

    void endBeforeStartRefused()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const json m = {{"organisation_id", makeUuidV7()}, {"title", "Đoàn công tác Hàn Quốc"},
            {"start_date", "2026-05-22"}, {"end_date", "2026-05-18"}};
        REQUIRE_ERROR(fx.store->create("mission", m), "date_order");
        QCOMPARE(*fx.store->count("mission"), std::int64_t(0));
    }

    void unknownCurrencyRefused()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        REQUIRE_ERROR(fx.store->create("lead",
                          {{"mission_id", makeUuidV7()}, {"company", "X"},
                              {"pledged_capital", {{"amount", 5}, {"currency", "ABC"}}}}),
            "invalid_currency");
        REQUIRE_ERROR(fx.store->create("lead",
                          {{"mission_id", makeUuidV7()}, {"company", "X"},
                              {"pledged_capital", {{"amount", 1.5}, {"currency", "USD"}}}}),
            "invalid_amount");
        QCOMPARE(*fx.store->count("lead"), std::int64_t(0));
    }

    void unknownKindAndMissingRecord()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        REQUIRE_ERROR(fx.store->create("invoice", json::object()), "unknown_kind");
        REQUIRE_ERROR(fx.store->get("invoice", makeUuidV7()), "unknown_kind");
        REQUIRE_ERROR(fx.store->update("contact", makeUuidV7(), {{"title", "x"}}), "not_found");
        REQUIRE_ERROR(fx.store->remove("contact", makeUuidV7()), "not_found");
        QVERIFY(!fx.store->get("contact", makeUuidV7())->has_value());
    }

    void pragmas()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        auto &db = fx.store->database();
        auto mode = db.prepare("PRAGMA journal_mode");
        QVERIFY(mode->step().value());
        QCOMPARE(mode->text("journal_mode"), std::string("wal"));
        QCOMPARE(*db.queryInt("PRAGMA foreign_keys"), std::int64_t(1));
        QCOMPARE(*db.queryInt("PRAGMA synchronous"), std::int64_t(2));
        QCOMPARE(fx.store->schemaVersion(), migrations::kLatestVersion);
    }

    // A Full store leaves the copy of its log into the database file to a thread of its own
    // (WalCheckpointer): it must still happen while the store stays open, or the log would
    // grow until the store closes.
    void fullDurabilityCheckpointsBesideTheCommits()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        auto &db = fx.store->database();
        REQUIRE_OK(db.exec("CREATE TABLE scratch (x TEXT)"));
        const auto emptySize = std::filesystem::file_size(fx.path());
        // Ten commits of ~1,200 pages each (4 KiB pages): every one takes the log over the
        // threshold of 1,000 pages.
        auto insert = db.prepare("INSERT INTO scratch (x) VALUES (?)");
        REQUIRE_OK(insert);
        const std::string text(4000, 'x');
        for (int commit = 0; commit < 10; ++commit) {
            REQUIRE_OK(db.exec("BEGIN IMMEDIATE"));
            for (int i = 0; i < 1200; ++i) {
                insert->bind(1, std::string_view(text));
                REQUIRE_OK(insert->exec());
            }
            REQUIRE_OK(db.exec("COMMIT"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            std::filesystem::file_size(fx.path()) > emptySize + 40000000, 10000);
        QCOMPARE(*db.queryInt("SELECT COUNT(*) FROM scratch"), std::int64_t(12000));
    }

    void deferredDurability()
    {
        StoreFixture fx;
        StoreOptions o = fx.options();
        o.durability = Durability::Deferred;
        auto s = Store::open(fx.path(), o);
        REQUIRE_OK(s);
        QCOMPARE(*(*s)->database().queryInt("PRAGMA synchronous"), std::int64_t(1));
        REQUIRE_OK((*s)->create("contact", contact("Tanaka")));
        QCOMPARE(*(*s)->database().queryInt("PRAGMA wal_autocheckpoint"), std::int64_t(0));
        REQUIRE_OK((*s)->flush());
        // After the flush every WAL frame is in the database file: a second checkpoint finds
        // as many frames checkpointed as logged.
        auto check = (*s)->database().prepare("PRAGMA wal_checkpoint(PASSIVE)");
        QVERIFY(check->step().value());
        QCOMPARE(check->integer("busy"), std::int64_t(0));
        QCOMPARE(check->integer("checkpointed"), check->integer("log"));
        QCOMPARE(*(*s)->count("contact"), std::int64_t(1));
    }

    void deferredStoreInsideOuterTransaction()
    {
        // A bulk write through a Deferred store never tries to checkpoint mid-transaction.
        StoreFixture fx;
        StoreOptions o = fx.options();
        o.durability = Durability::Deferred;
        auto s = Store::open(fx.path(), o);
        REQUIRE_OK(s);
        int warnings = 0;
        setLogSink([&](LogLevel level, std::string_view, std::string_view) {
            if (level >= LogLevel::Warning)
                ++warnings;
        });
        {
            auto outer = Transaction::begin((*s)->database());
            REQUIRE_OK(outer);
            for (int i = 0; i < 1200; ++i)
                REQUIRE_OK((*s)->create("contact", contact("Bulk")));
            REQUIRE_OK(outer->commit());
        }
        setLogSink({});
        QCOMPARE(warnings, 0);
        QCOMPARE(*(*s)->count("contact"), std::int64_t(1200));
    }

    void notADatabaseFileIsLeftUntouched()
    {
        StoreFixture fx;
        QFile f(QString::fromStdString(fx.path()));
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray bytes
            = QByteArray("BEGIN:VCARD\nVERSION:3.0\nFN:Tanaka\nEND:VCARD\n").repeated(200);
        f.write(bytes);
        f.close();
        auto s = Store::open(fx.path(), fx.options());
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, std::string("not_a_database"));
        QCOMPARE(readAll(fx.path()), bytes);
    }

    void otherAppsSqliteIsLeftUntouched()
    {
        StoreFixture fx;
        {
            auto db = Database::open(fx.path());
            REQUIRE_OK(db->exec("CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT);"
                                "INSERT INTO photos(name) VALUES ('a.jpg');"));
        }
        const QByteArray before = readAll(fx.path());
        auto s = Store::open(fx.path(), fx.options());
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, std::string("not_attache_database"));
        QCOMPARE(readAll(fx.path()), before);
    }

    void newerSchemaIsRefused()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        fx.add("contact", contact("Tanaka"));
        REQUIRE_OK(fx.store->database().exec("PRAGMA user_version = 99"));
        fx.store.reset();
        const QByteArray before = readAll(fx.path());
        auto s = Store::open(fx.path(), fx.options());
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, std::string("newer_schema"));
        QVERIFY(s.error().message.find("99") != std::string::npos);
        QCOMPARE(readAll(fx.path()), before);
    }

    void readOnlyStoreRefusesWrites()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const Record r = fx.add("contact", contact("Tanaka"));
        fx.store.reset();
        StoreOptions o = fx.options();
        o.mode = Database::Mode::ReadOnly;
        auto s = Store::open(fx.path(), o);
        REQUIRE_OK(s);
        REQUIRE_ERROR((*s)->update("contact", r.id, {{"title", "Director"}}), "read_only");
        REQUIRE_ERROR((*s)->create("contact", contact("B")), "read_only");
        QCOMPARE((**(*s)->get("contact", r.id)).field("title"), json(nullptr));
        QCOMPARE(*(*s)->count("contact"), std::int64_t(1));
    }

    void fullDiskLosesNothingSaved()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const Record kept = fx.add("contact", contact("Tanaka"));
        auto &db = fx.store->database();
        const auto pages = *db.queryInt("PRAGMA page_count");
        // Cap the file a few pages above its size: the next big writes hit SQLITE_FULL for real.
        REQUIRE_OK(db.exec("PRAGMA max_page_count = " + std::to_string(pages + 4)));
        const std::string big(200 * 1024, 'x');
        Result<Record> r = fx.store->create("contact", {{"full_name", "Big"}, {"notes", big}});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, std::string("disk_full"));
        QVERIFY(r.error().message.find("nothing was saved") != std::string::npos);
        QCOMPARE(*fx.store->count("contact"), std::int64_t(1));
        QCOMPARE((**fx.store->get("contact", kept.id)).text("full_name"), std::string("Tanaka"));
        // Space freed: the store carries on.
        REQUIRE_OK(db.exec("PRAGMA max_page_count = 1073741823"));
        REQUIRE_OK(fx.store->create("contact", {{"full_name", "Big"}, {"notes", big}}));
        QCOMPARE(*fx.store->count("contact"), std::int64_t(2));
        QCOMPARE(*db.queryInt(
                     "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"),
            std::int64_t(0));
    }

    void readOnlyDiskOpensForReading()
    {
        // A disk mounted read-only for real, in a child process with a mount namespace of its
        // own: the kernel, not a simulation, refuses the writes.
        QTemporaryDir tmp;
        const std::string ro = tmp.filePath(QStringLiteral("ro")).toStdString();
        const std::string full = tmp.filePath(QStringLiteral("full")).toStdString();
        std::filesystem::create_directory(ro);
        std::filesystem::create_directory(full);
        const auto child = testsupport::runWithOwnMounts([&] {
            if (auto why = testsupport::mountTmpfs(ro, "size=16m"); !why.empty())
                return json {{"skip", why}}.dump();
            json out = readOnlyScenario(
                ro, [&] { return testsupport::remountReadOnly(ro); }, true);
            if (auto why = testsupport::mountTmpfs(full, "size=1m"); !why.empty())
                return json {{"skip", why}}.dump();
            // Fill the disk to its last byte.
            std::ofstream filler(full + "/filler", std::ios::binary);
            const std::string block(4096, 'x');
            while (filler.write(block.data(), std::streamsize(block.size())) && filler.flush()) { }
            filler.close();
            out["full"] = fullDiskScenario(full);
            // A few KB free: SQLite fails to grow its -shm file, an I/O error with errno ENOSPC.
            const auto size = std::filesystem::file_size(full + "/filler");
            std::filesystem::resize_file(full + "/filler", size - 8192);
            out["nearlyFull"] = fullDiskScenario(full);
            return out.dump();
        });
        if (child.unavailable)
            QSKIP(("no user and mount namespace here (" + child.output
                + "); readOnlyDiskViaFaultShim covers the same without privileges")
                      .c_str());
        QVERIFY2(child.exitedCleanly, child.output.c_str());
        const json out = json::parse(child.output);
        if (out.contains("skip"))
            QSKIP(("cannot mount a tmpfs here: " + out["skip"].get<std::string>()).c_str());
        QVERIFY2(!out.contains("error"), child.output.c_str());
        QVERIFY(out["walBytes"].get<std::int64_t>() > 0);
        for (const char *name : {"live", "crashed", "noshm"}) {
            checkReadable(out[name], ro + "/" + name + ".db");
            if (QTest::currentTestFailed())
                return;
        }
        checkNewStoreRefused(out["new"], ro);
        if (QTest::currentTestFailed())
            return;
        for (const char *disk : {"full", "nearlyFull"}) {
            QVERIFY2(out[disk]["code"] == "disk_full", (disk + (": " + out[disk].dump())).c_str());
            QCOMPARE(out[disk]["files"], json({"filler"}));
        }
    }

    void readOnlyDiskViaFaultShim()
    {
        QTemporaryDir tmp;
        const std::string dir = tmp.path().toStdString();
        json out;
        {
            testsupport::FaultyDisk disk;
            out = readOnlyScenario(
                dir,
                [&] {
                    disk.set(testsupport::FaultyDisk::Fault::ReadOnly);
                    return std::string();
                },
                false);
        }
        QVERIFY2(!out.contains("error"), out.dump().c_str());
        for (const char *name : {"live", "crashed"}) {
            checkReadable(out[name], dir + "/" + name + ".db");
            if (QTest::currentTestFailed())
                return;
        }
        // The shim has no lock-free twin (the unix VFS has "unix-none"), so a -wal without its
        // -shm cannot be read at all: the error says where, why and what to do.
        const json &noshm = out["noshm"];
        QCOMPARE(noshm["open"], json("read_only"));
        const std::string message = noshm["message"];
        QVERIFY2(message.find(dir + "/noshm.db-wal") != std::string::npos
                && message.find("read-only") != std::string::npos,
            message.c_str());
        QCOMPARE(noshm["unchanged"], json(true));
        checkNewStoreRefused(out["new"], dir);
    }

    void diskTurningReadOnlyUnderAnOpenStore()
    {
        // An error remounts the disk read-only while the app has the store open.
        testsupport::FaultyDisk disk; // declared first: it must outlive the store
        StoreFixture fx;
        QVERIFY(fx.open());
        Seeded ids;
        ids.mission = makeUuidV7();
        json kept = contact("Tanaka Hiroshi");
        kept["mission_id"] = ids.mission;
        ids.kept = fx.add("contact", kept).id;
        ids.deleted = fx.add("contact", contact("Suzuki Aiko")).id;
        REQUIRE_OK(fx.store->remove("contact", ids.deleted));
        ids.last = fx.add("contact", contact("Watanabe Ken")).id;
        const std::string dir = fx.dir.path().toStdString();
        const Snapshot before = snapshot(dir, false);
        const std::string device = fx.store->deviceId();
        disk.set(testsupport::FaultyDisk::Fault::ReadOnly);
        const json writes = tryEveryWrite(*fx.store, ids, fx.path());
        // The refused wipe among them left the store under the id its file holds.
        QCOMPARE(fx.store->deviceId(), device);
        for (const auto &[write, code] : writes["codes"].items())
            QVERIFY2(code == "read_only",
                (write + " gave " + code.dump() + ": " + writes["messages"][write].dump()).c_str());

        QCOMPARE(writes["explained"], json(true));
        QCOMPARE(*fx.store->count("contact"), std::int64_t(2));
        QCOMPARE(
            (**fx.store->get("contact", ids.last)).text("full_name"), std::string("Watanabe Ken"));
        QCOMPARE(fx.store->search("watanabe")->size(), std::size_t(1));
        QVERIFY(snapshot(dir, false) == before);
        // Writable again (the disk was repaired): the store carries on.
        disk.set(testsupport::FaultyDisk::Fault::None);
        REQUIRE_OK(fx.store->create("contact", contact("Sato Yuki")));
        QCOMPARE(*fx.store->count("contact"), std::int64_t(3));
        fx.store.reset();
    }

    void olderSchemaOnReadOnlyDiskSaysSo()
    {
        testsupport::FaultyDisk disk;
        StoreFixture fx;
        QVERIFY(fx.open());
        fx.add("contact", contact("Tanaka"));
        REQUIRE_OK(fx.store->database().exec(
            "PRAGMA user_version = " + std::to_string(migrations::kLatestVersion - 1)));
        fx.store.reset();
        const std::string dir = fx.dir.path().toStdString();
        const Snapshot before = snapshot(dir, false);
        disk.set(testsupport::FaultyDisk::Fault::ReadOnly);
        auto s = Store::open(fx.path());
        REQUIRE_ERROR(s, "read_only");
        QVERIFY2(s.error().message.find(fx.path()) != std::string::npos
                && s.error().message.find("needs upgrading") != std::string::npos,
            s.error().message.c_str());
        QVERIFY(snapshot(dir, false) == before);
    }

    void newStoreOnFullDiskLeavesNoFile()
    {
        QTemporaryDir tmp;
        const std::string dir = tmp.path().toStdString();
        json out;
        {
            testsupport::FaultyDisk disk;
            disk.set(testsupport::FaultyDisk::Fault::Full);
            out = fullDiskScenario(dir);
        }
        QCOMPARE(out["code"], json("disk_full"));
        QCOMPARE(out["files"], json::array());
    }

    void bulkWritesNestInOuterTransaction()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        auto &db = fx.store->database();
        {
            auto outer = Transaction::begin(db);
            REQUIRE_OK(outer);
            fx.add("contact", contact("A"));
            // A failing write inside rolls back alone; the outer work survives.
            REQUIRE_ERROR(fx.store->create("contact", {{"full_name", ""}}), "required");
            fx.add("contact", contact("B"));
            REQUIRE_OK(outer->commit());
        }
        QCOMPARE(*fx.store->count("contact"), std::int64_t(2));
        {
            auto outer = Transaction::begin(db);
            fx.add("contact", contact("C"));
            // Abandoned: everything inside is rolled back.
        }
        QCOMPARE(*fx.store->count("contact"), std::int64_t(2));
        QVERIFY(fx.store->search("c")->empty()); // nor is the search index left behind
    }

    void listByMissionAndOrder()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string m1 = makeUuidV7(), m2 = makeUuidV7();
        fx.add("contact", {{"full_name", "Zhang Wei"}, {"mission_id", m1}});
        fx.add("contact", {{"full_name", "an Nguyễn"}, {"mission_id", m1}});
        fx.add("contact", {{"full_name", "Kim"}, {"mission_id", m2}});
        ListQuery q;
        q.missionId = m1;
        auto l = fx.store->list("contact", q);
        QCOMPARE(l->size(), size_t(2));
        QCOMPARE(l->at(0).text("full_name"), std::string("an Nguyễn"));
        QCOMPARE(*fx.store->count("contact", q), std::int64_t(2));
        q.limit = 1;
        q.offset = 1;
        QCOMPARE(fx.store->list("contact", q)->at(0).text("full_name"), std::string("Zhang Wei"));
        // Pages come from an index, not a sort of the whole table.
        auto plan = fx.store->database().prepare(
            "EXPLAIN QUERY PLAN SELECT * FROM contacts WHERE deleted = 0 AND mission_id = ?1 "
            "ORDER BY full_name COLLATE NOCASE, id LIMIT 50");
        std::string details;
        while (plan->step().value())
            details += plan->text("detail") + "\n";
        QVERIFY2(details.find("TEMP B-TREE") == std::string::npos, details.c_str());
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
