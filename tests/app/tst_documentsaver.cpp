// DocumentSaver: the demo's Japan mission report saved from the app as PDF (its Vietnamese text
// read back with pdftotext, the first page rendered with pdftoppm) and as CSV (byte for byte
// the documents' CSV, which tst_reportdocuments checks figure by figure).
#include "appfixture.h"
#include "documentsaver.h"
#include "reportcsv.h"
#include "reportdata.h"
#include "store.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>

namespace {

QByteArray run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000))
        qWarning("%s did not finish", qPrintable(program));
    return p.readAllStandardOutput();
}

} // namespace

class TestDocumentSaver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("TZ", "UTC"); }

    void missionReport()
    {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        QVERIFY2(!pdftotext.isEmpty() && !pdftoppm.isEmpty(), "poppler-utils missing");
        AppFixture f;
        QVERIFY(f.waitReady());
        std::string japan;
        std::string expectedCsv;
        bool done = false;
        f.backend->run(
            f.backend.get(),
            [&japan](attache::Store &s) -> attache::Result<std::string> {
                auto missions = s.list("mission");
                if (!missions)
                    return missions.error();
                for (const auto &m : *missions) {
                    if (m.text("title") == "Xúc tiến đầu tư tại Nhật Bản")
                        japan = m.id;
                }
                auto data = attache::documents::loadMissionReport(s, japan, "2026-10-01");
                if (!data)
                    return data.error();
                return attache::documents::missionReportCsv(*data);
            },
            [&](attache::Result<std::string> r) {
                if (r)
                    expectedCsv = *r;
                done = true;
            });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 5000));
        QVERIFY(!japan.empty());
        QVERIFY(!expectedCsv.empty());

        DocumentSaver saver;
        saver.setBackend(f.backend.get());
        QSignalSpy saved(&saver, &DocumentSaver::saved);
        QSignalSpy failed(&saver, &DocumentSaver::errorMessage);
        const QString pdf = f.dir.filePath(QStringLiteral("bao-cao-doan.pdf"));
        saver.saveMissionReport(
            QString::fromStdString(japan), QUrl::fromLocalFile(pdf), QStringLiteral("2026-10-01"));
        QVERIFY(saver.busy());
        QVERIFY(saved.wait(30000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(saved.at(0).at(0).toString(), pdf);
        QVERIFY(!QFile::exists(pdf + QStringLiteral(".part")));
        const QString text
            = QString::fromUtf8(run(pdftotext, {QStringLiteral("-raw"), pdf, QStringLiteral("-")}))
                  .simplified();
        for (const char *phrase : {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO",
                 "Kết quả chuyến công tác: Xúc tiến đầu tư tại Nhật Bản",
                 "từ ngày 09/03/2026 đến ngày 15/03/2026", "3 lượt cán bộ", "Tanaka Hiroshi",
                 "TRƯỞNG ĐOÀN", "Nguyễn Hồng Lĩnh"}) {
            QVERIFY2(text.contains(QString::fromUtf8(phrase)),
                qPrintable(QString::fromUtf8(phrase) + QStringLiteral(" not in: ") + text));
        }
        const QString prefix = f.dir.filePath(QStringLiteral("page"));
        run(pdftoppm,
            {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-f"), QStringLiteral("1"),
                QStringLiteral("-l"), QStringLiteral("1"), QStringLiteral("-png"),
                QStringLiteral("-singlefile"), pdf, prefix});
        QImage page(prefix + QStringLiteral(".png"));
        QVERIFY(!page.isNull());
        QVERIFY(page.height() > page.width());
        int dark = 0;
        for (int y = 0; y < page.height(); ++y) {
            for (int x = 0; x < page.width(); ++x)
                dark += qGray(page.pixel(x, y)) < 128;
        }
        QVERIFY2(dark > 500, qPrintable(QString::number(dark)));

        const QString csv = f.dir.filePath(QStringLiteral("bao-cao-doan.csv"));
        saver.saveMissionReport(
            QString::fromStdString(japan), QUrl::fromLocalFile(csv), QStringLiteral("2026-10-01"));
        QVERIFY(saved.wait(30000));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().toStdString(), expectedCsv);

        // Refused before anything is written: another format, a mission that does not exist.
        saver.saveMissionReport(QString::fromStdString(japan),
            QUrl::fromLocalFile(f.dir.filePath(QStringLiteral("x.docx"))));
        QCOMPARE(failed.count(), 1);
        const QString nowhere = f.dir.filePath(QStringLiteral("nowhere.pdf"));
        saver.saveMissionReport(
            QStringLiteral("0190f2c4-0000-7000-8000-000000000000"), QUrl::fromLocalFile(nowhere));
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.count(), 2);
        QVERIFY(!QFile::exists(nowhere));
        QVERIFY(!QFile::exists(nowhere + QStringLiteral(".part")));
    }
};

QTEST_MAIN(TestDocumentSaver)
#include "tst_documentsaver.moc"
