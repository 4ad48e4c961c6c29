#include "storefixture.h"
#include <QtCore/qfloat16.h> // complete before nlohmann::json meets QCOMPARE

#include "database.h"
#include "migrations.h"
#include "uuid.h"

#include <QFile>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace attache;
using nlohmann::json;

/// Schema migrations: every earlier version moves forward to the current one, keeping data.
class TestMigrations : public QObject
{
    Q_OBJECT

    // Ids and values in tests/core/data/store-v*.sql, written by the first release's store.
    static constexpr const char *kOldDevice = "5eed5eed5eed5eed";
    static constexpr const char *kOldUser = "01900000-0000-7000-8000-000000000001";
    static constexpr const char *kOldMission = "01900000-0000-7000-8000-0000000000b1";
    static constexpr const char *kOldContact = "01900000-0000-7000-8000-0000000000c1";
    static constexpr const char *kOldLead = "01900000-0000-7000-8000-0000000000e1";
    static constexpr const char *kOldFollowUp = "01900000-0000-7000-8000-0000000000f1";

    // FNV-1a (64-bit) of each released step's SQL, kV1 first, each computed from the commit
    // that released it (kV1-kV3 90774fa, kV4 435419e, kV5 79d20dc, kV6 9fd282e).
    static constexpr std::uint64_t kReleasedStepHashes[] = {
        0x9df5e4c53e83df8cull,
        0x772c7cbce9833092ull,
        0x90591ef7a4a22b10ull,
        0x4e1c3d528cfc31bcull,
        0x79cb1c7270aed2bfull,
        0x873e1dae4d511be9ull,
    };

    static std::uint64_t fnv1a(std::string_view text)
    {
        std::uint64_t h = 0xcbf29ce484222325ull;
        for (const unsigned char c : text) {
            h ^= c;
            h *= 0x100000001b3ull;
        }
        return h;
    }

    // A contact row as a version-1 (or later) file holds it, written with raw SQL so the test
    // does not depend on today's store code.
    static void insertV1Contact(Database &db, const std::string &id)
    {
        auto s
            = db.prepare("INSERT INTO contacts(id, created_at, updated_at, deleted, full_name, "
                         "organisation, country, emails, _stamps, _pending) VALUES (?1, 1, 1, 0, "
                         "'Nguyễn Thị Tiết Hạnh', 'Sở Ngoại vụ Đắk Lắk', 'VN', "
                         "'[\"hanh@example.vn\"]', '{\"full_name\":\"0000000000000001-0000-aa\"}', "
                         "'[\"full_name\"]')");
        s->bind(1, std::string_view(id));
        REQUIRE_OK_VOID(s->exec());
    }
    // A conflict about that contact's name as a version-3 to 5 file holds it (before v6 added
    // `provisional` and `report_base`).
    static void insertV3Conflict(Database &db, const std::string &contactId)
    {
        auto s = db.prepare("INSERT INTO conflicts(kind, record_id, field, winner_value, "
                            "winner_hlc, winner_by, loser_value, loser_hlc, loser_by, "
                            "detected_at) VALUES ('contact', ?1, 'full_name', "
                            "'\"Nguyễn Thị Tiết Hạnh\"', '0000000000000001-0000-aa', NULL, "
                            "'\"Nguyễn Thị Hạnh\"', '0000000000000001-0000-bb', NULL, 7)");
        s->bind(1, std::string_view(contactId));
        REQUIRE_OK_VOID(s->exec());
    }
    static void REQUIRE_OK_VOID(const Result<void> &r)
    {
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
    }

    static std::string readDump(const QString &name)
    {
        const QString path = QFINDTESTDATA(QStringLiteral("data/") + name);
        QFile f(path);
        if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll().toStdString();
    }

    // Every row of a file's tables (the search index and meta aside), each column quote()d in
    // the order the old file declares them: compared before and after migrating, so that a step
    // that rewrites or drops an old value fails here. New columns are not compared.
    struct Table
    {
        std::vector<std::string> columns;
        std::vector<std::string> rows;
    };
    using Snapshot = std::map<std::string, Table>;

    static std::vector<std::string> rowsOf(
        Database &db, const std::string &table, const std::vector<std::string> &columns)
    {
        std::string sql = "SELECT ''";
        for (const auto &c : columns)
            sql += " || '|' || quote(\"" + c + "\")";
        sql += " AS r FROM \"" + table + "\" ORDER BY rowid";
        std::vector<std::string> rows;
        auto s = db.prepare(sql);
        if (!s) {
            qWarning("%s", s.error().message.c_str());
            return rows;
        }
        (void)s->forEachRow([&](const Statement &st) { rows.push_back(st.text("r")); });
        return rows;
    }

