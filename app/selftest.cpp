#include "selftest.h"

#include "logging.h"

#include <QDirIterator>
#include <QFile>
#include <QQmlComponent>
#include <QQmlEngine>

#include <memory>

bool runSelfTest(QQmlEngine &engine)
{
    int warnings = 0;
    QObject::connect(
        &engine, &QQmlEngine::warnings, &engine, [&warnings](const QList<QQmlError> &list) {
            for (const auto &e : list)
                qCWarning(lcApp).noquote() << "self-test:" << e.toString();
            warnings += int(list.size());
        });
    int files = 0;
    bool ok = true;
    QDirIterator it(QStringLiteral(":/qt/qml/Attache"), {QStringLiteral("*.qml")}, QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        // Singletons are built by the engine on first use, never through a QQmlComponent.
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains("pragma Singleton"))
            continue;
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc") + path));
        if (!component.isReady()) {
            qCCritical(lcApp).noquote() << "self-test:" << component.errorString();
            ok = false;
        }
        ++files;
    }
    // Then the whole interface, as the app starts it.
    QQmlComponent main(&engine, QUrl(QStringLiteral("qrc:/qt/qml/Attache/Main.qml")));
    std::unique_ptr<QObject> window(main.create());
    if (!window) {
        qCCritical(lcApp).noquote() << "self-test:" << main.errorString();
        ok = false;
    }
    qCInfo(lcApp) << "self-test:" << files << "QML files compiled," << warnings << "warnings";
    return ok && files > 0 && warnings == 0;
}
