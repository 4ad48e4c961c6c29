// Duplicate detection, merge plans and transactional import into a real SQLite store.

#include "fixturefile.h"
#include "interchange/contactcsv.h"
#include "interchange/contactimport.h"
#include "interchange/vcard.h"
#include "storefixture.h"

#include <QProcess>
#include <QTest>

using namespace attache;
using namespace attache::interchange;
using nlohmann::json;

namespace {

const PlannedContact *item(const ImportPlan &plan, const std::string &name)
{
    for (const auto &i : plan.items) {
        if (i.contact.data.fullName == name)
            return &i;
    }
    return nullptr;
}

} // namespace

class TestContactImport : public QObject
{
    Q_OBJECT

    StoreFixture *fx = nullptr;
    std::string tanaka, hanh, an;

private slots:
    void init()
    {
        fx = new StoreFixture;
        QVERIFY(fx->open());
        tanaka = fx->add("contact",
                       {{"full_name", "Tanaka Hiroshi"}, {"emails", {"H.Tanaka@jetro.go.jp"}},
                           {"title", "Director"}})
                     .id;
        // Typed without diacritics on a foreign keyboard.
        hanh = fx->add("contact",
                     {{"full_name", "Tran Thi Hanh"}, {"organisation", "So Ngoai vu Ha Tinh"},
                         {"notes", "Phiên dịch tiếng Nhật"}})
                   .id;
        an = fx->add("contact", {{"full_name", "Anh An"}, {"phones", {"0912 000 111"}}}).id;
    }

    void cleanup()
    {
        delete fx;
        fx = nullptr;
    }

    void detectsFormat()
    {
        QCOMPARE(detectFormat(fixture("android-2.1.vcf")), FileFormat::VCard);
        QCOMPARE(detectFormat(fixture("google.csv")), FileFormat::Csv);
        QCOMPARE(detectFormat(fixture("outlook-utf16.csv")), FileFormat::Csv);
        QCOMPARE(detectFormat("just words"), FileFormat::Unknown);
        const auto r = parseContactsFile("just words\nand more");
        QCOMPARE(r.skipped.size(), size_t(1));
        QCOMPARE(r.skipped[0].lastLine, 2);
        QCOMPARE(r.skipped[0].reason, (Notice {NoticeCode::NotAContactsFile, 0, {}}));
    }

    void duplicatesProposeMerges()
    {
        auto plan = planImport(*fx->store, parseContactsFile(fixture("iphone-3.0.vcf")), {});
        REQUIRE_OK(plan);
        QCOMPARE(plan->items.size(), size_t(2));

        const auto *t = item(*plan, "Hiroshi Tanaka");
        QVERIFY(t);
        QCOMPARE(int(t->action), int(ImportAction::Merge));
        QCOMPARE(t->duplicateOf, tanaka);
        QCOMPARE(*t->matchReason, (Notice {NoticeCode::SameEmail, 0, {"h.tanaka@jetro.go.jp"}}));
        QCOMPARE(t->matchedLine, 0);
        QCOMPARE(matchText(*t), std::string("same e-mail h.tanaka@jetro.go.jp"));
        // The stored title stays; gaps are filled; the other spelling of the name is kept.
        QVERIFY(!t->merged.contains("title"));
        QCOMPARE(t->merged["organisation"], json("JETRO, Investment Promotion Division"));
        QCOMPARE(t->merged["country"], json("JP"));
        QCOMPARE(t->merged["phones"], json({"+81 90-1234-5678", "+81 3 3582 5511"}));
        QVERIFY(t->merged["notes"].get<std::string>().find("Also known as: Hiroshi Tanaka")
            != std::string::npos);
        QVERIFY(containsNotice(t->contact.warnings,
            {NoticeCode::PhotoNotStored, t->contact.line, {"image/jpeg", "214"}}));

        const auto *h = item(*plan, "Trần Thị Hạnh");
        QVERIFY(h);
        QCOMPARE(int(h->action), int(ImportAction::Merge));
        QCOMPARE(h->duplicateOf, hanh);
        QCOMPARE(*h->matchReason, (Notice {NoticeCode::SameNameAndOrganisation, 0, {}}));
        QVERIFY(!h->merged.contains("organisation")); // same once folded
        QCOMPARE(h->merged["emails"], json({"hanh.tt@hatinh.gov.vn"}));
        const auto notes = h->merged["notes"].get<std::string>();
        QVERIFY(notes.starts_with("Phiên dịch tiếng Nhật\n")); // stored notes first, kept

        // Nothing is written by planning.
        QCOMPARE(*fx->store->count("contact"), std::int64_t(3));
        const auto report = applyImport(*fx->store, *plan, {});
        QCOMPARE(report.merged, 2);
        QCOMPARE(report.created, 0);
        QVERIFY(report.failed.empty());
        // Each contact written, by its place in the plan, with the contact it went into.
        QCOMPARE(report.written.size(), std::size_t(2));
        for (const auto &[index, id] : report.written) {
            QCOMPARE(plan->items.at(index).action, ImportAction::Merge);
            QCOMPARE(id, plan->items.at(index).duplicateOf);
        }
        QCOMPARE(*fx->store->count("contact"), std::int64_t(3));
        auto stored = fx->store->get("contact", tanaka);
        QCOMPARE((*stored)->field("country"), json("JP"));
        QCOMPARE((*stored)->field("title"), json("Director"));
        QCOMPARE((*stored)->field("emails"), json({"h.tanaka@jetro.go.jp"}));
    }

