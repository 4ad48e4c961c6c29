// Every kind of bad input the protocol names: a 4xx with a JSON {code, message}, nothing
// partially stored, and the server keeps serving. Runs once per storage backend.
#include "fixture.h"

using namespace attache::test;
using nlohmann::json;

class TestServerBadInput : public QObject
{
    Q_OBJECT

private:
    World w;
    std::int64_t m_count = 0;

    std::int64_t visibleCount()
    {
        std::int64_t cursor = 0;
        return std::int64_t(w.as("ann").pullAll(cursor).size());
    }
    json goodChange(const std::string &name = "Good") const
    {
        return contactChange(attache::makeUuidV7(), w.m1, name, stamp(0, "annphone"));
    }
    // The common checks: status, JSON error shape, code, nothing stored, still serving.
    void expectRefused(const Reply &r, int status, const std::string &code)
    {
        QCOMPARE(r.status, status);
        QVERIFY2(r.isJsonError(), r.raw.c_str());
        if (!code.empty())
            QCOMPARE(r.code(), code);
        QCOMPARE(visibleCount(), m_count);
        QCOMPARE(w.newClient()->get("/api/v1/status").status, 200);
    }
    Reply pushRaw(const std::string &body) { return w.as("ann").postRaw("/api/v1/push", body); }
    // A batch holding one good change and then the bad one: the good one must not be stored.
    Reply pushWithBad(const json &bad)
    {
        return w.as("ann").push("bad-" + attache::randomHex(6), json::array({goodChange(), bad}));
    }

private slots:
    void initTestCase()
    {
        if (backendUnderTest() == Backend::Postgres && !postgresAvailable())
            QSKIP("ATTACHE_TEST_PG_URL is not set (run under scripts/with-postgres)");
        const std::string failure = w.build();
        QVERIFY2(failure.empty(), failure.c_str());
        QCOMPARE(w.as("ann").push("seed", json::array({goodChange("Seed")})).status, 200);
        m_count = visibleCount();
    }

