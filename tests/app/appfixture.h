#pragma once

#include "backend.h"
#include "preferences.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

/// A Backend on a fresh store in a temporary directory, optionally filled with the demo
/// department, opened and ready.
struct AppFixture
{
    QTemporaryDir dir;
    Preferences prefs;
    std::unique_ptr<Backend> backend;

    explicit AppFixture(bool demo = true)
        : backend(std::make_unique<Backend>(dir.filePath(QStringLiteral("attache.db"))))
    {
        // Messages are checked in English; the Vietnamese ones are checked where it matters.
        prefs.setLanguage(QStringLiteral("en"));
        backend->open(demo);
    }
    bool waitReady()
    {
        return QTest::qWaitFor([this] { return backend->isReady(); }, 10000);
    }
};