    void phoneByDigits()
    {
        auto plan = planImport(*fx->store, parseContactsFile(fixture("android-2.1.vcf")), {});
        REQUIRE_OK(plan);
        const auto *a = item(*plan, "Nguyễn Văn An");
        QVERIFY(a);
        QCOMPARE(int(a->action), int(ImportAction::Merge));
        QCOMPARE(a->duplicateOf, an); // "+84912000111" is "0912 000 111"
        QCOMPARE(*a->matchReason, (Notice {NoticeCode::SamePhone, 0, {"+84912000111"}}));
        QVERIFY(!item(*plan, "Kim Min-jun")->matchReason);
        QCOMPARE(a->merged["phones"], json({"0912 000 111", "024 3826 1234"}));
        QCOMPARE(int(item(*plan, "Kim Min-jun")->action), int(ImportAction::Create));
    }

    void callerDecides()
    {
        auto plan = planImport(*fx->store, parseContactsFile(fixture("iphone-3.0.vcf")), {});
        REQUIRE_OK(plan);
        // Refuse one merge (import as a new contact), drop the other.
        for (auto &i : plan->items)
            i.action = i.duplicateOf == tanaka ? ImportAction::Create : ImportAction::Skip;
        const auto report = applyImport(*fx->store, *plan, {});
        QCOMPARE(report.created, 1);
        QCOMPARE(report.skipped, 1);
        QCOMPARE(*fx->store->count("contact"), std::int64_t(4));
        QCOMPARE(report.written.size(), std::size_t(1));
        QCOMPARE(plan->items.at(report.written[0].first).duplicateOf, tanaka);
        QCOMPARE(report.written[0].second, report.createdIds.at(0));
        auto stored = fx->store->get("contact", hanh);
        QVERIFY((*stored)->field("emails").empty());
    }

