// ReportController: figures of a mission and of a year; approve / return with comment.
#include "appfixture.h"
#include "recorddetails.h"
#include "reportcontroller.h"
#include "store.h"

#include <QSignalSpy>

class TestReportController : public QObject
{
    Q_OBJECT

    static QString missionWithStatus(AppFixture &f, const std::string &status)
    {
        QString id;
        f.backend->run(
            f.backend.get(), [](attache::Store &s) { return s.list("mission"); },
            [&](attache::Result<std::vector<attache::Record>> r) {
                for (const auto &m : *r) {
                    if (m.text("status") == status)
                        id = QString::fromStdString(m.id);
                }
            });
        (void)QTest::qWaitFor([&] { return !id.isEmpty(); }, 5000);
        return id;
    }

private Q_SLOTS:
    void initTestCase() { qputenv("TZ", "UTC"); }

    void yearFigures()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        ReportController report;
        report.setPreferences(&f.prefs);
        report.setYear(2026);
        QSignalSpy figures(&report, &ReportController::figuresChanged);
        report.setBackend(f.backend.get());
        QTRY_VERIFY(!report.summary().isEmpty());
        QVERIFY2(report.summary().startsWith(QStringLiteral("3 missions with")),
            qPrintable(report.summary()));
        QVERIFY(!report.canReview());
    }

    void returnNeedsCommentThenApprove()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        const QString filed = missionWithStatus(f, "report_filed");
        QVERIFY(!filed.isEmpty());
        ReportController report;
        report.setPreferences(&f.prefs);
        report.setMissionId(filed);
        QSignalSpy figures(&report, &ReportController::figuresChanged);
        report.setBackend(f.backend.get());
        QVERIFY(figures.wait());
        QCOMPARE(report.missionStatus(), QStringLiteral("report_filed"));
        QVERIFY(report.canReview());

        QSignalSpy errors(&report, &ReportController::errorMessage);
        QSignalSpy reviewed(&report, &ReportController::reviewed);
        report.returnReport(QStringLiteral("   "));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(reviewed.count(), 0);

        report.returnReport(QStringLiteral("Bổ sung số liệu vốn đăng ký"));
        QVERIFY(reviewed.wait());
        QCOMPARE(reviewed.at(0).at(0).toString(), QStringLiteral("returned"));
        QTRY_COMPARE(report.missionStatus(), QStringLiteral("returned"));
        QVERIFY(!report.canReview()); // until the delegation files it again

        RecordDetails details;
        details.setPreferences(&f.prefs);
        details.setKind(QStringLiteral("mission"));
        details.setRecordId(filed);
        QSignalSpy loaded(&details, &RecordDetails::loaded);
        details.setBackend(f.backend.get());
        QVERIFY(loaded.wait());
        QTRY_COMPARE(details.counts().value(QStringLiteral("review")).toLongLong(), 1);
        QCOMPARE(details.status(), QStringLiteral("returned"));

        // Filed again, then approved.
        bool refiled = false;
        f.backend->run(
            f.backend.get(),
            [id = filed.toStdString()](attache::Store &s) {
                return s.update("mission", id, {{"status", "report_filed"}});
            },
            [&](attache::Result<attache::Record> r) { refiled = r.ok(); });
        QTRY_VERIFY(refiled);
        f.backend->notifyChanged(QStringLiteral("mission"));
        QTRY_VERIFY(report.canReview());
        report.approve({});
        QTRY_COMPARE(reviewed.count(), 2);
        QTRY_COMPARE(report.missionStatus(), QStringLiteral("report_approved"));
    }
};

QTEST_GUILESS_MAIN(TestReportController)
#include "tst_reportcontroller.moc"
