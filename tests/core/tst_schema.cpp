#include "iso.h"
#include "schema.h"
#include <QtCore/qfloat16.h> // complete before nlohmann::json meets QCOMPARE

#include <QTest>

using namespace attache;
using nlohmann::json;

/// The record definitions: one place for fields, types and validation rules.
class TestSchema : public QObject
{
    Q_OBJECT

    static json validMission()
    {
        return {{"organisation_id", "019b76da-a800-7000-8000-000000000001"},
            {"title", "Xúc tiến đầu tư tại Nhật Bản"}, {"start_date", "2026-03-09"},
            {"end_date", "2026-03-15"}, {"status", "planned"}, {"countries", json::array({"JP"})},
            {"member_ids", json::array()}};
    }

private slots:
    void everyKindIsWellFormed()
    {
        QVERIFY(allKinds().size() >= 11);
        for (const auto &k : allKinds()) {
            QVERIFY2(k.field(k.titleField) != nullptr, std::string(k.name).c_str());
            if (!k.missionField.empty() && k.missionField != "id")
                QVERIFY(k.field(k.missionField) != nullptr);
            for (const auto &f : k.fields) {
                if (f.type == FieldType::Enum || f.type == FieldType::EnumList)
                    QVERIFY(!f.values.empty());
                if (!f.defaultValue.empty())
                    QVERIFY(std::find(f.values.begin(), f.values.end(), f.defaultValue)
                        != f.values.end());
                QVERIFY(f.name != "id" && f.name != "deleted" && f.name != "created_at");
            }
            QCOMPARE(findKind(k.name), &k);
            QVERIFY(kindIndex(k) >= 0);
        }
        for (const char *name : {"organisation", "user", "mission", "meeting", "agreement", "event",
                 "contact", "lead", "followup", "attachment", "review"})
            QVERIFY2(findKind(name), name);
        QVERIFY(!findKind("invoice"));
    }

    void validRecordPasses() { REQUIRE_VALID(validMission()); }

