// The audit trail (issue 3: "every accepted change: who, which device, when, old and new
// value"). The server keeps one audit_log row per record change and shows it one row per field
// through the view `audit`; these tests hold the history endpoint to the exact per-field answer
// and check that a database of schema 1 (one `audit` row per field) is migrated without losing
// or reordering anything. Runs once per storage backend.
#include "fixture.h"

#include "dbschema.h"
#include "sql.h"

using namespace attache::test;
using nlohmann::json;

class TestServerAudit : public QObject
{
    Q_OBJECT

private:
    World w;

    attache::server::StorageConfig storage() const
    {
        const QStringList args = w.server->storageArgs();
        attache::server::StorageConfig c;
        for (int i = 0; i + 1 < args.size(); i += 2) {
            const std::string v = args[i + 1].toStdString();
            if (args[i] == "--data-dir")
                c.dataDir = v;
            else if (args[i] == "--database")
                c.databaseUrl = v;
            else if (args[i] == "--schema")
                c.schema = v;
        }
        return c;
    }

    static json entry(const json &e)
    {
        return json {e["field"], e["old_value"], e["old_hlc"], e["new_value"], e["new_hlc"],
            e["user_id"], e["device_id"], e["batch_id"]};
    }

private slots:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        if (backendUnderTest() == Backend::Postgres && !postgresAvailable())
            QSKIP("ATTACHE_TEST_PG_URL is not set (run under scripts/with-postgres)");
        const std::string failure = w.build();
        QVERIFY2(failure.empty(), failure.c_str());
    }

    void history_everyFieldChangeInOrder()
    {
        const std::string id = attache::makeUuidV7();
        const std::string h1 = stamp(-2000, "annphone"), h2 = stamp(-1000, "leadphone");
        json first = contactChange(id, w.m1, "Tanaka", h1);
        first["fields"]["title"] = fieldAt("Deputy Director", h1);
        first["fields"]["notes"] = fieldAt("Line \"one\"\nline two \\ ₫", h1);
        QCOMPARE(w.as("ann").push("b-aud-1", json::array({first})).status, 200);
        json second {{"kind", "contact"}, {"id", id},
            {"fields",
                {{"title", fieldAt("Director", h2, h1)},
                    {"emails", fieldAt(json::array({"tanaka@example.jp"}), h2)}}}};
        QCOMPARE(w.as("lead").push("b-aud-2", json::array({second})).status, 200);
        // A retried batch and a stale value add nothing.
        QCOMPARE(w.as("lead").push("b-aud-2", json::array({second})).status, 200);
        json stale {{"kind", "contact"}, {"id", id},
            {"fields", {{"title", fieldAt("Old title", stamp(-5000, "annphone"), "")}}}};
        QCOMPARE(w.as("ann").push("b-aud-3", json::array({stale})).status, 200);

        const Reply h = w.as("mgr").get("/api/v1/history/contact/" + id);
        QCOMPARE(h.status, 200);
        const std::string annDev = w.as("ann").deviceId, leadDev = w.as("lead").deviceId;
        json got = json::array();
        for (const auto &e : h.body["history"]) {
            got.push_back(entry(e));
            QVERIFY(e["at"].is_number_integer() && e["at"].get<std::int64_t>() > 0);
        }
        const json expected = json::array({
            json {"full_name", nullptr, "", "Tanaka", h1, w.ann, annDev, "b-aud-1"},
            json {"mission_id", nullptr, "", w.m1, h1, w.ann, annDev, "b-aud-1"},
            json {
                "notes", nullptr, "", "Line \"one\"\nline two \\ ₫", h1, w.ann, annDev, "b-aud-1"},
            json {"title", nullptr, "", "Deputy Director", h1, w.ann, annDev, "b-aud-1"},
            json {"emails", nullptr, "", json::array({"tanaka@example.jp"}), h2, w.lead, leadDev,
                "b-aud-2"},
            json {"title", "Deputy Director", h1, "Director", h2, w.lead, leadDev, "b-aud-2"},
        });
        QCOMPARE(got, expected);
    }

    void migration_schema1AuditRowsKeptInOrder()
    {
        // A server of schema 1 kept one audit row per field. Write such a table by hand (what
        // that server left), start the current server on it, and read the history.
        const std::string id = attache::makeUuidV7();
        const std::string h1 = stamp(-3000, "oldphone"), h2 = stamp(-2000, "oldphone");
        QCOMPARE(w.as("ann")
                     .push("b-mig-1", json::array({contactChange(id, w.m1, "Current", h2)}))
                     .status,
            200);
        w.server->stop();
        {
            auto conn = attache::server::openConnection(storage());
            QVERIFY2(conn.ok(), conn.ok() ? "" : conn.error().message.c_str());
            const bool pg = (*conn)->dialect() == attache::server::Dialect::Postgres;
            const std::string serial
                = pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT";
            // Schema 1's table, holding the rows the new trail has (copied back one per field,
            // in order) and then two older rows of this contact.
            auto r = (*conn)->script("BEGIN; CREATE TABLE audit_v1 (id " + serial
                + ", at BIGINT NOT NULL, user_id TEXT NOT NULL, device_id TEXT NOT NULL, "
                  "batch_id TEXT NOT NULL, kind TEXT NOT NULL, record_id TEXT NOT NULL, field "
                  "TEXT NOT NULL, old_value TEXT, old_hlc TEXT, new_value TEXT NOT NULL, new_hlc "
                  "TEXT NOT NULL); "
                  "INSERT INTO audit_v1 (at, user_id, device_id, batch_id, kind, record_id, "
                  "field, old_value, old_hlc, new_value, new_hlc) SELECT at, user_id, "
                  "device_id, batch_id, kind, record_id, field, old_value, old_hlc, new_value, "
                  "new_hlc FROM audit ORDER BY id; "
                  "DROP VIEW audit; DELETE FROM audit_log; "
                  "ALTER TABLE audit_v1 RENAME TO audit; "
                  "INSERT INTO audit (at, user_id, device_id, batch_id, kind, record_id, field, "
                  "old_value, old_hlc, new_value, new_hlc) VALUES (1700000000000, 'u-old', "
                  "'d-old', 'b-old', 'contact', '"
                + id + "', 'notes', NULL, NULL, '\"first note\"', '" + h1
                + "'), (1700000000001, 'u-old', 'd-old', 'b-old2', 'contact', '" + id
                + "', 'notes', '\"first note\"', '" + h1 + "', '[\"a\",{\"b\":null}]', '" + h2
                + "'); UPDATE meta SET value = '1' WHERE key = 'schema_version'; COMMIT;");
            QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        }
        auto started = w.server->start();
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().message.c_str());
        for (auto &[name, client] : w.clients) {
            auto fresh = w.newClient(); // the new port, the same signed-in device
            fresh->token = client->token;
            fresh->deviceId = client->deviceId;
            fresh->userId = client->userId;
            client = std::move(fresh);
        }
        const Reply h = w.as("mgr").get("/api/v1/history/contact/" + id);
        QCOMPARE(h.status, 200);
        json got = json::array();
        for (const auto &e : h.body["history"])
            got.push_back(entry(e));
        const std::string annDev = w.as("ann").deviceId;
        const json expected = json::array({
            json {"full_name", nullptr, "", "Current", h2, w.ann, annDev, "b-mig-1"},
            json {"mission_id", nullptr, "", w.m1, h2, w.ann, annDev, "b-mig-1"},
            json {"notes", nullptr, "", "first note", h1, "u-old", "d-old", "b-old"},
            json {"notes", "first note", h1, json::array({"a", json {{"b", nullptr}}}), h2, "u-old",
                "d-old", "b-old2"},
        });
        QCOMPARE(got, expected);
        QCOMPARE(h.body["history"][2]["at"], 1700000000000);
        // Migrated once: the schema says so, and a restart changes nothing.
        w.server->stop();
        QVERIFY(w.server->start().ok());
        auto conn = attache::server::openConnection(storage());
        QVERIFY(conn.ok());
        auto v = (*conn)->query("SELECT value FROM meta WHERE key = 'schema_version'");
        QVERIFY(v.ok());
        QCOMPARE(v->text(0, "value"), std::to_string(attache::server::kServerSchemaVersion));
        auto n = (*conn)->query(
            "SELECT COUNT(*) AS n FROM audit WHERE record_id = ?", {attache::server::SqlValue(id)});
        QVERIFY(n.ok());
        QCOMPARE(n->integer(0, "n"), 4);
    }
};

QTEST_GUILESS_MAIN(TestServerAudit)
#include "tst_serveraudit.moc"