    void samePersonTwiceInOneFile()
    {
        const std::string file
            = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lê Thị Thu\r\nEMAIL:thu@kotra.or.kr\r\n"
              "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Le Thi Thu\r\n"
              "EMAIL:thu@kotra.or.kr\r\nTEL:+82 2 3460 7114\r\nEND:VCARD\r\n";
        auto plan = planImport(*fx->store, parseContactsFile(file), {});
        REQUIRE_OK(plan);
        QCOMPARE(plan->items.size(), size_t(2));
        QCOMPARE(int(plan->items[0].action), int(ImportAction::Create));
        QCOMPARE(int(plan->items[1].action), int(ImportAction::Skip));
        QCOMPARE(
            *plan->items[1].matchReason, (Notice {NoticeCode::SameEmail, 0, {"thu@kotra.or.kr"}}));
        QCOMPARE(plan->items[1].matchedLine, 1);
        QVERIFY(plan->items[1].duplicateOf.empty());
        QCOMPARE(matchText(plan->items[1]),
            std::string("same e-mail thu@kotra.or.kr as line 1 of the file; merged into it"));
        QCOMPARE(plan->items[0].fields["phones"], json({"+82 2 3460 7114"}));
        const auto report = applyImport(*fx->store, *plan, {});
        QCOMPARE(report.created, 1);
        QCOMPARE(*fx->store->count("contact"), std::int64_t(4));
    }

    void refusedContactLeavesNothing()
    {
        // A name longer than the store accepts: that contact fails whole, the next is imported.
        const std::string file = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:" + std::string(5000, 'A')
            + "\r\nEMAIL:long@example.com\r\nEND:VCARD\r\n"
              "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Đinh Công Minh\r\nEND:VCARD\r\n";
        auto plan = planImport(*fx->store, parseContactsFile(file), {});
        REQUIRE_OK(plan);
        const auto pendingBefore = *fx->store->pendingCount();
        const auto report = applyImport(*fx->store, *plan, {});
        QCOMPARE(report.created, 1);
        QCOMPARE(report.failed.size(), size_t(1));
        QCOMPARE(report.failed[0].line, 1);
        const Notice &why = report.failed[0].reason;
        QCOMPARE(why.code, NoticeCode::StoreRefused);
        QCOMPARE(why.args.size(), size_t(3));
        QVERIFY(!why.args[0].empty()); // the store's error code, for the app to translate
        QCOMPARE(why.args[2], std::string("full_name"));
        QVERIFY(noticeText(why).find("[full_name]; contact not imported") != std::string::npos);
        QCOMPARE(*fx->store->count("contact"), std::int64_t(4));
        QCOMPARE(*fx->store->pendingCount(), pendingBefore + 1);
        auto hits = fx->store->search("long@example.com");
        QVERIFY(hits->empty());
    }

    void intoAMission()
    {
        const auto org = fx->add("organisation", {{"name", "Sở Ngoại vụ Hà Tĩnh"}});
        const auto mission = fx->add("mission",
            {{"organisation_id", org.id}, {"title", "Xúc tiến đầu tư tại Hàn Quốc"},
                {"start_date", "2026-05-18"}, {"end_date", "2026-05-22"}});
        ImportOptions options;
        options.missionId = mission.id;
        auto plan = planImport(*fx->store, parseContactsFile(fixture("google.csv")), options);
        REQUIRE_OK(plan);
        const auto report = applyImport(*fx->store, *plan, options);
        QCOMPARE(report.created, 4);
        ListQuery q;
        q.missionId = mission.id;
        QCOMPARE(*fx->store->count("contact", q), std::int64_t(4));

        options.missionId = "0190f2c4-0000-7000-8000-000000000000";
        REQUIRE_ERROR(
            planImport(*fx->store, parseContactsFile(fixture("google.csv")), options), "not_found");
    }

