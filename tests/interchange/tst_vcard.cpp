// vCard reading and writing on files as iPhone, Android, Outlook write them, and broken ones.

#include "fixturefile.h"
#include "interchange/charset.h"
#include "interchange/vcard.h"
#include "text.h"

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

std::vector<ContactData> dataOf(const ParseResult &r)
{
    std::vector<ContactData> out;
    for (const auto &c : r.contacts)
        out.push_back(c.data);
    return out;
}

} // namespace

class TestVCard : public QObject
{
    Q_OBJECT

private slots:
    void iphone30()
    {
        const auto r = parseVCards(fixture("iphone-3.0.vcf"));
        QCOMPARE(r.contacts.size(), size_t(2));
        QVERIFY(r.skipped.empty());
        const auto *t = byName(r, "Hiroshi Tanaka");
        QVERIFY(t);
        QCOMPARE(t->line, 1);
        QCOMPARE(t->data.organisation, std::string("JETRO, Investment Promotion Division"));
        QCOMPARE(t->data.title, std::string("Director"));
        QCOMPARE(t->data.emails, std::vector<std::string> {"h.tanaka@jetro.go.jp"});
        QCOMPARE(
            t->data.phones, (std::vector<std::string> {"+81 90-1234-5678", "+81 3 3582 5511"}));
        QCOMPARE(t->data.website, std::string("https://www.jetro.go.jp"));
        QCOMPARE(t->data.country, std::string("JP"));
        // Folded, escaped note: "\," and "\n" decoded, the folded line joined mid-word.
        QVERIFY(noteHas(t,
            "Met at the Vietnam-Japan investment seminar, Tokyo 2026.\nInterested in the Vũng Áng "
            "economic zone; wants a site visit in Q3."));
        QVERIFY(noteHas(t,
            "Address (work): Ark Mori Building, 1-12-32 Akasaka, Minato-ku, Tokyo, 107-6006, "
            "Japan"));
        QVERIFY(!noteHas(t, "X-AB")); // Apple's bookkeeping is not the person's data
        QVERIFY(t->data.photo.has_value());
        QCOMPARE(t->data.photo->mimeType, std::string("image/jpeg"));
        QCOMPARE(t->data.photo->bytes, fixture("photo.bin"));

        const auto *h = byName(r, "Trần Thị Hạnh");
        QVERIFY(h);
        QCOMPARE(h->data.organisation, std::string("Sở Ngoại vụ Hà Tĩnh"));
        QCOMPARE(h->data.country, std::string("VN"));
        QCOMPARE(h->data.phones, std::vector<std::string> {"0912 345 678"});
    }

    /// Google Contacts' export: vCard 3.0 with item groups (item1.URL + item1.X-ABLabel), an
    /// escaped colon in the URL, the photo as a link rather than data, and CATEGORIES.
    void googleContacts30()
    {
        const auto r = parseVCards(fixture("google-contacts-3.0.vcf"));
        QCOMPARE(r.contacts.size(), size_t(2));
        QVERIFY(r.skipped.empty());
        const auto *m = byName(r, "Lê Thị Mai");
        QVERIFY(m);
        QCOMPARE(m->line, 1);
        QCOMPARE(m->data.organisation, std::string("Bộ Ngoại giao"));
        QCOMPARE(m->data.title, std::string("Chuyên viên"));
        QCOMPARE(m->data.emails, std::vector<std::string> {"mai.le@example.vn"});
        QCOMPARE(m->data.phones, std::vector<std::string> {"+84 912 000 111"});
        QCOMPARE(m->data.website, std::string("https://mofa.gov.vn"));
        QCOMPARE(m->data.tags, (std::vector<std::string> {"myContacts", "Đối tác"}));
        QVERIFY(noteHas(m, "Gặp tại hội nghị, Hà Nội"));
        QVERIFY(noteHas(m, "Address (work): 12 Tràng Tiền, Hà Nội, Việt Nam"));
        // A photo link is not a photo: kept in the notes, nothing downloaded.
        QVERIFY(!m->data.photo.has_value());
        QVERIFY(noteHas(m, "https://lh3.googleusercontent.com/contacts/ABC"));
        QVERIFY(!noteHas(m, "X-ABLabel"));

        const auto *s = byName(r, "Somchai Prasert");
        QVERIFY(s);
        QCOMPARE(s->line, 16);
        QCOMPARE(s->data.phones, std::vector<std::string> {"+66 2 123 4567"}); // grouped TEL
        QCOMPARE(s->data.organisation, std::string("Board of Investment"));
    }

