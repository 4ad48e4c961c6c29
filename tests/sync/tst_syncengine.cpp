// The engine's HTTP behaviour against a scripted responder on loopback: the retry schedule
// (injected sleeper, no real waits), one request for a no-op sync, gzip, progress callbacks,
// error codes and what the engine does about them (wipe on revocation), a refused record not
// blocking the others, a stalled link failing within seconds, cancel from another thread.

#include "loopback.h"
#include "store.h"
#include "syncengine.h"
#include "tokenstore.h"
#include "uuid.h"
#include <QtCore/qfloat16.h>

#include <QTemporaryDir>
#include <QTest>

#include <condition_variable>
#include <set>
#include <sys/stat.h>
#include <thread>

using namespace attache;
using namespace attache::sync;
using attache::test::ScriptedResponse;
using attache::test::ScriptedServer;
using attache::test::SeenRequest;
using nlohmann::json;
using std::chrono::milliseconds;

#define REQUIRE_OK_VOID(expr) QVERIFY((expr).ok())

namespace {

ScriptedResponse ok(const json &body)
{
    return ScriptedResponse {200, body.dump(), {}, false};
}

ScriptedResponse error(int status, const std::string &code, json extra = json::object())
{
    extra["code"] = code;
    extra["message"] = "scripted " + code;
    return ScriptedResponse {status, extra.dump(), {}, false};
}

json emptyPull(std::int64_t cursor = 7)
{
    return {{"changes", json::array()}, {"conflicts", json::array()},
        {"drop_missions", json::array()}, {"cursor", cursor}, {"remaining", 0}, {"resync", false}};
}

// Acknowledges every pushed field at the pushed stamp.
json ackAll(const json &push)
{
    json acks = json::array();
    for (const auto &c : push["changes"]) {
        json fields = json::object();
        for (const auto &[name, f] : c["fields"].items())
            fields[name] = f["hlc"];
        acks.push_back({{"kind", c["kind"]}, {"id", c["id"]}, {"fields", fields}});
    }
    return {{"applied", push["changes"].size()}, {"acknowledged", acks},
        {"conflicts", json::array()}, {"cursor", 1}};
}

bool isPull(const SeenRequest &r)
{
    return r.method == "GET" && r.target.rfind("/api/v1/pull", 0) == 0;
}

struct Device
{
    QTemporaryDir dir;
    std::vector<milliseconds> sleeps;
    std::unique_ptr<SyncEngine> engine;

    std::string db() const { return dir.filePath("device.db").toStdString(); }

    bool open(const std::string &url, SyncConfig config = {}, bool signedIn = true)
    {
        config.serverUrl = url;
        RetryHooks hooks;
        hooks.sleep = [this](milliseconds d) {
            sleeps.push_back(d);
            return true;
        };
        hooks.random = [] { return 0.5; };
        auto e = SyncEngine::open(db(), config, hooks);
        if (!e) {
            qWarning("%s", e.error().message.c_str());
            return false;
        }
        engine = std::move(*e);
        if (signedIn)
            return FileTokenStore(db() + ".token").save(std::string(64, 'a')).ok();
        return true;
    }
    Store &store() { return engine->store(); }
};

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private slots:
    void backoffSchedule()
    {
        RetryPolicy p; // 500 ms doubling to 30 s, jitter 0.5
        QCOMPARE(p.delay(0, 0.0), milliseconds(500));
        QCOMPARE(p.delay(1, 0.0), milliseconds(1000));
        QCOMPARE(p.delay(2, 0.0), milliseconds(2000));
        QCOMPARE(p.delay(5, 0.0), milliseconds(16000));
        QCOMPARE(p.delay(6, 0.0), milliseconds(30000)); // capped
        QCOMPARE(p.delay(60, 0.0), milliseconds(30000)); // no overflow
        // Jitter scales into [d/2, d].
        QCOMPARE(p.delay(2, 1.0), milliseconds(1000));
        QCOMPARE(p.delay(2, 0.5), milliseconds(1500));
        // A longer Retry-After wins; a shorter one does not shorten the backoff; it is capped.
        QCOMPARE(p.delay(0, 0.0, milliseconds(7000)), milliseconds(7000));
        QCOMPARE(p.delay(3, 0.0, milliseconds(10)), milliseconds(4000));
        QCOMPARE(p.delay(0, 0.0, milliseconds(3600000)), milliseconds(120000));
        // Between syncs: 5 s, 10 s, … up to 15 minutes, never zero after a failure.
        QCOMPARE(nextSyncDelay(0, 0.0), milliseconds(0));
        QCOMPARE(nextSyncDelay(1, 0.0), milliseconds(5000));
        QCOMPARE(nextSyncDelay(2, 0.0), milliseconds(10000));
        QCOMPARE(nextSyncDelay(40, 0.0), milliseconds(900000));
        QVERIFY(nextSyncDelay(40, 0.999) >= milliseconds(450000));
    }

