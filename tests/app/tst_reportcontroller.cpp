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
            [&](const attache::Result<std::vector<attache::Record>> &r) {
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
            [&](const attache::Result<attache::Record> &r) { refiled = r.ok(); });
        QTRY_VERIFY(refiled);
        f.backend->notifyChanged(QStringLiteral("mission"));
        QTRY_VERIFY(report.canReview());
        report.approve({});
        QTRY_COMPARE(reviewed.count(), 2);
        QTRY_COMPARE(report.missionStatus(), QStringLiteral("report_approved"));
    }

    // The review and the status change are one transaction: when the status cannot be written
    // (the mission was deleted meanwhile, here on the store thread), no review is left behind,
    // not even a tombstone that would sync.
    void reviewAndStatusAreOneWrite()
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
        QVERIFY(report.canReview());

        qint64 reviewsBefore = -1;
        bool deleted = false;
        f.backend->run(
            f.backend.get(),
            [id = filed.toStdString()](attache::Store &s) -> attache::Result<std::int64_t> {
                attache::ListQuery all;
                all.includeDeleted = true;
                auto n = s.count("review", all);
                if (!n)
                    return n.error();
                if (auto r = s.remove("mission", id); !r)
                    return r.error();
                return *n;
            },
            [&](const attache::Result<std::int64_t> &r) {
                deleted = r.ok();
                reviewsBefore = r ? *r : -1;
            });
        QTRY_VERIFY(deleted);

        QSignalSpy errors(&report, &ReportController::errorMessage);
        QSignalSpy reviewed(&report, &ReportController::reviewed);
        report.approve(QStringLiteral("Đồng ý"));
        QVERIFY(errors.wait());
        QCOMPARE(reviewed.count(), 0);

        qint64 reviewsAfter = -2;
        f.backend->run(
            f.backend.get(),
            [](attache::Store &s) {
                attache::ListQuery all;
                all.includeDeleted = true;
                return s.count("review", all);
            },
            [&](const attache::Result<std::int64_t> &r) { reviewsAfter = r ? *r : -3; });
        QTRY_VERIFY(reviewsAfter != -2);
        QCOMPARE(reviewsAfter, reviewsBefore);
    }
};

QTEST_GUILESS_MAIN(TestReportController)
#include "tst_reportcontroller.moc"