    void android21QuotedPrintable()
    {
        const auto r = parseVCards(fixture("android-2.1.vcf"));
        QCOMPARE(r.contacts.size(), size_t(3));
        QVERIFY(r.skipped.empty());
        const auto *an = byName(r, "Nguyễn Văn An");
        QVERIFY(an);
        // Soft line breaks inside a multi-byte character's escapes.
        QCOMPARE(an->data.organisation, std::string("Công ty TNHH Thương mại Quốc tế Hà Tĩnh"));
        QCOMPARE(an->data.title, std::string("Giám đốc"));
        QCOMPARE(an->data.phones, (std::vector<std::string> {"+84912000111", "024 3826 1234"}));
        QCOMPARE(an->data.emails, std::vector<std::string> {"an.nguyen@gmail.com"});
        QCOMPARE(an->data.country, std::string("VN"));
        QVERIFY(noteHas(an, "Address (work): 12 Phan Đình Phùng, Hà Tĩnh, Việt Nam"));
        QVERIFY(an->data.photo.has_value()); // 2.1 base64 on indented lines, blank line ends it
        QCOMPARE(an->data.photo->bytes, fixture("photo.bin"));
        QCOMPARE(an->data.photo->mimeType, std::string("image/jpeg"));

        const auto *kim = byName(r, "Kim Min-jun");
        QVERIFY(kim);
        QCOMPARE(kim->data.country, std::string("KR")); // "Hàn Quốc"
        QVERIFY(noteHas(kim, "Tỉnh kết nghĩa từ 2011.\nLiên hệ qua ông Lee."));
        QVERIFY(noteHas(kim, "Nickname: Jun"));
        // N only, no FN: the name from its parts.
        const auto *lao = byName(r, "Khamphong Sisavath");
        QVERIFY(lao);
        QCOMPARE(lao->data.country, std::string("LA")); // "Lào"
    }

    void outlookWindows1252()
    {
        const auto r = parseVCards(fixture("outlook.vcf"));
        QCOMPARE(r.contacts.size(), size_t(1));
        const auto &c = r.contacts.front();
        QCOMPARE(c.data.fullName, std::string("François Dupont"));
        QCOMPARE(c.data.organisation, std::string("Business France, Asie du Sud-Est"));
        QCOMPARE(c.data.title, std::string("Conseiller export"));
        QCOMPARE(c.data.country, std::string("FR"));
        QCOMPARE(c.data.website, std::string("www.businessfrance.fr"));
        QCOMPARE(c.data.phones.size(), size_t(2));
        QVERIFY(
            noteHas(&c, "Rencontré au salon Vietnam Expo, intéressé par le café et la céramique."));
        QVERIFY(!noteHas(&c, "electronicbusinesscards"));
        QVERIFY(c.warnings.empty());
    }

    void truncatedCard()
    {
        const auto r = parseVCards(fixture("truncated.vcf"));
        QCOMPARE(r.contacts.size(), size_t(2));
        QCOMPARE(r.skipped.size(), size_t(1));
        QCOMPARE(r.skipped[0].line, 12);
        QCOMPARE(r.skipped[0].lastLine, 15);
        QCOMPARE(r.skipped[0].reason, (Notice {NoticeCode::CardCutOff, 0, {}}));
        QCOMPARE(noticeText(r.skipped[0].reason),
            std::string("card is cut off (the file ends before END:VCARD); card skipped"));
        QVERIFY(!byName(r, "Hoàng Văn"));
    }

