// CSV from Google Contacts and Outlook (UTF-8, windows-1252, UTF-16LE), broken CSV, round trips.

#include "countrynames.h"
#include "fixturefile.h"
#include "interchange/charset.h"
#include "interchange/contactcsv.h"
#include "interchange/countries.h"

#include <QTest>

using namespace attache::interchange;

namespace {

const ParsedContact *byName(const ParseResult &r, const std::string &name)
{
    for (const auto &c : r.contacts) {
        if (c.data.fullName == name)
            return &c;
    }
    return nullptr;
}

bool noteHas(const ParsedContact *c, const std::string &text)
{
    return c && c->data.notes.find(text) != std::string::npos;
}

} // namespace

class TestContactCsv : public QObject
{
    Q_OBJECT

private slots:
    void rfc4180()
    {
        const auto t = readCsv("\xEF\xBB\xBF"
                               "a;b;c\r\n"
                               "\"x;1\";\"line\r\nbreak\";\"say \"\"hi\"\"\"\r\n"
                               "\r\n"
                               "plain;;end\n");
        QCOMPARE(t.rows.size(), size_t(3));
        QCOMPARE(t.rows[1].line, 2);
        QCOMPARE(t.rows[1].fields, (std::vector<std::string> {"x;1", "line\nbreak", "say \"hi\""}));
        QCOMPARE(t.rows[2].line, 5);
        QCOMPARE(t.rows[2].fields, (std::vector<std::string> {"plain", "", "end"}));
    }

    void googleCsv()
    {
        const auto r = parseContactsCsv(fixture("google.csv"));
        QCOMPARE(r.contacts.size(), size_t(4));
        QVERIFY(r.skipped.empty());
        const auto *d = byName(r, "Lê Văn Dũng");
        QVERIFY(d);
        QCOMPARE(d->line, 2);
        QCOMPARE(
            d->data.emails, (std::vector<std::string> {"le.dung@vungang.vn", "dung.lv@gmail.com"}));
        QCOMPARE(d->data.phones, std::vector<std::string> {"+84 903 111 222"});
        QCOMPARE(d->data.organisation, std::string("Công ty CP Cảng Vũng Áng"));
        QCOMPARE(d->data.title, std::string("Phó Giám đốc"));
        QCOMPARE(d->data.country, std::string("VN"));
        QCOMPARE(d->data.tags, std::vector<std::string> {"Đối tác Nhật"});
        QVERIFY(
            noteHas(d, "Gặp tại Hội chợ Vietnam Expo 2026.\nQuan tâm: logistics, cảng Vũng Áng."));

        const auto *s = byName(r, "Sato Yuki");
        QVERIFY(s);
        QCOMPARE(s->line, 4); // the note above spans two lines
        QCOMPARE(s->data.country, std::string("JP")); // "Nhật Bản"
        QCOMPARE(s->data.website, std::string("https://www.toyota-tsusho.com"));
        QVERIFY(noteHas(s, "Birthday: 1980-05-04"));
        QVERIFY(noteHas(s, "4-9-8 Meieki, Nakamura-ku\nNagoya"));
        QCOMPARE(byName(r, "Bounmy Phommachanh")->data.country, std::string("LA")); // "Lào"
        QCOMPARE(
            byName(r, "Park Ji-sung")->data.country, std::string("KR")); // "Korea, Republic of"
    }

    void outlookWindows1252()
    {
        const auto r = parseContactsCsv(fixture("outlook-1252.csv"));
        QCOMPARE(r.warnings, (std::vector<Notice> {{NoticeCode::FileReadAsWindows1252, 0, {}}}));
        QCOMPARE(r.contacts.size(), size_t(4));
        const auto *f = byName(r, "M. François Dupont");
        QVERIFY(f);
        QCOMPARE(f->data.organisation, std::string("Business France, Asie"));
        QCOMPARE(f->data.title, std::string("Conseiller export"));
        QCOMPARE(f->data.country, std::string("FR"));
        QCOMPARE(
            f->data.phones, (std::vector<std::string> {"+33 1 40 73 30 00", "+33 6 12 34 56 78"}));
        QCOMPARE(f->data.tags, (std::vector<std::string> {"Partenaires", "Europe"}));
        QVERIFY(noteHas(f, "Business Fax: +33 1 40 73 30 01"));
        QVERIFY(noteHas(f, "Rencontré à Vietnam Expo;\nintéressé par le café"));
        QVERIFY(noteHas(f, "Address (business): 77 bd Saint-Jacques, Paris, 75014, France"));
        QVERIFY(!noteHas(f, "Normal")); // Outlook's defaults are not the person's data
        QVERIFY(!noteHas(f, "SMTP"));
        QCOMPARE(byName(r, "Herr Jürgen Müller")->data.country, std::string("DE"));

        const auto *j = byName(r, "Mr. John Smith");
        QVERIFY(j);
        QVERIFY(j->data.emails.empty());
        QVERIFY(noteHas(j, "E-mail: john.smith@austrade"));
        QCOMPARE(j->warnings,
            (std::vector<Notice> {{NoticeCode::NotAnEmail, 5, {"john.smith@austrade"}}}));
        QCOMPARE(j->data.country, std::string("AU"));

        const auto *a = byName(r, "Ahmed Al Mansouri");
        QVERIFY(a);
        QVERIFY(a->data.country.empty());
        QVERIFY(noteHas(a, "Emirate of Dubai")); // unknown country kept
        QCOMPARE(a->warnings,
            (std::vector<Notice> {{NoticeCode::UnknownCountry, 6, {"Emirate of Dubai"}}}));
    }

