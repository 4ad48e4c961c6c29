#pragma once

#include "interchange/notice.h"

#include <QFile>
#include <QTest>

#include <algorithm>
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

inline bool containsNotice(
    const std::vector<attache::interchange::Notice> &list, const attache::interchange::Notice &n)
{
    return std::find(list.begin(), list.end(), n) != list.end();
}

namespace attache::interchange {

/// QCOMPARE prints a notice as its code and English text.
inline char *toString(const Notice &n)
{
    return qstrdup(("notice " + std::to_string(int(n.code)) + ": " + noticeText(n)).c_str());
}

} // namespace attache::interchange