    void malformedJson()
    {
        expectRefused(pushRaw("{\"batch_id\": \"x\", \"changes\": ["), 400, "malformed_json");
    }
    void notAnObject() { expectRefused(pushRaw("[1, 2, 3]"), 400, "wrong_type"); }
    void changesNotAList()
    {
        expectRefused(
            pushRaw(json {{"batch_id", "x"}, {"changes", {{"a", 1}}}}.dump()), 400, "wrong_type");
    }
    void missingBatchId()
    {
        expectRefused(pushRaw(json {{"changes", json::array()}}.dump()), 400, "wrong_type");
    }
    void invalidUtf8()
    {
        std::string body
            = json {{"batch_id", "u"}, {"changes", json::array({goodChange("MARKER")})}}.dump();
        body.replace(body.find("MARKER"), 6, "bad \xff\xfe");
        expectRefused(pushRaw(body), 400, "invalid_utf8");
    }
    void unknownKind()
    {
        expectRefused(pushWithBad({{"kind", "spaceship"}, {"id", attache::makeUuidV7()},
                          {"fields", {{"name", fieldAt("x", stamp(0, "annphone"))}}}}),
            400, "unknown_kind");
    }
    void unknownField()
    {
        expectRefused(pushWithBad({{"kind", "contact"}, {"id", attache::makeUuidV7()},
                          {"fields", {{"shoe_size", fieldAt(42, stamp(0, "annphone"))}}}}),
            400, "unknown_field");
    }
    void wrongValueType()
    {
        json bad = goodChange();
        bad["fields"]["full_name"]["value"] = 12345;
        const Reply r = pushWithBad(bad);
        expectRefused(r, 400, "wrong_type");
        QCOMPARE(r.body["field"], "full_name");
        QCOMPARE(r.body["kind"], "contact");
    }
    void wrongFieldShape()
    {
        json bad = goodChange();
        bad["fields"]["full_name"] = "just a string";
        expectRefused(pushWithBad(bad), 400, "wrong_type");
    }
    void invalidValueForEnum()
    {
        const std::string h = stamp(0, "annphone");
        expectRefused(pushWithBad({{"kind", "followup"}, {"id", attache::makeUuidV7()},
                          {"fields",
                              {{"mission_id", fieldAt(w.m1, h)}, {"title", fieldAt("x", h)},
                                  {"status", fieldAt("someday", h)}}}}),
            400, "invalid_value");
    }
    void invalidRecordId()
    {
        expectRefused(pushWithBad(contactChange("not-a-uuid", w.m1, "x", stamp(0, "annphone"))),
            400, "invalid_id");
    }
    void invalidStamp()
    {
        expectRefused(pushWithBad(contactChange(attache::makeUuidV7(), w.m1, "x", "yesterday")),
            400, "invalid_stamp");
    }
    void missingRequiredFieldOnNewRecord()
    {
        expectRefused(pushWithBad({{"kind", "contact"}, {"id", attache::makeUuidV7()},
                          {"fields", {{"title", fieldAt("Director", stamp(0, "annphone"))}}}}),
            400, "required");
    }
    void clearingRequiredField()
    {
        json bad = goodChange();
        bad["fields"]["full_name"]["value"] = "";
        expectRefused(pushWithBad(bad), 400, "required");
    }
    void futureStampClockSkew()
    {
        expectRefused(pushWithBad(contactChange(
                          attache::makeUuidV7(), w.m1, "x", stamp(25LL * 3600 * 1000, "annphone"))),
            400, "clock_skew");
    }
    void oversizedBody()
    {
        json doc {{"batch_id", "big"}, {"changes", json::array()},
            {"pad", std::string(9 * 1024 * 1024, 'x')}};
        expectRefused(pushRaw(doc.dump()), 413, "too_large");
    }
    void tooManyChangesInOneBatch()
    {
        // At most 10,000 changes per batch (docs/sync-protocol.md), even under the byte limit:
        // 10,001 good ones are refused whole.
        json changes = json::array();
        for (int i = 0; i < 10001; ++i)
            changes.push_back(goodChange("Many " + std::to_string(i)));
        expectRefused(w.as("ann").push("too-many", changes), 413, "too_large");
    }
    void missingToken()
    {
        auto c = w.newClient();
        expectRefused(c->push("nt", json::array({goodChange()})), 401, "unauthorized");
    }
    void badToken()
    {
        auto c = w.newClient();
        c->token = std::string(64, 'f');
        expectRefused(c->push("bt", json::array({goodChange()})), 401, "unauthorized");
        c->token = "short";
        expectRefused(c->pull(0), 401, "unauthorized");
    }
    void badCursor()
    {
        expectRefused(w.as("ann").get("/api/v1/pull?cursor=abc"), 400, "wrong_type");
    }
    void malformedLogin()
    {
        expectRefused(
            w.newClient()->postRaw("/api/v1/login", "{\"username\": 5}"), 400, "wrong_type");
    }
    void unknownEndpoint()
    {
        expectRefused(w.as("ann").get("/api/v1/nothing-here"), 404, "not_found");
    }

    void replayedBatch_appliedOnce()
    {
        const json change = goodChange("Replayed");
        const Reply first = w.as("ann").push("replay-1", json::array({change}));
        QCOMPARE(first.status, 200);
        ++m_count;
        const Reply again = w.as("ann").push("replay-1", json::array({change}));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, first.body);
        QCOMPARE(visibleCount(), m_count);
        const Reply h
            = w.as("mgr").get("/api/v1/history/contact/" + change["id"].get<std::string>());
        QCOMPARE(h.body["history"].size(), 2u); // full_name and mission_id, once each
    }

    void reorderedBatches_sameResult()
    {
        const std::string id = attache::makeUuidV7();
        const std::string h1 = stamp(-2000, "annphone");
        const std::string h2 = stamp(-1000, "annphone");
        // The later batch arrives first.
        QCOMPARE(w.as("ann")
                     .push("ro-2", json::array({contactChange(id, w.m1, "Second", h2, h1)}))
                     .status,
            200);
        QCOMPARE(
            w.as("ann").push("ro-1", json::array({contactChange(id, w.m1, "First", h1)})).status,
            200);
        ++m_count;
        std::int64_t cursor = 0;
        QCOMPARE(
            findChange(w.as("ann").pullAll(cursor), id)["fields"]["full_name"]["value"], "Second");
        QCOMPARE(visibleCount(), m_count);
    }
};

QTEST_GUILESS_MAIN(TestServerBadInput)
#include "tst_serverbadinput.moc"
