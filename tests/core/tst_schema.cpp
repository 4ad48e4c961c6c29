#include "iso.h"
#include "schema.h"
#include "storefixture.h"
#include "text.h"
#include "uuid.h"
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

    // Every kind with a period has its rule, and the rule compares the merged record's dates.
    void dateOrder_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("fields"); // JSON, added to a valid record
        QTest::addColumn<QString>("code"); // "" = valid
        QTest::newRow("mission same day")
            << "mission"
            << R"({"start_date": "2026-03-09", "end_date": "2026-03-09"})"
            << "";
        QTest::newRow("mission ends the day before")
            << "mission"
            << R"({"start_date": "2026-03-09", "end_date": "2026-03-08"})"
            << "date_order";
        QTest::newRow("event") << "event"
                               << R"({"start_date": "2026-04-15", "end_date": "2026-04-18"})"
                               << "";
        QTest::newRow("event ends before it starts")
            << "event"
            << R"({"start_date": "2026-04-15", "end_date": "2026-04-14"})"
            << "date_order";
        QTest::newRow("event with only an end") << "event"
                                                << R"({"end_date": "2026-04-14"})"
                                                << "";
        QTest::newRow("agreement valid five years")
            << "agreement"
            << R"({"signed_date": "2026-03-10", "valid_until": "2031-03-10"})"
            << "";
        QTest::newRow("agreement expires before it is signed")
            << "agreement"
            << R"({"signed_date": "2026-03-10", "valid_until": "2025-12-31"})"
            << "date_order";
        QTest::newRow("agreement not signed yet") << "agreement"
                                                  << R"({"valid_until": "2025-12-31"})"
                                                  << "";
    }
    void dateOrder()
    {
        QFETCH(QString, kind);
        QFETCH(QString, fields);
        QFETCH(QString, code);
        const KindDef &k = *findKind(kind.toStdString());
        json record = kind == "mission" ? validMission()
            : kind == "event"
            ? json {{"mission_id", makeUuidV7()}, {"name", "Foodex"}, {"kind", "trade_fair"}}
            : json {{"mission_id", makeUuidV7()}, {"title", "MoU"}, {"kind", "mou"},
                {"status", "signed"}};
        record.update(json::parse(fields.toStdString()));
        const auto r = validateRecord(k, record);
        if (code.isEmpty()) {
            QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
            return;
        }
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error().code), code);
        QCOMPARE(r.error().field, std::string(k.dateRules.front().end));
        QVERIFY(!r.error().message.empty());
    }

    // A patch of one date is checked against the other date as stored: the store merges it
    // over the record before validating, so a mission cannot end before it starts by editing
    // one date at a time. A refused patch changes nothing.
    void datePatchCheckedAgainstStoredRecord_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("record"); // JSON, without mission_id
        QTest::addColumn<QString>("patch"); // JSON: refused
        QTest::addColumn<QString>("fine"); // JSON: accepted afterwards
        const QString mission = R"({"organisation_id": "019b76da-a800-7000-8000-000000000001",
            "title": "Đoàn công tác Hàn Quốc", "start_date": "2026-05-18",
            "end_date": "2026-05-22"})";
        QTest::newRow("mission end before stored start")
            << "mission" << mission << R"({"end_date": "2026-05-17"})"
            << R"({"end_date": "2026-05-18"})";
        QTest::newRow("mission start after stored end")
            << "mission" << mission << R"({"start_date": "2026-05-23"})"
            << R"({"start_date": "2026-06-01", "end_date": "2026-06-05"})";
        const QString event = R"({"name": "Foodex Japan", "start_date": "2026-03-10",
            "end_date": "2026-03-13"})";
        QTest::newRow("event end before stored start")
            << "event" << event << R"({"end_date": "2026-03-09"})"
            << R"({"end_date": "2026-03-10"})";
        QTest::newRow("event start after stored end")
            << "event" << event << R"({"start_date": "2026-03-14"})"
            << R"({"start_date": "2026-03-13"})";
        const QString agreement = R"({"title": "MoU hợp tác giáo dục", "status": "signed",
            "signed_date": "2026-03-10", "valid_until": "2031-03-10"})";
        QTest::newRow("agreement expiring before stored signature")
            << "agreement" << agreement << R"({"valid_until": "2026-03-09"})"
            << R"({"valid_until": "2026-12-31"})";
        QTest::newRow("agreement signed after stored expiry")
            << "agreement" << agreement << R"({"signed_date": "2031-03-11"})"
            << R"({"signed_date": "2026-03-11"})";
    }
    void datePatchCheckedAgainstStoredRecord()
    {
        QFETCH(QString, kind);
        QFETCH(QString, record);
        QFETCH(QString, patch);
        QFETCH(QString, fine);
        StoreFixture fx;
        QVERIFY(fx.open());
        const std::string k = kind.toStdString();
        json fields = json::parse(record.toStdString());
        if (k != "mission")
            fields["mission_id"] = makeUuidV7();
        const attache::Record created = fx.add(k.c_str(), fields);
        const auto pending = fx.store->pendingCount();
        QVERIFY(pending.ok());

        const auto refused = fx.store->update(k, created.id, json::parse(patch.toStdString()));
        QVERIFY2(!refused.ok(), "a patch making the record end before it starts was accepted");
        QCOMPARE(refused.error().code, std::string("date_order"));
        QVERIFY(!refused.error().message.empty());
        const auto stored = fx.store->get(k, created.id);
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->fields, created.fields);
        QCOMPARE(*fx.store->pendingCount(), *pending);

        // The same field, in order with the stored dates, is accepted.
        const auto accepted = fx.store->update(k, created.id, json::parse(fine.toStdString()));
        QVERIFY2(accepted.ok(), accepted.ok() ? "" : accepted.error().message.c_str());
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
        // Where bad input is quoted back (an enum value, a currency, a field name, a kind), the
        // message stays valid text: the bad bytes show as U+FFFD, the rest as typed.
        const auto enumError
            = normaliseField(*findKind("mission")->field("status"), json(std::string("Đã v\xff")));
        QCOMPARE(enumError.error().code, std::string("invalid_value"));
        QVERIFY(isValidUtf8(enumError.error().message));
        QVERIFY(enumError.error().message.find("Đã v\uFFFD") != std::string::npos);
        const auto currencyError = normaliseField(*findKind("lead")->field("pledged_capital"),
            json {{"amount", 1}, {"currency", std::string("U\xc3")}});
        QCOMPARE(currencyError.error().code, std::string("invalid_currency"));
        QVERIFY(isValidUtf8(currencyError.error().message));
        const auto fieldError
            = validateRecord(*findKind("contact"), json {{std::string("t\xe1\xbbn"), "x"}});
        QCOMPARE(fieldError.error().code, std::string("unknown_field"));
        QVERIFY(isValidUtf8(fieldError.error().message));
        QVERIFY(isValidUtf8(fieldError.error().field));
        StoreFixture fx;
        QVERIFY(fx.open());
        const auto kindError = fx.store->create(std::string("li\xc3"
                                                            "en"),
            json::object());
        QCOMPARE(kindError.error().code, std::string("unknown_kind"));
        QVERIFY(isValidUtf8(kindError.error().message));
        ReportFilter badCountry;
        badCountry.country = "J\xd0";
        const auto filterError = validateReportFilter(badCountry);
        QCOMPARE(filterError.error().code, std::string("invalid_country"));
        QVERIFY(isValidUtf8(filterError.error().message));
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
