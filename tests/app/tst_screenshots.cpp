// Renders every main page at phone (390×844) and desktop (1280×800) size in Vietnamese and
// English with the offscreen platform, saves the PNGs under the build directory
// (tests/app/screenshots/) and fails on any QML warning.
#include "appfixture.h"
#include "searchmodel.h"
#include "singletons.h"
#include "store.h"

#include <QDir>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>

Q_IMPORT_QML_PLUGIN(Attache_AppPlugin)
Q_IMPORT_QML_PLUGIN(AttachePlugin)

namespace {

QStringList g_warnings;
QtMessageHandler g_previous = nullptr;

void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg)
        g_warnings.append(message);
    if (g_previous)
        g_previous(type, context, message);
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

    // Lets every queued store job and its answer run, twice over (pages load in two steps).
    static void settle(Backend &backend)
    {
        for (int i = 0; i < 4; ++i) {
            backend.drain();
            QCoreApplication::processEvents();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        }
    }

    /// The first record of `kind` in mission `missionId`.
    static QString recordIn(Backend &backend, const std::string &kind, const QString &missionId)
    {
        QString id;
        backend.run(
            &backend,
            [kind, m = missionId.toStdString()](attache::Store &s) {
                attache::ListQuery q;
                q.missionId = m;
                q.limit = 1;
                return s.list(kind, q);
            },
            [&](attache::Result<std::vector<attache::Record>> r) {
                if (r && !r->empty())
                    id = QString::fromStdString(r->front().id);
            });
        (void)QTest::qWaitFor([&] { return !id.isEmpty(); }, 5000);
        return id;
    }

    static QString missionId(Backend &backend, const std::string &status)
    {
        QString id;
        backend.run(
            &backend, [](attache::Store &s) { return s.list("mission"); },
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
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        QQuickStyle::setStyle(QStringLiteral("Universal"));
        g_previous = qInstallMessageHandler(collect);
    }

    void render_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("size");
        for (const char *lang : {"vi", "en"}) {
            QTest::addRow("%s-phone", lang) << QString::fromLatin1(lang) << QSize(390, 844);
            QTest::addRow("%s-desktop", lang) << QString::fromLatin1(lang) << QSize(1280, 800);
        }
    }

    void render()
    {
        QFETCH(QString, language);
        QFETCH(QSize, size);
        AppFixture f;
        QVERIFY(f.waitReady());
        f.prefs.setLanguage(language);
        const QString japan = missionId(*f.backend, "returned");
        const QString korea = missionId(*f.backend, "report_filed");
        QVERIFY(!japan.isEmpty() && !korea.isEmpty());
        const QString meeting = recordIn(*f.backend, "meeting", japan);
        QVERIFY(!meeting.isEmpty());

        SyncController sync(f.backend.get(), nullptr);
        sync.setAutomatic(false);
        exposeToQml(f.backend.get(), &f.prefs, &sync);
        g_warnings.clear();
        QQmlApplicationEngine engine;
        f.prefs.setEngine(&engine);
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Attache/Main.qml")));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        QVERIFY(window);
        window->resize(size);
        QVERIFY(QTest::qWaitForWindowExposed(window));

        const QString dir = QStringLiteral(QT_TESTCASE_BUILDDIR "/screenshots");
        QDir().mkpath(dir);
        const QString prefix
            = QStringLiteral("%1/%2-%3-")
                  .arg(dir, language,
                      size.width() < 900 ? QStringLiteral("phone") : QStringLiteral("desktop"));

        // A device's first start: sign in, or work offline.
        QVERIFY(!f.prefs.setupDone());
        settle(*f.backend);
        QVERIFY(window->grabWindow().save(prefix + QStringLiteral("first-start.png")));
        f.prefs.setSetupDone(true);
        settle(*f.backend);

        struct Shot
        {
            const char *name;
            const char *page;
            QVariantMap props;
        };
        const Shot shots[] = {
            {"missions", "missions", {}},
            {"mission-overview", "mission", {{"missionId", japan}}},
            {"mission-meetings", "mission", {{"missionId", japan}, {"currentTab", 1}}},
            {"mission-contacts", "mission", {{"missionId", japan}, {"currentTab", 4}}},
            {"mission-leads", "mission", {{"missionId", japan}, {"currentTab", 5}}},
            {"mission-form", "record", {{"kind", "mission"}, {"recordId", japan}}},
            {"new-lead-form", "record", {{"kind", "lead"}, {"missionId", japan}}},
            {"meeting-form", "record",
                {{"kind", "meeting"}, {"recordId", meeting}, {"missionId", japan}}},
            {"new-follow-up-from-meeting", "record",
                {{"kind", "followup"}, {"missionId", japan}, {"linkedKind", "meeting"},
                    {"linkedId", meeting}}},
            {"search", "search", {{"query", "ha tinh"}}},
            {"manager", "manager", {}},
            {"report", "report", {{"missionId", korea}}},
            {"dashboard", "dashboard", {}},
            {"follow-ups", "followUps", {}},
            {"settings", "settings", {}},
            {"conflicts", "conflicts", {}},
            {"set-aside", "setAside", {}},
            {"quick-contact", "quickContact", {{"missionId", japan}}},
        };
        for (const Shot &shot : shots) {
            QVERIFY(QMetaObject::invokeMethod(window, "navigate",
                Q_ARG(QVariant, QString::fromLatin1(shot.page)), Q_ARG(QVariant, shot.props)));
            settle(*f.backend);
            if (QLatin1String(shot.page) == QLatin1String("search")) {
                // Search answers after its typing pause.
                QTRY_VERIFY(window->findChild<SearchModel *>() != nullptr);
                auto *search = window->findChild<SearchModel *>();
                QTRY_VERIFY(!search->searching() && search->rowCount() > 0);
            }
            // Pages slide in: grab once the transition is over.
            QTRY_VERIFY_WITH_TIMEOUT(!window->property("busy").toBool(), 3000);
            settle(*f.backend);
            const QImage image = window->grabWindow();
            QVERIFY(!image.isNull());
            QVERIFY(image.save(prefix + QLatin1String(shot.name) + QStringLiteral(".png")));
        }
        // A contact's form with a colleague's photo (on the server only), and that photo's page:
        // not downloaded, this device not signed in.
        QString contactId, attachmentId;
        f.backend->run(
            f.backend.get(),
            [japan = japan.toStdString()](attache::Store &s) -> attache::Result<std::string> {
                attache::ListQuery q;
                q.missionId = japan;
                auto contacts = s.list("contact", q);
                if (!contacts)
                    return contacts.error();
                if (contacts->empty())
                    return attache::makeError("not_found", "no contact");
                auto a = s.create("attachment",
                    {{"mission_id", japan}, {"record_kind", "contact"},
                        {"record_id", contacts->front().id}, {"file_name", "danh-thiep.jpg"},
                        {"mime_type", "image/jpeg"}, {"size", 245760},
                        {"sha256", std::string(64, 'a')}});
                if (!a)
                    return a.error();
                return contacts->front().id + " " + a->id;
            },
            [&](attache::Result<std::string> r) {
                QVERIFY2(r, r ? "" : r.error().message.c_str());
                const auto ids = QString::fromStdString(*r).split(QLatin1Char(' '));
                contactId = ids.value(0);
                attachmentId = ids.value(1);
            });
        QTRY_VERIFY(!attachmentId.isEmpty());
        const Shot attachmentShots[] = {
            {"contact-form", "record",
                {{"kind", "contact"}, {"recordId", contactId}, {"missionId", japan}}},
            {"attachment", "record",
                {{"kind", "attachment"}, {"recordId", attachmentId}, {"missionId", japan}}},
        };
        for (const Shot &shot : attachmentShots) {
            QVERIFY(QMetaObject::invokeMethod(window, "navigate",
                Q_ARG(QVariant, QString::fromLatin1(shot.page)), Q_ARG(QVariant, shot.props)));
            settle(*f.backend);
            QTRY_VERIFY_WITH_TIMEOUT(!window->property("busy").toBool(), 3000);
            settle(*f.backend);
            QVERIFY(window->grabWindow().save(
                prefix + QLatin1String(shot.name) + QStringLiteral(".png")));
        }

        // The dark theme, on the mission page.
        f.prefs.setTheme(QStringLiteral("dark"));
        const QVariantMap darkProps {{QStringLiteral("missionId"), japan}};
        QVERIFY(QMetaObject::invokeMethod(window, "navigate",
            Q_ARG(QVariant, QStringLiteral("mission")), Q_ARG(QVariant, darkProps)));
        settle(*f.backend);
        QTRY_VERIFY_WITH_TIMEOUT(!window->property("busy").toBool(), 3000);
        settle(*f.backend);
        QVERIFY(window->grabWindow().save(prefix + QStringLiteral("mission-dark.png")));
        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(QLatin1Char('\n'))));
#ifdef Q_OS_LINUX
        // Every page, the quick contact dialog included, without Qt Multimedia: it is loaded
        // only when the user asks for the camera (its backends start threads, and once hung).
        QFile maps(QStringLiteral("/proc/self/maps"));
        QVERIFY(maps.open(QIODevice::ReadOnly));
        QVERIFY2(!maps.readAll().contains("libQt6Multimedia"), "Qt Multimedia was loaded");
#endif
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
