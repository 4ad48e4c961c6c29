// ContactInterchange, the app's contact import and export, on the demo department: a phone's
// vCard file whose first card is a contact already stored (same e-mail: merge offered), one a
// new contact written by an old Android phone (2.1, quoted-printable, UTF-8), one cut off (no
// END: skipped and reported with its line, nothing of it stored), one vCard 4.0. The user
// confirms or refuses the merge; then export to vCard 4.0, 3.0 and CSV.
#include "appfixture.h"
#include "contactinterchange.h"
#include "record.h"
#include "store.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStringEncoder>
#include <QTranslator>

namespace {

const QString kFixture = QStringLiteral(ATTACHE_APP_TEST_DATA "/contacts-with-duplicate.vcf");

/// Every stored contact (not deleted) as name → record.
std::map<std::string, attache::Record> contacts(AppFixture &f)
{
    std::map<std::string, attache::Record> out;
    bool done = false;
    f.backend->run(
        f.backend.get(), [](attache::Store &s) { return s.list("contact"); },
        [&](attache::Result<std::vector<attache::Record>> r) {
            if (r) {
                for (auto &rec : *r)
                    out.emplace(rec.text("full_name"), rec);
            }
            done = true;
        });
    if (!QTest::qWaitFor([&] { return done; }, 5000))
        qWarning("the contacts were not listed in time");
    return out;
}

int rowOf(const ContactInterchange &m, const QString &name)
{
    for (int i = 0; i < m.rowCount(); ++i) {
        if (m.data(m.index(i), ContactInterchange::NameRole).toString() == name)
            return i;
    }
    return -1;
}

} // namespace

class TestContactInterchange : public QObject
{
    Q_OBJECT

    bool plan(ContactInterchange &m, AppFixture &f)
    {
        m.setBackend(f.backend.get());
        m.load(QUrl::fromLocalFile(kFixture));
        return QTest::qWaitFor([&] { return m.planned() && !m.busy(); }, 5000);
    }

private Q_SLOTS:
    void initTestCase() { qputenv("TZ", "UTC"); }