    void missingEnd()
    {
        const auto r = parseVCards(fixture("missing-end.vcf"));
        QCOMPARE(r.contacts.size(), size_t(1));
        QCOMPARE(r.contacts[0].data.fullName, std::string("Võ Thị Mai"));
        QCOMPARE(r.contacts[0].line, 5);
        QCOMPARE(r.skipped.size(), size_t(1));
        QCOMPARE(r.skipped[0].line, 1);
        QCOMPARE(r.skipped[0].lastLine, 4);
        QCOMPARE(r.skipped[0].reason, (Notice {NoticeCode::CardWithoutEnd, 0, {}}));
    }

    void badQuotedPrintable()
    {
        const auto r = parseVCards(fixture("bad-qp.vcf"));
        QCOMPARE(r.contacts.size(), size_t(2));
        QCOMPARE(r.skipped.size(), size_t(1));
        QCOMPARE(r.skipped[0].line, 7);
        QCOMPARE(r.skipped[0].lastLine, 11);
        // Where in the card, which property and which escape.
        QCOMPARE(
            r.skipped[0].reason, (Notice {NoticeCode::QuotedPrintableBadEscape, 9, {"FN", "=G5"}}));
        QCOMPARE(noticeText(r.skipped[0].reason),
            std::string("line 9: broken quoted-printable in FN (“=G5” is not a quoted-printable "
                        "escape); card skipped"));
    }

    void binaryGarbage()
    {
        const auto r = parseVCards(fixture("garbage.vcf"));
        QCOMPARE(r.contacts.size(), size_t(2));
        QVERIFY(byName(r, "Phạm Minh Tuấn"));
        QVERIFY(byName(r, "Võ Thị Mai"));
        QVERIFY(!r.skipped.empty());
        for (const auto &s : r.skipped) {
            QVERIFY(s.line >= 7);
            QCOMPARE(s.reason, (Notice {NoticeCode::NotPartOfAnyCard, 0, {}}));
        }
    }

    void wrongEncoding()
    {
        const auto r = parseVCards(fixture("wrong-encoding.vcf"));
        QCOMPARE(r.contacts.size(), size_t(1));
        const auto &c = r.contacts[0];
        QCOMPARE(c.data.fullName, std::string("José Müller"));
        QCOMPARE(c.data.organisation, std::string("Café Société GmbH"));
        QVERIFY(noteHas(&c, "Größe 42"));
        QCOMPARE(c.warnings, (std::vector<Notice> {{NoticeCode::CardReadAsWindows1252, 1, {}}}));
    }

    void emailThatIsNotOne()
    {
        const auto r = parseVCards(fixture("bad-email.vcf"));
        QCOMPARE(r.contacts.size(), size_t(1));
        const auto &c = r.contacts[0];
        QCOMPARE(c.data.emails, std::vector<std::string> {"long.nt@hatinh.gov.vn"});
        QVERIFY(c.data.phones.empty());
        QVERIFY(noteHas(&c, "E-mail: long.nt at hatinh dot gov dot vn"));
        QVERIFY(noteHas(&c, "Phone: call me"));
        QCOMPARE(c.warnings,
            (std::vector<Notice> {{NoticeCode::NotAnEmail, 4, {"long.nt at hatinh dot gov dot vn"}},
                {NoticeCode::NotAPhone, 6, {"call me"}}}));
        QCOMPARE(noticeText(c.warnings[0]),
            std::string("line 4: “long.nt at hatinh dot gov dot vn” is not an e-mail address; "
                        "kept in the notes"));
    }

