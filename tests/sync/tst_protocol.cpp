// encodePush: the push body the device sends. Text and lists of text are written without
// nlohmann's serializer; every value must still read back as nlohmann writes it (with invalid
// UTF-8 replaced, so that one bad value never blocks a batch).
#include "protocol.h"
#include "schema.h"
#include <QtCore/qfloat16.h> // complete before nlohmann::json meets QCOMPARE

#include <QTest>

using namespace attache;
using namespace attache::sync;
using nlohmann::json;

class TestProtocol : public QObject
{
    Q_OBJECT

private slots:
    void pushBodyValuesReadBackAsNlohmannWritesThem()
    {
        const std::vector<json> values {json("Trần Thị Hạnh"), json(""),
            json("quote \" backslash \\ tab \t newline \n bell \x07 del \x7f"),
            json("Đoàn công tác 🇻🇳 tại Hà Nội"), json("bad \xff\xfe UTF-8"),
            json::array({"a@example.org", "b@example.org"}), json::array(),
            json::array({"ok", "bad \xc3"}), json::array({"text", 7}),
            json {{"amount", 120000000000}, {"currency", "VND"}}, json(true), json(nullptr),
            json(42)};
        PendingRecord r;
        r.kind = findKind("contact");
        r.id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
        for (std::size_t i = 0; i < values.size(); ++i)
            r.fields.push_back({"f" + std::to_string(i), values[i], "h" + std::to_string(i), ""});
        const std::string body = encodePush("batch-1", {r});
        const json parsed = json::parse(body); // throws, failing the test, if not JSON
        QCOMPARE(parsed["batch_id"], json("batch-1"));
        QCOMPARE(parsed["acknowledge"], json("changed"));
        const json &fields = parsed["changes"].at(0)["fields"];
        QCOMPARE(fields.size(), values.size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            const json expected
                = json::parse(values[i].dump(-1, ' ', false, json::error_handler_t::replace));
            const json &f = fields["f" + std::to_string(i)];
            QCOMPARE(f["value"], expected);
            QCOMPARE(f["hlc"], json("h" + std::to_string(i)));
            QCOMPARE(f["base"], json(""));
        }
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