    void exportImportRoundTrip()
    {
        // Store → vCard 4.0 / 3.0 / CSV → a fresh store: the same contacts.
        fx->add("contact",
            {{"full_name", "Phạm Thị Lan"}, {"organisation", "Bộ Ngoại giao Lào"},
                {"country", "LA"}, {"emails", {"lan@mofa.gov.la"}}, {"phones", {"+856 21 414 000"}},
                {"languages", {"lo", "vi"}}, {"tags", {"Champasak", "giáo dục"}},
                {"interests", "Hợp tác giáo dục; học bổng"}, {"website", "mofa.gov.la"},
                {"notes", "Gặp tại Pakse.\nHẹn gặp lại tháng 9."}});
        std::vector<ContactData> before;
        const auto stored = fx->store->list("contact");
        REQUIRE_OK(stored);
        for (const auto &r : *stored)
            before.push_back(fromRecord(r));
        for (int format = 0; format < 3; ++format) {
            const std::string file = format == 2
                ? writeContactsCsv(before)
                : writeVCards(before, format == 0 ? VCardVersion::V4 : VCardVersion::V3);
            StoreFixture other;
            QVERIFY(other.open());
            auto plan = planImport(*other.store, parseContactsFile(file), {});
            REQUIRE_OK(plan);
            const auto report = applyImport(*other.store, *plan, {});
            QCOMPARE(report.created, int(before.size()));
            std::vector<ContactData> after;
            const auto imported = other.store->list("contact");
            REQUIRE_OK(imported);
            for (const auto &r : *imported)
                after.push_back(fromRecord(r));
            QCOMPARE(after.size(), before.size());
            for (const auto &b : before) {
                bool found = false;
                for (const auto &a : after)
                    found = found || a == b;
                QVERIFY2(found, b.fullName.c_str());
            }
        }
    }

    void commandLine()
    {
        // attache-cli import-contacts / export-contacts on a real file.
        const QString cli = QStringLiteral(ATTACHE_CLI_EXE);
        const QString db = QString::fromStdString(fx->path());
        fx->store.reset();
        auto runCli = [&](const QStringList &args, QString *out = nullptr) {
            QProcess p;
            p.start(cli, QStringList {QStringLiteral("--db"), db} + args);
            if (!p.waitForFinished(60000))
                return -1;
            if (out)
                *out = QString::fromUtf8(p.readAllStandardOutput());
            return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        const QString data = QStringLiteral(ATTACHE_INTERCHANGE_DATA "/");
        QString out;
        QCOMPARE(runCli({QStringLiteral("import-contacts"), data + QStringLiteral("bad-qp.vcf"),
                            QStringLiteral("--dry-run")},
                     &out),
            0);
        QVERIFY(out.contains(QStringLiteral("dry run: nothing written")));
        QVERIFY(out.contains(QStringLiteral("lines 7–11: skipped")));
        // A file with an unreadable card imports the rest and exits 3 to say so.
        QCOMPARE(
            runCli({QStringLiteral("import-contacts"), data + QStringLiteral("bad-qp.vcf")}, &out),
            3);
        QVERIFY(out.contains(QStringLiteral("\"created\":2")));
        QCOMPARE(
            runCli({QStringLiteral("import-contacts"), data + QStringLiteral("google.csv")}, &out),
            0);
        const QString exported = fx->dir.filePath(QStringLiteral("out.vcf"));
        QCOMPARE(runCli({QStringLiteral("export-contacts"), exported, QStringLiteral("--format"),
                            QStringLiteral("vcard3")},
                     &out),
            0);
        QVERIFY(out.contains(QStringLiteral("\"exported\":9")));
        QFile f(exported);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto back = parseVCards(f.readAll().toStdString());
        QCOMPARE(back.contacts.size(), size_t(9));
        QCOMPARE(runCli({QStringLiteral("export-contacts"), exported, QStringLiteral("--format"),
                     QStringLiteral("xls")}),
            1);
        QVERIFY(fx->open());
        QCOMPARE(*fx->store->count("contact"), std::int64_t(9));
    }

    void describesPlan()
    {
        auto plan = planImport(*fx->store, parseContactsFile(fixture("bad-qp.vcf")), {});
        REQUIRE_OK(plan);
        const std::string text = describePlan(*plan);
        QVERIFY(text.find("line 1: new contact “Phạm Minh Tuấn”") != std::string::npos);
        QVERIFY(
            text.find("lines 7–11: skipped: line 9: broken quoted-printable") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestContactImport)
#include "tst_contactimport.moc"