    void noOpSyncIsOneRequest()
    {
        ScriptedServer server([](const SeenRequest &r) {
            return isPull(r) ? ok(emptyPull(0)) : error(404, "not_found");
        });
        Device d;
        QVERIFY(d.open(server.url()));
        const SyncSummary s = d.engine->sync();
        QVERIFY(s.ok);
        QCOMPARE(s.requests, std::int64_t(1));
        const auto seen = server.requests();
        QCOMPARE(seen.size(), size_t(1));
        QCOMPARE(seen[0].headers.at("attache-protocol"), std::string("1"));
        QCOMPARE(seen[0].headers.at("authorization"), "Bearer " + std::string(64, 'a'));
        QVERIFY(seen[0].headers.count("accept-encoding"));
        QVERIFY(seen[0].target.find("cursor=0") != std::string::npos);
    }

    void pushesThenPullsWithProgress()
    {
        std::vector<json> pushes;
        std::mutex m;
        const std::string remoteId = makeUuidV7();
        ScriptedServer server([&](const SeenRequest &r) {
            if (r.target == "/api/v1/push") {
                const json body = json::parse(r.body);
                std::lock_guard lock(m);
                pushes.push_back(body);
                return ok(ackAll(body));
            }
            if (isPull(r) && r.target.find("cursor=0&") != std::string::npos) {
                json page = emptyPull(5);
                page["remaining"] = 1;
                page["changes"].push_back({{"kind", "contact"}, {"id", remoteId}, {"seq", 5},
                    {"fields",
                        {{"full_name",
                            {{"value", "Yamamoto Aiko"},
                                {"hlc", "0000019532a1b2c3-0000-00000000000000ff"}}}}},
                    {"updated_by", ""}, {"updated_device", "00000000000000ff"}, {"updated_at", 1}});
                return ok(page);
            }
            if (isPull(r))
                return ok(emptyPull(6));
            return error(404, "not_found");
        });
        Device d;
        SyncConfig config;
        config.pushBatchSize = 2;
        QVERIFY(d.open(server.url(), config));
        for (int i = 0; i < 3; ++i)
            REQUIRE_OK_VOID(d.store().create("contact",
                {{"full_name", "Người số " + std::to_string(i)},
                    {"notes", std::string(400, 'x')}}));
        std::vector<Progress> seen;
        SyncCallbacks cb;
        cb.progress = [&](const Progress &p) { seen.push_back(p); };
        bool finished = false;
        cb.finished = [&](const SyncSummary &) { finished = true; };
        const SyncSummary s = d.engine->sync(cb);
        QVERIFY(s.ok);
        QVERIFY(finished);
        QCOMPARE(s.pushed, std::int64_t(3));
        QCOMPARE(s.pulled, std::int64_t(1));
        QCOMPARE(s.requests, std::int64_t(4)); // 2 pushes (batches of 2), 2 pulls
        QCOMPARE(pushes.size(), size_t(2));
        QCOMPARE(s.pendingAfter, std::int64_t(0));
        // Push bodies went compressed.
        const auto reqs = server.requests();
        QCOMPARE(reqs[0].headers.at("content-encoding"), std::string("gzip"));
        QVERIFY(s.bytesSent < std::int64_t(reqs[0].body.size() + reqs[1].body.size()));
        // Progress: pushing 2/3 then 3/3, pulling 1 of 2 (a percentage), then done.
        auto has = [&](Phase ph, std::int64_t done, std::int64_t total) {
            return std::any_of(seen.begin(), seen.end(), [&](const Progress &p) {
                return p.phase == ph && p.done == done && p.total == total;
            });
        };
        QVERIFY(has(Phase::Pushing, 2, 3));
        QVERIFY(has(Phase::Pushing, 3, 3));
        QVERIFY(has(Phase::Pulling, 1, 2));
        QCOMPARE(seen.back().phase, Phase::Done);
        QVERIFY(seen.back().bytesSent > 0 && seen.back().bytesReceived > 0);
        auto status = d.engine->status();
        QVERIFY(status);
        QCOMPARE(status->cursor, std::int64_t(6));
        QCOMPARE(status->pending, std::int64_t(0));
        QVERIFY(status->lastSuccessMs > 0);
        QVERIFY(*d.store().get("contact", remoteId));
    }

