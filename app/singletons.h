#pragma once

#include "backend.h"
#include "preferences.h"
#include "synccontroller.h"

#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

/// Exposes the long-lived services main() builds to QML as singletons (the KDE Itinerary
/// pattern): QML gets the very instance main() wired up, owned by C++.
struct BackendForeign
{
    Q_GADGET
    QML_FOREIGN(Backend)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Backend)
public:
    static Backend *create(QQmlEngine *, QJSEngine *)
    {
        QQmlEngine::setObjectOwnership(s_instance, QQmlEngine::CppOwnership);
        return s_instance;
    }
    static inline Backend *s_instance = nullptr;
};

struct PreferencesForeign
{
    Q_GADGET
    QML_FOREIGN(Preferences)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Preferences)
public:
    static Preferences *create(QQmlEngine *, QJSEngine *)
    {
        QQmlEngine::setObjectOwnership(s_instance, QQmlEngine::CppOwnership);
        return s_instance;
    }
    static inline Preferences *s_instance = nullptr;
};

struct SyncForeign
{
    Q_GADGET
    QML_FOREIGN(SyncController)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Sync)
public:
    static SyncController *create(QQmlEngine *, QJSEngine *)
    {
        QQmlEngine::setObjectOwnership(s_instance, QQmlEngine::CppOwnership);
        return s_instance;
    }
    static inline SyncController *s_instance = nullptr;
};

/// Hands the services to QML; call before the engine loads anything.
inline void exposeToQml(Backend *backend, Preferences *preferences, SyncController *sync)
{
    BackendForeign::s_instance = backend;
    PreferencesForeign::s_instance = preferences;
    SyncForeign::s_instance = sync;
}