    void badInput_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value"); // JSON, or "<absent>"
        QTest::addColumn<QString>("code");
        QTest::newRow("missing required title") << "title"
                                                << "<absent>"
                                                << "required";
        QTest::newRow("blank required title") << "title"
                                              << R"("   ")"
                                              << "required";
        QTest::newRow("end date before start") << "end_date"
                                               << R"("2026-03-01")"
                                               << "date_order";
        QTest::newRow("impossible date") << "start_date"
                                         << R"("2026-02-30")"
                                         << "invalid_date";
        QTest::newRow("date in the wrong format") << "start_date"
                                                  << R"("09/03/2026")"
                                                  << "invalid_date";
        QTest::newRow("unknown status") << "status"
                                        << R"("finished")"
                                        << "invalid_value";
        QTest::newRow("unknown country") << "countries"
                                         << R"(["XX"])"
                                         << "invalid_country";
        QTest::newRow("country as name") << "countries"
                                         << R"(["Japan"])"
                                         << "invalid_country";
        QTest::newRow("list expected") << "countries"
                                       << R"("JP")"
                                       << "wrong_type";
        QTest::newRow("number for text") << "title"
                                         << "42"
                                         << "wrong_type";
        QTest::newRow("bad reference") << "leader_id"
                                       << R"("son")"
                                       << "invalid_reference";
        QTest::newRow("unknown field") << "budget"
                                       << "1"
                                       << "unknown_field";
    }
    void badInput()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, code);
        json m = validMission();
        if (value == "<absent>")
            m.erase(field.toStdString());
        else
            m[field.toStdString()] = json::parse(value.toStdString());
        // Normalising first, as the store does, so blank text becomes empty.
        const KindDef &k = *findKind("mission");
        for (auto &[key, v] : m.items()) {
            if (const FieldDef *f = k.field(key)) {
                if (auto n = normaliseField(*f, v); n)
                    v = *n;
            }
        }
        const auto r = validateRecord(k, m);
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error().code), code);
        QVERIFY(!r.error().message.empty());
        QCOMPARE(QString::fromStdString(r.error().field), field);
    }

    void invalidUtf8IsRefused()
    {
        const FieldDef &f = *findKind("contact")->field("full_name");
        const auto r = normaliseField(f, json(std::string("Nguy\xe1\xbb")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, std::string("invalid_utf8"));
        const FieldDef &tags = *findKind("contact")->field("tags");
        QCOMPARE(normaliseField(tags, json::array({std::string("ok"), std::string("\xff")}))
                     .error()
                     .code,
            std::string("invalid_utf8"));
    }

    void money_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code"); // "" = valid
        QTest::newRow("usd cents") << R"({"amount": 1500000000, "currency": "USD"})"
                                   << "";
        QTest::newRow("vnd lower case code") << R"({"amount": 337500000000, "currency": "vnd"})"
                                             << "";
        QTest::newRow("unknown currency") << R"({"amount": 100, "currency": "XYZ"})"
                                          << "invalid_currency";
        QTest::newRow("currency as symbol") << R"({"amount": 100, "currency": "$"})"
                                            << "invalid_currency";
        QTest::newRow("float amount") << R"({"amount": 1.5, "currency": "USD"})"
                                      << "invalid_amount";
        QTest::newRow("amount as text") << R"({"amount": "100", "currency": "USD"})"
                                        << "invalid_amount";
        QTest::newRow("negative") << R"({"amount": -5, "currency": "USD"})"
                                  << "invalid_amount";
        QTest::newRow("no currency") << R"({"amount": 5})"
                                     << "wrong_type";
        QTest::newRow("bare number") << "5"
                                     << "wrong_type";
    }
    void money()
    {
        QFETCH(QString, value);
        QFETCH(QString, code);
        const FieldDef &f = *findKind("lead")->field("pledged_capital");
        const auto r = normaliseField(f, json::parse(value.toStdString()));
        if (code.isEmpty()) {
            QVERIFY(r.ok());
            QVERIFY((*r)["currency"].get<std::string>().size() == 3);
            QVERIFY(isCurrencyCode((*r)["currency"].get<std::string>()));
        } else {
            QVERIFY(!r.ok());
            QCOMPARE(QString::fromStdString(r.error().code), code);
        }
    }

    void currencies()
    {
        QCOMPARE(currencyMinorDigits("USD"), std::optional<int>(2));
        QCOMPARE(currencyMinorDigits("VND"), std::optional<int>(0));
        QCOMPARE(currencyMinorDigits("KWD"), std::optional<int>(3));
        QCOMPARE(currencyMinorDigits("JPY"), std::optional<int>(0));
        QVERIFY(!currencyMinorDigits("usd"));
        QVERIFY(isCountryCode("VN") && isCountryCode("LA") && isCountryCode("KR"));
        QVERIFY(!isCountryCode("vn") && !isCountryCode("EU") && !isCountryCode("VNM"));
    }

    void normalisation()
    {
        const KindDef &c = *findKind("contact");
        QCOMPARE(*normaliseField(*c.field("country"), "jp"), json("JP"));
        QCOMPARE(
            *normaliseField(*c.field("full_name"), "  Tanaka Hiroshi "), json("Tanaka Hiroshi"));
        QCOMPARE(*normaliseField(*c.field("emails"), json::array({"A@Example.JP", "a@example.jp"})),
            json::array({"a@example.jp"}));
        QVERIFY(!normaliseField(*c.field("emails"), json::array({"not an email"})).ok());
        QVERIFY(!normaliseField(*c.field("phones"), json::array({"call me"})).ok());
        QVERIFY(normaliseField(*c.field("phones"), json::array({"+84 (239) 385-5555"})).ok());
        QVERIFY(!normaliseField(*c.field("website"), "ftp://example.com").ok());
        QCOMPARE(*normaliseField(*c.field("title"), ""), json(nullptr));
        QVERIFY(!normaliseField(*c.field("notes"), std::string(300 * 1024, 'x')).ok());
        const KindDef &m = *findKind("meeting");
        QVERIFY(normaliseField(*m.field("starts_at"), "2026-03-10T09:30+09:00").ok());
        QVERIFY(normaliseField(*m.field("starts_at"), "2026-03-10T09:30:15Z").ok());
        QVERIFY(!normaliseField(*m.field("starts_at"), "2026-03-10 09:30").ok());
        QVERIFY(!normaliseField(*m.field("starts_at"), "2026-03-10T25:00").ok());
        QVERIFY(!isValidDate("2025-02-29"));
        QVERIFY(isValidDate("2024-02-29"));
    }

private:
    static void REQUIRE_VALID(const json &fields)
    {
        const auto r = validateRecord(*findKind("mission"), fields);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