    static Snapshot snapshot(Database &db)
    {
        Snapshot out;
        auto tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name "
                                 "NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%' AND "
                                 "name <> 'meta' ORDER BY name");
        std::vector<std::string> names;
        (void)tables->forEachRow([&](const Statement &st) { names.push_back(st.text("name")); });
        for (const auto &name : names) {
            Table t;
            auto cols = db.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
            cols->bind(1, std::string_view(name));
            (void)cols->forEachRow(
                [&](const Statement &st) { t.columns.push_back(st.text("name")); });
            t.rows = rowsOf(db, name, t.columns);
            out[name] = std::move(t);
        }
        return out;
    }

    static json rawJson(Database &db, const KindDef &kind, const std::string &id, const char *col)
    {
        auto s = db.prepare("SELECT " + std::string(col) + " AS v FROM " + std::string(kind.table)
            + " WHERE id = ?1");
        s->bind(1, std::string_view(id));
        if (!s->step().ok() || s->isNull("v"))
            return nullptr;
        return json::parse(s->text("v"));
    }

private slots:
    void freshFileGetsLatest()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        auto &db = fx.store->database();
        QCOMPARE(*db.queryInt("PRAGMA user_version"), std::int64_t(migrations::kLatestVersion));
        QCOMPARE(*db.queryInt("PRAGMA application_id"), std::int64_t(migrations::kApplicationId));
        REQUIRE_OK(migrations::checkSchemaMatchesDefinitions(db));
    }

    void fromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 1; v < migrations::kLatestVersion; ++v)
            QTest::addRow("v%d", v) << v;
    }
    void fromEveryEarlierVersion()
    {
        QFETCH(int, from);
        StoreFixture fx;
        const std::string id = makeUuidV7();
        const bool hasConflicts = from >= 3;
        {
            auto db = Database::open(fx.path());
            REQUIRE_OK(db);
            REQUIRE_OK(migrations::migrate(*db, from));
            QCOMPARE(*db->queryInt("PRAGMA user_version"), std::int64_t(from));
            insertV1Contact(*db, id);
            if (hasConflicts)
                insertV3Conflict(*db, id);
        }
        QVERIFY(fx.open());
        QCOMPARE(*fx.store->database().queryInt("PRAGMA user_version"),
            std::int64_t(migrations::kLatestVersion));
        const auto r = fx.store->get("contact", id);
        REQUIRE_OK(r);
        QVERIFY(r->has_value());
        QCOMPARE((*r)->text("full_name"), std::string("Nguyễn Thị Tiết Hạnh"));
        QCOMPARE((*r)->field("emails"), nlohmann::json::array({"hanh@example.vn"}));
        // Pending marks survive, and the record is searchable once migrated.
        QCOMPARE(*fx.store->pendingCount(), std::int64_t(1));
        const auto hits = fx.store->search("tiet hanh dak lak");
        QCOMPARE(hits->size(), size_t(1));
        QCOMPARE(hits->front().id, id);
        if (hasConflicts) {
            // v6 added columns to conflicts: an old conflict is a settled one (not provisional,
            // nothing to report) that a person can still resolve.
            const auto conflicts = fx.store->conflicts();
            REQUIRE_OK(conflicts);
            QCOMPARE(conflicts->size(), size_t(1));
            const auto &c = conflicts->front();
            QCOMPARE(c.recordId, id);
            QCOMPARE(c.field, std::string("full_name"));
            QCOMPARE(c.winnerValue, json("Nguyễn Thị Tiết Hạnh"));
            QCOMPARE(c.loserValue, json("Nguyễn Thị Hạnh"));
            QCOMPARE(c.winnerHlc, std::string("0000000000000001-0000-aa"));
            QCOMPARE(c.loserHlc, std::string("0000000000000001-0000-bb"));
            QCOMPARE(c.detectedAt, std::int64_t(7));
            QCOMPARE(c.resolvedAt, std::int64_t(0));
            QVERIFY(!c.provisional);
            QVERIFY(fx.store->conflictReports()->empty());
            const auto kept = fx.store->resolveConflict(c.id, false);
            REQUIRE_OK(kept);
            QCOMPARE(kept->text("full_name"), std::string("Nguyễn Thị Hạnh"));
            QCOMPARE(*fx.store->openConflictCount(), std::int64_t(0));
        }
        // And the migrated file behaves like a new one.
        REQUIRE_OK(fx.store->update("contact", id, {{"title", "Giám đốc"}}));
    }

    /// Files written by the first release (tests/core/data), not by today's migrations: every
    /// row and its sync marks survive, and the store works on them.
    void firstReleaseFile_data()
    {
        QTest::addColumn<QString>("dump");
        QTest::addColumn<int>("version");
        QTest::addRow("v1") << QStringLiteral("store-v1.sql") << 1;
        QTest::addRow("v3") << QStringLiteral("store-v3.sql") << 3;
    }
    void firstReleaseFile()
    {
        QFETCH(QString, dump);
        QFETCH(int, version);
        const std::string sql = readDump(dump);
        QVERIFY2(!sql.empty(), qPrintable("tests/core/data/" + dump + " not found"));

        StoreFixture fx;
        Snapshot before;
        std::string hlcLast;
        {
            auto db = Database::open(fx.path());
            REQUIRE_OK(db);
            REQUIRE_OK(db->exec(sql));
            QCOMPARE(*db->queryInt("PRAGMA user_version"), std::int64_t(version));
            before = snapshot(*db);
            auto s = db->prepare("SELECT value FROM meta WHERE key = 'hlc_last'");
            QVERIFY(*s->step());
            hlcLast = s->text("value");
        }
        QCOMPARE(before.count("conflicts"), size_t(version >= 3 ? 1 : 0));
        QCOMPARE(before.at("contacts").rows.size(), size_t(1));
        QCOMPARE(before.at("leads").rows.size(), size_t(1));

        QVERIFY(fx.open());
        Store &store = *fx.store;
        Database &db = store.database();
        QCOMPARE(*db.queryInt("PRAGMA user_version"), std::int64_t(migrations::kLatestVersion));
        for (const auto &[name, table] : before) {
            const auto after = rowsOf(db, name, table.columns);
            QCOMPARE(after.size(), table.rows.size());
            for (std::size_t i = 0; i < after.size(); ++i)
                QCOMPARE(QString::fromStdString(after[i]), QString::fromStdString(table.rows[i]));
        }
        QCOMPARE(store.deviceId(), std::string(kOldDevice));
        QCOMPARE(store.currentUser(), std::string(kOldUser));

        const auto mission = store.get("mission", kOldMission);
        REQUIRE_OK(mission);
        QCOMPARE((*mission)->text("title"), std::string("Xúc tiến đầu tư tại Nhật Bản"));
        QCOMPARE((*mission)->field("cities"), json::array({"Tokyo", "Osaka"}));
        const auto contact = store.get("contact", kOldContact);
        REQUIRE_OK(contact);
        QCOMPARE((*contact)->text("full_name"), std::string("Nguyễn Thị Tiết Hạnh"));
        QCOMPARE((*contact)->text("organisation"), std::string("Sở Ngoại vụ Đắk Lắk"));
        QCOMPARE((*contact)->text("title"), std::string("Phó Giám đốc"));
        QCOMPARE((*contact)->field("tags"), json::array({"đối tác"}));
        QCOMPARE((*contact)->field("consent_noted"), json(true));
        QCOMPARE((*contact)->updatedBy, std::string(kOldUser));
        const auto lead = store.get("lead", kOldLead);
        REQUIRE_OK(lead);
        QVERIFY((*lead)->deleted);
        QCOMPARE(
            (*lead)->field("pledged_capital"), json({{"amount", 1500000000}, {"currency", "USD"}}));

        // The three offline edits are still waiting, each field at the stamp it was written
        // with; what the server had acknowledged stays acknowledged.
        QCOMPARE(*store.pendingCount(), std::int64_t(3));
        const auto pending = store.pendingChanges(100);
        REQUIRE_OK(pending);
        std::set<std::string> pendingIds;
        for (const auto &p : *pending) {
            pendingIds.insert(p.id);
            const json stamps = rawJson(db, *p.kind, p.id, "_stamps");
            const json base = rawJson(db, *p.kind, p.id, "_base");
            std::set<std::string> names;
            for (const auto &f : p.fields) {
                names.insert(f.field);
                QCOMPARE(f.hlc, stamps.value(f.field, std::string()));
                QCOMPARE(f.baseHlc, base.value(f.field, std::string()));
            }
            const json marked = rawJson(db, *p.kind, p.id, "_pending");
            QCOMPARE(names, marked.get<std::set<std::string>>());
        }
        QCOMPARE(pendingIds, (std::set<std::string> {kOldContact, kOldLead, kOldFollowUp}));

        if (version >= 3) {
            const auto conflicts = store.conflicts();
            REQUIRE_OK(conflicts);
            QCOMPARE(conflicts->size(), size_t(1));
            const auto &c = conflicts->front();
            QCOMPARE(c.recordId, std::string(kOldContact));
            QCOMPARE(c.field, std::string("organisation"));
            QCOMPARE(c.winnerValue, json("Sở Ngoại vụ Đắk Lắk"));
            QCOMPARE(c.loserValue, json("UBND tỉnh Đắk Lắk"));
            QCOMPARE(c.winnerBy, std::string(kOldUser));
            QVERIFY(!c.provisional);
            QVERIFY(store.conflictReports()->empty());
        }

        // Search: v1 had no index (rebuilt at open), v3's is kept; deleted records stay out.
        auto hits = store.search("tiet hanh dak lak");
        REQUIRE_OK(hits);
        QCOMPARE(hits->size(), size_t(1));
        QCOMPARE(hits->front().id, std::string(kOldContact));
        QCOMPARE(store.search("thep dong a")->size(), size_t(0));
        QCOMPARE(store.search("vung ang")->size(), size_t(2)); // the meeting and the follow-up

        // A write: its stamp comes after every stamp the old file handed out (the clock was
        // restored from it), and search follows.
        const auto updated
            = store.update("contact", kOldContact, {{"notes", "Gặp ở Buôn Ma Thuột"}});
        REQUIRE_OK(updated);
        const std::string noteStamp
            = rawJson(db, *updated->kind, kOldContact, "_stamps").value("notes", std::string());
        QVERIFY2(noteStamp > hlcLast, (noteStamp + " <= " + hlcLast).c_str());
        hits = store.search("buon ma thuot");
        QCOMPARE(hits->size(), size_t(1));
        QCOMPARE(hits->front().id, std::string(kOldContact));
        if (version >= 3) {
            const auto kept = store.resolveConflict(store.conflicts()->front().id, false);
            REQUIRE_OK(kept);
            QCOMPARE(kept->text("organisation"), std::string("UBND tỉnh Đắk Lắk"));
            QCOMPARE(*store.openConflictCount(), std::int64_t(0));
        }
    }

    /// Files at a version never run its step again: a released step must never change.
    void releasedStepsAreFrozen()
    {
        const auto steps = migrations::steps();
        QCOMPARE(steps.size(), std::size_t(migrations::kLatestVersion));
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const auto hash = fnv1a(steps[i]);
            const int v = int(i) + 1;
            QVERIFY2(i < std::size(kReleasedStepHashes),
                qPrintable(QStringLiteral("Migration step kV%1 has no pinned hash: once it is "
                                          "released, add 0x%2ull to kReleasedStepHashes.")
                               .arg(v)
                               .arg(hash, 16, 16, QLatin1Char('0'))));
            QVERIFY2(hash == kReleasedStepHashes[i],
                qPrintable(QStringLiteral("Migration step kV%1 changed after its release "
                                          "(FNV-1a 0x%2, pinned 0x%3). Files already at "
                                          "version %1 will never run it again: restore kV%1 "
                                          "and make the change a new step kV%4.")
                               .arg(v)
                               .arg(hash, 16, 16, QLatin1Char('0'))
                               .arg(kReleasedStepHashes[i], 16, 16, QLatin1Char('0'))
                               .arg(steps.size() + 1)));
        }
    }

    void failedStepLeavesPreviousVersion()
    {
        StoreFixture fx;
        auto db = Database::open(fx.path());
        REQUIRE_OK(migrations::migrate(*db, 1));
        // Something in the way of step 2: it fails and rolls back whole.
        REQUIRE_OK(db->exec("CREATE TABLE search_index(x)"));
        const auto r = migrations::migrate(*db);
        QVERIFY(!r.ok());
        QCOMPARE(*db->queryInt("PRAGMA user_version"), std::int64_t(1));
        QCOMPARE(*db->queryInt("SELECT count(*) FROM meta WHERE key = 'search_rebuild'"),
            std::int64_t(0));
    }

    void fieldWithoutMigrationIsCaught()
    {
        StoreFixture fx;
        QVERIFY(fx.open());
        fx.store.reset();
        {
            auto db = Database::open(fx.path());
            REQUIRE_OK(db->exec("ALTER TABLE contacts DROP COLUMN tags"));
        }
        auto s = Store::open(fx.path(), fx.options());
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, std::string("schema_mismatch"));
        QVERIFY(s.error().message.find("contacts.tags") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