    // The pull names the seq ranges of this sync's acknowledged pushes ("own"), adjacent ones
    // joined, so that the server leaves out the records this device created in them; a server
    // that does not say which seqs a push took gets no such parameter.
    void pullNamesTheRangesOfThisSyncsPushes_data()
    {
        QTest::addColumn<bool>("serverSaysSeqs");
        QTest::newRow("server gives seq_from") << true;
        QTest::newRow("older server") << false;
    }
    void pullNamesTheRangesOfThisSyncsPushes()
    {
        QFETCH(bool, serverSaysSeqs);
        std::mutex m;
        std::int64_t seq = 10;
        ScriptedServer server([&](const SeenRequest &r) {
            if (r.target == "/api/v1/push") {
                const json body = json::parse(r.body);
                std::lock_guard lock(m);
                json answer = ackAll(body);
                const auto n = std::int64_t(body["changes"].size());
                if (serverSaysSeqs)
                    answer["seq_from"] = seq + 1;
                answer["cursor"] = seq + n;
                seq += n + (seq == 12 ? 5 : 0); // another device's writes after the second batch
                return ok(answer);
            }
            if (isPull(r))
                return ok(emptyPull(seq));
            return error(404, "not_found");
        });
        Device d;
        SyncConfig config;
        config.pushBatchSize = 2;
        config.pushesInFlight = 1;
        QVERIFY(d.open(server.url(), config));
        for (int i = 0; i < 5; ++i)
            REQUIRE_OK_VOID(
                d.store().create("contact", {{"full_name", "Người số " + std::to_string(i)}}));
        QVERIFY(d.engine->sync().ok);
        const auto reqs = server.requests();
        QCOMPARE(reqs.size(), size_t(4)); // three pushes, one pull
        QVERIFY(isPull(reqs.back()));
        if (serverSaysSeqs)
            QVERIFY2(reqs.back().target.find("&own=11-14,20-20") != std::string::npos,
                reqs.back().target.c_str());
        else
            QVERIFY2(
                reqs.back().target.find("own=") == std::string::npos, reqs.back().target.c_str());
        // The next sync pushed nothing: its pull names no range.
        QVERIFY(d.engine->sync().ok);
        QVERIFY(server.requests().back().target.find("own=") == std::string::npos);
    }

