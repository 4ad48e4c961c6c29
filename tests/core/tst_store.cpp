#include "storefixture.h"
#include <QtCore/qfloat16.h> // complete before nlohmann::json meets QCOMPARE

#include "database.h"
#include "log.h"
#include "migrations.h"
#include "uuid.h"

#include <QFile>

#include <filesystem>
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