    /// Every card-level notice the reader gives, each with its line and values.
    void everyCardNotice()
    {
        const std::string file = "BEGIN:VCARD\r\n" // 1
                                 "VERSION:2.1\r\n"
                                 "FN;ENCODING=QUOTED-PRINTABLE:Nguy=E1=BB=8\r\n" // 3
                                 "END:VCARD\r\n"
                                 "BEGIN:VCARD\r\n" // 5
                                 "VERSION:2.1\r\n"
                                 "NOTE;ENCODING=BASE64:not*base64\r\n" // 7
                                 "END:VCARD\r\n"
                                 "BEGIN:VCARD\r\n" // 9
                                 "VERSION:2.1\r\n"
                                 "FN;CHARSET=UTF-8:\xC3\x28\r\n" // 11
                                 "END:VCARD\r\n"
                                 "BEGIN:VCARD\r\n" // 13
                                 "VERSION:3.0\r\n"
                                 "TEL:0912 345 678\r\n"
                                 "END:VCARD\r\n"
                                 "BEGIN:VCARD\r\n" // 17
                                 "VERSION:3.0\r\n"
                                 "FN:Lê Văn Hải\r\n"
                                 "just a stray remark\r\n" // 20
                                 "ORG;CHARSET=X-KLINGON:Sở Công Thương\r\n" // 21
                                 "URL:not a web address\r\n" // 22
                                 "ADR;TYPE=WORK:;;1 Main St;Springfield;;;Freedonia\r\n" // 23
                                 "PHOTO;ENCODING=b;TYPE=JPEG:@@@@\r\n" // 24
                                 "END:VCARD\r\n";
        const auto r = parseVCards(file);
        QCOMPARE(r.skipped.size(), size_t(4));
        QCOMPARE(
            r.skipped[0].reason, (Notice {NoticeCode::QuotedPrintableCutOff, 3, {"FN", "=8"}}));
        QCOMPARE(r.skipped[1].reason, (Notice {NoticeCode::Base64Broken, 7, {"NOTE"}}));
        QCOMPARE(r.skipped[2].reason, (Notice {NoticeCode::TextNotInCharset, 11, {"FN", "UTF-8"}}));
        QCOMPARE(r.skipped[3].reason, (Notice {NoticeCode::CardWithoutName, 0, {}}));
        QCOMPARE(r.skipped[3].line, 13);
        QCOMPARE(r.skipped[3].lastLine, 16);
        QCOMPARE(noticeText(r.skipped[2].reason),
            std::string("line 11: FN is not valid UTF-8 text; card skipped"));

        QCOMPARE(r.contacts.size(), size_t(1));
        const auto &c = r.contacts[0];
        QCOMPARE(c.data.organisation, std::string("Sở Công Thương"));
        QCOMPARE(c.warnings,
            (std::vector<Notice> {{NoticeCode::NotAProperty, 20, {}},
                {NoticeCode::UnknownCharset, 21, {"X-KLINGON"}},
                {NoticeCode::NotAWebAddress, 22, {"not a web address"}},
                {NoticeCode::UnknownCountry, 23, {"Freedonia"}},
                {NoticeCode::PhotoUndecodable, 24, {}}}));
        QVERIFY(noticeText(c.warnings[3]).find("“Freedonia” is not one Attaché knows")
            != std::string::npos);
    }

    void utf16Files()
    {
        const std::string card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Đỗ Minh Châu\r\nEND:VCARD\r\n";
        const auto r = parseVCards("\xFF\xFE" + utf8ToUtf16le(card));
        QCOMPARE(r.contacts.size(), size_t(1));
        QCOMPARE(r.contacts[0].data.fullName, std::string("Đỗ Minh Châu"));
        QCOMPARE(r.warnings, (std::vector<Notice> {{NoticeCode::FileReadAsUtf16, 0, {}}}));
        // A lone surrogate is not UTF-16: nothing is read, and the file says why.
        const auto bad = parseVCards(std::string("\xFF\xFE\x00\xD8\x41\x00", 6));
        QVERIFY(bad.contacts.empty());
        QCOMPARE(bad.skipped.size(), size_t(1));
        QCOMPARE(bad.skipped[0].reason, (Notice {NoticeCode::NotValidUtf16, 0, {}}));
    }

