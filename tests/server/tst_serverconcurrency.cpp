// Many devices pushing at the same moment, as when a delegation's phones all find the hotel
// Wi-Fi at once. The server writes such pushes together (group commit: one transaction, one
// savepoint per batch); these tests hold it to the protocol's promises under that load: every
// batch is atomic and answered on its own (a refused batch stores nothing and does not take
// others down with it), retries stay idempotent, and a pull running alongside never skips a
// change. Runs once per storage backend.
#include "fixture.h"

#include <atomic>
#include <latch>
#include <set>
#include <thread>

using namespace attache::test;
using attache::randomHex;
using nlohmann::json;

namespace {

/// What one device sends in a burst, and what it must get back.
struct Planned
{
    std::string who; ///< user name
    std::string batchId;
    json changes;
    std::vector<std::string> ids; ///< records of the batch
    int expectStatus = 200;
    std::string expectCode;
    Reply reply;
};

} // namespace

class TestServerConcurrency : public QObject
{
    Q_OBJECT

private:
    World w;
    // Extra devices per user: a device sends one request at a time, so a burst needs many.
    std::map<std::string, std::vector<std::unique_ptr<ApiClient>>> devices;
    std::string newId() const { return attache::makeUuidV7(); }

    ApiClient &device(const std::string &who, std::size_t i) { return *devices.at(who).at(i); }

    /// Sends every planned push at once (threads released together) while `mgr` keeps pulling
    /// with its cursor; returns every change that pull saw.
    json burst(std::vector<Planned> &plan, std::map<std::string, std::size_t> &used)
    {
        std::latch start(std::ptrdiff_t(plan.size()) + 1);
        std::atomic<bool> pushing {true};
        std::vector<std::thread> threads;
        for (auto &p : plan) {
            ApiClient *c = &device(p.who, used[p.who]++);
            threads.emplace_back([&start, &p, c] {
                start.arrive_and_wait();
                p.reply = c->push(p.batchId, p.changes);
            });
        }
        json seen = json::array();
        std::thread puller([&] {
            auto c = w.newClient();
            c->token = w.as("mgr").token;
            std::int64_t cursor = m_cursor;
            start.arrive_and_wait();
            // Keep pulling while pushes land, then once more after the last one answered.
            for (bool last = false; !last;) {
                last = !pushing.load();
                const json got = c->pullAll(cursor);
                if (got.is_array()) {
                    for (const auto &g : got)
                        seen.push_back(g);
                }
            }
            m_cursor = cursor;
        });
        for (auto &t : threads)
            t.join();
        pushing = false;
        puller.join();
        return seen;
    }