    void retriesTransientFailuresOnTheSchedule()
    {
        std::atomic<int> n {0};
        ScriptedServer server([&](const SeenRequest &) {
            const int i = n++;
            if (i == 0)
                return error(503, "internal");
            if (i == 1)
                return ScriptedResponse {
                    429, R"({"code":"rate_limited","message":"x"})", {{"Retry-After", "7"}}, false};
            if (i == 2)
                return ScriptedResponse {200, R"({"changes": [)", {}, false}; // cut off
            if (i == 3)
                return ScriptedResponse {0, {}, {}, true}; // connection closed, no answer
            return ok(emptyPull());
        });
        Device d;
        QVERIFY(d.open(server.url()));
        const SyncSummary s = d.engine->sync();
        QVERIFY2(s.ok, s.errors.empty() ? "" : s.errors[0].message.c_str());
        // libcurl itself resends once when a reused connection closes before any answer, so the
        // server saw five requests for the engine's four attempts.
        QCOMPARE(s.requests, std::int64_t(4));
        QCOMPARE(server.requests().size(), size_t(5));
        // random() = 0.5, jitter 0.5: each delay is 3/4 of 500·2^n; Retry-After 7 s wins.
        const std::vector<milliseconds> expected {
            milliseconds(375), milliseconds(7000), milliseconds(1500)};
        QCOMPARE(d.sleeps, expected);
    }

    void givesUpAfterMaxAttemptsAndSchedulesTheNextSync()
    {
        ScriptedServer server([](const SeenRequest &) { return error(503, "internal"); });
        Device d;
        QVERIFY(d.open(server.url()));
        REQUIRE_OK_VOID(d.store().create("contact", {{"full_name", "Waiting"}}));
        SyncSummary s = d.engine->sync();
        QVERIFY(!s.ok);
        QCOMPARE(s.requests, std::int64_t(5));
        QCOMPARE(d.sleeps.size(), size_t(4));
        QCOMPARE(s.errors.size(), size_t(1));
        QCOMPARE(s.errors[0].code, ErrorCode::ServerBusy);
        QVERIFY(s.errors[0].retryable);
        QCOMPARE(s.pendingAfter, std::int64_t(1));
        QCOMPARE(s.retryAfter, nextSyncDelay(1, 0.5));
        // Nothing new written locally: the next failed sync still schedules a (longer) retry.
        s = d.engine->sync();
        QCOMPARE(s.retryAfter, nextSyncDelay(2, 0.5));
        QCOMPARE((*d.engine->status()).consecutiveFailures, 2);
    }

