// Qt Quick Test runner for tests/app/qml/tst_*.qml: each file runs in its own process (one CTest
// entry each) on a fresh demo store, with the same services main() builds.
#include "backend.h"
#include "preferences.h"
#include "singletons.h"
#include "synccontroller.h"

#include <QQmlEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(Attache_AppPlugin)
Q_IMPORT_QML_PLUGIN(AttachePlugin)

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        qputenv("TZ", "UTC");
        QQuickStyle::setStyle(QStringLiteral("Universal"));
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        m_prefs = std::make_unique<Preferences>(nullptr, nullptr, true);
        m_prefs->setLanguage(QStringLiteral("en"));
        m_prefs->setEngine(engine);
        m_backend = std::make_unique<Backend>(m_dir.filePath(QStringLiteral("attache.db")));
        m_backend->open(true);
        m_sync = std::make_unique<SyncController>(m_backend.get(), nullptr);
        m_sync->setAutomatic(false);
        exposeToQml(m_backend.get(), m_prefs.get(), m_sync.get());
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }

    void cleanupTestCase()
    {
        m_sync.reset();
        m_backend.reset();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Preferences> m_prefs;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<SyncController> m_sync;
};

QUICK_TEST_MAIN_WITH_SETUP(attache_qml, Setup)
#include "tst_qml.moc"
