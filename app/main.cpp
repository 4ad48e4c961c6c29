// The Attaché app: builds the services, hands them to QML, loads the interface.
#include "backend.h"
#include "logging.h"
#include "preferences.h"
#include "selftest.h"
#include "singletons.h"
#include "synccontroller.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QSettings>
#include <QStandardPaths>

Q_IMPORT_QML_PLUGIN(Attache_AppPlugin)
Q_IMPORT_QML_PLUGIN(AttachePlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Attache"));
    QGuiApplication::setApplicationName(QStringLiteral("attache"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Attaché"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Attaché: missions abroad, offline first."));
    parser.addHelpOption();
    const QCommandLineOption selfTest(
        QStringLiteral("self-test"), QStringLiteral("Load every QML file, then quit."));
    const QCommandLineOption dataDir(QStringLiteral("data"),
        QStringLiteral("Directory of the local store (default: the user's data directory)."),
        QStringLiteral("dir"));
    const QCommandLineOption demo(
        QStringLiteral("demo"), QStringLiteral("Fill an empty store with the demo department."));
    const QCommandLineOption language(
        QStringLiteral("language"), QStringLiteral("vi or en."), QStringLiteral("code"));
    const QCommandLineOption server(QStringLiteral("server"),
        QStringLiteral("Department server to offer when signing in, until one is chosen."),
        QStringLiteral("url"));
    parser.addOptions({selfTest, dataDir, demo, language, server});
    parser.process(app);

    QString dir = parser.value(dataDir);
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const bool testing = parser.isSet(selfTest);

    QSettings settings;
    Preferences preferences(testing ? nullptr : &settings);
    if (parser.isSet(language))
        preferences.setLanguage(parser.value(language));
    Backend backend(dir + QStringLiteral("/attache.db"));
    backend.open(parser.isSet(demo));
    if (!testing && parser.isSet(server)
        && settings.value(QStringLiteral("sync/serverUrl")).toString().isEmpty())
        settings.setValue(QStringLiteral("sync/serverUrl"), parser.value(server));
    SyncController sync(&backend, testing ? nullptr : &settings);
    sync.setAutomatic(!testing);
    // A device already signed in (an install older than the first-start screen) is set up.
    QObject::connect(&sync, &SyncController::stateChanged, &preferences, [&]() {
        if (sync.signedIn())
            preferences.setSetupDone(true);
    });

    QQuickStyle::setStyle(QStringLiteral("Universal"));
    exposeToQml(&backend, &preferences, &sync);
    QQmlApplicationEngine engine;
    preferences.setEngine(&engine);
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));

    if (testing)
        return runSelfTest(engine) ? 0 : 1;

    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Attache/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        qCCritical(lcApp) << "the interface could not be loaded";
        return 1;
    }
    return QGuiApplication::exec();
}