    std::int64_t m_cursor = 0;
    std::vector<std::string> m_existing; ///< contacts in M1 and M2 stored before the bursts

private slots:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        if (backendUnderTest() == Backend::Postgres && !postgresAvailable())
            QSKIP("ATTACHE_TEST_PG_URL is not set (run under scripts/with-postgres)");
        const std::string failure = w.build();
        QVERIFY2(failure.empty(), failure.c_str());
        // Group commit is on by default only on SQLite: turn it on for PostgreSQL too, so that
        // both backends are held to it.
        w.server->stop();
        auto restarted = w.server->start({"--group-commit", "64"});
        QVERIFY2(restarted.ok(), restarted.ok() ? "" : restarted.error().message.c_str());
        for (auto &[name, c] : w.clients) {
            auto fresh = w.newClient();
            fresh->token = c->token;
            fresh->deviceId = c->deviceId;
            fresh->userId = c->userId;
            c = std::move(fresh);
        }
        for (const char *who : {"ann", "bob", "mgr"}) {
            for (int i = 0; i < 6; ++i) {
                auto c = w.newClient();
                const Reply r = c->login(who, World::kPassword,
                    std::string("burst_") + who + "_" + std::to_string(i) + "_" + randomHex(3));
                QVERIFY2(r.status == 200, r.raw.c_str());
                devices[who].push_back(std::move(c));
            }
        }
        m_existing = {newId(), newId()};
        const Reply a = w.as("ann").push("existing-a",
            json::array(
                {contactChange(m_existing[0], w.m1, "Stored before", stamp(-5000, "ann0"))}));
        QVERIFY2(a.status == 200, a.raw.c_str());
        const Reply b = w.as("bob").push("existing-b",
            json::array(
                {contactChange(m_existing[1], w.m2, "Stored before", stamp(-5000, "bob0"))}));
        QVERIFY2(b.status == 200, b.raw.c_str());
        std::int64_t cursor = 0;
        w.as("mgr").pullAll(cursor);
        m_cursor = cursor;
    }

    void burst_eachBatchAtomicAndAnsweredAlone_pullSkipsNothing()
    {
        // Three rounds, so that pushes meet in groups of different shapes.
        for (int round = 0; round < 3; ++round) {
            std::vector<Planned> plan;
            std::map<std::string, std::size_t> used;
            auto good = [&](const std::string &who, const std::string &mission) {
                Planned p {who, "good-" + std::to_string(round) + "-" + randomHex(4), json::array(),
                    {}, 200, {}, {}};
                for (int i = 0; i < 30; ++i) {
                    const std::string id = newId();
                    p.ids.push_back(id);
                    p.changes.push_back(contactChange(id, mission,
                        who + " contact " + std::to_string(i), stamp(0, who + "phone", i)));
                }
                plan.push_back(std::move(p));
            };
            for (int i = 0; i < 4; ++i) {
                good("ann", w.m1);
                good("bob", w.m2);
                good("mgr", i % 2 ? w.m1 : w.m2);
            }
            // Refused while being applied (after parsing), so inside the group's transaction:
            // a record in a mission ann is not a member of (403) …
            {
                Planned p {"ann", "bad-scope-" + std::to_string(round), json::array(), {}, 403,
                    "forbidden", {}};
                // Its first change rewrites a record already stored (written at once, unlike new
                // records), so only rolling back the batch's savepoint can undo it.
                p.changes.push_back(contactChange(
                    m_existing[0], w.m1, "Overwritten by a refused batch", stamp(0, "annphone")));
                for (const auto &m : {w.m1, w.m2}) {
                    const std::string id = newId();
                    p.ids.push_back(id);
                    p.changes.push_back(
                        contactChange(id, m, "Half a batch", stamp(0, "annphone", 9)));
                }
                plan.push_back(std::move(p));
            }
            // … and a new contact without its required name (400, after a good change).
            {
                Planned p {"bob", "bad-value-" + std::to_string(round), json::array(), {}, 400,
                    "required", {}};
                const std::string ok = newId();
                const std::string bad = newId();
                p.ids = {ok, bad};
                p.changes.push_back(contactChange(
                    m_existing[1], w.m2, "Overwritten by a refused batch", stamp(0, "bobphone")));
                p.changes.push_back(contactChange(ok, w.m2, "Fine alone", stamp(0, "bobphone")));
                p.changes.push_back(json {{"kind", "contact"}, {"id", bad},
                    {"fields", {{"mission_id", fieldAt(w.m2, stamp(0, "bobphone", 1))}}}});
                plan.push_back(std::move(p));
            }
            const json seen = burst(plan, used);

            std::set<std::int64_t> cursors;
            const json everything = [&] {
                std::int64_t c = 0;
                return w.as("mgr").pullAll(c);
            }();
            for (const auto &p : plan) {
                const std::string what = p.who + " " + p.batchId + ": " + p.reply.raw;
                QVERIFY2(p.reply.status == p.expectStatus, what.c_str());
                if (p.expectStatus == 200) {
                    QCOMPARE(p.reply.body["applied"], p.ids.size());
                    QCOMPARE(p.reply.body["acknowledged"].size(), p.ids.size());
                    // Each batch gets its own place in the sequence.
                    QVERIFY2(cursors.insert(p.reply.body["cursor"].get<std::int64_t>()).second,
                        what.c_str());
                    for (const auto &id : p.ids) {
                        QVERIFY2(!findChange(everything, id).is_null(), what.c_str());
                        // The puller that ran alongside saw it too: no cursor skipped it.
                        QVERIFY2(!findChange(seen, id).is_null(), (id + " " + what).c_str());
                    }
                } else {
                    QCOMPARE(p.reply.code(), p.expectCode);
                    QVERIFY(p.reply.isJsonError());
                    for (const auto &id : p.ids)
                        QVERIFY2(findChange(everything, id).is_null(), what.c_str());
                }
            }
            for (const auto &e : m_existing) {
                QCOMPARE(
                    findChange(everything, e)["fields"]["full_name"]["value"], "Stored before");
                QCOMPARE(
                    w.as("mgr").get("/api/v1/history/contact/" + e).body["history"].size(), 2u);
            }
            // A refused batch stored nothing, not even its audit trail.
            for (const auto &p : plan) {
                if (p.expectStatus != 200) {
                    for (const auto &id : p.ids)
                        QCOMPARE(w.as("mgr").get("/api/v1/history/contact/" + id).status, 404);
                }
            }
        }
    }

    void burst_sameBatchFromTwoConnections_appliedOnce()
    {
        // A device whose connection dropped retries while the first attempt is still queued:
        // both get the same answer and the change is stored (and audited) once.
        const std::string id = newId();
        const std::string h = stamp(0, "annretry");
        const json changes = json::array({contactChange(id, w.m1, "Sent twice", h)});
        std::vector<Planned> plan;
        std::map<std::string, std::size_t> used;
        for (int i = 0; i < 4; ++i)
            plan.push_back(Planned {"ann", "retried-batch", changes, {id}, 200, {}, {}});
        // Same device: every copy uses the token of ann's first burst device.
        for (std::size_t i = 1; i < 4; ++i)
            devices["ann"][i]->token = devices["ann"][0]->token;
        burst(plan, used);
        for (const auto &p : plan) {
            QVERIFY2(p.reply.status == 200, p.reply.raw.c_str());
            QCOMPARE(p.reply.body, plan[0].reply.body);
        }
        const Reply history = w.as("mgr").get("/api/v1/history/contact/" + id);
        QCOMPARE(history.status, 200);
        QCOMPARE(history.body["history"].size(), 2u); // full_name and mission_id, once each
    }
};

QTEST_GUILESS_MAIN(TestServerConcurrency)
#include "tst_serverconcurrency.moc"
