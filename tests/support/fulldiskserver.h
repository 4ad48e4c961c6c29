#pragma once

#include "testserver.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <filesystem>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace attache::test {

/// attache-server on a real full disk: a copy of an SQLite data directory on a 24 MiB tmpfs
/// mounted in a user and mount namespace of the server's own (unshare(1)), filled but `freeMiB`
/// with a file that freeSpace() removes, as an administrator would.
class FullDiskServer
{
public:
    ~FullDiskServer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    /// Why this machine cannot make one (no unprivileged user and mount namespaces, or no tmpfs
    /// mounts in them), or empty.
    static QString unavailable()
    {
        QTemporaryDir dir;
        QProcess probe;
        probe.setProcessChannelMode(QProcess::MergedChannels);
        probe.start(QStringLiteral("unshare"),
            {QStringLiteral("-Urm"), QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("mount -t tmpfs -o size=1m attache-probe \"$1\""),
                QStringLiteral("sh"), dir.path()});
        if (dir.isValid() && probe.waitForFinished(10000)
            && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0)
            return {};
        return QStringLiteral("this machine does not allow a tmpfs in a user and mount namespace "
                              "(unshare -Urm): ")
            + QString::fromLocal8Bit(probe.readAll()).trimmed();
    }

    /// Starts the server on a copy of `dataDir`; empty on success, else what failed.
    std::string start(const QString &dataDir, int freeMiB = 1)
    {
        if (!m_mountPoint.isValid())
            return "no temporary directory";
        // Runs in the new namespaces, as root of its own user namespace.
        static constexpr const char *kScript = R"SH(
set -e
mount -t tmpfs -o size=24m attache-full "$1"
cp -a "$2" "$1/data"
dd if=/dev/zero of="$1/filler" bs=64k status=none 2>/dev/null || true
truncate -s "-$3M" "$1/filler"
echo "filler $1/filler"
exec "$4" --data-dir "$1/data" --listen 127.0.0.1:0
)SH";
        m_process.setProcessChannelMode(QProcess::MergedChannels); // its log, then "listening"
        m_process.start(QStringLiteral("unshare"),
            {QStringLiteral("-Urm"), QStringLiteral("sh"), QStringLiteral("-c"),
                QString::fromLatin1(kScript), QStringLiteral("sh"), m_mountPoint.path(), dataDir,
                QString::number(freeMiB), TestServer::serverBinary()});
        if (!m_process.waitForStarted())
            return "cannot start unshare";
        QDeadlineTimer deadline(30000);
        while (m_port == 0 && !deadline.hasExpired()
            && m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            m_log += m_process.readAllStandardOutput();
            for (const QByteArray &line : m_log.split('\n')) {
                if (line.startsWith("filler "))
                    m_filler = line.mid(7).toStdString();
                if (line.contains("listening on"))
                    m_port = line.mid(line.lastIndexOf(':') + 1).trimmed().toInt();
            }
        }
        if (m_port == 0 || m_filler.empty())
            return "the server did not start on the full disk: " + m_log.toStdString();
        if (!std::filesystem::exists(fillerHere()))
            return "cannot reach " + fillerHere();
        return {};
    }

    int port() const { return m_port; }
    std::string baseUrl() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    /// Removes the file that fills the disk.
    bool freeSpace() { return std::filesystem::remove(fillerHere()); }
    /// Grows the filler (again, after freeSpace()) until the disk has no byte left but
    /// `leaveMiB`; false if it could not be opened.
    bool fillUp(int leaveMiB = 0)
    {
        const int fd
            = ::open(fillerHere().c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0)
            return false;
        static constexpr char kZeros[4096] {};
        while (::write(fd, kZeros, sizeof kZeros) > 0) { }
        const off_t size = ::lseek(fd, 0, SEEK_END);
        const bool ok
            = size >= 0 && ::ftruncate(fd, std::max<off_t>(0, size - (off_t(leaveMiB) << 20))) == 0;
        ::close(fd);
        return ok;
    }
    /// The server's log so far, reading on (up to 10 s) until it holds `until`.
    QByteArray logUntil(const QByteArray &until)
    {
        QDeadlineTimer deadline(10000);
        while (!m_log.contains(until) && !deadline.hasExpired()
            && m_process.waitForReadyRead(int(deadline.remainingTime())))
            m_log += m_process.readAllStandardOutput();
        m_log += m_process.readAllStandardOutput();
        return m_log;
    }

private:
    /// The filler as this process reaches it: through the server's root directory.
    std::string fillerHere() const
    {
        return "/proc/" + std::to_string(m_process.processId()) + "/root" + m_filler;
    }

    QTemporaryDir m_mountPoint;
    QProcess m_process;
    QByteArray m_log;
    int m_port = 0;
    std::string m_filler; ///< its path inside the server's mount namespace
};

} // namespace attache::test
