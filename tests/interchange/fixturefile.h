#pragma once

#include <QFile>
#include <QTest>

#include <string>

/// The bytes of a fixture under tests/interchange/data, or a failed test.
inline std::string fixture(const char *name)
{
    QFile f(QStringLiteral(ATTACHE_INTERCHANGE_DATA "/") + QString::fromUtf8(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    const QByteArray bytes = f.readAll();
    return std::string(bytes.constData(), size_t(bytes.size()));
}

inline bool containsText(const std::vector<std::string> &list, const std::string &part)
{
    for (const auto &s : list) {
        if (s.find(part) != std::string::npos)
            return true;
    }
    return false;
}