    void writerFoldsAndEscapes()
    {
        ContactData c;
        c.fullName = "Nguyễn Thị Phương Thảo";
        c.organisation = "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch; tỉnh Hà Tĩnh";
        c.notes = std::string("Đường dây nóng: \\ 1900 1234\n") + std::string(40, 'x')
            + " – Nhật Bản "
            + "ưu tiên hợp tác nông nghiệp công nghệ cao và chế biến thủy sản xuất khẩu";
        c.tags = {"đầu tư, FDI", "Nhật Bản"};
        for (auto version : {VCardVersion::V3, VCardVersion::V4}) {
            const std::string out = writeVCards({c}, version);
            size_t pos = 0;
            while (pos < out.size()) {
                const auto end = out.find("\r\n", pos);
                QVERIFY(end != std::string::npos); // CRLF everywhere
                QVERIFY2(end - pos <= 75, out.substr(pos, end - pos).c_str());
                QVERIFY(attache::isValidUtf8(out.substr(pos, end - pos))); // never splits a letter
                pos = end + 2;
            }
            QVERIFY(out.find("ORG:Trung tâm Xúc tiến Đầu tư\\, Thương mại") != std::string::npos);
            const auto back = parseVCards(out);
            QCOMPARE(back.contacts.size(), size_t(1));
            QVERIFY(back.contacts[0].data == c);
        }
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("version");
        for (const char *f :
            {"iphone-3.0.vcf", "android-2.1.vcf", "outlook.vcf", "bad-email.vcf"}) {
            QTest::addRow("%s v3", f) << QString::fromUtf8(f) << 3;
            QTest::addRow("%s v4", f) << QString::fromUtf8(f) << 4;
        }
    }

    void roundTrip()
    {
        QFETCH(QString, file);
        QFETCH(int, version);
        const auto first = parseVCards(fixture(file.toUtf8().constData()));
        QVERIFY(!first.contacts.empty());
        const auto data = dataOf(first);
        const std::string out
            = writeVCards(data, version == 3 ? VCardVersion::V3 : VCardVersion::V4);
        QVERIFY(out.find(version == 3 ? "VERSION:3.0" : "VERSION:4.0") != std::string::npos);
        const auto second = parseVCards(out);
        QVERIFY(second.skipped.empty());
        QCOMPARE(second.contacts.size(), data.size());
        for (size_t i = 0; i < data.size(); ++i) {
            QVERIFY2(second.contacts[i].data == data[i], data[i].fullName.c_str());
            QVERIFY(second.contacts[i].warnings.empty());
        }
    }

    void everyTruncationIsSafe()
    {
        // A file cut at any byte: no crash, no contact without a name, every card accounted for.
        for (const char *f : {"iphone-3.0.vcf", "android-2.1.vcf", "outlook.vcf"}) {
            const std::string bytes = fixture(f);
            const size_t cards = parseVCards(bytes).contacts.size();
            for (size_t n = 0; n <= bytes.size(); n += 3) {
                const auto r = parseVCards(std::string_view(bytes).substr(0, n));
                QVERIFY(r.contacts.size() <= cards);
                for (const auto &c : r.contacts)
                    QVERIFY(!c.data.fullName.empty());
            }
        }
    }

    void base64()
    {
        for (std::string s : {std::string(), std::string("a"), std::string("ab"),
                 std::string("abc"), fixture("photo.bin")}) {
            std::string back;
            QVERIFY(base64Decode(base64Encode(s), back));
            QCOMPARE(back, s);
        }
        std::string out;
        QVERIFY(!base64Decode("ab$c", out));
    }
};

QTEST_GUILESS_MAIN(TestVCard)
#include "tst_vcard.moc"
