// The dashboard is not only for managers: a mission leader (or member) sees it for the missions
// they lead or belong to. Against a REAL attache-server with the demo department: the manager's
// device holds the whole organisation (3 missions of 2026), Lĩnh's (leader of the Japan
// mission only) just her mission, Dũng's (leader in Laos, member in Japan) his two, so their
// dashboards and drill-downs show exactly those, with figures computed by hand from core/demo.
#include "appfixture.h"
#include "dashboardmodel.h"
#include "drilldownmodel.h"
#include "synccontroller.h"
#include "testserver.h"

#include <QSignalSpy>

namespace {

struct Device
{
    AppFixture app {false};
    SyncController sync {app.backend.get(), nullptr};
    Device() { sync.setAutomatic(false); }
};

bool signIn(Device &d, const attache::test::TestServer &server, const char *user)
{
    QSignalSpy finished(&d.sync, &SyncController::syncFinished);
    d.sync.signIn(QString::fromStdString(server.baseUrl()), QString::fromLatin1(user),
        QStringLiteral("demo-password"));
    return finished.wait(30000) && finished.at(0).at(0).toBool();
}

QString value(const QVariantList &list, const QString &key)
{
    for (const auto &v : list) {
        const auto m = v.toMap();
        if (m.value(QStringLiteral("key")).toString() == key)
            return m.value(QStringLiteral("value")).toString();
    }
    return QStringLiteral("<missing %1>").arg(key);
}

QStringList titles(const DrillDownModel &m)
{
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i)
        out << m.data(m.index(i, 0), DrillDownModel::TitleRole).toString();
    return out;
}

} // namespace

class TestDashboardScope : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("TZ", "UTC"); }

    void leaderSeesTheirOwnMissions_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<bool>("manager");
        QTest::addColumn<QString>("missions");
        QTest::addColumn<QString>("personTrips");
        QTest::addColumn<QStringList>("missionTitles");
        const QString japan = QStringLiteral("Xúc tiến đầu tư tại Nhật Bản");
        const QString korea = QStringLiteral("Thăm tỉnh kết nghĩa Jeollabuk");
        const QString laos = QStringLiteral("Hội chợ thương mại Việt - Lào tại Champasak");
        // Person-trips: Japan 3 (Lĩnh, Hạnh, Dũng), Korea 2 (Sơn, Hạnh), Laos 2 (Dũng, Hạnh).
        QTest::newRow("manager son") << QStringLiteral("son") << true << QStringLiteral("3")
                                     << QStringLiteral("7") << QStringList {japan, korea, laos};
        QTest::newRow("leader linh") << QStringLiteral("linh") << false << QStringLiteral("1")
                                     << QStringLiteral("3") << QStringList {japan};
        QTest::newRow("leader dung") << QStringLiteral("dung") << false << QStringLiteral("2")
                                     << QStringLiteral("5") << QStringList {japan, laos};
    }

    void leaderSeesTheirOwnMissions()
    {
        QFETCH(QString, user);
        QFETCH(bool, manager);
        QFETCH(QString, missions);
        QFETCH(QString, personTrips);
        QFETCH(QStringList, missionTitles);

        attache::test::TestServer server(attache::test::Backend::Sqlite);
        auto started = server.start();
        QVERIFY2(started.ok(), started.error().message.c_str());
        auto demo = server.loadDemo();
        QVERIFY2(demo.ok(), demo.error().message.c_str());

        Device d;
        QVERIFY(d.app.waitReady());
        QVERIFY2(signIn(d, server, user.toLatin1().constData()), qPrintable(d.sync.errorText()));
        QTRY_VERIFY(!d.app.backend->currentUserId().isEmpty());
        QTRY_COMPARE(d.app.backend->isManager(), manager);

        DashboardModel m;
        m.setPreferences(&d.app.prefs);
        m.setBackend(d.app.backend.get());
        m.setYear(2026);
        QVERIFY(QTest::qWaitFor([&] { return m.loaded() && !m.loading(); }, 10000));
        QCOMPARE(value(m.figures(), QStringLiteral("missions")), missions);
        QCOMPARE(value(m.figures(), QStringLiteral("personTrips")), personTrips);

        DrillDownModel drill;
        drill.setPreferences(&d.app.prefs);
        drill.setFrom(m.from());
        drill.setTo(m.to());
        drill.setKey(QStringLiteral("missions"));
        drill.setBackend(d.app.backend.get());
        QVERIFY(QTest::qWaitFor([&] { return drill.loaded() && !drill.loading(); }, 10000));
        QStringList got = titles(drill);
        got.sort();
        missionTitles.sort();
        QCOMPARE(got, missionTitles);
    }
};

QTEST_GUILESS_MAIN(TestDashboardScope)
#include "tst_dashboardscope.moc"
