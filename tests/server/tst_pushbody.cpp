// readPushBody, the push body read with simdjson: it must take what reading
// the body into a JSON tree took (last of repeated members, fields in name order, unknown
// members ignored at any depth) and refuse with the same first error. The HTTP side of the
// same errors is in tst_serverbadinput.
#include "pushbody.h"
#include <QtCore/qfloat16.h> // complete before nlohmann::json meets QCOMPARE

#include <QTest>

using namespace attache::server;
using nlohmann::json;

class TestPushBody : public QObject
{
    Q_OBJECT
    const std::string id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    const std::string h1 = "0000000000000001-0000-dev00001";
    const std::string h2 = "0000000000000002-0000-dev00001";
    static constexpr std::int64_t kNow = 1800000000000;

    ApiResult<PushBody> read(const std::string &body, std::size_t max = 10)
    {
        return readPushBody(body, kNow, max);
    }
    // The code of the refusal, "" when the body was taken.
    std::string refusal(const std::string &body, std::size_t max = 10)
    {
        auto r = read(body, max);
        auto *e = std::get_if<ApiError>(&r);
        return e ? std::to_string(e->status) + " " + e->code : std::string();
    }
    std::string change(const std::string &fields) const
    {
        return "{\"kind\":\"contact\",\"meta\":[{\"a\":[1]}],\"id\":\"" + id
            + "\",\"fields\":" + fields + "}";
    }
    std::string field(const std::string &value, const std::string &hlc) const
    {
        return "{\"value\":" + value + ",\"hlc\":\"" + hlc + "\",\"base\":null}";
    }

private slots:
    void takesWhatATreeTakes()
    {
        // Unknown members at every level, with containers in them; a repeated field and a
        // repeated "changes" (the last wins); fields out of name order.
        const std::string body
            = "{\"x\":{\"a\":[1,{\"b\":[]}]},\"changes\":[1,2,3],\"batch_id\":\"b-1\","
              "\"changes\":["
            + change("{\"title\":" + field("\"Old\"", h1) + ",\"full_name\":"
                + field("\"  Trần Thị Hạnh \"", h1) + ",\"title\":" + field("\"Giám đốc\"", h2)
                + ",\"notes\":" + field("\"quote \\\" back\\\\ tab\\t line\\n bs\\b ff\\f\"", h1)
                + ",\"emails\":{\"value\":[\"a@example.org\",\"a@example.org\"],\"hlc\":\"" + h1
                + "\",\"later\":{\"y\":[[]]}}}")
            + "]}";
        auto r = read(body);
        if (auto *e = std::get_if<ApiError>(&r))
            QFAIL(e->message.c_str());
        const PushBody &p = std::get<PushBody>(r);
        QCOMPARE(p.batchId, std::string("b-1"));
        QCOMPARE(p.changes.size(), std::size_t(1));
        const IncomingChange &c = p.changes[0];
        QCOMPARE(std::string(c.kind->name), std::string("contact"));
        QCOMPARE(c.id, id);
        QCOMPARE(c.fields.size(), std::size_t(4));
        QCOMPARE(c.fields[0].name, std::string("emails"));
        QCOMPARE(c.fields[0].text, std::string("[\"a@example.org\"]"));
        QCOMPARE(c.fields[1].name, std::string("full_name"));
        QCOMPARE(c.fields[1].text, json("Trần Thị Hạnh").dump());
        QCOMPARE(c.fields[2].name, std::string("notes"));
        QVERIFY(c.fields[2].value.is_string());
        QCOMPARE(c.fields[3].name, std::string("title"));
        QCOMPARE(c.fields[3].text, json("Giám đốc").dump());
        QCOMPARE(c.fields[3].hlc, h2);
        for (const auto &f : c.fields) {
            QCOMPARE(f.value.dump(), f.text);
            QVERIFY(f.base.empty());
        }
    }
    void firstErrorInTheTreesOrder()
    {
        // The batch id is checked before the changes, wherever they are in the text.
        QCOMPARE(refusal("{\"changes\":5,\"batch_id\":7}"), std::string("400 wrong_type"));
        QCOMPARE(refusal("{\"changes\":[{\"kind\":\"nope\"}],\"batch_id\":\"b\"}"),
            std::string("400 unknown_kind"));
        // A later "changes" replaces an earlier good one.
        QCOMPARE(refusal("{\"batch_id\":\"b\",\"changes\":["
                     + change("{\"full_name\":" + field("\"A\"", h1) + "}") + "],\"changes\":{}}"),
            std::string("400 wrong_type"));
        // Fields in name order: "country" is refused before the unknown "zzz".
        QCOMPARE(refusal("{\"batch_id\":\"b\",\"changes\":["
                     + change("{\"zzz\":" + field("1", h1)
                         + ",\"country\":" + field("\"not a country\"", h1) + "}")
                     + "]}"),
            std::string("400 invalid_country"));
        QCOMPARE(refusal("{\"batch_id\":\"b\",\"changes\":["
                     + change("{\"full_name\":{\"hlc\":\"" + h1 + "\"}}") + "]}"),
            std::string("400 wrong_type"));
        QCOMPARE(refusal("{\"batch_id\":\"b\",\"changes\":["
                     + change("{\"full_name\":{\"value\":\"A\",\"hlc\":7}}") + "]}"),
            std::string("400 invalid_stamp"));
        QCOMPARE(refusal("{\"batch_id\":\"b\",\"changes\":["
                     + change("{\"full_name\":{\"value\":\"A\",\"hlc\":\"" + h1 + "\",\"base\":5}}")
                     + "]}"),
            std::string("400 invalid_stamp"));
    }
    void shapes()
    {
        QCOMPARE(refusal("[1, 2"), std::string("400 malformed_json"));
        QCOMPARE(
            refusal("{\"batch_id\":\"b\",\"changes\":[]} x"), std::string("400 malformed_json"));
        QCOMPARE(refusal("[1, 2]"), std::string("400 wrong_type"));
        QCOMPARE(refusal("\"text\""), std::string("400 wrong_type"));
        QCOMPARE(refusal("{\"batch_id\":\"b\"}"), std::string("400 wrong_type"));
        QCOMPARE(refusal("{\"batch_id\":\"b\",\"changes\":[7]}"), std::string("400 wrong_type"));
        QCOMPARE(refusal("{\"batch_id\":\"b\",\"changes\":[" + change("{}") + "]}"),
            std::string("400 wrong_type"));
        QCOMPARE(refusal("{\"batch_id\":\"b\",\"changes\":[]}"), std::string());
        QCOMPARE(
            refusal("{\"batch_id\":\"b\xff\",\"changes\":[]}"), std::string("400 invalid_utf8"));
    }
    void valuesAsATreeHasThem()
    {
        // A value's own members: the last of a repeated one wins, then the field's rule
        // normalises (here a currency code in capitals).
        const std::string agreement = "{\"batch_id\":\"b\",\"changes\":[{\"kind\":\"agreement\","
                                      "\"id\":\""
            + id + "\",\"fields\":{\"committed_value\":";
        auto r = read(agreement
            + field("{\"amount\":5,\"currency\":\"vnd\",\"amount\":120000000000}", h1) + "}}]}");
        if (auto *e = std::get_if<ApiError>(&r))
            QFAIL(e->message.c_str());
        const IncomingField &money = std::get<PushBody>(r).changes.at(0).fields.at(0);
        QCOMPARE(money.text, std::string("{\"amount\":120000000000,\"currency\":\"VND\"}"));
        QCOMPARE(refusal(agreement + field("{\"amount\":12.5,\"currency\":\"USD\"}", h1) + "}}]}"),
            std::string("400 invalid_amount"));
        // Well-formed, but beyond 64 bits: refused as a value no field takes.
        QCOMPARE(
            refusal(agreement
                + field("{\"amount\":100000000000000000000000,\"currency\":\"USD\"}", h1) + "}}]}"),
            std::string("400 wrong_type"));
        QCOMPARE(refusal("{\"batch_id\":\"b\",\"changes\":[],\"n\":01}"),
            std::string("400 malformed_json"));
        QCOMPARE(refusal("{\"batch_id\":\"b\",\"changes\":[],\"n\":1e999}"),
            std::string("400 malformed_json"));
        // Invalid UTF-8 is named first, even in a body that is malformed too.
        QCOMPARE(refusal("{\"batch_id\":\"b\xff\",\"changes\":["), std::string("400 invalid_utf8"));
    }
    void tooManyChangesWhateverTheyAre()
    {
        QCOMPARE(refusal("{\"batch_id\":\"b\",\"changes\":[1,{},[2]]}", 2),
            std::string("413 too_large"));
        QCOMPARE(
            refusal("{\"batch_id\":\"b\",\"changes\":[1,{}]}", 2), std::string("400 wrong_type"));
    }
};

QTEST_GUILESS_MAIN(TestPushBody)
#include "tst_pushbody.moc"
