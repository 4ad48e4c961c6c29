// DashboardModel, DrillDownModel and FollowUpModel on the fixture department
// (tests/documents/dashboardfixture.h): every figure against hand-computed values, formatted in
// both languages, each chart bar and the contents of each drill-down, the follow-up filters.
#include "appfixture.h"
#include "dashboardfixture.h"
#include "dashboardmodel.h"
#include "drilldownmodel.h"
#include "followupmodel.h"
#include "reportcsv.h"
#include "reportdata.h"
#include "store.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>

namespace {

QString value(const QVariantList &list, const QString &key)
{
    for (const auto &v : list) {
        const auto m = v.toMap();
        if (m.value(QStringLiteral("key")).toString() == key)
            return m.value(QStringLiteral("value")).toString();
    }
    return QStringLiteral("<missing %1>").arg(key);
}

QByteArray run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000))
        qWarning("%s did not finish", qPrintable(program));
    return p.readAllStandardOutput();
}

QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out.append(model.data(model.index(i, 0), role).toString());
    return out;
}

} // namespace

class TestDashboardModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<AppFixture> f;
    DashboardFixture d;

    bool waitLoaded(DashboardModel &m)
    {
        return QTest::qWaitFor([&] { return m.loaded() && !m.loading(); }, 5000);
    }
    bool waitLoaded(DrillDownModel &m)
    {
        return QTest::qWaitFor([&] { return m.loaded() && !m.loading(); }, 5000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        f = std::make_unique<AppFixture>(false);
        QVERIFY(f->waitReady());
        bool built = false;
        QString failure;
        f->backend->run(
            f->backend.get(),
            [this](attache::Store &s) -> attache::Result<bool> {
                try {
                    d.build(s);
                } catch (const std::exception &e) {
                    return attache::makeError("fixture", e.what());
                }
                return true;
            },
            [&](attache::Result<bool> r) {
                built = true;
                if (!r)
                    failure = QString::fromStdString(r.error().message);
            });
        QVERIFY(QTest::qWaitFor([&] { return built; }, 10000));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void figures()
    {
        DashboardModel m;
        m.setAsOf(QStringLiteral("2027-01-15"));
        m.setPreferences(&f->prefs);
        m.setBackend(f->backend.get());
        m.setYear(2026);
        QVERIFY(waitLoaded(m));
        QCOMPARE(m.from(), QStringLiteral("2026-01-01"));
        QCOMPARE(m.to(), QStringLiteral("2026-12-31"));
        // The fixture spans two organisations on this device: the dashboard shows them all,
        // so Nghệ An's mission (2026-04, China) counts: 4 missions, 7 person-trips.
        const auto fig = m.figures();
        QCOMPARE(value(fig, QStringLiteral("missions")), QStringLiteral("4"));
        QCOMPARE(value(fig, QStringLiteral("personTrips")), QStringLiteral("7"));
        QCOMPARE(value(fig, QStringLiteral("officials")), QStringLiteral("4"));
        QCOMPARE(value(fig, QStringLiteral("meetings")), QStringLiteral("4"));
        QCOMPARE(value(fig, QStringLiteral("agreementsSigned")), QStringLiteral("2"));
        QCOMPARE(value(fig, QStringLiteral("contacts")), QStringLiteral("5"));
        QCOMPARE(value(fig, QStringLiteral("capital:USD")), QStringLiteral("1,750,000.50 USD"));
        QCOMPARE(value(fig, QStringLiteral("capital:VND")), QStringLiteral("337,500,000,000 VND"));
        QCOMPARE(value(fig, QStringLiteral("followUpsOpen")), QStringLiteral("2"));
        QCOMPARE(value(fig, QStringLiteral("followUpsOverdue")), QStringLiteral("1"));
        QCOMPARE(m.summary(), QStringLiteral("4 missions with 7 person-trips"));
        QCOMPARE(m.periodLabel(), QStringLiteral("Year 2026"));

        // Charts: 5 countries (CN, JP, KR, LA, TH once each), 12 months, 4 fields.
        QCOMPARE(m.byCountry().size(), 5);
        QCOMPARE(m.byMonth().size(), 12);
        const auto april = m.byMonth().at(3).toMap();
        QCOMPARE(april.value(QStringLiteral("label")).toString(), QStringLiteral("Apr"));
        QCOMPARE(april.value(QStringLiteral("count")).toLongLong(), 1); // Nghệ An
        QCOMPARE(april.value(QStringLiteral("drill")).toString(), QStringLiteral("month:2026-04"));
        QCOMPARE(m.byMonth().at(1).toMap().value(QStringLiteral("fraction")).toDouble(), 0.0);
        const auto trade = m.byField().at(0).toMap();
        QCOMPARE(trade.value(QStringLiteral("key")).toString(), QStringLiteral("trade"));
        QCOMPARE(trade.value(QStringLiteral("count")).toLongLong(), 2);
        QCOMPARE(trade.value(QStringLiteral("fraction")).toDouble(), 1.0);
        QCOMPARE(m.byField().at(1).toMap().value(QStringLiteral("fraction")).toDouble(), 0.5);
        QCOMPARE(trade.value(QStringLiteral("drill")).toString(), QStringLiteral("field:trade"));
        const auto japan = m.byCountry().at(1).toMap();
        QCOMPARE(japan.value(QStringLiteral("key")).toString(), QStringLiteral("JP"));
        QCOMPARE(japan.value(QStringLiteral("label")).toString(), QStringLiteral("Japan"));

        // Vietnamese: 1.750.000,50 US$, 337.500.000.000 ₫, months numbered.
        f->prefs.setLanguage(QStringLiteral("vi"));
        QCOMPARE(
            value(m.figures(), QStringLiteral("capital:USD")), QStringLiteral("1.750.000,50 US$"));
        QCOMPARE(
            value(m.figures(), QStringLiteral("capital:VND")), QStringLiteral("337.500.000.000 ₫"));
        QCOMPARE(m.byMonth().at(3).toMap().value(QStringLiteral("label")).toString(),
            QStringLiteral("T4"));
        QCOMPARE(m.byCountry().at(1).toMap().value(QStringLiteral("label")).toString(),
            QStringLiteral("Nhật Bản"));
        f->prefs.setLanguage(QStringLiteral("en"));

        // A meeting saved (or synced) meanwhile: the figures follow, the meeting taken back after.
        QString meetingId;
        f->backend->run(
            &m,
            [mission = d.m2](attache::Store &s) {
                return s.create("meeting",
                    {{"mission_id", mission}, {"starts_at", "2026-05-20T09:00"},
                        {"counterpart", "KOTRA"}});
            },
            [&](attache::Result<attache::Record> r) {
                if (r)
                    meetingId = QString::fromStdString(r->id);
                f->backend->notifyChanged(QStringLiteral("meeting"));
            });
        QVERIFY(QTest::qWaitFor(
            [&] { return value(m.figures(), QStringLiteral("meetings")) == "5"; }, 5000));
        QVERIFY(!meetingId.isEmpty());
        f->backend->remove(QStringLiteral("meeting"), meetingId);
        QVERIFY(QTest::qWaitFor(
            [&] { return value(m.figures(), QStringLiteral("meetings")) == "4"; }, 5000));
    }

    void customPeriod()
    {
        DashboardModel m;
        m.setAsOf(QStringLiteral("2027-01-15"));
        m.setPreferences(&f->prefs);
        m.setBackend(f->backend.get());
        QVERIFY(waitLoaded(m));
        QSignalSpy errors(&m, &DashboardModel::errorMessage);
        QVERIFY(!m.setPeriod(QStringLiteral("32/13/2026"), QString()));
        QVERIFY(!m.setPeriod(QStringLiteral("31/05/2026"), QStringLiteral("01/03/2026")));
        QCOMPARE(errors.size(), 2);
        QVERIFY(m.setPeriod(QStringLiteral("01/03/2026"), QStringLiteral("31/05/2026")));
        QCOMPARE(m.year(), 0);
        QVERIFY(QTest::qWaitFor([&] { return value(m.figures(), "missions") == "3"; }, 5000));
        QCOMPARE(value(m.figures(), QStringLiteral("personTrips")), QStringLiteral("6"));
        QCOMPARE(m.byMonth().size(), 3);
        QCOMPARE(m.periodLabel(), QStringLiteral("1 Mar 2026 – 31 May 2026"));
        // Years offered: those with missions (2026, 2025) and this year, then the custom period.
        const auto years = m.yearOptions();
        QCOMPARE(years.last().toMap().value(QStringLiteral("value")).toInt(), 0);
        QVERIFY(years.size() >= 3);
    }

    void drillDowns_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QStringList>("titles");
        QTest::addColumn<QString>("kind");
        QTest::newRow("missions") << "missions"
                                  << QStringList {"Xúc tiến đầu tư tại Nhật Bản", "Đoàn Nghệ An",
                                         "Thăm tỉnh kết nghĩa Jeollabuk",
                                         "Hội chợ thương mại Việt - Lào"}
                                  << "mission";
        QTest::newRow("officials")
            << "officials"
            << QStringList {"Lê Văn Dũng", "Nguyễn Hồng Lĩnh", "Thái Phúc Sơn", "Trần Thị Hạnh"}
            << "user";
        QTest::newRow("japan") << "country:JP" << QStringList {"Xúc tiến đầu tư tại Nhật Bản"}
                               << "mission";
        QTest::newRow("may") << "month:2026-05" << QStringList {"Thăm tỉnh kết nghĩa Jeollabuk"}
                             << "mission";
        QTest::newRow("education")
            << "field:education" << QStringList {"Thỏa thuận hợp tác giáo dục"} << "agreement";
        QTest::newRow("signed") << "agreementsSigned"
                                << QStringList {"Biên bản ghi nhớ hợp tác xúc tiến đầu tư",
                                       "Thỏa thuận hợp tác giáo dục"}
                                << "agreement";
        QTest::newRow("usd") << "capital:USD" << QStringList {"Toyota Tsusho", "Aeon Mall"}
                             << "lead";
        QTest::newRow("overdue") << "followUpsOverdue"
                                 << QStringList {"Chuẩn bị hồ sơ dự án Toyota"} << "followup";
        QTest::newRow("contacts") << "contacts"
                                  << QStringList {"<b>Không</b> rõ quốc tịch", "Khamphong Sisavath",
                                         "Kim Min-jun", "Sato Yuki", "Tanaka Hiroshi"}
                                  << "contact";
    }

    void drillDowns()
    {
        QFETCH(QString, key);
        QFETCH(QStringList, titles);
        QFETCH(QString, kind);
        DrillDownModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setPreferences(&f->prefs);
        m.setFrom(QStringLiteral("2026-01-01"));
        m.setTo(QStringLiteral("2026-12-31"));
        m.setAsOf(QStringLiteral("2027-01-15"));
        m.setKey(key);
        m.setBackend(f->backend.get());
        QVERIFY(waitLoaded(m));
        QCOMPARE(column(m, DrillDownModel::TitleRole), titles);
        for (const auto &k : column(m, DrillDownModel::KindRole))
            QCOMPARE(k, kind);
        const bool openable = kind != QLatin1String("user");
        QCOMPARE(m.data(m.index(0), DrillDownModel::OpenableRole).toBool(), openable);
        QVERIFY(!m.idAt(0).isEmpty());
    }

    void drillDownDetails()
    {
        DrillDownModel m;
        m.setPreferences(&f->prefs);
        m.setFrom(QStringLiteral("2026-01-01"));
        m.setTo(QStringLiteral("2026-12-31"));
        m.setAsOf(QStringLiteral("2027-01-15"));
        m.setKey(QStringLiteral("personTrips"));
        m.setBackend(f->backend.get());
        QVERIFY(waitLoaded(m));
        QCOMPARE(m.data(m.index(0), DrillDownModel::SubtitleRole).toString(),
            QStringLiteral("9 Mar 2026 · Japan · 3 people"));
        QCOMPARE(m.idAt(0), QString::fromStdString(d.m1));
        m.setKey(QStringLiteral("followUpsOpen"));
        QVERIFY(QTest::qWaitFor([&] { return m.count() == 2 && !m.loading(); }, 5000));
        QCOMPARE(m.data(m.index(0), DrillDownModel::SubtitleRole).toString(),
            QStringLiteral("due 31 Dec 2026 · Lê Văn Dũng · Xúc tiến đầu tư tại Nhật Bản"));
        QCOMPARE(m.data(m.index(0), DrillDownModel::MissionIdRole).toString(),
            QString::fromStdString(d.m1));
        QCOMPARE(m.data(m.index(1), DrillDownModel::StatusLabelRole).toString(),
            QStringLiteral("In progress"));
    }

    /// The period summary saved from the dashboard: the PDF (rendered to an image, its text
    /// read back with its diacritics) and the CSV carry the figures the dashboard shows.
    void savesTheSummary()
    {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        QVERIFY2(!pdftotext.isEmpty() && !pdftoppm.isEmpty(), "poppler-utils missing");
        DashboardModel m;
        m.setAsOf(QStringLiteral("2027-01-15"));
        m.setPreferences(&f->prefs);
        m.setBackend(f->backend.get());
        m.setYear(2026);
        QVERIFY(waitLoaded(m));
        QCOMPARE(m.summary(), QStringLiteral("4 missions with 7 person-trips"));

        QSignalSpy saved(&m, &DashboardModel::summarySaved);
        QSignalSpy failed(&m, &DashboardModel::errorMessage);
        const QString pdf = f->dir.filePath(QStringLiteral("tong-ket-2026.pdf"));
        m.saveSummary(QUrl::fromLocalFile(pdf));
        QVERIFY(m.saving());
        QVERIFY(saved.wait(30000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(saved.at(0).at(0).toString(), pdf);
        QVERIFY(!m.saving());
        QVERIFY(!QFile::exists(pdf + QStringLiteral(".part")));
        const QString text
            = QString::fromUtf8(run(pdftotext, {QStringLiteral("-raw"), pdf, QStringLiteral("-")}))
                  .simplified();
        for (const char *phrase :
            {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
                "từ ngày 01/01/2026 đến ngày 31/12/2026", "đã cử 4 đoàn với 7 lượt cán bộ",
                "1.750.000,50 USD và 337,5 tỷ đồng", "Xúc tiến đầu tư tại Nhật Bản"}) {
            QVERIFY2(text.contains(QString::fromUtf8(phrase)),
                qPrintable(QString::fromUtf8(phrase) + QStringLiteral(" not in: ") + text));
        }
        // Rendered: the first page is an A4 image with ink on it.
        const QString prefix = f->dir.filePath(QStringLiteral("page"));
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

        // The CSV: byte for byte the documents' CSV of the same period.
        const QString csv = f->dir.filePath(QStringLiteral("tong-ket-2026.csv"));
        m.saveSummary(QUrl::fromLocalFile(csv));
        QVERIFY(saved.wait(30000));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        std::string expected;
        bool done = false;
        f->backend->run(
            &m,
            [](attache::Store &s) -> attache::Result<std::string> {
                attache::ReportFilter filter;
                filter.from = "2026-01-01";
                filter.to = "2026-12-31";
                filter.asOf = "2027-01-15";
                auto data = attache::documents::loadSummary(s, filter);
                if (!data)
                    return data.error();
                return attache::documents::summaryCsv(*data);
            },
            [&](attache::Result<std::string> r) {
                if (r)
                    expected = *r;
                done = true;
            });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 5000));
        QVERIFY(!expected.empty());
        QCOMPARE(bytes.toStdString(), expected);
        QVERIFY(bytes.contains("Tổng hợp,Lượt cán bộ,7,lượt\r\n"));

        // Anything else is refused before anything is written.
        m.saveSummary(QUrl::fromLocalFile(f->dir.filePath(QStringLiteral("tong-ket.docx"))));
        QCOMPARE(failed.count(), 1);
        QVERIFY(!m.saving());
    }

    void followUps()
    {
        FollowUpModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setAsOf(QStringLiteral("2027-01-15"));
        m.setPreferences(&f->prefs);
        m.setBackend(f->backend.get());
        QVERIFY(QTest::qWaitFor([&] { return m.loaded(); }, 5000));
        // Every follow-up by due date: done 31/03, cancelled 20/12, overdue 31/12, due 30/06/27.
        QCOMPARE(column(m, FollowUpModel::TitleRole),
            (QStringList {"Gửi thư cảm ơn JETRO", "Khảo sát cửa khẩu",
                "Chuẩn bị hồ sơ dự án Toyota", "Trao đổi sinh viên"}));
        QCOMPARE(column(m, FollowUpModel::StateRole),
            (QStringList {"done", "cancelled", "overdue", "due"}));
        QCOMPARE(m.dueCount(), 1);
        QCOMPARE(m.overdueCount(), 1);
        QCOMPARE(m.doneCount(), 1);
        QCOMPARE(m.data(m.index(0), FollowUpModel::OwnerNameRole).toString(),
            QStringLiteral("Trần Thị Hạnh"));
        QCOMPARE(m.data(m.index(0), FollowUpModel::DueDateRole).toString(),
            QStringLiteral("31 Mar 2026"));
        QCOMPARE(m.data(m.index(0), FollowUpModel::MissionTitleRole).toString(),
            QStringLiteral("Xúc tiến đầu tư tại Nhật Bản"));
        QCOMPARE(m.data(m.index(2), FollowUpModel::StateLabelRole).toString(),
            QStringLiteral("Overdue"));

        // By owner: Hạnh's two, then Dũng's.
        const auto owners = m.ownerOptions();
        QCOMPARE(owners.size(), 3); // everyone, Dũng, Hạnh
        m.setOwner(QString::fromStdString(d.hanh));
        QCOMPARE(column(m, FollowUpModel::TitleRole),
            (QStringList {"Gửi thư cảm ơn JETRO", "Trao đổi sinh viên"}));
        QCOMPARE(m.overdueCount(), 0);
        m.setOwner(QString());
        m.setState(QStringLiteral("overdue"));
        QCOMPARE(
            column(m, FollowUpModel::TitleRole), (QStringList {"Chuẩn bị hồ sơ dự án Toyota"}));
        m.setState(QStringLiteral("due"));
        QCOMPARE(column(m, FollowUpModel::TitleRole), (QStringList {"Trao đổi sinh viên"}));
        m.setState(QStringLiteral("done"));
        QCOMPARE(column(m, FollowUpModel::TitleRole), (QStringList {"Gửi thư cảm ơn JETRO"}));

        // Grouped by owner (for sections): owners in order, each by due date.
        m.setState(QString());
        m.setGroupByOwner(true);
        QCOMPARE(column(m, FollowUpModel::OwnerNameRole),
            (QStringList {"Lê Văn Dũng", "Lê Văn Dũng", "Trần Thị Hạnh", "Trần Thị Hạnh"}));
        QCOMPARE(column(m, FollowUpModel::TitleRole),
            (QStringList {"Khảo sát cửa khẩu", "Chuẩn bị hồ sơ dự án Toyota",
                "Gửi thư cảm ơn JETRO", "Trao đổi sinh viên"}));

        // Earlier in the year nothing is overdue yet.
        m.setAsOf(QStringLiteral("2026-06-01"));
        QCOMPARE(m.overdueCount(), 0);
        QCOMPARE(m.dueCount(), 2);

        // A follow-up marked done elsewhere moves to done.
        bool saved = false;
        f->backend->run(
            &m,
            [id = d.fuToyota](attache::Store &s) {
                return s.update("followup", id, {{"status", "done"}});
            },
            [&](attache::Result<attache::Record> r) {
                saved = r.ok();
                f->backend->notifyChanged(QStringLiteral("followup"));
            });
        QVERIFY(QTest::qWaitFor([&] { return saved && m.doneCount() == 2; }, 5000));
    }
};

QTEST_MAIN(TestDashboardModel)
#include "tst_dashboardmodel.moc"
