// The sync server over real HTTP on loopback: every endpoint, scope rules, the merge rule,
// delete-vs-edit, idempotent retries, resync and attachments. Runs once per storage backend.
#include "fixture.h"

#include <sodium.h>

#include <chrono>
#include <set>

using namespace attache::test;
using nlohmann::json;

class TestServerApi : public QObject
{
    Q_OBJECT

private:
    World w;
    std::string newId() const { return attache::makeUuidV7(); }
    json all(const std::string &who)
    {
        std::int64_t cursor = 0;
        return w.as(who).pullAll(cursor);
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

    void status_answersVersionRange()
    {
        auto c = w.newClient();
        const Reply r = c->get("/api/v1/status");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body["server"], "attache-server");
        QCOMPARE(r.body["min_protocol"], 1);
        QCOMPARE(r.body["max_protocol"], 1);
        QVERIFY(r.body["time_ms"].get<std::int64_t>() > 0);
    }

    void protocol_newerClient_gets426()
    {
        auto c = w.newClient();
        const Reply r = c->get("/api/v1/status", {{"Attache-Protocol", "2"}});
        QCOMPARE(r.status, 426);
        QCOMPARE(r.code(), "unsupported_protocol");
        QCOMPARE(r.body["max_protocol"], 1);
        QVERIFY(r.isJsonError());
    }