    void errorCodesAreActionable_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("minProtocol");
        QTest::addColumn<int>("expected");
        QTest::newRow("unauthorized")
            << 401 << "unauthorized" << 0 << int(ErrorCode::SignInRequired);
        QTest::newRow("client too old")
            << 426 << "unsupported_protocol" << 2 << int(ErrorCode::ClientTooOld);
        QTest::newRow("server too old")
            << 426 << "unsupported_protocol" << 0 << int(ErrorCode::ServerTooOld);
        QTest::newRow("clock skew") << 400 << "clock_skew" << 0 << int(ErrorCode::ClockSkew);
        QTest::newRow("wrong url") << 404 << "not_found" << 0 << int(ErrorCode::Config);
    }

    void errorCodesAreActionable()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(int, minProtocol);
        QFETCH(int, expected);
        ScriptedServer server([&](const SeenRequest &) {
            return error(status, code.toStdString(),
                {{"min_protocol", minProtocol}, {"max_protocol", minProtocol}});
        });
        Device d;
        QVERIFY(d.open(server.url()));
        REQUIRE_OK_VOID(d.store().create("contact", {{"full_name", "Kept"}}));
        const SyncSummary s = d.engine->sync();
        QVERIFY(!s.ok);
        QCOMPARE(s.requests, std::int64_t(1)); // not retried
        QCOMPARE(int(s.errors.at(0).code), expected);
        QVERIFY(!s.errors[0].retryable);
        QVERIFY(s.errors[0].message.size() > 20);
        QCOMPARE(s.retryAfter, milliseconds(0)); // needs a person, not a timer
        QCOMPARE(*d.store().pendingCount(), std::int64_t(1)); // nothing lost
    }

    void revokedDeviceIsWiped()
    {
        ScriptedServer server([](const SeenRequest &) { return error(401, "device_revoked"); });
        Device d;
        QVERIFY(d.open(server.url()));
        REQUIRE_OK_VOID(d.store().create("contact", {{"full_name", "Sensitive"}}));
        const std::string before = d.store().deviceId();
        const SyncSummary s = d.engine->sync();
        QCOMPARE(s.errors.at(0).code, ErrorCode::DeviceRevoked);
        ListQuery all;
        all.includeDeleted = true;
        QCOMPARE(*d.store().count("contact", all), std::int64_t(0));
        QVERIFY(d.store().deviceId() != before);
        QVERIFY(!QFile::exists(QString::fromStdString(d.db() + ".token")));
        QVERIFY(!(*d.engine->status()).signedIn);
    }

    void refusedRecordDoesNotBlockTheOthers()
    {
        std::string badId;
        ScriptedServer server([&](const SeenRequest &r) {
            if (r.target == "/api/v1/push") {
                const json body = json::parse(r.body);
                for (const auto &c : body["changes"]) {
                    if (c["id"] == badId)
                        return error(400, "invalid_value", {{"kind", "contact"}, {"id", badId}});
                }
                return ok(ackAll(body));
            }
            return ok(emptyPull());
        });
        Device d;
        QVERIFY(d.open(server.url()));
        for (int i = 0; i < 7; ++i) {
            auto r = d.store().create("contact", {{"full_name", "C" + std::to_string(i)}});
            QVERIFY(r);
            if (i == 4)
                badId = r->id;
        }
        const SyncSummary s = d.engine->sync();
        QVERIFY(!s.ok);
        QCOMPARE(s.pushed, std::int64_t(6));
        QCOMPARE(s.errors.size(), size_t(1));
        QCOMPARE(s.errors[0].code, ErrorCode::Rejected);
        QCOMPARE(s.errors[0].id, badId);
        QCOMPARE(s.pendingAfter, std::int64_t(1));
        auto pending = *d.store().pendingChanges(10);
        QCOMPARE(pending.at(0).id, badId);
    }

    void pipelinedBatches_eachRecordOnceRefusalsIsolatedFatalStops()
    {
        // Batches are sent while the previous answer is being stored: every record still goes
        // exactly once, a refused record is isolated by splitting its batch, and an error that
        // ends the sync leaves the batches after it unsent and pending.
        std::string badId, fatalId;
        std::vector<std::string> seenIds;
        std::mutex m;
        ScriptedServer server([&](const SeenRequest &r) {
            if (r.target == "/api/v1/push") {
                const json body = json::parse(r.body);
                for (const auto &c : body["changes"]) {
                    if (c["id"] == badId)
                        return error(400, "invalid_value", {{"kind", "contact"}, {"id", badId}});
                    if (c["id"] == fatalId)
                        return error(426, "unsupported_protocol");
                }
                std::lock_guard lock(m);
                for (const auto &c : body["changes"])
                    seenIds.push_back(c["id"]);
                return ok(ackAll(body));
            }
            return ok(emptyPull());
        });
        Device d;
        SyncConfig config;
        config.pushBatchSize = 2;
        QVERIFY(d.open(server.url(), config));
        std::vector<std::string> ids;
        for (int i = 0; i < 9; ++i) {
            auto r = d.store().create("contact", {{"full_name", "P" + std::to_string(i)}});
            QVERIFY(r);
            ids.push_back(r->id);
        }
        // Batches {0,1} {2,3} {4,5} {6,7} {8}: 5 is refused, 7 ends the sync.
        badId = ids[5];
        fatalId = ids[7];
        const SyncSummary s = d.engine->sync();
        QVERIFY(!s.ok);
        QCOMPARE(s.pushed, std::int64_t(5));
        // Each once; two batches are in flight at a time, so they may arrive in either order.
        std::vector<std::string> expected(ids.begin(), ids.begin() + 5);
        std::sort(seenIds.begin(), seenIds.end());
        QCOMPARE(seenIds, expected);
        QCOMPARE(s.errors.size(), size_t(2));
        QCOMPARE(s.errors[0].code, ErrorCode::Rejected);
        QCOMPARE(s.errors[0].id, badId);
        QCOMPARE(s.errors[1].code, ErrorCode::ServerTooOld);
        std::vector<std::string> pendingIds;
        const auto stillPending = d.store().pendingChanges(100);
        QVERIFY(stillPending);
        for (const auto &p : *stillPending)
            pendingIds.push_back(p.id);
        std::sort(pendingIds.begin(), pendingIds.end());
        std::vector<std::string> left {ids[5], ids[6], ids[7], ids[8]};
        std::sort(left.begin(), left.end());
        QCOMPARE(pendingIds, left);
        // Nothing refused: all nine go, each once, and none stays pending.
        badId.clear();
        fatalId.clear();
        seenIds.clear();
        const SyncSummary again = d.engine->sync();
        QVERIFY(again.ok);
        QCOMPARE(again.pushed, std::int64_t(4));
        QCOMPARE(seenIds.size(), size_t(4));
        QCOMPARE(again.pendingAfter, std::int64_t(0));
    }

    void twoPushesInFlight_data()
    {
        QTest::addColumn<int>("inFlight");
        QTest::newRow("two") << 2;
        QTest::newRow("one") << 1;
    }
    void twoPushesInFlight()
    {
        // With two in flight, the second batch reaches the server while it still works on the
        // first (each on its own connection); with one, only after the first answer.
        QFETCH(int, inFlight);
        ScriptedServer *self = nullptr;
        bool overlapped = false, duplicate = false;
        std::set<std::string> pushedIds;
        ScriptedServer server([&](const SeenRequest &r) {
            if (r.target != "/api/v1/push")
                return ok(emptyPull());
            const json body = json::parse(r.body);
            const auto pushes = [](const std::vector<SeenRequest> &seen) {
                return std::count_if(seen.begin(), seen.end(),
                    [](const SeenRequest &q) { return q.target == "/api/v1/push"; });
            };
            if (pushedIds.empty()) {
                overlapped
                    = self->waitForRequests([&](const auto &seen) { return pushes(seen) >= 2; },
                        std::chrono::milliseconds(inFlight == 2 ? 10000 : 500));
            }
            for (const auto &c : body["changes"])
                duplicate = !pushedIds.insert(c["id"].get<std::string>()).second || duplicate;
            return ok(ackAll(body));
        });
        self = &server;
        Device d;
        SyncConfig config;
        config.pushBatchSize = 2;
        config.pushesInFlight = inFlight;
        QVERIFY(d.open(server.url(), config));
        for (int i = 0; i < 5; ++i)
            REQUIRE_OK_VOID(d.store().create("contact", {{"full_name", "T" + std::to_string(i)}}));
        const SyncSummary s = d.engine->sync();
        QVERIFY(s.ok);
        QCOMPARE(s.pushed, std::int64_t(5));
        QCOMPARE(pushedIds.size(), size_t(5));
        QVERIFY(!duplicate);
        QCOMPARE(s.pendingAfter, std::int64_t(0));
        QCOMPARE(overlapped, inFlight == 2);
    }

    void loginKeepsTheTokenPrivate()
    {
        ScriptedServer server([](const SeenRequest &r) {
            if (r.target == "/api/v1/login") {
                const json b = json::parse(r.body);
                if (b["password"] != "right")
                    return error(401, "invalid_credentials");
                return ok({{"token", std::string(64, 'f')}, {"device_id", b["device_id"]},
                    {"user",
                        {{"id", "0190a000-0000-7000-8000-0000000000aa"}, {"username", "hanh"},
                            {"full_name", "Trần Thị Hạnh"}, {"role", "member"},
                            {"organisation_id", "0190a000-0000-7000-8000-0000000000bb"}}}});
            }
            return ok(emptyPull());
        });
        Device d;
        QVERIFY(d.open(server.url(), {}, false));
        QVERIFY(!(*d.engine->status()).signedIn);
        SyncSummary s = d.engine->sync();
        QCOMPARE(s.errors.at(0).code, ErrorCode::SignInRequired);
        QCOMPARE(s.requests, std::int64_t(0));
        auto bad = d.engine->login("hanh", "wrong");
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, std::string("invalid_credentials"));
        auto good = d.engine->login("hanh", "right");
        QVERIFY(good);
        QCOMPARE(good->user.fullName, std::string("Trần Thị Hạnh"));
        QCOMPARE(d.store().currentUser(), std::string("0190a000-0000-7000-8000-0000000000aa"));
        struct stat st
        {
        };
        QCOMPARE(::stat((d.db() + ".token").c_str(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        // Never in the database file.
        QFile f(QString::fromStdString(d.db()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(QByteArray(64, 'f')));
        auto status = *d.engine->status();
        QVERIFY(status.signedIn);
        QCOMPARE(status.user.username, std::string("hanh"));
        QVERIFY(d.engine->sync().ok);
        const auto reqs = server.requests();
        QCOMPARE(reqs.back().headers.at("authorization"), "Bearer " + std::string(64, 'f'));
        // Logging out tells the server and removes the token; local records stay.
        QVERIFY(d.engine->logout().ok());
        QCOMPARE(server.requests().back().target, std::string("/api/v1/logout"));
        QVERIFY(!QFile::exists(QString::fromStdString(d.db() + ".token")));
        QVERIFY(!(*d.engine->status()).signedIn);
    }

    void stalledLinkFailsWithinSeconds()
    {
        std::mutex m;
        std::condition_variable cv;
        bool release = false;
        ScriptedServer server([&](const SeenRequest &) {
            // Accepts the request and then says nothing, like a dead hotel Wi-Fi.
            std::unique_lock lock(m);
            cv.wait_for(lock, std::chrono::seconds(10), [&] { return release; });
            return ok(emptyPull());
        });
        Device d;
        SyncConfig config;
        config.lowSpeedTime = std::chrono::seconds(1);
        config.retry.maxAttempts = 1;
        QVERIFY(d.open(server.url(), config));
        const auto start = std::chrono::steady_clock::now();
        const SyncSummary s = d.engine->sync();
        const auto took = std::chrono::steady_clock::now() - start;
        {
            std::lock_guard lock(m);
            release = true;
        }
        cv.notify_all();
        QVERIFY(!s.ok);
        QCOMPARE(s.errors.at(0).code, ErrorCode::Network);
        QVERIFY(s.errors[0].retryable);
        QVERIFY(took < std::chrono::seconds(5));
    }

    void cancelFromAnotherThread()
    {
        ScriptedServer server([](const SeenRequest &) {
            return ScriptedResponse {
                503, R"({"code":"internal","message":"x"})", {{"Retry-After", "100"}}, false};
        });
        QTemporaryDir dir;
        const std::string db = dir.filePath("d.db").toStdString();
        SyncConfig config;
        config.serverUrl = server.url();
        auto engine = SyncEngine::open(db, config); // the real, cancellable sleeper
        QVERIFY(engine);
        QVERIFY(FileTokenStore(db + ".token").save("t").ok());
        SyncSummary s;
        std::thread worker([&] { s = (*engine)->sync(); });
        QTRY_VERIFY_WITH_TIMEOUT(!server.requests().empty(), 10000);
        const auto start = std::chrono::steady_clock::now();
        (*engine)->cancel();
        worker.join();
        QVERIFY(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
        QVERIFY(s.cancelled);
        QCOMPARE(s.errors.back().code, ErrorCode::Cancelled);
        // The store is intact and usable afterwards.
        QCOMPARE(*(*engine)->store().database().queryInt("SELECT count(*) FROM "
                                                         "pragma_integrity_check WHERE "
                                                         "integrity_check = 'ok'"),
            std::int64_t(1));
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
