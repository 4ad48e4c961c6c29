// Server housekeeping (issue 3), once per storage backend:
// - `admin purge-uploads --older-than DAYS` removes attachment uploads left unfinished with no
//   chunk for DAYS, and nothing else: never a complete upload, never one still being sent. A
//   device coming back to a removed upload starts again from byte 0 and completes it, over the
//   API and with the real sync engine. Schema 2 databases get the activity column on upgrade.
// - `admin purge-tombstones` trims the notices to drop missions and moved records up to the
//   purge horizon, in its transaction, keeping only the newest of a drop that still holds: a
//   device after the horizon still gets the newer notices, one behind it resyncs (an unsent edit
//   in a mission it left is set aside, not refused forever), and both end as a fresh device of
//   the same user.
// Days of idleness are made by ageing the rows in the server's database (opened directly, as
// tst_serveraudit does), never by waiting.
#include "fixture.h"
#include "syncworld.h"

#include "dbschema.h"
#include "sql.h"

#include <sodium.h>

#include <QFile>

#include <random>

using namespace attache::test;
using attache::server::SqlValue;
using nlohmann::json;

namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
constexpr std::size_t kChunk = 64 * 1024;

struct Upload
{
    std::string bytes;
    std::string sha;
};

Upload makeUpload(std::size_t size, unsigned seed)
{
    Upload u;
    u.bytes.resize(size);
    std::mt19937 rng(seed);
    for (auto &c : u.bytes)
        c = char(rng());
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(
        digest, reinterpret_cast<const unsigned char *>(u.bytes.data()), u.bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    u.sha = hex;
    return u;
}

/// PUT `length` bytes of `u` from `offset`.
Reply putPart(ApiClient &c, const Upload &u, std::size_t offset, std::size_t length)
{
    return c.put("/api/v1/attachments/" + u.sha + "?offset=" + std::to_string(offset)
            + "&size=" + std::to_string(u.bytes.size()),
        u.bytes.substr(offset, length));
}

/// Sends `u` from `offset` to the end in chunks; the last answer.
Reply putRest(ApiClient &c, const Upload &u, std::size_t offset)
{
    Reply last;
    for (; offset < u.bytes.size(); offset += kChunk) {
        last = putPart(c, u, offset, kChunk);
        if (last.status != 200)
            break;
    }
    return last;
}

attache::server::StorageConfig storageOf(TestServer &server)
{
    const QStringList args = server.storageArgs();
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

/// Runs one statement on the server's database; the rows, or an error's message as a failure.
attache::Result<attache::server::SqlRows> onDatabase(
    TestServer &server, const std::string &sql, const std::vector<SqlValue> &params = {})
{
    auto conn = attache::server::openConnection(storageOf(server));
    if (!conn)
        return conn.error();
    return (*conn)->query(sql, params);
}

std::int64_t countOf(
    TestServer &server, const std::string &sql, const std::vector<SqlValue> &params = {})
{
    auto rows = onDatabase(server, sql, params);
    return rows && !rows->empty() ? rows->integer(0, "n") : -1;
}

/// Ages an upload (by its key: the hash, or hash/user for a private one) by `days`, as if no
/// chunk had come for that long.
bool age(TestServer &server, const std::string &key, std::int64_t days)
{
    auto r = onDatabase(server,
        "UPDATE uploads SET last_activity = last_activity - ?, created_at = created_at - ? "
        "WHERE sha256 = ?",
        {SqlValue(days * kDayMs), SqlValue(days * kDayMs), SqlValue(key)});
    return r && r->affected == 1;
}

/// Every live record of a device, by "kind/id", with its field values.
std::map<std::string, json> liveRecords(attache::Store &store)
{
    std::map<std::string, json> out;
    for (const auto &kind : attache::allKinds()) {
        auto list = store.list(kind.name);
        if (!list)
            continue;
        for (const auto &r : *list)
            out[std::string(kind.name) + "/" + r.id] = r.fields;
    }
    return out;
}

} // namespace

class TestServerHousekeeping : public QObject
{
    Q_OBJECT

private:
    World w;

    /// After a restart on a new port: the same signed-in devices, talking to it.
    void reconnectClients()
    {
        for (auto &[name, client] : w.clients) {
            auto fresh = w.newClient();
            fresh->token = client->token;
            fresh->deviceId = client->deviceId;
            fresh->userId = client->userId;
            client = std::move(fresh);
        }
    }

    /// Stops the server, runs `script` on its database unless it is empty (taking it back to an
    /// older schema), starts it again (which migrates it) and reconnects the devices. Empty when
    /// all went well, else what failed.
    std::string restartAfter(const std::string &script)
    {
        TestServer &server = *w.server;
        server.stop();
        if (!script.empty()) {
            auto conn = attache::server::openConnection(storageOf(server));
            if (!conn.ok())
                return conn.error().message;
            if (auto r = (*conn)->script(script); !r.ok())
                return r.error().message;
        }
        if (auto started = server.start(); !started.ok())
            return started.error().message;
        reconnectClients();
        return {};
    }

    /// The schema version the database says it has ("" if it cannot be read).
    std::string schemaVersion()
    {
        auto v = onDatabase(*w.server, "SELECT value FROM meta WHERE key = 'schema_version'");
        return v.ok() && !v->empty() ? v->text(0, "value") : std::string();
    }

    json attachmentRecord(const Upload &u, const std::string &missionId, const std::string &node)
    {
        const std::string h = stamp(0, node);
        return {{"kind", "attachment"}, {"id", attache::makeUuidV7()},
            {"fields",
                {{"mission_id", fieldAt(missionId, h)}, {"record_kind", fieldAt("mission", h)},
                    {"record_id", fieldAt(missionId, h)}, {"file_name", fieldAt("scan.pdf", h)},
                    {"mime_type", fieldAt("application/pdf", h)},
                    {"size", fieldAt(u.bytes.size(), h)}, {"sha256", fieldAt(u.sha, h)}}}};
    }

private slots:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        qputenv("ATTACHE_TOKEN_STORE", "file");
        if (backendUnderTest() == Backend::Postgres && !postgresAvailable())
            QSKIP("ATTACHE_TEST_PG_URL is not set (run under scripts/with-postgres)");
        QVERIFY(sodium_init() >= 0);
        const std::string failure = w.build();
        QVERIFY2(failure.empty(), failure.c_str());
    }

    void purgeUploads_onlyUnfinishedAndIdle()
    {
        TestServer &server = *w.server;
        auto &ann = w.as("ann");
        // Abandoned ten days ago after two chunks; the same bytes started by bob, who may not
        // know the server holds them (his own upload, under a private key), also abandoned.
        const Upload abandoned = makeUpload(5 * kChunk + 100, 1);
        QCOMPARE(putPart(ann, abandoned, 0, kChunk).status, 200);
        QCOMPARE(putPart(ann, abandoned, kChunk, kChunk).status, 200);
        QVERIFY(age(server, abandoned.sha, 10));
        QCOMPARE(putPart(w.as("bob"), abandoned, 0, kChunk).status, 200);
        QVERIFY(age(server, abandoned.sha + "/" + w.bob, 10));
        // Started ten days ago, but a chunk came today: still being sent.
        const Upload resumed = makeUpload(4 * kChunk, 2);
        QCOMPARE(putPart(ann, resumed, 0, kChunk).status, 200);
        QVERIFY(age(server, resumed.sha, 10));
        QCOMPARE(putPart(ann, resumed, kChunk, kChunk).status, 200);
        // Started today.
        const Upload fresh = makeUpload(3 * kChunk, 3);
        QCOMPARE(putPart(w.as("lead"), fresh, 0, kChunk).status, 200);
        // Complete a month ago, its record never pushed: bytes are never removed once whole.
        const Upload complete = makeUpload(2 * kChunk + 5, 4);
        QCOMPARE(putRest(ann, complete, 0).body["complete"], true);
        QVERIFY(age(server, complete.sha, 30));

        const AdminRun purge = server.admin({"purge-uploads", "--older-than", "7"});
        QVERIFY2(purge.exitCode == 0, purge.err.c_str());
        QCOMPARE(
            purge.out, "2 unfinished uploads purged (" + std::to_string(3 * kChunk) + " bytes)");

        // Gone with their chunks and their senders; everything else untouched.
        for (const std::string &key : {abandoned.sha, abandoned.sha + "/" + w.bob}) {
            QCOMPARE(countOf(server, "SELECT COUNT(*) AS n FROM uploads WHERE sha256 = ?",
                         {SqlValue(key)}),
                0);
            QCOMPARE(countOf(server, "SELECT COUNT(*) AS n FROM upload_chunks WHERE sha256 = ?",
                         {SqlValue(key)}),
                0);
        }
        QCOMPARE(countOf(server, "SELECT COUNT(*) AS n FROM upload_owners WHERE sha256 = ?",
                     {SqlValue(abandoned.sha)}),
            0);
        QCOMPARE(ann.get("/api/v1/attachments/" + resumed.sha + "/status").body,
            json({{"size", 4 * kChunk}, {"received", 2 * kChunk}, {"complete", false}}));
        QCOMPARE(w.as("lead").get("/api/v1/attachments/" + fresh.sha + "/status").body["received"],
            kChunk);
        QCOMPARE(ann.get("/api/v1/attachments/" + complete.sha + "/status").body["complete"], true);
        QCOMPARE(countOf(server, "SELECT COUNT(*) AS n FROM upload_chunks WHERE sha256 = ?",
                     {SqlValue(complete.sha)}),
            3);

        // Ann's device comes back and resumes where it stopped: the server says it holds
        // nothing, and the upload starts again from byte 0 and completes, hash verified.
        QCOMPARE(ann.get("/api/v1/attachments/" + abandoned.sha + "/status").status, 404);
        const Reply resume = putPart(ann, abandoned, 2 * kChunk, kChunk);
        QCOMPARE(resume.status, 409);
        QCOMPARE(resume.code(), "wrong_offset");
        QCOMPARE(resume.body["received"], 0);
        QVERIFY2(resume.body["message"].get<std::string>().find("byte 0") != std::string::npos,
            resume.raw.c_str());
        const Reply done = putRest(ann, abandoned, 0);
        QCOMPARE(done.status, 200);
        QCOMPARE(done.body["complete"], true);
        QCOMPARE(ann.push("b-hk-att", json::array({attachmentRecord(abandoned, w.m1, "annphone")}))
                     .status,
            200);
        const Reply got = w.as("mgr").get("/api/v1/attachments/" + abandoned.sha);
        QCOMPARE(got.status, 200);
        QVERIFY(got.raw == abandoned.bytes);

        // Nothing idle is left: a second run removes nothing.
        const AdminRun again = server.admin({"purge-uploads", "--older-than", "7"});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out, std::string("0 unfinished uploads purged (0 bytes)"));
    }

    void purgeUploads_badInputRemovesNothing()
    {
        TestServer &server = *w.server;
        const Upload idle = makeUpload(2 * kChunk, 5);
        QCOMPARE(putPart(w.as("ann"), idle, 0, kChunk).status, 200);
        QVERIFY(age(server, idle.sha, 30));
        const auto held = [&] {
            return countOf(server, "SELECT COUNT(*) AS n FROM upload_chunks WHERE sha256 = ?",
                {SqlValue(idle.sha)});
        };
        QCOMPARE(held(), 1);
        const QList<QStringList> bad {{"purge-uploads"}, {"purge-uploads", "--older-than"},
            {"purge-uploads", "--older-than", "-1"}, {"purge-uploads", "--older-than", "0"},
            {"purge-uploads", "--older-than", "abc"}, {"purge-uploads", "--older-than", "7days"},
            {"purge-uploads", "--older-than", "1.5"}, {"purge-uploads", "--older-than", ""},
            {"purge-uploads", "--older-than", "99999999999999999999"}};
        for (const auto &args : bad) {
            const AdminRun r = server.admin(args);
            const std::string what = args.join(' ').toStdString() + ": " + r.out + r.err;
            QVERIFY2(r.exitCode != 0, what.c_str());
            QVERIFY2(
                r.err.find("--older-than DAYS is required") != std::string::npos, what.c_str());
            QVERIFY2(r.out.empty(), what.c_str());
            QCOMPARE(held(), 1);
        }
        // purge-tombstones reads DAYS the same way (0 allowed there), and removes nothing either.
        const std::string id = attache::makeUuidV7();
        auto &lead = w.as("lead");
        QCOMPARE(lead.push("b-hk-t1", json::array({contactChange(id, w.m1, "X", stamp(0, "lp"))}))
                     .status,
            200);
        const json del {{"kind", "contact"}, {"id", id},
            {"fields", {{"deleted", fieldAt(true, stamp(1, "lp"))}}}};
        QCOMPARE(lead.push("b-hk-t2", json::array({del})).status, 200);
        for (const char *days : {"-1", "x", "3 days"}) {
            const AdminRun r = server.admin({"purge-tombstones", "--older-than", days});
            QVERIFY2(r.exitCode != 0, days);
            QVERIFY2(r.err.find("--older-than DAYS is required") != std::string::npos, days);
            QCOMPARE(
                countOf(server, "SELECT COUNT(*) AS n FROM records WHERE id = ?", {SqlValue(id)}),
                1);
        }
        // The idle upload was kept by every refused run: a right one takes it.
        const AdminRun ok = server.admin({"purge-uploads", "--older-than", "29"});
        QVERIFY2(ok.exitCode == 0, ok.err.c_str());
        QCOMPARE(ok.out, "1 unfinished uploads purged (" + std::to_string(kChunk) + " bytes)");
        QCOMPARE(held(), 0);
    }

    void migration_schema2UploadsCountFromTheUpgrade()
    {
        // A schema-2 server had no last_activity: its unfinished uploads, however old, count as
        // active from the upgrade, so no purge takes one a device may still be sending.
        TestServer &server = *w.server;
        const Upload old = makeUpload(3 * kChunk, 6);
        QCOMPARE(putPart(w.as("ann"), old, 0, kChunk).status, 200);
        QVERIFY(age(server, old.sha, 400));
        const std::int64_t upgradedAfter = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::system_clock::now().time_since_epoch())
                                               .count();
        QCOMPARE(restartAfter("BEGIN; ALTER TABLE uploads DROP COLUMN last_activity; "
                              "UPDATE meta SET value = '2' WHERE key = 'schema_version'; COMMIT;"),
            std::string());
        QCOMPARE(schemaVersion(), std::to_string(attache::server::kServerSchemaVersion));
        auto row = onDatabase(server,
            "SELECT last_activity, received FROM uploads WHERE sha256 = ?", {SqlValue(old.sha)});
        QVERIFY(row.ok() && row->size() == 1);
        QVERIFY(row->integer(0, "last_activity") >= upgradedAfter);
        QCOMPARE(row->integer(0, "received"), std::int64_t(kChunk));
        // A schema-2 server still running during the upgrade writes an upload without
        // last_activity: it is not idle either.
        const std::string legacy(64, 'e');
        QVERIFY(onDatabase(server,
            "INSERT INTO uploads (sha256, size, received, complete, org_id, created_at) VALUES "
            "(?, 100, 10, 0, ?, ?)",
            {SqlValue(legacy), SqlValue(w.orgA), SqlValue(upgradedAfter)})
                    .ok());
        const AdminRun purge = server.admin({"purge-uploads", "--older-than", "1"});
        QCOMPARE(purge.exitCode, 0);
        QCOMPARE(purge.out, std::string("0 unfinished uploads purged (0 bytes)"));
        QCOMPARE(countOf(server, "SELECT COUNT(*) AS n FROM uploads WHERE sha256 = ?",
                     {SqlValue(legacy)}),
            1);
        QVERIFY(
            onDatabase(server, "DELETE FROM uploads WHERE sha256 = ?", {SqlValue(legacy)}).ok());
        // The device goes on where it was.
        const Reply done = putRest(w.as("ann"), old, kChunk);
        QCOMPARE(done.status, 200);
        QCOMPARE(done.body["complete"], true);
        // Migrated once: a restart changes nothing.
        QCOMPARE(restartAfter(""), std::string());
        QCOMPARE(schemaVersion(), std::to_string(attache::server::kServerSchemaVersion));
    }

    void migration_schema4RecordsAreNeverLeftOutAsOwn()
    {
        // Schema 4 did not record which push created a record. After the upgrade its records
        // count as created by none: a pull with "own" ranges covering them still sends them.
        TestServer &server = *w.server;
        const std::string id = attache::makeUuidV7();
        const Reply p = w.as("ann").push(
            "b-schema4", json::array({contactChange(id, w.m1, "Before 5", stamp(0, "annphone"))}));
        QCOMPARE(p.status, 200);
        const std::string own = std::to_string(p.body["seq_from"].get<std::int64_t>()) + "-"
            + std::to_string(p.body["cursor"].get<std::int64_t>());
        QCOMPARE(restartAfter("BEGIN; ALTER TABLE records DROP COLUMN created_seq; "
                              "UPDATE meta SET value = '4' WHERE key = 'schema_version'; COMMIT;"),
            std::string());
        QCOMPARE(schemaVersion(), std::to_string(attache::server::kServerSchemaVersion));
        QCOMPARE(
            countOf(server, "SELECT COUNT(*) AS n FROM records WHERE created_seq = seq AND id = ?",
                {SqlValue(id)}),
            0);
        const Reply pulled = w.as("ann").get("/api/v1/pull?cursor=0&limit=2000&own=" + own);
        QCOMPARE(pulled.status, 200);
        QCOMPARE(
            findChange(pulled.body["changes"], id)["fields"]["full_name"]["value"], "Before 5");
        // A record created after the upgrade is left out as before.
        const std::string next = attache::makeUuidV7();
        const Reply q = w.as("ann").push(
            "b-schema5", json::array({contactChange(next, w.m1, "After 5", stamp(0, "annphone"))}));
        QCOMPARE(q.status, 200);
        const Reply again = w.as("ann").get("/api/v1/pull?cursor=0&limit=2000&own="
            + std::to_string(q.body["seq_from"].get<std::int64_t>()) + "-"
            + std::to_string(q.body["cursor"].get<std::int64_t>()));
        QCOMPARE(again.status, 200);
        QVERIFY(findChange(again.body["changes"], next).is_null());
        QVERIFY(!findChange(again.body["changes"], id).is_null());
    }

    void migration_newerSchemaIsRefusedUntouched()
    {
        // A newer attache-server used this database, then an older binary is started on it (a
        // rollback of the package): it must refuse, not misread the records a newer one wrote.
        TestServer &server = *w.server;
        server.stop();
        const std::string newer = std::to_string(attache::server::kServerSchemaVersion + 1);
        QVERIFY(onDatabase(
            server, "UPDATE meta SET value = ? WHERE key = 'schema_version'", {SqlValue(newer)})
                    .ok());
        const std::int64_t records = countOf(server, "SELECT COUNT(*) AS n FROM records");
        const auto refused = server.start();
        QVERIFY(!refused.ok());
        QVERIFY2(
            server.log().find("newer attache-server (schema " + newer + ")") != std::string::npos,
            server.log().c_str());
        const AdminRun admin = server.admin({"list-devices", "--user", "ann"});
        QVERIFY(admin.exitCode != 0);
        QVERIFY(admin.err.find("newer attache-server") != std::string::npos);
        QCOMPARE(schemaVersion(), newer);
        QCOMPARE(countOf(server, "SELECT COUNT(*) AS n FROM records"), records);
        // Back at this binary's schema, it starts again with everything there.
        QVERIFY(onDatabase(server, "UPDATE meta SET value = ? WHERE key = 'schema_version'",
            {SqlValue(std::to_string(attache::server::kServerSchemaVersion))})
                    .ok());
        QVERIFY(server.start().ok());
        reconnectClients();
        QCOMPARE(w.as("ann").pull(0).status, 200);
    }

    void syncEngine_sendsAPurgedUploadAgain()
    {
        // A phone's upload breaks after its first chunk and the phone stays away; IT purges
        // it; when the phone syncs again, the engine starts over and the file arrives whole.
        SyncWorld sw(backendUnderTest());
        auto started = sw.start();
        QVERIFY2(started, started ? "" : started.error().message.c_str());
        FaultProxy proxy(sw.server.port(), nullptr);
        auto a = sw.addDevice("user0", proxy.url());
        auto b = sw.addDevice("user1");
        QVERIFY(a && b);
        TestDevice &A = **a, &B = **b;
        const Upload file = makeUpload(2 * 1024 * 1024 + 512 * 1024, 7);
        const QString src = sw.dir.filePath("scan.pdf");
        {
            QFile f(src);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(file.bytes.data(), qint64(file.bytes.size()));
        }
        auto imported = A.engine->importAttachment(src.toStdString());
        QVERIFY2(imported, imported ? "" : imported.error().message.c_str());
        QCOMPARE(imported->sha256, file.sha);
        QVERIFY(A.store().create("attachment",
            {{"mission_id", sw.mission}, {"record_kind", "mission"}, {"record_id", sw.mission},
                {"file_name", "scan.pdf"}, {"mime_type", "application/pdf"},
                {"size", imported->size}, {"sha256", imported->sha256}}));
        // Requests: the push, the status, the first chunk; then the network is gone.
        const int first = proxy.requestCount();
        proxy.setDecide(
            [first](int i) { return i >= first + 3 ? Fault::DropBeforeRequest : Fault::None; });
        QVERIFY(!A.engine->sync().ok);
        auto held = onDatabase(sw.server, "SELECT received, complete FROM uploads WHERE sha256 = ?",
            {SqlValue(file.sha)});
        QVERIFY(held.ok() && held->size() == 1);
        QCOMPARE(held->integer(0, "received"), 1024 * 1024);
        QVERIFY(age(sw.server, file.sha, 60));
        const AdminRun purge = sw.server.admin({"purge-uploads", "--older-than", "30"});
        QVERIFY2(purge.exitCode == 0, purge.err.c_str());
        QCOMPARE(purge.out, std::string("1 unfinished uploads purged (1048576 bytes)"));

        proxy.setDecide([](int) { return Fault::None; });
        const auto s = A.engine->sync();
        QVERIFY2(s.ok, s.errors.empty() ? "" : s.errors[0].message.c_str());
        QVERIFY(B.engine->sync().ok);
        auto fetched = B.engine->fetchAttachment(file.sha);
        QVERIFY2(fetched, fetched ? "" : fetched.error().message.c_str());
        QFile got(QString::fromStdString(fetched->path));
        QVERIFY(got.open(QIODevice::ReadOnly));
        QVERIFY(got.readAll() == QByteArray(file.bytes.data(), qsizetype(file.bytes.size())));
    }

    void purgeTombstones_trimsDropNoticesBelowTheHorizon()
    {
        // user0 leads missions M, N and O; user1 (device P) and user2 (device Q) are members
        // of M and N. P stays away past the purge horizon; Q syncs after it.
        SyncWorld sw(backendUnderTest());
        auto started = sw.start();
        QVERIFY2(started, started ? "" : started.error().message.c_str());
        const std::string u0 = sw.userIds["user0"], u1 = sw.userIds["user1"],
                          u2 = sw.userIds["user2"];
        const std::string M = sw.mission;
        auto n = sw.server.createMission(sw.org, "N Hàn Quốc", u0, {u1, u2});
        auto o = sw.server.createMission(sw.org, "O Lào", u0, {});
        QVERIFY(n && o);
        const std::string N = *n, O = *o;
        auto l = sw.addDevice("user0");
        auto p = sw.addDevice("user1");
        auto q = sw.addDevice("user2");
        QVERIFY(l && p && q);
        TestDevice &L = **l, &P = **p, &Q = **q;
        auto contact = [&](const std::string &name, const std::string &mission) {
            auto r = L.store().create("contact", {{"full_name", name}, {"mission_id", mission}});
            return r ? r->id : std::string();
        };
        const std::string inM = contact("Tanaka", M), inN = contact("Kim", N),
                          movedEarly = contact("Park", N), movedLate = contact("Lee", N),
                          bounced = contact("Choi", N), deleted = contact("Sato", M);
        QVERIFY(L.engine->sync().ok);
        QVERIFY(P.engine->sync().ok);
        QVERIFY(Q.engine->sync().ok);
        QVERIFY(liveRecords(P.store()).count("contact/" + inN));

        // Before the horizon: user1 leaves N (while P, offline, edits a contact of N); user2
        // leaves N and comes back; a contact moves from N to O (out of user2's sight), another
        // from N to O and back; and a contact is deleted (the tombstone the purge takes). The
        // notices that no longer hold (user2's drop of N, the bounced contact's move out of N)
        // are trimmed; the others are the newest that still hold, and stay.
        QVERIFY(sw.server.removeMember(N, u1));
        QVERIFY(P.store().update("contact", inN, {{"notes", "ghi chú offline"}}));
        QVERIFY(sw.server.removeMember(N, u2));
        QVERIFY(sw.server.addMember(N, u2));
        QVERIFY(L.store().update("contact", movedEarly, {{"mission_id", O}}));
        QVERIFY(L.store().update("contact", bounced, {{"mission_id", O}}));
        QVERIFY(L.engine->sync().ok);
        QVERIFY(L.store().update("contact", bounced, {{"mission_id", N}}));
        QVERIFY(L.engine->sync().ok);
        QVERIFY(L.store().remove("contact", deleted));
        QVERIFY(L.engine->sync().ok);
        QVERIFY(Q.engine->sync().ok); // Q's cursor is now past the tombstone
        QVERIFY(!liveRecords(Q.store()).count("contact/" + movedEarly));
        // After it: user2 leaves M and another contact moves from N to O.
        QVERIFY(sw.server.removeMember(M, u2));
        QVERIFY(L.store().update("contact", movedLate, {{"mission_id", O}}));
        QVERIFY(L.engine->sync().ok);

        auto horizonOf = [&] {
            auto r = onDatabase(sw.server, "SELECT value FROM meta WHERE key = 'purge_horizon'");
            return r && !r->empty() ? r->integer(0, "value") : -1;
        };
        auto notices = [&](const char *table, const char *op) {
            return countOf(sw.server,
                std::string("SELECT COUNT(*) AS n FROM ") + table + " WHERE seq " + op + " ?",
                {SqlValue(horizonOf())});
        };
        const AdminRun purge = sw.server.admin({"purge-tombstones", "--older-than", "0"});
        QVERIFY2(purge.exitCode == 0, purge.err.c_str());
        QCOMPARE(purge.out,
            std::string("1 tombstones purged (1 mission drops and 1 record moves below the horizon "
                        "trimmed)"));
        QVERIFY(horizonOf() > 0);
        QCOMPARE(notices("mission_drops", "<="), 1); // user1 out of N
        QCOMPARE(notices("record_moves", "<="), 2); // Park out of N, Choi out of O
        QCOMPARE(notices("mission_drops", ">"), 1);
        QCOMPARE(notices("record_moves", ">"), 1);

        // Q, after the horizon, is told to drop M and the contact that left N, without a resync.
        auto sq = Q.engine->sync();
        QVERIFY2(sq.ok, sq.errors.empty() ? "" : sq.errors[0].message.c_str());
        QVERIFY(!sq.resynced);
        auto liveQ = liveRecords(Q.store());
        QVERIFY(!liveQ.count("contact/" + inM));
        QVERIFY(!liveQ.count("contact/" + movedLate));
        QVERIFY(liveQ.count("contact/" + inN));
        QVERIFY(liveQ.count("contact/" + bounced));
        // P, behind it, resyncs: N and what was in it are gone (the offline edit set aside on
        // the device, as for any mission the user leaves), M stays.
        auto sp = P.engine->sync();
        QVERIFY2(sp.ok, sp.errors.empty() ? "" : sp.errors[0].message.c_str());
        QVERIFY(sp.resynced);
        QCOMPARE(sp.droppedEdits, std::int64_t(1));
        QCOMPARE(*P.store().pendingCount(), std::int64_t(0));
        auto liveP = liveRecords(P.store());
        QVERIFY(!liveP.count("contact/" + inN));
        QVERIFY(!liveP.count("contact/" + movedLate));
        QVERIFY(liveP.count("contact/" + inM));
        QVERIFY(!liveP.count("contact/" + deleted));
        // Each ends as a fresh device of its user.
        for (auto [dev, user] : {std::pair {&P, "user1"}, std::pair {&Q, "user2"}}) {
            auto fresh = sw.addDevice(user);
            QVERIFY(fresh && (*fresh)->engine->sync().ok);
            const auto mine = liveRecords(dev->store()), theirs = liveRecords((*fresh)->store());
            QVERIFY2(mine == theirs, user);
        }
    }

    // A member's pull reads each of their missions by the mission alone (so that no planner takes
    // the organisation's index for it): a membership of another organisation's mission, which
    // the API refuses but a bug or a hand-edited database could leave, must show nothing of it.
    void scope_membershipOfAnotherOrganisationsMissionShowsNothing()
    {
        std::int64_t cursor = 0;
        QVERIFY(findChange(w.as("carl").pullAll(cursor), w.m1).is_null());
        auto r = onDatabase(*w.server,
            "INSERT INTO mission_members (mission_id, user_id) VALUES (?, ?)",
            {SqlValue(w.m1), SqlValue(w.carl)});
        QVERIFY2(r, r ? "" : r.error().message.c_str());
        auto undo = qScopeGuard([&] {
            (void)onDatabase(*w.server,
                "DELETE FROM mission_members WHERE mission_id = ? AND "
                "user_id = ?",
                {SqlValue(w.m1), SqlValue(w.carl)});
        });
        const std::string note = attache::makeUuidV7();
        QCOMPARE(w.as("ann")
                     .push("hk-xorg",
                         json::array({contactChange(note, w.m1, "Ms. Tanaka", stamp(0, "ann"))}))
                     .status,
            200);
        cursor = 0;
        const json seen = w.as("carl").pullAll(cursor);
        QVERIFY(seen.is_array());
        QVERIFY(!findChange(seen, w.m3).is_null()); // carl's own mission still comes
        QVERIFY(findChange(seen, w.m1).is_null());
        QVERIFY(findChange(seen, note).is_null());
    }

    // On PostgreSQL the server gathers the statistics of its tables that have none when it
    // starts: without them the planner walked every change of the organisation for each pull.
    void statistics_gatheredOnStartWhereMissing()
    {
        if (backendUnderTest() != Backend::Postgres)
            QSKIP("PostgreSQL's planner statistics");
        const auto missing = countOf(*w.server,
            "SELECT COUNT(*) AS n FROM pg_stat_user_tables WHERE schemaname = current_schema() "
            "AND last_analyze IS NULL AND last_autoanalyze IS NULL");
        QCOMPARE(missing, std::int64_t(0));
        QVERIFY(countOf(*w.server,
                    "SELECT COUNT(*) AS n FROM pg_stat_user_tables WHERE schemaname = "
                    "current_schema() AND relname = 'records'")
            == 1);
    }

    // On PostgreSQL the server gathers its tables' statistics again as the database grows:
    // plans made while `records` held a few rows scanned the whole table for every key lookup
    // once it held thousands (StatisticsKeeper). Counted by analyze_count, which autovacuum's
    // own analyses do not touch.
    void statistics_gatheredAgainWhenTheDatabaseHasDoubled()
    {
        if (backendUnderTest() != Backend::Postgres)
            QSKIP("PostgreSQL's planner statistics");
        const std::string analysed = "SELECT analyze_count AS n FROM pg_stat_user_tables WHERE "
                                     "schemaname = current_schema() AND relname = 'records'";
        auto &lead = w.as("lead");
        // The first commit the server process sees is where it counts growth from.
        QCOMPARE(lead.push("b-hk-stat0",
                         json::array({contactChange(
                             attache::makeUuidV7(), w.m1, "Start", stamp(0, "leadphone"))}))
                     .status,
            200);
        const std::int64_t before = countOf(*w.server, analysed);
        QVERIFY(before >= 0);
        const std::int64_t seq
            = countOf(*w.server, "SELECT CAST(value AS BIGINT) AS n FROM meta WHERE key = 'seq'");
        QVERIFY(seq > 0);
        // Enough new changes to double the sequence, and more than StatisticsKeeper::kMinGrowth.
        const std::int64_t grow = std::max<std::int64_t>(seq, 1000) + 10;
        json changes = json::array();
        for (std::int64_t i = 0; i < grow; ++i)
            changes.push_back(contactChange(attache::makeUuidV7(), w.m1,
                "Contact " + std::to_string(i), stamp(0, "leadphone")));
        QCOMPARE(lead.push("b-hk-stat1", changes).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(countOf(*w.server, analysed) > before, 30000);
        // Statistics now know the rows: the planner's estimate is no longer a handful.
        QTRY_VERIFY_WITH_TIMEOUT(countOf(*w.server,
                                     "SELECT CAST(reltuples AS BIGINT) AS n FROM pg_class WHERE "
                                     "oid = 'records'::regclass")
                >= grow,
            30000);

        // Doubling again at once (as in a burst of devices) gathers again, but not sooner than
        // StatisticsKeeper::kMinInterval after the last time: deferred, not dropped.
        const std::string lastAnalysed
            = "SELECT CAST(EXTRACT(EPOCH FROM last_analyze) * 1000 AS BIGINT) AS n FROM "
              "pg_stat_user_tables WHERE schemaname = current_schema() AND relname = 'records'";
        const std::int64_t first = countOf(*w.server, lastAnalysed);
        const std::int64_t once = countOf(*w.server, analysed);
        const std::int64_t seq2
            = countOf(*w.server, "SELECT CAST(value AS BIGINT) AS n FROM meta WHERE key = 'seq'");
        json more = json::array();
        for (std::int64_t i = 0; i < seq2 + 10; ++i)
            more.push_back(contactChange(attache::makeUuidV7(), w.m1,
                "Contact again " + std::to_string(i), stamp(0, "leadphone")));
        QCOMPARE(lead.push("b-hk-stat2", more).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(countOf(*w.server, analysed) > once, 60000);
        const std::int64_t second = countOf(*w.server, lastAnalysed);
        // last_analyze is when ANALYZE records ended; the interval runs from when the first
        // gathering began, so allow for how long that ANALYZE took.
        QVERIFY2(second - first >= 9000,
            ("gathered again after " + std::to_string(second - first) + " ms").c_str());
    }
};

QTEST_GUILESS_MAIN(TestServerHousekeeping)
#include "tst_serverhousekeeping.moc"
