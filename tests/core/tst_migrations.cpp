#include "storefixture.h"
#include <QtCore/qfloat16.h> // complete before nlohmann::json meets QCOMPARE

#include "database.h"
#include "migrations.h"
#include "uuid.h"

using namespace attache;

/// Schema migrations: every earlier version moves forward to the current one, keeping data.
class TestMigrations : public QObject
{
    Q_OBJECT

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
    static void REQUIRE_OK_VOID(const Result<void> &r)
    {
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
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
        {
            auto db = Database::open(fx.path());
            REQUIRE_OK(db);
            REQUIRE_OK(migrations::migrate(*db, from));
            QCOMPARE(*db->queryInt("PRAGMA user_version"), std::int64_t(from));
            insertV1Contact(*db, id);
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
        // And the migrated file behaves like a new one.
        REQUIRE_OK(fx.store->update("contact", id, {{"title", "Giám đốc"}}));
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
