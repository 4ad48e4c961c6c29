#pragma once

#include "store.h"
#include <QtCore/qfloat16.h> // complete before nlohmann::json meets QCOMPARE

#include <QTemporaryDir>
#include <QTest>

#include <memory>

/// A store in a fresh temporary directory, with a wall clock the test controls.
struct StoreFixture
{
    QTemporaryDir dir;
    std::int64_t wallMs = 1'767'225'600'000; // 2026-01-01T00:00:00Z
    std::unique_ptr<attache::Store> store;

    std::string path() const { return dir.filePath(QStringLiteral("attache.db")).toStdString(); }

    attache::StoreOptions options()
    {
        attache::StoreOptions o;
        o.clock = [this] { return wallMs; };
        return o;
    }

    bool open()
    {
        store.reset();
        auto s = attache::Store::open(path(), options());
        if (!s) {
            qWarning("open failed: %s", s.error().message.c_str());
            return false;
        }
        store = std::move(*s);
        return true;
    }

    /// Creates a record or fails the test.
    attache::Record add(const char *kind, const nlohmann::json &fields)
    {
        auto r = store->create(kind, fields);
        if (!r)
            qFatal("create %s failed: %s (%s)", kind, r.error().message.c_str(),
                r.error().field.c_str());
        return *r;
    }
};

#define REQUIRE_OK(expr)                                                                           \
    do {                                                                                           \
        const auto &r_ = (expr);                                                                   \
        if (!r_.ok())                                                                              \
            QFAIL(("unexpected error: " + r_.error().message).c_str());                            \
    } while (false)

#define REQUIRE_ERROR(expr, expectedCode)                                                          \
    do {                                                                                           \
        const auto &r_ = (expr);                                                                   \
        QVERIFY2(!r_.ok(), "expected an error");                                                   \
        QCOMPARE(r_.error().code, std::string(expectedCode));                                      \
        QVERIFY(!r_.error().message.empty());                                                      \
    } while (false)