    void login_returnsTokenAndUser()
    {
        auto c = w.newClient();
        const Reply r = c->login("ann", World::kPassword, "dev_ann_second");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body["token"].get<std::string>().size(), 64u);
        QCOMPARE(r.body["user"]["id"], w.ann);
        QCOMPARE(r.body["user"]["role"], "member");
        QCOMPARE(r.body["user"]["organisation_id"], w.orgA);
        QCOMPARE(c->pull(0).status, 200);
    }

    void admin_passwordFromStandardInput()
    {
        // Passwords given to the admin command need not appear on its command line (ps, shell
        // history): without --password, or with "--password -", it reads one line of stdin.
        const auto run = w.server->admin(
            {"create-user", "--org", QString::fromStdString(w.orgA), "--username", "stdin-user",
                "--full-name", "Người nhập mật khẩu", "--role", "member"},
            QByteArray(World::kPassword) + "\n");
        QCOMPARE(run.exitCode, 0);
        auto c = w.newClient();
        QCOMPARE(c->login("stdin-user", World::kPassword, "dev_stdin").status, 200);

        const auto reset = w.server->admin(
            {"reset-password", "--user", "stdin-user", "--password", "-"}, "a-new-secret\r\n");
        QCOMPARE(reset.exitCode, 0);
        auto again = w.newClient();
        QCOMPARE(again->login("stdin-user", World::kPassword, "dev_stdin_old").status, 401);
        QCOMPARE(again->login("stdin-user", "a-new-secret", "dev_stdin_new").status, 200);

        const auto tooShort
            = w.server->admin({"reset-password", "--user", "stdin-user"}, "short\n");
        QVERIFY(tooShort.exitCode != 0);
        QVERIFY(tooShort.err.find("8 characters") != std::string::npos);
    }

    void login_wrongPassword_invalidCredentials()
    {
        auto c = w.newClient();
        const Reply r = c->login("bob", "wrong-password", "dev_bob_wrong");
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), "invalid_credentials");
    }

    void login_rateLimitedPerUser()
    {
        auto created = w.server->createUser(w.orgA, "victim", World::kPassword, "member");
        QVERIFY(created.ok());
        auto c = w.newClient();
        for (int i = 0; i < 10; ++i)
            QCOMPARE(c->login("victim", "guess-" + std::to_string(i), "dev_guess").status, 401);
        const Reply r = c->login("victim", World::kPassword, "dev_guess");
        QCOMPARE(r.status, 429);
        QCOMPARE(r.code(), "rate_limited");
        QVERIFY(httplib::detail::get_header_value(r.headers, "Retry-After", 0, nullptr) != nullptr);
        // Other users from the same address still sign in.
        QCOMPARE(w.newClient()->login("bob", World::kPassword, "dev_bob_other").status, 200);
    }

    void logout_tokenStopsWorking()
    {
        auto c = w.newClient();
        QCOMPARE(c->login("bob", World::kPassword, "dev_bob_logout").status, 200);
        QCOMPARE(c->post("/api/v1/logout", json::object()).status, 204);
        const Reply r = c->pull(0);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), "unauthorized");
    }

    void revokedDevice_toldToWipe()
    {
        auto c = w.newClient();
        QCOMPARE(c->login("bob", World::kPassword, "dev_bob_lost").status, 200);
        QCOMPARE(c->pull(0).status, 200);
        QVERIFY(w.server->revokeDevice("dev_bob_lost").ok());
        const Reply r = c->pull(0);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), "device_revoked");
        // The lost device cannot sign in again either.
        QCOMPARE(
            w.newClient()->login("bob", World::kPassword, "dev_bob_lost").code(), "device_revoked");
        const AdminRun list = w.server->admin({"list-devices", "--user", "bob"});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.find("dev_bob_lost") != std::string::npos);
        QVERIFY(list.out.find("revoked") != std::string::npos);
    }

    void push_marksTheDeviceSeen()
    {
        // IT staff see when each device last synced (admin list-devices): a push counts, also
        // when it is written in a group with others.
        auto c = w.newClient();
        QCOMPARE(c->login("bob", World::kPassword, "dev_bob_seen").status, 200);
        const auto nowMs = [] {
            return std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count();
        };
        // A clock reading later than the sign-in's: the push must move last_seen past it.
        const std::int64_t signedIn = nowMs();
        while (nowMs() <= signedIn + 1) { }
        const std::int64_t before = nowMs();
        const Reply p = c->push("b-seen",
            json::array({contactChange(newId(), w.m2, "Seen", stamp(0, "dev_bob_seen"))}));
        QCOMPARE(p.status, 200);
        const AdminRun list = w.server->admin({"list-devices", "--user", "bob"});
        QCOMPARE(list.exitCode, 0);
        const auto line = list.out.find("dev_bob_seen");
        QVERIFY(line != std::string::npos);
        // device_id, user, name, last_seen_ms, state
        std::vector<std::string> cols;
        std::string cell;
        for (auto i = line; i < list.out.size() && list.out[i] != '\n'; ++i) {
            if (list.out[i] == '\t') {
                cols.push_back(cell);
                cell.clear();
            } else {
                cell += list.out[i];
            }
        }
        cols.push_back(cell);
        QVERIFY(cols.size() >= 4);
        QVERIFY2(std::stoll(cols[3]) >= before, list.out.c_str());
    }

    void push_thenPull_roundTripWithinScope()
    {
        const std::string id = newId();
        const std::string h = stamp(0, "annphone");
        const Reply p = w.as("ann").push(
            "b-roundtrip", json::array({contactChange(id, w.m1, "Tanaka Hiroshi", h)}));
        QCOMPARE(p.status, 200);
        QCOMPARE(p.body["acknowledged"][0]["fields"]["full_name"], h);
        const json mine = findChange(all("ann"), id);
        QCOMPARE(mine["fields"]["full_name"]["value"], "Tanaka Hiroshi");
        QCOMPARE(mine["fields"]["full_name"]["hlc"], h);
        QCOMPARE(mine["updated_by"], w.ann);
        QVERIFY(!findChange(all("lead"), id).is_null()); // leader of M1
        QVERIFY(!findChange(all("mgr"), id).is_null()); // manager of the organisation
        QVERIFY(findChange(all("bob"), id).is_null()); // member of M2 only
        QVERIFY(findChange(all("mgrb"), id).is_null()); // another organisation's manager
        QVERIFY(findChange(all("carl"), id).is_null());
    }

    // A device's own new records, from pushes whose answers it stored, need not come back to it:
    // a pull naming those pushes' seq ranges ("own") leaves out the records the caller's device
    // created there and nobody changed since, and nothing else.
    void pull_ownRanges_leaveOutOnlyTheCallersUnchangedCreations()
    {
        const std::string a = newId(), b = newId(), c = newId();
        const std::string hb = stamp(0, "annphone", 1);
        const Reply p = w.as("ann").push("b-ownrange-ann",
            json::array({contactChange(a, w.m1, "Own A", stamp(0, "annphone")),
                contactChange(b, w.m1, "Own B", hb)}));
        QCOMPARE(p.status, 200);
        const std::int64_t from = p.body["seq_from"], to = p.body["cursor"];
        QCOMPARE(to - from, 1); // two new records, two sequence numbers
        QCOMPARE(w.as("lead")
                     .push("b-ownrange-lead",
                         json::array({contactChange(c, w.m1, "Leader's", stamp(0, "leadphone"))}))
                     .status,
            200);
        const std::string own = std::to_string(from) + "-" + std::to_string(to);
        auto pullAll = [&](const std::string &who, const std::string &ownParam) {
            const Reply r = w.as(who).get("/api/v1/pull?cursor=0&limit=2000"
                + (ownParam.empty() ? std::string() : "&own=" + ownParam));
            return r.status == 200 && r.body["remaining"] == 0 ? r.body["changes"] : json();
        };
        json mine = pullAll("ann", own);
        QVERIFY(mine.is_array());
        QVERIFY(findChange(mine, a).is_null());
        QVERIFY(findChange(mine, b).is_null());
        QCOMPARE(findChange(mine, c)["fields"]["full_name"]["value"], "Leader's");
        // Without the ranges, or with ranges that do not cover them, they come as before.
        QVERIFY(!findChange(pullAll("ann", ""), a).is_null());
        const std::string after = std::to_string(to + 1) + "-" + std::to_string(to + 1000);
        QVERIFY(!findChange(pullAll("ann", after), a).is_null());
        // Another device of the same user did not create them: it gets them.
        auto second = w.newClient();
        QCOMPARE(second->login("ann", World::kPassword, "dev_ann_own2").status, 200);
        const Reply other = second->get("/api/v1/pull?cursor=0&limit=2000&own=" + own);
        QCOMPARE(other.status, 200);
        QVERIFY(!findChange(other.body["changes"], a).is_null());
        // Nor did the leader's device.
        QVERIFY(!findChange(pullAll("lead", own), b).is_null());
        // Once someone else changes B, ann's device no longer holds it as the server does.
        QCOMPARE(w.as("lead")
                     .push("b-ownrange-edit",
                         json::array({contactChange(
                             b, w.m1, "Edited by the leader", stamp(10, "leadphone"), hb)}))
                     .status,
            200);
        mine = pullAll("ann", own);
        QVERIFY(findChange(mine, a).is_null());
        QCOMPARE(findChange(mine, b)["fields"]["full_name"]["value"], "Edited by the leader");
        // Nor once ann's device writes B again without having pulled the leader's edit: the
        // record's last write is then the device's own, but not all of it is the device's.
        const Reply again = w.as("ann").push("b-ownrange-again",
            json::array({json {{"kind", "contact"}, {"id", b},
                {"fields",
                    {{"organisation", fieldAt("Ann's organisation", stamp(20, "annphone"))}}}}}));
        QCOMPARE(again.status, 200);
        const std::string both = own + ","
            + std::to_string(again.body["seq_from"].get<std::int64_t>()) + "-"
            + std::to_string(again.body["cursor"].get<std::int64_t>());
        mine = pullAll("ann", both);
        QVERIFY(findChange(mine, a).is_null());
        QCOMPARE(findChange(mine, b)["fields"]["full_name"]["value"], "Edited by the leader");
        QCOMPARE(findChange(mine, b)["fields"]["organisation"]["value"], "Ann's organisation");
        // What remains counts only what will come.
        const Reply page = w.as("ann").get("/api/v1/pull?cursor=0&limit=1&own=" + own);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.body["remaining"].get<std::size_t>() + 1, mine.size());
    }

    void pull_ownRanges_malformedRefused()
    {
        std::string many;
        for (int i = 1; i <= 33; ++i)
            many += (many.empty() ? "" : ",") + std::to_string(i * 10) + "-"
                + std::to_string(i * 10 + 1);
        for (const std::string &bad : {std::string("x"), std::string("5"), std::string("5-"),
                 std::string("-5"), std::string("0-3"), std::string("7-3"), std::string("1-2,"),
                 std::string("1-2,,3-4"), std::string("1-99999999999999999999"),
                 std::string("1 -2"), many}) {
            const Reply r = w.as("ann").get("/api/v1/pull?cursor=0&own=" + bad);
            QVERIFY2(r.status == 400, bad.c_str());
            QCOMPARE(r.code(), "wrong_type");
            QVERIFY(r.isJsonError());
        }
        // 32 ranges are taken.
        const std::string ok = many.substr(0, many.rfind(','));
        QCOMPARE(w.as("ann").get("/api/v1/pull?cursor=0&own=" + ok).status, 200);
    }

    void push_sameRecordTwiceInOneBatch_greaterStampWins()
    {
        const std::string id = newId();
        const Reply p = w.as("ann").push("b-twice",
            json::array({contactChange(id, w.m1, "Draft", stamp(-1000, "annphone")),
                contactChange(id, w.m1, "Final", stamp(0, "annphone"))}));
        QCOMPARE(p.status, 200);
        QCOMPARE(findChange(all("lead"), id)["fields"]["full_name"]["value"], "Final");
        const Reply h = w.as("mgr").get("/api/v1/history/contact/" + id);
        QCOMPARE(h.body["history"].size(), 4u); // both fields twice: the later stamps win
    }

    void pull_paginatesWithRemaining()
    {
        json changes = json::array();
        for (int i = 0; i < 7; ++i)
            changes.push_back(contactChange(newId(), w.m2, "Page " + std::to_string(i),
                stamp(0, "bobphone", std::uint32_t(i))));
        QCOMPARE(w.as("bob").push("b-pages", changes).status, 200);
        std::int64_t cursor = 0;
        Reply first = w.as("bob").pull(cursor, 3);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.body["changes"].size(), 3u);
        const std::int64_t total = first.body["remaining"].get<std::int64_t>() + 3;
        QVERIFY(total >= 10); // org, users, M2 and the 7 contacts
        std::int64_t seen = 3;
        cursor = first.body["cursor"];
        for (int guard = 0; guard < 100; ++guard) {
            Reply r = w.as("bob").pull(cursor, 3);
            QCOMPARE(r.status, 200);
            seen += std::int64_t(r.body["changes"].size());
            QVERIFY(r.body["cursor"].get<std::int64_t>() >= cursor);
            cursor = r.body["cursor"];
            if (r.body["remaining"] == 0)
                break;
        }
        QCOMPARE(seen, total);
        QCOMPARE(w.as("bob").pull(cursor).body["changes"].size(), 0u);
    }

    // A member's pull reads one index range per mission (up to 64 missions) and one subquery
    // beyond: both shapes must page through every record in scope once, in order, and nothing
    // else.
    void pull_memberOfManyMissions_everyRecordOnceInOrder_data()
    {
        QTest::addColumn<int>("missions");
        QTest::newRow("three missions: one range each") << 3;
        QTest::newRow("seventy missions: past the ranges") << 70;
    }

    void pull_memberOfManyMissions_everyRecordOnceInOrder()
    {
        QFETCH(int, missions);
        const std::string name = "many" + std::to_string(missions);
        auto user = w.server->createUser(w.orgA, name, World::kPassword, "member");
        QVERIFY(user);
        ApiClient &c = *(w.clients[name] = w.newClient());
        QCOMPARE(c.login(name, World::kPassword, "dev_" + name).status, 200);
        const std::string dev = name + "phone";
        json batch = json::array();
        std::vector<std::string> ids;
        for (int i = 0; i < missions; ++i) {
            const std::string h = stamp(0, dev, std::uint32_t(i));
            ids.push_back(newId());
            batch.push_back(json {{"kind", "mission"}, {"id", ids.back()},
                {"fields",
                    {{"organisation_id", fieldAt(w.orgA, h)},
                        {"title", fieldAt("Đoàn " + std::to_string(i), h)},
                        {"start_date", fieldAt("2026-06-01", h)},
                        {"end_date", fieldAt("2026-06-05", h)}, {"status", fieldAt("planned", h)},
                        {"leader_id", fieldAt(*user, h)}}}});
        }
        QCOMPARE(c.push("b-" + name + "-missions", batch).status, 200);
        // Two contacts per mission, the missions taking turns, so that the ranges interleave.
        std::set<std::string> expected(ids.begin(), ids.end());
        batch = json::array();
        for (int round = 0; round < 2; ++round) {
            for (int i = 0; i < missions; ++i) {
                const std::string id = newId();
                expected.insert(id);
                batch.push_back(contactChange(id, ids[std::size_t(i)], "Khách " + id,
                    stamp(0, dev, std::uint32_t(1000 + round * missions + i))));
            }
        }
        QCOMPARE(c.push("b-" + name + "-contacts", batch).status, 200);
        const std::string outside = newId();
        QCOMPARE(
            w.as("ann")
                .push("b-" + name + "-outside",
                    json::array({contactChange(outside, w.m1, "Not theirs", stamp(0, "annphone"))}))
                .status,
            200);

        std::set<std::string> seen;
        std::int64_t cursor = 0, lastSeq = 0;
        for (int guard = 0; guard < 1000; ++guard) {
            const Reply r = c.pull(cursor, 7);
            QCOMPARE(r.status, 200);
            for (const auto &change : r.body["changes"]) {
                QVERIFY(change["seq"].get<std::int64_t>() > lastSeq); // in order, no repeats
                lastSeq = change["seq"];
                if (change["kind"] == "mission" || change["kind"] == "contact")
                    QVERIFY2(
                        seen.insert(change["id"].get<std::string>()).second, change.dump().c_str());
            }
            cursor = r.body["cursor"];
            if (r.body["remaining"] == 0)
                break;
        }
        QVERIFY(!seen.count(outside));
        QCOMPARE(seen.size(), expected.size());
        QVERIFY(seen == expected); // every mission and contact of theirs, nothing of M1
    }

    void merge_concurrentEdits_recordOneConflict()
    {
        const std::string id = newId();
        const std::string h0 = stamp(-3000, "annphone");
        QCOMPARE(w.as("ann").push("b-c0", json::array({contactChange(id, w.m1, "Kim", h0)})).status,
            200);
        // Both edit the name from the same base h0.
        const std::string hLead = stamp(-2000, "leadphone");
        const std::string hAnn = stamp(-1000, "annphone");
        QCOMPARE(w.as("lead")
                     .push("b-c1", json::array({contactChange(id, w.m1, "Kim Min-jun", hLead, h0)}))
                     .status,
            200);
        const json change = {{"kind", "contact"}, {"id", id},
            {"fields", {{"full_name", fieldAt("Kim Minjun", hAnn, h0)}}}};
        const Reply p = w.as("ann").push("b-c2", json::array({change}));
        QCOMPARE(p.status, 200);
        QCOMPARE(p.body["conflicts"].size(), 1u);
        const json c = p.body["conflicts"][0];
        QCOMPARE(c["field"], "full_name");
        QCOMPARE(c["winner"]["value"], "Kim Minjun"); // the greater stamp
        QCOMPARE(c["winner"]["user_id"], w.ann);
        QCOMPARE(c["loser"]["value"], "Kim Min-jun");
        QCOMPARE(c["loser"]["user_id"], w.lead);
        // A retried batch: same answer, no second conflict.
        const Reply again = w.as("ann").push("b-c2", json::array({change}));
        QCOMPARE(again.body, p.body);
        // The same change in a new batch (a lost response): no second conflict either.
        QCOMPARE(
            w.as("ann").push("b-c2-retry", json::array({change})).body["conflicts"].size(), 0u);
        std::int64_t cursor = 0;
        int count = 0;
        for (int guard = 0; guard < 100; ++guard) {
            Reply r = w.as("lead").pull(cursor);
            for (const auto &x : r.body["conflicts"])
                count += x["id"] == id ? 1 : 0;
            cursor = r.body["cursor"];
            if (r.body["remaining"] == 0)
                break;
        }
        QCOMPARE(count, 1);
        QCOMPARE(findChange(all("lead"), id)["fields"]["full_name"]["value"], "Kim Minjun");
    }

    void merge_equalValues_noConflict()
    {
        const std::string id = newId();
        const std::string h0 = stamp(-3000, "annphone");
        QCOMPARE(w.as("ann").push("b-e0", json::array({contactChange(id, w.m1, "Lee", h0)})).status,
            200);
        QCOMPARE(w.as("lead")
                     .push("b-e1",
                         json::array({contactChange(
                             id, w.m1, "Lee Ji-eun", stamp(-2000, "leadphone"), h0)}))
                     .status,
            200);
        const Reply p = w.as("ann").push("b-e2",
            json::array({contactChange(id, w.m1, "Lee Ji-eun", stamp(-1000, "annphone"), h0)}));
        QCOMPARE(p.status, 200);
        QCOMPARE(p.body["conflicts"].size(), 0u);
    }

    void merge_olderStampArrivingLate_loses()
    {
        const std::string id = newId();
        const std::string newer = stamp(-1000, "annphone");
        const std::string older = stamp(-5000, "leadphone");
        QCOMPARE(
            w.as("ann").push("b-o1", json::array({contactChange(id, w.m1, "Newer", newer)})).status,
            200);
        const Reply p
            = w.as("lead").push("b-o2", json::array({contactChange(id, w.m1, "Older", older)}));
        QCOMPARE(p.status, 200);
        QCOMPARE(p.body["acknowledged"][0]["fields"]["full_name"], newer);
        QCOMPARE(findChange(all("mgr"), id)["fields"]["full_name"]["value"], "Newer");
    }

    void merge_conflictNamesWhoChangedTheFieldAfterSomeoneElseChangedTheRecord()
    {
        // Ann writes the name; the leader then changes only the organisation, so the record was
        // last changed by the leader but its name still by Ann (from her device). Late, older
        // edits of either field lose, and each conflict must name whoever wrote the winner.
        const std::string id = newId();
        QCOMPARE(w.as("ann")
                     .push("b-who0",
                         json::array(
                             {contactChange(id, w.m1, "Park Ji-hoon", stamp(-3000, "annphone"))}))
                     .status,
            200);
        const json annDevice = findChange(all("mgr"), id)["updated_device"];
        const json orgChange = {{"kind", "contact"}, {"id", id},
            {"fields", {{"organisation", fieldAt("KOTRA Busan", stamp(-2000, "leadphone"), "")}}}};
        QCOMPARE(w.as("lead").push("b-who1", json::array({orgChange})).status, 200);
        const json afterLead = findChange(all("mgr"), id);
        QCOMPARE(afterLead["updated_by"], w.lead);
        const json leadDevice = afterLead["updated_device"];
        QVERIFY(leadDevice != annDevice);

        const json late = {{"kind", "contact"}, {"id", id},
            {"fields",
                {{"full_name", fieldAt("Park Jihoon", stamp(-5000, "mgrphone"), "")},
                    {"organisation", fieldAt("KOTRA", stamp(-5000, "mgrphone"), "")}}}};
        const Reply p = w.as("mgr").push("b-who2", json::array({late}));
        QCOMPARE(p.status, 200);
        QCOMPARE(p.body["conflicts"].size(), 2u);
        for (const auto &c : p.body["conflicts"]) {
            const bool name = c["field"] == "full_name";
            QCOMPARE(c["winner"]["value"], name ? "Park Ji-hoon" : "KOTRA Busan");
            QCOMPARE(c["winner"]["user_id"], name ? w.ann : w.lead);
            QCOMPARE(c["winner"]["device_id"], name ? annDevice : leadDevice);
            QCOMPARE(c["loser"]["user_id"], w.mgr);
        }
    }

    void push_acknowledgeChanged_listsOnlyRecordsHeldAtOtherStamps()
    {
        const std::string held = newId(), taken = newId(), partly = newId();
        const std::string newer = stamp(-1000, "leadphone");
        QCOMPARE(w.as("lead")
                     .push("b-ack0",
                         json::array({contactChange(held, w.m1, "Newer", newer),
                             contactChange(partly, w.m1, "Newer too", newer)}))
                     .status,
            200);
        // Ann pushes three records: one whose name the server holds at a newer stamp, one it
        // takes whole, and one whose mission field it takes but not its name.
        const std::string mine = stamp(-5000, "annphone");
        json partlyChange = contactChange(partly, w.m1, "Older", mine);
        partlyChange["fields"]["mission_id"]["hlc"] = stamp(0, "annphone");
        const json body {{"batch_id", "b-ack1"}, {"acknowledge", "changed"},
            {"changes",
                json::array({contactChange(held, w.m1, "Older", mine),
                    contactChange(taken, w.m1, "Taken", mine), partlyChange})}};
        const Reply p = w.as("ann").post("/api/v1/push", body);
        QCOMPARE(p.status, 200);
        QCOMPARE(p.body["applied"], 3);
        QCOMPARE(p.body["acknowledge"], "changed");
        QCOMPARE(p.body["acknowledged"].size(), 2u);
        std::set<std::string> listed;
        for (const auto &a : p.body["acknowledged"]) {
            listed.insert(a["id"].get<std::string>());
            QCOMPARE(a["fields"]["full_name"], newer);
            QCOMPARE(a["fields"].size(), 2u); // both pushed fields, as in the full form
        }
        QCOMPARE(listed, (std::set<std::string> {held, partly}));
        QCOMPARE(findChange(all("mgr"), taken)["fields"]["full_name"]["value"], "Taken");
        // A retry gets the same short answer; without the member, every record is listed.
        QCOMPARE(w.as("ann").post("/api/v1/push", body).body, p.body);
        const Reply full = w.as("ann").push("b-ack2",
            json::array({contactChange(taken, w.m1, "Taken", mine),
                contactChange(held, w.m1, "Older", mine)}));
        QCOMPARE(full.status, 200);
        QVERIFY(!full.body.contains("acknowledge"));
        QCOMPARE(full.body["acknowledged"].size(), 2u);
        QCOMPARE(full.body["acknowledged"][0]["fields"]["full_name"], mine);
        // Anything but "all" or "changed" is refused, and nothing of the batch is stored.
        for (const json &bad : {json("some"), json(true), json::array({"changed"})}) {
            const std::string id = newId();
            const Reply r = w.as("ann").post("/api/v1/push",
                {{"batch_id", "b-ack-bad"}, {"acknowledge", bad},
                    {"changes", json::array({contactChange(id, w.m1, "Never", mine)})}});
            QCOMPARE(r.status, 400);
            QCOMPARE(r.code(), "wrong_type");
            QVERIFY(r.body["message"].get<std::string>().find("acknowledge") != std::string::npos);
            QVERIFY(findChange(all("mgr"), id).is_null());
        }
    }

    void deleteVsEdit_editKeptInTombstoneWithConflict()
    {
        const std::string id = newId();
        const std::string h0 = stamp(-4000, "annphone");
        QCOMPARE(
            w.as("ann").push("b-d0", json::array({contactChange(id, w.m1, "Park", h0)})).status,
            200);
        const std::string hDel = stamp(-3000, "leadphone");
        QCOMPARE(w.as("lead")
                     .push("b-d1",
                         json::array({json {{"kind", "contact"}, {"id", id},
                             {"fields", {{"deleted", fieldAt(true, hDel)}}}}}))
                     .status,
            200);
        // ann, offline, edits the name without knowing about the delete.
        const std::string hEdit = stamp(-2000, "annphone");
        const Reply p = w.as("ann").push("b-d2",
            json::array({json {{"kind", "contact"}, {"id", id},
                {"fields", {{"title", fieldAt("Director", hEdit, "")}}}}}));
        QCOMPARE(p.status, 200);
        QCOMPARE(p.body["conflicts"].size(), 1u);
        QCOMPARE(p.body["conflicts"][0]["field"], "deleted");
        QCOMPARE(p.body["conflicts"][0]["winner"]["value"], true);
        QCOMPARE(p.body["conflicts"][0]["loser"]["value"], false);
        const json rec = findChange(all("mgr"), id);
        QCOMPARE(rec["fields"]["deleted"]["value"], true);
        QCOMPARE(rec["fields"]["title"]["value"], "Director"); // kept in the tombstone
        // A later restore undoes the delete, with the edit in place.
        QCOMPARE(w.as("lead")
                     .push("b-d3",
                         json::array({json {{"kind", "contact"}, {"id", id},
                             {"fields",
                                 {{"deleted", fieldAt(false, stamp(-1000, "leadphone"), hDel)}}}}}))
                     .status,
            200);
        const json restored = findChange(all("ann"), id);
        QCOMPARE(restored["fields"]["deleted"]["value"], false);
        QCOMPARE(restored["fields"]["title"]["value"], "Director");
    }

    void scope_memberCannotWriteOtherMission_nothingStored()
    {
        const std::string ok = newId();
        const std::string bad = newId();
        const Reply p = w.as("ann").push("b-s1",
            json::array({contactChange(ok, w.m1, "Allowed", stamp(0, "annphone")),
                contactChange(bad, w.m2, "Forbidden", stamp(0, "annphone", 1))}));
        QCOMPARE(p.status, 403);
        QCOMPARE(p.code(), "forbidden");
        // Which record, and why: out of the member's scope (a device sets such an edit aside).
        QCOMPARE(p.body["reason"], "out_of_scope");
        QCOMPARE(p.body["kind"], "contact");
        QCOMPARE(p.body["id"], bad);
        QVERIFY(findChange(all("mgr"), ok).is_null()); // the whole batch was refused
        QVERIFY(findChange(all("mgr"), bad).is_null());
        // A mission the server does not have (it may come in a later batch): not out of scope.
        const Reply unknown = w.as("ann").push("b-s2",
            json::array({contactChange(newId(), newId(), "Early", stamp(0, "annphone", 2))}));
        QCOMPARE(unknown.status, 403);
        QCOMPARE(unknown.body["reason"], "unknown_mission");
    }

    void scope_memberCannotEditOtherMissionsRecord()
    {
        const std::string id = newId();
        QCOMPARE(w.as("bob")
                     .push("b-s2",
                         json::array({contactChange(id, w.m2, "Bob's", stamp(-1000, "bobphone"))}))
                     .status,
            200);
        QCOMPARE(w.as("ann")
                     .push("b-s3",
                         json::array({contactChange(id, w.m1, "Stolen", stamp(0, "annphone"))}))
                     .status,
            403);
        QCOMPARE(findChange(all("bob"), id)["fields"]["full_name"]["value"], "Bob's");
    }

    void scope_otherOrganisationIsInvisibleAndUnwritable()
    {
        QVERIFY(findChange(all("mgrb"), w.m1).is_null());
        QVERIFY(findChange(all("mgrb"), w.ann).is_null());
        QVERIFY(!findChange(all("mgrb"), w.m3).is_null());
        QVERIFY(findChange(all("mgr"), w.m3).is_null());
        QCOMPARE(
            w.as("mgrb")
                .push("b-s4", json::array({contactChange(newId(), w.m1, "X", stamp(0, "mgrb"))}))
                .status,
            403);
        // Organisations and users are read-only over the API.
        QCOMPARE(w.as("mgr")
                     .push("b-s5",
                         json::array({json {{"kind", "user"}, {"id", w.ann},
                             {"fields", {{"role", fieldAt("manager", stamp(0, "mgr"))}}}}}))
                     .status,
            403);
        QVERIFY(!findChange(all("ann"), w.orgA).is_null());
        QVERIFY(!findChange(all("ann"), w.lead).is_null());
    }

    void scope_missionMembersMustBelongToTheOrganisation()
    {
        const json mission = findChange(all("mgr"), w.m1);
        const Reply r = w.as("mgr").push("b-xorg",
            json::array({json {{"kind", "mission"}, {"id", w.m1},
                {"fields",
                    {{"member_ids",
                        fieldAt(json::array({w.ann, w.carl}), stamp(0, "mgr"),
                            mission["fields"]["member_ids"]["hlc"])}}}}}));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), "invalid_reference");
        QVERIFY(findChange(all("carl"), w.m1).is_null());
    }

    void scope_onlyLeaderOrManagerChangesMembership()
    {
        const json mission = findChange(all("ann"), w.m1);
        const std::string base = mission["fields"]["member_ids"]["hlc"];
        auto change = [&](const std::string &node, json members) {
            return json::array({json {{"kind", "mission"}, {"id", w.m1},
                {"fields", {{"member_ids", fieldAt(members, stamp(0, node), base)}}}}});
        };
        const Reply refused
            = w.as("ann").push("b-m1", change("annphone", json::array({w.ann, w.bob})));
        QCOMPARE(refused.status, 403);
        // In scope, but not allowed: a device keeps the record (and the error) rather than
        // setting it aside.
        QCOMPARE(refused.body["reason"], "not_allowed");
        QCOMPARE(refused.body["id"], w.m1);
        // A member may edit the mission's other fields.
        QCOMPARE(
            w.as("ann")
                .push("b-m2",
                    json::array({json {{"kind", "mission"}, {"id", w.m1},
                        {"fields", {{"notes", fieldAt("Mang quà tặng", stamp(0, "annphone"))}}}}}))
                .status,
            200);
        QCOMPARE(w.as("bob")
                     .push("b-m3",
                         json::array({json {{"kind", "mission"}, {"id", w.m1},
                             {"fields", {{"notes", fieldAt("x", stamp(0, "bobphone"))}}}}}))
                     .status,
            403);
    }

    void scope_addedMemberGetsEarlierRecords_removedMemberToldToDrop()
    {
        const std::string id = newId();
        QCOMPARE(w.as("ann")
                     .push("b-a1",
                         json::array(
                             {contactChange(id, w.m1, "Early record", stamp(-1000, "annphone"))}))
                     .status,
            200);
        std::int64_t cursor = 0;
        QVERIFY(findChange(w.as("bob").pullAll(cursor), id).is_null());
        // The leader adds bob over the API; bob's next pull brings M1's earlier records.
        const json mission = findChange(all("lead"), w.m1);
        const Reply add = w.as("lead").push("b-a2",
            json::array({json {{"kind", "mission"}, {"id", w.m1},
                {"fields",
                    {{"member_ids",
                        fieldAt(json::array({w.ann, w.bob}), stamp(0, "leadphone"),
                            mission["fields"]["member_ids"]["hlc"])}}}}}));
        QCOMPARE(add.status, 200);
        const json later = w.as("bob").pullAll(cursor);
        QVERIFY(!findChange(later, id).is_null());
        QVERIFY(!findChange(later, w.m1).is_null());
        // The admin removes him: his next pull says to drop M1 and brings nothing more of it.
        QVERIFY(w.server->removeMember(w.m1, w.bob).ok());
        Reply r = w.as("bob").pull(cursor);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body["drop_missions"].get<std::vector<std::string>>()
            == std::vector<std::string> {w.m1});
        QCOMPARE(
            w.as("bob")
                .push("b-a3",
                    json::array({contactChange(id, w.m1, "After removal", stamp(0, "bobphone"))}))
                .status,
            403);
        QVERIFY(findChange(all("bob"), id).is_null());
        // Admin add-member works the same way.
        QVERIFY(w.server->addMember(w.m1, w.bob).ok());
        QVERIFY(!findChange(w.as("bob").pullAll(cursor), id).is_null());
        QVERIFY(w.server->removeMember(w.m1, w.bob).ok());
    }

    void scope_addedToMissionWithoutMembers_getsEarlierRecords()
    {
        auto m4 = w.server->createMission(w.orgA, "M4 chưa có thành viên", "", {});
        QVERIFY(m4.ok());
        const std::string id = newId();
        QCOMPARE(w.as("mgr")
                     .push("b-m4",
                         json::array(
                             {contactChange(id, *m4, "Prepared by the manager", stamp(0, "mgr"))}))
                     .status,
            200);
        std::int64_t cursor = 0;
        QVERIFY(findChange(w.as("ann").pullAll(cursor), id).is_null());
        QVERIFY(w.server->addMember(*m4, w.ann).ok());
        QVERIFY(!findChange(w.as("ann").pullAll(cursor), id).is_null());
    }

    void setRole_devicesOfThatUserResync()
    {
        QVERIFY(w.server->createUser(w.orgA, "promoted", World::kPassword, "member").ok());
        auto c = w.newClient();
        QCOMPARE(c->login("promoted", World::kPassword, "dev_promoted").status, 200);
        std::int64_t cursor = 0;
        QVERIFY(findChange(c->pullAll(cursor), w.m1).is_null());
        const AdminRun run
            = w.server->admin({"set-role", "--user", "promoted", "--role", "manager"});
        QCOMPARE(run.exitCode, 0);
        const Reply r = c->pull(cursor);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), "resync_required");
        std::int64_t fresh = 0;
        const json all = c->pullAll(fresh);
        QVERIFY(!findChange(all, w.m1).is_null());
        QVERIFY(!findChange(all, w.m2).is_null());
        QCOMPARE(c->pull(fresh).status, 200);
    }

    void scope_contactWithoutMission_creatorAndManagersOnly()
    {
        const std::string id = newId();
        QCOMPARE(w.as("ann")
                     .push("b-n1",
                         json::array(
                             {contactChange(id, "", "Met at the embassy", stamp(0, "annphone"))}))
                     .status,
            200);
        QVERIFY(!findChange(all("ann"), id).is_null());
        QVERIFY(!findChange(all("mgr"), id).is_null());
        QVERIFY(findChange(all("lead"), id).is_null());
        QVERIFY(findChange(all("mgrb"), id).is_null());
        const Reply other = w.as("lead").push(
            "b-n2", json::array({contactChange(id, "", "Taken", stamp(0, "leadphone"))}));
        QCOMPARE(other.status, 403);
        QCOMPARE(other.body["reason"], "out_of_scope");
        // Nor can someone else take it into a mission of theirs (they cannot see it).
        const Reply taken = w.as("lead").push(
            "b-n3", json::array({contactChange(id, w.m1, "Taken", stamp(0, "leadphone", 1))}));
        QCOMPARE(taken.status, 403);
        QCOMPARE(taken.body["reason"], "out_of_scope");
        QCOMPARE(findChange(all("mgr"), id)["fields"]["full_name"]["value"], "Met at the embassy");
        // A record the member sees may not go to a mission they are not on, but it stays
        // theirs to see: only that change is refused (a device keeps the record).
        const std::string mine = newId();
        QCOMPARE(w.as("ann")
                     .push("b-n4",
                         json::array({contactChange(mine, w.m1, "Ours", stamp(0, "annphone", 1))}))
                     .status,
            200);
        const Reply moved = w.as("ann").push(
            "b-n5", json::array({contactChange(mine, w.m2, "Ours", stamp(0, "annphone", 2))}));
        QCOMPARE(moved.status, 403);
        QCOMPARE(moved.body["reason"], "not_allowed");
        QCOMPARE(findChange(all("ann"), mine)["fields"]["mission_id"]["value"], w.m1);
    }

    void scope_recordMovedToAnotherMission_droppedFromOldMembers()
    {
        // ann is on M1 only, bob on M2 only, lead on both. A contact of M1 moves to M2.
        const std::string id = newId();
        QCOMPARE(w.as("ann")
                     .push("b-mv1",
                         json::array(
                             {contactChange(id, w.m1, "Met in Osaka", stamp(-2000, "annphone"))}))
                     .status,
            200);
        std::int64_t annCursor = 0, bobCursor = 0, leadCursor = 0, mgrCursor = 0;
        QVERIFY(!findChange(w.as("ann").pullAll(annCursor), id).is_null());
        QVERIFY(findChange(w.as("bob").pullAll(bobCursor), id).is_null());
        (void)w.as("lead").pullAll(leadCursor);
        (void)w.as("mgr").pullAll(mgrCursor);
        const json held = findChange(all("lead"), id);
        QCOMPARE(w.as("lead")
                     .push("b-mv2",
                         json::array({json {{"kind", "contact"}, {"id", id},
                             {"fields",
                                 {{"mission_id",
                                     fieldAt(w.m2, stamp(0, "leadphone"),
                                         held["fields"]["mission_id"]["hlc"])}}}}}))
                     .status,
            200);
        // ann can no longer see it: told to drop it, and nothing more of it comes.
        Reply r = w.as("ann").pull(annCursor);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body["drop_records"], json::array({json {{"kind", "contact"}, {"id", id}}}));
        QVERIFY(findChange(r.body["changes"], id).is_null());
        QCOMPARE(
            w.as("ann")
                .push("b-mv3",
                    json::array({contactChange(id, w.m1, "Still mine?", stamp(0, "annphone"))}))
                .status,
            403);
        // bob now has it; lead (on both) and the manager keep it and are told to drop nothing.
        QVERIFY(!findChange(w.as("bob").pullAll(bobCursor), id).is_null());
        for (auto [who, cursor] :
            {std::pair {"lead", &leadCursor}, std::pair {"mgr", &mgrCursor}}) {
            Reply p = w.as(who).pull(*cursor);
            QCOMPARE(p.status, 200);
            QVERIFY2(p.body["drop_records"].empty(), who);
            QVERIFY2(!findChange(p.body["changes"], id).is_null(), who);
        }
    }

    void scope_memberCreatesOwnMission_notOthers()
    {
        const std::string mine = newId();
        auto mission = [&](const std::string &id, const std::string &leader) {
            const std::string h = stamp(0, "annphone");
            return json {{"kind", "mission"}, {"id", id},
                {"fields",
                    {{"organisation_id", fieldAt(w.orgA, h)},
                        {"title", fieldAt("Đoàn công tác", h)},
                        {"start_date", fieldAt("2026-06-01", h)},
                        {"end_date", fieldAt("2026-06-05", h)}, {"status", fieldAt("planned", h)},
                        {"leader_id", fieldAt(leader, h)}}}};
        };
        // A mission and a record under it in the same batch.
        QCOMPARE(w.as("ann")
                     .push("b-own",
                         json::array({contactChange(
                                          newId(), mine, "In my mission", stamp(0, "annphone", 5)),
                             mission(mine, w.ann)}))
                     .status,
            200);
        QCOMPARE(w.as("ann").push("b-own2", json::array({mission(newId(), w.bob)})).status, 403);
        QCOMPARE(w.as("ann")
                     .push("b-own3",
                         json::array({json {{"kind", "review"}, {"id", newId()},
                             {"fields",
                                 {{"mission_id", fieldAt(mine, stamp(0, "annphone"))},
                                     {"decision", fieldAt("approved", stamp(0, "annphone"))}}}}}))
                     .status,
            403);
        QCOMPARE(w.as("mgr")
                     .push("b-rev",
                         json::array({json {{"kind", "review"}, {"id", newId()},
                             {"fields",
                                 {{"mission_id", fieldAt(mine, stamp(0, "mgr"))},
                                     {"decision", fieldAt("approved", stamp(0, "mgr"))}}}}}))
                     .status,
            200);
    }

    void clockSkew_futureStampRefused()
    {
        const std::string id = newId();
        const Reply p = w.as("ann").push("b-skew",
            json::array(
                {contactChange(id, w.m1, "Future", stamp(48LL * 3600 * 1000, "annphone"))}));
        QCOMPARE(p.status, 400);
        QCOMPARE(p.code(), "clock_skew");
        QVERIFY(findChange(all("ann"), id).is_null());
    }

    void history_auditTrailForManagersAndAdmin()
    {
        const std::string id = newId();
        QCOMPARE(w.as("ann")
                     .push("b-h1",
                         json::array({contactChange(id, w.m1, "First", stamp(-1000, "annphone"))}))
                     .status,
            200);
        QCOMPARE(w.as("lead")
                     .push("b-h2",
                         json::array({contactChange(id, w.m1, "Second", stamp(0, "leadphone"))}))
                     .status,
            200);
        const Reply h = w.as("mgr").get("/api/v1/history/contact/" + id);
        QCOMPARE(h.status, 200);
        json names = json::array();
        for (const auto &e : h.body["history"]) {
            if (e["field"] == "full_name")
                names.push_back(json {e["old_value"], e["new_value"], e["user_id"]});
        }
        QCOMPARE(names, (json {json {nullptr, "First", w.ann}, json {"First", "Second", w.lead}}));
        QCOMPARE(w.as("mgrb").get("/api/v1/history/contact/" + id).status, 404);
        const AdminRun run = w.server->admin({"history", "contact", QString::fromStdString(id)});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.find("Second") != std::string::npos);
        QVERIFY(run.out.find("lead") != std::string::npos);
    }

    void resync_afterTombstonePurge()
    {
        const std::string id = newId();
        std::int64_t cursor = 0;
        w.as("bob").pullAll(cursor);
        QCOMPARE(
            w.as("bob")
                .push("b-r1",
                    json::array({contactChange(id, w.m2, "To purge", stamp(-2000, "bobphone"))}))
                .status,
            200);
        std::int64_t bobCursor = cursor;
        w.as("bob").pullAll(bobCursor);
        const std::int64_t stale = cursor; // before the delete
        QCOMPARE(w.as("bob")
                     .push("b-r2",
                         json::array({json {{"kind", "contact"}, {"id", id},
                             {"fields", {{"deleted", fieldAt(true, stamp(-1000, "bobphone"))}}}}}))
                     .status,
            200);
        const AdminRun purge = w.server->admin({"purge-tombstones", "--older-than", "0"});
        QCOMPARE(purge.exitCode, 0);
        const Reply r = w.as("bob").pull(stale);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), "resync_required");
        // From the start: the purged record is gone, the rest is there.
        const json fresh = all("bob");
        QVERIFY(findChange(fresh, id).is_null());
        QVERIFY(!findChange(fresh, w.m2).is_null());
    }

    void attachments_chunkedResumableUploadAndScopedDownload()
    {
        std::string bytes(2500 * 1024 + 17, '\0');
        for (std::size_t i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 7919) % 251);
        unsigned char digest[32];
        crypto_hash_sha256(
            digest, reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size());
        char hex[65];
        sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
        const std::string sha = hex;
        const std::string base = "/api/v1/attachments/" + sha;
        const std::string size = std::to_string(bytes.size());
        auto &ann = w.as("ann");
        QCOMPARE(ann.get(base + "/status").status, 404);
        const std::size_t chunk = 1024 * 1024;
        QCOMPARE(ann.put(base + "?offset=0&size=" + size, bytes.substr(0, chunk)).status, 200);
        // A dropped connection: the client asks where to resume; a wrong offset is refused.
        const Reply st = ann.get(base + "/status");
        QCOMPARE(st.body["received"], chunk);
        QCOMPARE(st.body["complete"], false);
        const Reply wrong = ann.put(base + "?offset=0&size=" + size, bytes.substr(0, chunk));
        QCOMPARE(wrong.status, 409);
        QCOMPARE(wrong.code(), "wrong_offset");
        QCOMPARE(wrong.body["received"], chunk);
        QCOMPARE(ann.put(base + "?offset=" + std::to_string(chunk) + "&size=" + size,
                        bytes.substr(chunk, chunk))
                     .status,
            200);
        const Reply last = ann.put(base + "?offset=" + std::to_string(2 * chunk) + "&size=" + size,
            bytes.substr(2 * chunk));
        QCOMPARE(last.status, 200);
        QCOMPARE(last.body["complete"], true);
        // Downloads need an attachment record in the caller's scope.
        QCOMPARE(ann.get(base).status, 404);
        const std::string h = stamp(0, "annphone");
        const json rec {{"kind", "attachment"}, {"id", newId()},
            {"fields",
                {{"mission_id", fieldAt(w.m1, h)}, {"record_kind", fieldAt("mission", h)},
                    {"record_id", fieldAt(w.m1, h)}, {"file_name", fieldAt("mou.pdf", h)},
                    {"mime_type", fieldAt("application/pdf", h)},
                    {"size", fieldAt(bytes.size(), h)}, {"sha256", fieldAt(sha, h)}}}};
        QCOMPARE(ann.push("b-att", json::array({rec})).status, 200);
        const Reply got = ann.get(base);
        QCOMPARE(got.status, 200);
        QVERIFY(got.raw == bytes);
        const Reply part = ann.get(base, {{"Range", "bytes=1000-1999"}});
        QCOMPARE(part.status, 206);
        QVERIFY(part.raw == bytes.substr(1000, 1000));
        QCOMPARE(w.as("bob").get(base).status, 404);
        QCOMPARE(w.as("mgr").get(base).status, 200);
        QCOMPARE(w.as("mgrb").get(base).status, 404);
    }

    void attachments_statusOnlyForUploaderOrScope()
    {
        // Whether the server holds a file is itself information: only the uploader (before
        // the record is pushed) and those who can see an attachment record with the hash learn it.
        const std::string bytes = "Biên bản ghi nhớ, bản ký ngày 12/3 — " + newId();
        unsigned char digest[32];
        crypto_hash_sha256(
            digest, reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size());
        char hex[65];
        sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
        const std::string sha = hex;
        const std::string status = "/api/v1/attachments/" + sha + "/status";
        const std::string size = std::to_string(bytes.size());
        QCOMPARE(
            w.as("ann")
                .put("/api/v1/attachments/" + sha + "?offset=0&size=" + size, bytes.substr(0, 10))
                .status,
            200);
        const Reply own = w.as("ann").get(status);
        QCOMPARE(own.status, 200);
        QCOMPARE(own.body["received"], 10);
        // No record yet: nobody else, not even the manager or the mission's leader.
        for (const char *other : {"lead", "mgr", "bob", "carl", "mgrb"}) {
            const Reply r = w.as(other).get(status);
            QVERIFY2(r.status == 404 && r.code() == "not_found", other);
        }
        QCOMPARE(
            w.as("ann")
                .put("/api/v1/attachments/" + sha + "?offset=10&size=" + size, bytes.substr(10))
                .status,
            200);
        const std::string h = stamp(0, "annphone");
        const json rec {{"kind", "attachment"}, {"id", newId()},
            {"fields",
                {{"mission_id", fieldAt(w.m1, h)}, {"record_kind", fieldAt("mission", h)},
                    {"record_id", fieldAt(w.m1, h)}, {"file_name", fieldAt("mou.txt", h)},
                    {"mime_type", fieldAt("text/plain", h)}, {"size", fieldAt(bytes.size(), h)},
                    {"sha256", fieldAt(sha, h)}}}};
        QCOMPARE(w.as("ann").push("b-att-scope", json::array({rec})).status, 200);
        // The record is in mission M1: its leader and the organisation's manager may see it; a
        // member of M2 only and the other organisation get the same 404 as for an unknown hash.
        for (const char *in : {"ann", "lead", "mgr"}) {
            const Reply r = w.as(in).get(status);
            QVERIFY2(r.status == 200, in);
            QCOMPARE(r.body["complete"], true);
        }
        const Reply unknown
            = w.as("bob").get("/api/v1/attachments/" + std::string(64, 'c') + "/status");
        QCOMPARE(unknown.status, 404);
        for (const char *out : {"bob", "carl", "mgrb"}) {
            const Reply r = w.as(out).get(status);
            QVERIFY2(r.status == 404, out);
            QCOMPARE(r.raw, unknown.raw);
        }
    }

    void attachments_uploadOutOfScopeAnsweredAsUnknown()
    {
        // Uploading is no way to probe which files the server holds: a caller who may not see
        // an upload gets, chunk by chunk, exactly the answers of a hash the server never saw.
        auto shaOf = [](const std::string &bytes) {
            unsigned char digest[32];
            crypto_hash_sha256(
                digest, reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size());
            char hex[65];
            sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
            return std::string(hex);
        };
        const std::string held = "Hợp đồng mật, bản ký — " + newId();
        const std::string fresh = "Hợp đồng khác, bản ký — " + newId();
        QCOMPARE(held.size(), fresh.size());
        const std::string heldSha = shaOf(held), freshSha = shaOf(fresh);
        const std::string size = std::to_string(held.size());
        auto put = [&](const std::string &who, const std::string &sha, std::size_t offset,
                       const std::string &bytes, const std::string &declared) {
            return w.as(who).put("/api/v1/attachments/" + sha + "?offset=" + std::to_string(offset)
                    + "&size=" + declared,
                bytes);
        };
        // ann holds the file, halfway uploaded: nobody else may learn it.
        QCOMPARE(put("ann", heldSha, 0, held.substr(0, 20), size).status, 200);
        for (const char *other : {"bob", "mgrb"}) {
            const std::string me = other;
            const std::string otherSize = std::to_string(held.size() + 7);
            // A different declared size, a wrong offset, the first chunk, a resumed chunk, the
            // status: each the same as for the hash nobody uploaded (compared byte for byte).
            const Reply sizeHeld = put(me, heldSha, 0, held.substr(0, 5), otherSize);
            const Reply sizeFresh = put(me, freshSha, 0, fresh.substr(0, 5), otherSize);
            QCOMPARE(sizeHeld.status, 200);
            QCOMPARE(sizeHeld.raw, sizeFresh.raw);
            const Reply wrongHeld = put(me, heldSha, 20, held.substr(20), otherSize);
            const Reply wrongFresh = put(me, freshSha, 20, fresh.substr(20), otherSize);
            QCOMPARE(wrongHeld.status, 409);
            QCOMPARE(wrongHeld.raw, wrongFresh.raw);
            // Over the sizes it declared, the hash cannot match: both dropped alike.
            const Reply restHeld
                = put(me, heldSha, 5, held.substr(5) + std::string(7, 'x'), otherSize);
            const Reply restFresh
                = put(me, freshSha, 5, fresh.substr(5) + std::string(7, 'x'), otherSize);
            QCOMPARE(restHeld.status, 422);
            QCOMPARE(restHeld.raw, restFresh.raw);
            const Reply statusHeld = w.as(me).get("/api/v1/attachments/" + heldSha + "/status");
            const Reply statusFresh = w.as(me).get("/api/v1/attachments/" + freshSha + "/status");
            QCOMPARE(statusHeld.status, 404);
            QCOMPARE(statusHeld.raw, statusFresh.raw);
        }
        // bob then sends the real bytes, as someone attaching the same file in another mission:
        // the same answers as for a new upload, and having shown the bytes he may see it.
        const Reply firstHeld = put("bob", heldSha, 0, held.substr(0, 10), size);
        const Reply firstFresh = put("bob", freshSha, 0, fresh.substr(0, 10), size);
        QCOMPARE(firstHeld.status, 200);
        QCOMPARE(firstHeld.raw, firstFresh.raw);
        QCOMPARE(w.as("bob").get("/api/v1/attachments/" + heldSha + "/status").raw,
            w.as("bob").get("/api/v1/attachments/" + freshSha + "/status").raw);
        const Reply lastHeld = put("bob", heldSha, 10, held.substr(10), size);
        const Reply lastFresh = put("bob", freshSha, 10, fresh.substr(10), size);
        QCOMPARE(lastHeld.status, 200);
        QCOMPARE(lastHeld.raw, lastFresh.raw);
        QCOMPARE(lastHeld.body["complete"], true);
        const Reply bobStatus = w.as("bob").get("/api/v1/attachments/" + heldSha + "/status");
        QCOMPARE(bobStatus.status, 200);
        QCOMPARE(bobStatus.body["complete"], true);
        // ann's upload took bob's verified bytes: hers is complete too, nothing was lost.
        const Reply annStatus = w.as("ann").get("/api/v1/attachments/" + heldSha + "/status");
        QCOMPARE(annStatus.status, 200);
        QCOMPARE(annStatus.body["complete"], true);
        QCOMPARE(put("ann", heldSha, 20, held.substr(20), size).body["complete"], true);
        // mgrb (another organisation) still learns nothing.
        QCOMPARE(w.as("mgrb").get("/api/v1/attachments/" + heldSha + "/status").status, 404);
    }

    void attachments_hashMismatchDropsUpload()
    {
        const std::string sha(64, 'a');
        const Reply r = w.as("ann").put("/api/v1/attachments/" + sha + "?offset=0&size=5", "hello");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), "hash_mismatch");
        QCOMPARE(w.as("ann").get("/api/v1/attachments/" + sha + "/status").status, 404);
    }

    void attachments_overLimitRefused()
    {
        const std::string sha(64, 'b');
        const Reply big = w.as("ann").put(
            "/api/v1/attachments/" + sha + "?offset=0&size=" + std::to_string(51LL * 1024 * 1024),
            "x");
        QCOMPARE(big.status, 413);
        QCOMPARE(big.code(), "too_large");
        const Reply chunk = w.as("ann").put("/api/v1/attachments/" + sha + "?offset=0&size=3000000",
            std::string(1024 * 1024 + 1, 'x'));
        QCOMPARE(chunk.status, 413);
    }

    void compression_asTheClientOffers()
    {
        // The server compresses pull pages itself: brotli (at a fast quality) when offered, else
        // gzip, else nothing; q=0 refuses a coding. The decoded body is the same JSON each time.
        const std::string path = "/api/v1/pull?cursor=0";
        const httplib::Headers auth {{"Authorization", "Bearer " + w.as("mgr").token}};
        httplib::Client raw("127.0.0.1", w.server->port());
        raw.set_decompress(false);
        auto plain = raw.Get(path, auth);
        QVERIFY(plain);
        QCOMPARE(plain->status, 200);
        QVERIFY(!plain->has_header("Content-Encoding"));
        QVERIFY(plain->body.size() > 1024); // big enough to be compressed
        QVERIFY(!json::parse(plain->body, nullptr, false).is_discarded());
        const std::pair<const char *, const char *> cases[]
            = {{"gzip", "gzip"}, {"gzip, deflate, br", "br"}, {"br;q=0, gzip", "gzip"},
                {"deflate, br", "br"}, {"identity", ""}, {"deflate", ""}, {"gzip;q=0", ""}};
        for (const auto &[offered, expected] : cases) {
            httplib::Headers h = auth;
            h.emplace("Accept-Encoding", offered);
            auto r = raw.Get(path, h);
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QVERIFY2(r->get_header_value("Content-Encoding") == expected, offered);
            QCOMPARE(r->get_header_value("Vary"), "Accept-Encoding");
            if (*expected) {
                QVERIFY2(r->body.size() < plain->body.size() / 2, offered);
                // A client that decodes what it offered gets the very same JSON.
                httplib::Client decoding("127.0.0.1", w.server->port());
                auto d = decoding.Get(path, h);
                QVERIFY(d);
                QVERIFY2(d->body == plain->body, offered);
            } else {
                QVERIFY2(r->body == plain->body, offered);
            }
        }
        // Push acknowledgements grow with the batch and are compressed the same way.
        json changes = json::array();
        for (int i = 0; i < 20; ++i)
            changes.push_back(contactChange(newId(), w.m1, "Compressed " + std::to_string(i),
                stamp(0, "annphone", std::uint32_t(i))));
        httplib::Headers h {{"Authorization", "Bearer " + w.as("ann").token},
            {"Accept-Encoding", "gzip"}, {"Attache-Protocol", "1"}};
        auto p = raw.Post("/api/v1/push", h,
            json {{"batch_id", "b-compressed"}, {"changes", changes}}.dump(), "application/json");
        QVERIFY(p);
        QCOMPARE(p->status, 200);
        QCOMPARE(p->get_header_value("Content-Encoding"), "gzip");
    }

    void twoServersOnOneDatabase_shareState()
    {
        // A second process on the first one's storage, as behind a load balancer.
        const QStringList args = w.server->storageArgs();
        QProcess proc;
        proc.setProgram(TestServer::serverBinary());
        proc.setArguments(args + QStringList {"--listen", "127.0.0.1:0"});
        proc.start();
        QVERIFY(proc.waitForStarted());
        int port = 0;
        QDeadlineTimer deadline(20000);
        while (port == 0 && !deadline.hasExpired()
            && proc.waitForReadyRead(int(deadline.remainingTime()))) {
            const QByteArray line = proc.readAllStandardOutput();
            const int at = line.lastIndexOf(':');
            if (line.contains("listening on"))
                port = line.mid(at + 1).trimmed().toInt();
        }
        QVERIFY(port > 0);
        ApiClient other("127.0.0.1", port);
        other.token = w.as("ann").token;
        const std::string id = newId();
        QCOMPARE(other
                     .push("b-two",
                         json::array({contactChange(
                             id, w.m1, "Via the second server", stamp(0, "annphone"))}))
                     .status,
            200);
        QVERIFY(!findChange(all("lead"), id).is_null());
        proc.kill();
        proc.waitForFinished();
    }

    void serverSurvivesKill_dataKept()
    {
        const std::string id = newId();
        QCOMPARE(w.as("ann")
                     .push("b-kill",
                         json::array({contactChange(id, w.m1, "Durable", stamp(0, "annphone"))}))
                     .status,
            200);
        w.server->stop();
        auto started = w.server->start();
        QVERIFY2(started.ok(), started.error().message.c_str());
        for (auto &[name, c] : w.clients) {
            auto fresh = w.newClient();
            fresh->token = c->token;
            c = std::move(fresh);
        }
        QVERIFY(!findChange(all("lead"), id).is_null());
    }
};

QTEST_GUILESS_MAIN(TestServerApi)
#include "tst_serverapi.moc"