    void outlookUtf16SameAs1252()
    {
        const auto utf16 = parseContactsCsv(fixture("outlook-utf16.csv"));
        const auto ansi = parseContactsCsv(fixture("outlook-1252.csv"));
        QCOMPARE(utf16.contacts.size(), ansi.contacts.size());
        for (size_t i = 0; i < ansi.contacts.size(); ++i)
            QVERIFY(utf16.contacts[i].data == ansi.contacts[i].data);
        // Without its BOM the zero bytes still give UTF-16 away.
        QVERIFY(utf16.warnings.empty());
        const auto noBom = parseContactsCsv(fixture("outlook-utf16.csv").substr(2));
        QCOMPARE(noBom.contacts.size(), ansi.contacts.size());
        QCOMPARE(noBom.warnings, (std::vector<Notice> {{NoticeCode::FileUtf16WithoutBom, 0, {}}}));
        // A BOM followed by what is not UTF-16 (a lone surrogate): nothing read, and why.
        const auto bad = parseContactsCsv(std::string("\xFF\xFEN\x00\x00\xD8", 6));
        QVERIFY(bad.contacts.empty());
        QCOMPARE(bad.skipped.size(), size_t(1));
        QCOMPARE(bad.skipped[0].reason, (Notice {NoticeCode::NotValidUtf16, 0, {}}));
    }

    void brokenCsv()
    {
        const auto r = parseContactsCsv(fixture("broken.csv"));
        QCOMPARE(r.contacts.size(), size_t(2));
        QVERIFY(byName(r, "Đặng Thu Trang"));
        const auto *v = byName(r, "Bùi Quốc Việt");
        QVERIFY(v);
        QVERIFY(v->data.emails.empty());
        QVERIFY(noteHas(v, "E-mail: viet@example"));
        QVERIFY(noteHas(v, "extra value"));
        QCOMPARE(v->warnings,
            (std::vector<Notice> {
                {NoticeCode::NotAnEmail, 5, {"viet@example"}}, {NoticeCode::ExtraValues, 5, {}}}));
        QCOMPARE(noticeText(v->warnings[1]),
            std::string("line 5: more values than columns; the extra value is kept in the notes"));
        QCOMPARE(r.skipped.size(), size_t(1));
        QCOMPARE(r.skipped[0].line, 6);
        QCOMPARE(r.skipped[0].reason, (Notice {NoticeCode::QuotedFieldNotClosed, 0, {}}));
    }

    void notAContactsFile()
    {
        const auto r = parseContactsCsv("date,amount\n2026-01-01,5\n");
        QVERIFY(r.contacts.empty());
        QCOMPARE(r.skipped.size(), size_t(1));
        QCOMPARE(r.skipped[0].reason, (Notice {NoticeCode::NotAContactsHeader, 0, {}}));
    }

    void recordsThatAreNotContacts()
    {
        // A record with nothing to name the contact by, and a last record cut off mid-way.
        const auto r = parseContactsCsv("Name,E-mail,Phone,Notes\n"
                                        ",,0912 345 678,Gặp ở Seoul\n"
                                        "Hồ Thị Lan,lan@example.com,,Hẹn\n"
                                        "Phan Văn");
        QCOMPARE(r.contacts.size(), size_t(1));
        QCOMPARE(r.skipped.size(), size_t(2));
        QCOMPARE(r.skipped[0].line, 2);
        QCOMPARE(r.skipped[0].reason, (Notice {NoticeCode::RecordWithoutName, 0, {}}));
        QCOMPARE(r.skipped[1].line, 4);
        QCOMPARE(r.skipped[1].reason, (Notice {NoticeCode::RecordCutOff, 0, {}}));
    }