    void plansMergeAndReportsSkippedLines()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        ContactInterchange m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(plan(m, f));
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.createCount(), 2);
        QCOMPARE(m.mergeCount(), 1);
        QCOMPARE(m.duplicateCount(), 1);

        const int tanaka = rowOf(m, QStringLiteral("Tanaka Hiroshi"));
        QVERIFY(tanaka >= 0);
        const QModelIndex t = m.index(tanaka);
        QCOMPARE(t.data(ContactInterchange::ActionRole).toString(), QStringLiteral("merge"));
        QVERIFY(t.data(ContactInterchange::IsDuplicateRole).toBool());
        QCOMPARE(t.data(ContactInterchange::DuplicateNameRole).toString(),
            QStringLiteral("Tanaka Hiroshi"));
        QCOMPARE(t.data(ContactInterchange::MatchReasonRole).toString(),
            QStringLiteral("same e-mail tanaka@example.jp"));
        QCOMPARE(t.data(ContactInterchange::ActionLabelRole).toString(),
            QStringLiteral("Merge into Tanaka Hiroshi"));
        QCOMPARE(t.data(ContactInterchange::LineRole).toInt(), 1);
        // The merge adds the phone number the stored contact lacks.
        QVERIFY2(t.data(ContactInterchange::MergedFieldsRole)
                     .toString()
                     .contains(QStringLiteral("Phone")),
            qPrintable(t.data(ContactInterchange::MergedFieldsRole).toString()));

        const int an = rowOf(m, QStringLiteral("Nguyễn Văn An"));
        QVERIFY(an >= 0);
        QCOMPARE(m.data(m.index(an), ContactInterchange::ActionRole).toString(),
            QStringLiteral("create"));
        QCOMPARE(m.data(m.index(an), ContactInterchange::OrganisationRole).toString(),
            QStringLiteral("Tổng công ty Thép"));
        QCOMPARE(m.data(m.index(an), ContactInterchange::LineRole).toInt(), 9);
        QVERIFY(rowOf(m, QStringLiteral("Park Ji-woo")) >= 0);

        // The card without END: one skipped range, with its lines and why.
        QCOMPARE(m.skipped().size(), 1);
        QVERIFY2(m.skipped().at(0).startsWith(QStringLiteral("Lines 16–19: ")),
            qPrintable(m.skipped().at(0)));

        // Nothing is written before apply().
        auto before = contacts(f);
        QVERIFY(!before.count("Nguyễn Văn An"));
        QCOMPARE(before.at("Tanaka Hiroshi").field("phones").dump(),
            std::string(R"(["+81 3 3582 5511"])"));

        // Only a duplicate can be merged; a repeat of another kind is refused.
        QVERIFY(!m.setAction(an, QStringLiteral("merge")));
        QVERIFY(!m.setAction(99, QStringLiteral("skip")));
        QVERIFY(!m.setAction(tanaka, QStringLiteral("bogus")));

        QSignalSpy imported(&m, &ContactInterchange::imported);
        m.apply();
        QVERIFY(imported.wait(5000));
        QCOMPARE(imported.at(0).at(0).toInt(), 2); // created
        QCOMPARE(imported.at(0).at(1).toInt(), 1); // merged
        QCOMPARE(imported.at(0).at(2).toInt(), 0); // failed
        QVERIFY(!m.planned());
        QCOMPARE(m.rowCount(), 0);
        QVERIFY2(m.resultText().startsWith(QStringLiteral("2 new contacts, 1 merged")),
            qPrintable(m.resultText()));
        QCOMPARE(m.skipped().size(), 1); // still listed after the import

        auto after = contacts(f);
        QCOMPARE(after.size(), before.size() + 2);
        QCOMPARE(after.at("Tanaka Hiroshi").id, before.at("Tanaka Hiroshi").id);
        // United: the stored values stay, the file's mobile number is added.
        QCOMPARE(after.at("Tanaka Hiroshi").field("phones").dump(),
            std::string(R"(["+81 3 3582 5511","+81 90 1234 5678"])"));
        QCOMPARE(after.at("Tanaka Hiroshi").text("organisation"), std::string("JETRO Tokyo"));
        QCOMPARE(
            after.at("Nguyễn Văn An").field("phones").dump(), std::string(R"(["0912 345 678"])"));
        QVERIFY(!after.count("Half Written"));
    }

    void refusedMergeKeepsBothOrLeavesOut()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        ContactInterchange m;
        QVERIFY(plan(m, f));
        const int tanaka = rowOf(m, QStringLiteral("Tanaka Hiroshi"));
        const int park = rowOf(m, QStringLiteral("Park Ji-woo"));
        QVERIFY(m.setAction(tanaka, QStringLiteral("create"))); // keep separate
        QCOMPARE(m.data(m.index(tanaka), ContactInterchange::ActionLabelRole).toString(),
            QStringLiteral("Separate new contact"));
        QVERIFY(m.setAction(park, QStringLiteral("skip")));
        QCOMPARE(m.createCount(), 2);
        QCOMPARE(m.mergeCount(), 0);
        const auto before = contacts(f);
        QSignalSpy imported(&m, &ContactInterchange::imported);
        m.apply();
        QVERIFY(imported.wait(5000));
        QCOMPARE(imported.at(0).at(0).toInt(), 2);
        QCOMPARE(imported.at(0).at(1).toInt(), 0);

        std::multimap<std::string, attache::Record> all;
        bool done = false;
        f.backend->run(
            f.backend.get(), [](attache::Store &s) { return s.list("contact"); },
            [&](attache::Result<std::vector<attache::Record>> r) {
                if (r) {
                    for (auto &rec : *r)
                        all.emplace(rec.text("full_name"), rec);
                }
                done = true;
            });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 5000));
        QCOMPARE(all.count("Tanaka Hiroshi"), std::size_t(2)); // the stored one is untouched
        QCOMPARE(all.count("Park Ji-woo"), std::size_t(0));
        QCOMPARE(all.size(), before.size() + 2);
    }

    void intoAMissionAndCancel()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        QString japan;
        bool done = false;
        f.backend->run(
            f.backend.get(), [](attache::Store &s) { return s.list("mission"); },
            [&](attache::Result<std::vector<attache::Record>> r) {
                for (const auto &rec : *r) {
                    if (rec.text("title") == "Xúc tiến đầu tư tại Nhật Bản")
                        japan = QString::fromStdString(rec.id);
                }
                done = true;
            });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 5000));
        QVERIFY(!japan.isEmpty());

        ContactInterchange m;
        m.setMissionId(japan);
        QVERIFY(plan(m, f));
        // Changing the mission drops the plan (it was made for another one).
        m.setMissionId({});
        QVERIFY(!m.planned());
        m.setMissionId(japan);
        QVERIFY(plan(m, f));
        m.cancel();
        QVERIFY(!m.planned());
        QCOMPARE(m.rowCount(), 0);
        QVERIFY(plan(m, f));
        QSignalSpy imported(&m, &ContactInterchange::imported);
        m.apply();
        QVERIFY(imported.wait(5000));
        const auto after = contacts(f);
        QCOMPARE(after.at("Park Ji-woo").text("mission_id"), japan.toStdString());
        QCOMPARE(after.at("Nguyễn Văn An").text("mission_id"), japan.toStdString());
    }

    /// A card's photo is kept as an attachment of the contact, once, in the attachment
    /// directory under its SHA-256, like a business-card photo taken in the app.
    void photoKeptAsAttachment()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        QString japan;
        bool done = false;
        f.backend->run(
            f.backend.get(), [](attache::Store &s) { return s.list("mission"); },
            [&](attache::Result<std::vector<attache::Record>> r) {
                for (const auto &rec : *r) {
                    if (rec.text("title") == "Xúc tiến đầu tư tại Nhật Bản")
                        japan = QString::fromStdString(rec.id);
                }
                done = true;
            });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 5000));
        QFile png(QStringLiteral(ATTACHE_APP_TEST_DATA "/red-4x4.png"));
        QVERIFY(png.open(QIODevice::ReadOnly));
        const QByteArray photo = png.readAll();

        auto importOnce = [&](const QString &mission) {
            ContactInterchange m;
            m.setMissionId(mission);
            m.setBackend(f.backend.get());
            m.load(QUrl::fromLocalFile(
                QStringLiteral(ATTACHE_APP_TEST_DATA "/contact-with-photo.vcf")));
            if (!QTest::qWaitFor([&] { return m.planned() && !m.busy(); }, 5000))
                return QStringList {QStringLiteral("not planned")};
            QStringList notes = m.warnings();
            QSignalSpy imported(&m, &ContactInterchange::imported);
            m.apply();
            if (!imported.wait(5000))
                return QStringList {QStringLiteral("not imported")};
            return QStringList {m.resultText()} + notes + m.skipped();
        };
        // Into a mission: attached.
        QStringList out = importOnce(japan);
        QVERIFY2(out.at(0).contains(QStringLiteral("1 photo attached")), qPrintable(out.join('|')));
        QVERIFY2(out.contains(QStringLiteral("Line 1: the photo will be attached to the contact "
                                             "(only if it belongs to a mission)")),
            qPrintable(out.join('|')));

        std::vector<attache::Record> attachments;
        std::string contactId;
        done = false;
        auto listAttachments = [&] {
            done = false;
            f.backend->run(
                f.backend.get(),
                [](attache::Store &s) -> attache::Result<std::vector<attache::Record>> {
                    return s.list("attachment");
                },
                [&](attache::Result<std::vector<attache::Record>> r) {
                    if (r)
                        attachments = *r;
                    done = true;
                });
            return QTest::qWaitFor([&] { return done; }, 5000);
        };
        QVERIFY(listAttachments());
        const auto stored = contacts(f);
        QVERIFY(stored.count("Suzuki Aiko"));
        contactId = stored.at("Suzuki Aiko").id;
        std::vector<attache::Record> mine;
        for (const auto &a : attachments) {
            if (a.text("record_id") == contactId)
                mine.push_back(a);
        }
        QCOMPARE(mine.size(), std::size_t(1));
        QCOMPARE(mine[0].text("record_kind"), std::string("contact"));
        QCOMPARE(mine[0].text("mission_id"), japan.toStdString());
        QCOMPARE(mine[0].text("mime_type"), std::string("image/png"));
        QCOMPARE(mine[0].text("file_name"), std::string("photo-line-1.png"));
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(photo, QCryptographicHash::Sha256).toHex());
        QCOMPARE(QString::fromStdString(mine[0].text("sha256")), sha);
        QFile kept(f.backend->attachmentDir() + QLatin1Char('/') + sha);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), photo);

        // The same file again: merged into the contact, the photo not attached twice.
        out = importOnce(japan);
        QVERIFY2(out.at(0).startsWith(QStringLiteral("0 new contacts, 1 merged")),
            qPrintable(out.join('|')));
        QVERIFY(listAttachments());
        int count = 0;
        for (const auto &a : attachments)
            count += a.text("record_id") == contactId;
        QCOMPARE(count, 1);
    }

    void photoWithoutMissionIsReported()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        ContactInterchange m;
        m.setBackend(f.backend.get());
        m.load(
            QUrl::fromLocalFile(QStringLiteral(ATTACHE_APP_TEST_DATA "/contact-with-photo.vcf")));
        QVERIFY(QTest::qWaitFor([&] { return m.planned() && !m.busy(); }, 5000));
        QSignalSpy imported(&m, &ContactInterchange::imported);
        m.apply();
        QVERIFY(imported.wait(5000));
        QCOMPARE(imported.at(0).at(0).toInt(), 1); // the contact is imported
        QVERIFY2(m.skipped().contains(QStringLiteral("Line 1: the photo is not kept: only a "
                                                     "contact of a mission can have files "
                                                     "attached")),
            qPrintable(m.skipped().join('|')));
    }

    void unreadableFile()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        ContactInterchange m;
        m.setBackend(f.backend.get());
        QSignalSpy error(&m, &ContactInterchange::errorMessage);
        m.load(QUrl::fromLocalFile(f.dir.filePath(QStringLiteral("missing.vcf"))));
        QCOMPARE(error.count(), 1);
        QVERIFY(!m.planned());
        QVERIFY(m.resultText().startsWith(QStringLiteral("Could not read")));

        // Not a contacts file at all: nothing to import, and the file's lines reported.
        const QString junk = f.dir.filePath(QStringLiteral("notes.txt"));
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("just some text\nno cards here\n");
        file.close();
        m.load(QUrl::fromLocalFile(junk));
        QVERIFY(QTest::qWaitFor([&] { return m.planned() && !m.busy(); }, 5000));
        QCOMPARE(m.rowCount(), 0);
        QCOMPARE(m.skipped().size(), 1);
        QVERIFY2(m.skipped().at(0).contains(QStringLiteral("neither vCard nor CSV")),
            qPrintable(m.skipped().at(0)));
    }

    /// With the Vietnamese translation, everything the import page lists about a broken file
    /// is Vietnamese, with the values from the file: lines skipped and why, values kept in the
    /// notes, the file's encoding, why a contact matches, and a contact the store refused.
    void brokenFileInVietnamese()
    {
        AppFixture f; // installs the English translation
        QVERIFY(f.waitReady());
        // Installed last, the Vietnamese translation is the one asked first.
        QTranslator vi;
        QVERIFY(vi.load(QStringLiteral(":/i18n/attache_vi.qm")));
        QVERIFY(QCoreApplication::installTranslator(&vi));
        const auto uninstall = qScopeGuard([&] { QCoreApplication::removeTranslator(&vi); });

        // The fixture as a UTF-16 file (a whole-file notice), with one more card whose name is
        // longer than the store takes: it is refused when the plan is applied.
        QFile fixture(QStringLiteral(ATTACHE_APP_TEST_DATA "/broken-contacts.vcf"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(fixture.readAll());
        const QString cutOff = QStringLiteral("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half Written");
        QVERIFY(text.contains(cutOff));
        text.replace(cutOff, // lines 24-27, the cut-off card after them
            QStringLiteral("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:") + QString(5000, QLatin1Char('A'))
                + QStringLiteral("\r\nEND:VCARD\r\n") + cutOff);
        QStringEncoder utf16(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
        const QString path = f.dir.filePath(QStringLiteral("broken-utf16.vcf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(utf16(text));
        file.close();

        ContactInterchange m;
        m.setBackend(f.backend.get());
        m.load(QUrl::fromLocalFile(path));
        QVERIFY(QTest::qWaitFor([&] { return m.planned() && !m.busy(); }, 5000));

        // No English reason words, whatever the line ("vCard" and "UTF-16" are names).
        const QRegularExpression english(
            QStringLiteral("\\b(line|lines|skipped|kept|notes|not|same|card|file|cut|read|"
                           "country|combined|imported|contact)\\b"),
            QRegularExpression::CaseInsensitiveOption);
        QVERIFY(english.isValid());
        auto noEnglish = [&](const QString &s) { return !english.match(s).hasMatch(); };

        const QStringList expectedSkipped {
            QStringLiteral("Dòng 9–12: dòng 11: lỗi mã quoted-printable ở FN (“=G5” không phải "
                           "mã quoted-printable hợp lệ); đã bỏ qua thẻ này"),
            QStringLiteral("Dòng 13: không thuộc thẻ vCard nào"),
            QStringLiteral("Dòng 28–30: thẻ bị cắt cụt (tệp kết thúc trước END:VCARD); đã bỏ "
                           "qua thẻ này"),
        };
        QCOMPARE(m.skipped(), expectedSkipped);

        const QStringList expectedWarnings {
            QStringLiteral("Tệp được mã hóa UTF-16; đã đọc theo UTF-16."),
            QStringLiteral("Dòng 5: “tanaka at jetro” không phải địa chỉ e-mail; đã giữ lại "
                           "trong ghi chú"),
            QStringLiteral("Dòng 6: “ask the front desk” không phải số điện thoại; đã giữ lại "
                           "trong ghi chú"),
            QStringLiteral("Dòng 7: Attaché không nhận ra quốc gia “Zubrowka”; đã giữ lại "
                           "trong ghi chú"),
        };
        QCOMPARE(m.warnings(), expectedWarnings);
        for (const auto &line : m.skipped() + m.warnings())
            QVERIFY2(noEnglish(line), qPrintable(line));

        // Why each contact matches: a stored contact, or an earlier contact of the file.
        const int tanaka = rowOf(m, QStringLiteral("Tanaka Hiroshi"));
        QVERIFY(tanaka >= 0);
        QCOMPARE(m.data(m.index(tanaka), ContactInterchange::MatchReasonRole).toString(),
            QStringLiteral("cùng e-mail tanaka@example.jp"));
        const int thu = rowOf(m, QStringLiteral("Le Thi Thu"));
        QVERIFY(thu >= 0);
        const QString combined
            = m.data(m.index(thu), ContactInterchange::MatchReasonRole).toString();
        QCOMPARE(combined,
            QStringLiteral("cùng e-mail thu@kotra.or.kr, trùng với đầu mối ở dòng 14 của tệp: đã "
                           "gộp vào đầu mối đó"));
        QVERIFY2(noEnglish(combined), qPrintable(combined));
        QCOMPARE(m.data(m.index(thu), ContactInterchange::ActionLabelRole).toString(),
            QStringLiteral("Đã gộp với một đầu mối trước đó trong tệp"));
        QVERIFY(m.data(m.index(rowOf(m, QStringLiteral("Lê Thị Thu"))),
                     ContactInterchange::MatchReasonRole)
                    .toString()
                    .isEmpty());

        // The contact the store refuses is listed with its line, in Vietnamese, after apply().
        QSignalSpy imported(&m, &ContactInterchange::imported);
        m.apply();
        QVERIFY(imported.wait(5000));
        QCOMPARE(imported.at(0).at(2).toInt(), 1); // failed
        QCOMPARE(m.skipped().size(), 4);
        const QString refused = m.skipped().at(3);
        QCOMPARE(refused,
            QStringLiteral("Dòng 24: Họ và tên: Nội dung quá dài. Đầu mối này không được nhập."));
        QVERIFY2(noEnglish(refused), qPrintable(refused));
    }

    void exportsEveryFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("marker");
        QTest::newRow("vcard4") << QStringLiteral("vcard4") << QByteArray("VERSION:4.0\r\n");
        QTest::newRow("vcard3") << QStringLiteral("vcard3") << QByteArray("VERSION:3.0\r\n");
        QTest::newRow("csv") << QStringLiteral("csv") << QByteArray("\xEF\xBB\xBF");
    }

    void exportsEveryFormat()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, marker);
        AppFixture f;
        QVERIFY(f.waitReady());
        const auto stored = contacts(f);
        QVERIFY(stored.size() >= 2);
        ContactInterchange m;
        m.setBackend(f.backend.get());
        const QString path = f.dir.filePath(QStringLiteral("out.") + format);
        QSignalSpy exported(&m, &ContactInterchange::exported);
        m.exportTo(QUrl::fromLocalFile(path), format);
        QVERIFY(exported.wait(5000));
        QCOMPARE(exported.at(0).at(0).toInt(), int(stored.size()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains(marker));
        QVERIFY(bytes.contains("Tanaka Hiroshi"));
        QVERIFY(bytes.contains("tanaka@example.jp"));
        if (format != QLatin1String("csv"))
            QCOMPARE(bytes.count("BEGIN:VCARD"), qsizetype(stored.size()));

        // Read back by the import: every exported contact is found as already stored.
        m.load(QUrl::fromLocalFile(path));
        QVERIFY(QTest::qWaitFor([&] { return m.planned() && !m.busy(); }, 5000));
        QCOMPARE(m.rowCount(), int(stored.size()));
        QCOMPARE(m.duplicateCount(), int(stored.size()));
        QVERIFY(m.skipped().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestContactInterchange)
#include "tst_contactinterchange.moc"