    /// Every name the app shows for a country, English or Vietnamese (core/countrynames.h),
    /// reads back as that country, and export writes the app's English name.
    void countryNamesBothWays()
    {
        for (const auto &c : attache::allCountries()) {
            const std::string code(c.code);
            QCOMPARE(countryCode(c.english), code);
            QCOMPARE(countryCode(c.vietnamese), code);
            QCOMPARE(countryName(code), std::string(c.english));
        }
        QCOMPARE(countryCode("Cộng hòa Liên bang Đức"), std::string("DE"));
        QCOMPARE(countryCode("cong hoa lien bang duc"), std::string("DE"));
        QCOMPARE(countryCode("Đài Loan (Trung Quốc)"), std::string("TW"));
        QCOMPARE(countryCode("Mauritius"), std::string("MU")); // not among the aliases
        QCOMPARE(countryName("MU"), std::string("Mauritius"));
        QCOMPARE(countryName("ZZ"), std::string("ZZ"));
        // An alpha-3 code in capitals is the code, whatever name it spells once folded.
        QCOMPARE(countryCode("NGA"), std::string("NG"));
        QCOMPARE(countryCode("Nga"), std::string("RU"));
        QCOMPARE(countryCode("JPN"), std::string("JP"));
        QCOMPARE(countryCode("jpn"), std::string("JP"));
    }

    void exportBytes()
    {
        ContactData c;
        c.fullName = "Nguyễn Văn An";
        c.organisation = "Sở Công Thương, Hà Tĩnh";
        c.country = "JP";
        c.emails = {"an@hatinh.gov.vn", "an@gmail.com"};
        c.notes = "Dòng 1\nDòng \"2\"";
        const std::string out = writeContactsCsv({c});
        const std::string expected
            = "\xEF\xBB\xBF"
              "Name,Title,Organization,Country,E-mail,Phone,Website,Languages,"
              "Labels,Interests,Notes\r\n"
              "Nguyễn Văn An,,\"Sở Công Thương, Hà Tĩnh\",Japan,"
              "an@hatinh.gov.vn ::: an@gmail.com,,,,,,\"Dòng 1\nDòng \"\"2\"\"\"\r\n";
        QCOMPARE(out, expected);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f : {"google.csv", "outlook-1252.csv", "outlook-utf16.csv", "broken.csv"})
            QTest::addRow("%s", f) << QString::fromUtf8(f);
    }

    void roundTrip()
    {
        QFETCH(QString, file);
        const auto first = parseContactsCsv(fixture(file.toUtf8().constData()));
        QVERIFY(!first.contacts.empty());
        std::vector<ContactData> data;
        for (const auto &c : first.contacts)
            data.push_back(c.data);
        const auto second = parseContactsCsv(writeContactsCsv(data));
        QVERIFY(second.skipped.empty());
        QVERIFY(second.warnings.empty());
        QCOMPARE(second.contacts.size(), data.size());
        for (size_t i = 0; i < data.size(); ++i)
            QVERIFY2(second.contacts[i].data == data[i], data[i].fullName.c_str());
    }

    void everyTruncationIsSafe()
    {
        for (const char *f : {"google.csv", "outlook-1252.csv", "outlook-utf16.csv"}) {
            const std::string bytes = fixture(f);
            for (size_t n = 0; n <= bytes.size(); n += 3) {
                const auto r = parseContactsCsv(std::string_view(bytes).substr(0, n));
                QVERIFY(r.contacts.size() <= 4);
                for (const auto &c : r.contacts)
                    QVERIFY(!c.data.fullName.empty());
            }
        }
    }

    void charsets()
    {
        auto r = toUtf8("Caf\xE9", "ISO-8859-1");
        QVERIFY(r.ok());
        QCOMPARE(*r, std::string("Café"));
        r = toUtf8("\x80", "windows-1252");
        QVERIFY(r.ok());
        QCOMPARE(*r, std::string("€"));
        QVERIFY(!toUtf8("abc", "no-such-charset").ok());
        QVERIFY(!toUtf8("\xC3", "UTF-8").ok());
        QCOMPARE(*toUtf8(utf8ToUtf16le("Hà Tĩnh"), "UTF-16LE"), std::string("Hà Tĩnh"));
    }
};

QTEST_GUILESS_MAIN(TestContactCsv)
#include "tst_contactcsv.moc"
