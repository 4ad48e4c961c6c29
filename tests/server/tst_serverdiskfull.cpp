// The server's disk fills up while devices push: a real full disk, a small tmpfs mounted in a
// user and mount namespace of the server's own (unshare(1); the test skips, saying why, where
// the machine does not allow unprivileged namespaces). The push must be refused with 507
// storage_full and store nothing, the server must keep serving, and once space is freed the
// same batch, sent again as devices do, must be stored whole. SQLite only: PostgreSQL keeps its
// files in a cluster this test cannot put on a small disk (its disk_full maps to the same code).
#include "fixture.h"

#include <QProcess>
#include <QTemporaryDir>

#include <filesystem>

using namespace attache::test;
using nlohmann::json;

namespace {

// Runs in the new namespaces, as root of its own user namespace: mounts a 24 MiB tmpfs over
// $1, copies the data directory $2 onto it, fills what is left but 1 MiB with a file the test
// deletes later, prints that file's path, then becomes the server ($3) on the tmpfs.
constexpr const char *kScript = R"SH(
set -e
mount -t tmpfs -o size=24m attache-full "$1"
cp -a "$2" "$1/data"
dd if=/dev/zero of="$1/filler" bs=64k status=none 2>/dev/null || true
truncate -s -1M "$1/filler"
echo "filler $1/filler"
exec "$3" --data-dir "$1/data" --listen 127.0.0.1:0
)SH";

} // namespace

class TestServerDiskFull : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_fixture;
    QTemporaryDir m_mountPoint;
    QProcess m_server;
    int m_port = 0;
    std::string m_filler; ///< its path inside the server's mount namespace
    std::string m_org, m_hanh, m_mission;

    /// The filler as this process reaches it: through the server's root directory.
    std::string fillerHere() const
    {
        return "/proc/" + std::to_string(m_server.processId()) + "/root" + m_filler;
    }

    /// Every change a fresh device of hanh's pulls.
    json everything()
    {
        ApiClient c("127.0.0.1", m_port);
        const Reply r = c.login("hanh", World::kPassword, "full_reader_" + attache::randomHex(3));
        if (r.status != 200)
            return json(r.raw);
        std::int64_t cursor = 0;
        return c.pullAll(cursor);
    }

private slots:
    void initTestCase()
    {
        if (backendUnderTest() == Backend::Postgres)
            QSKIP("a full disk is made here with a tmpfs under SQLite's data directory");
        QProcess probe;
        probe.start("unshare", {"-Urm", "true"});
        if (!probe.waitForFinished(10000) || probe.exitStatus() != QProcess::NormalExit
            || probe.exitCode() != 0)
            QSKIP(qPrintable("this machine does not allow a user and mount namespace "
                             "(unshare -Urm): "
                + QString::fromLocal8Bit(probe.readAllStandardError()).trimmed()));

        m_fixture = std::make_unique<TestServer>(Backend::Sqlite);
        auto org = m_fixture->createOrg("Sở Ngoại vụ");
        QVERIFY2(org.ok(), org.ok() ? "" : org.error().message.c_str());
        m_org = *org;
        auto hanh = m_fixture->createUser(m_org, "hanh", World::kPassword, "member");
        QVERIFY(hanh.ok());
        m_hanh = *hanh;
        auto mission = m_fixture->createMission(m_org, "Nhật Bản", m_hanh, {});
        QVERIFY(mission.ok());
        m_mission = *mission;

        const QStringList storage = m_fixture->storageArgs();
        QCOMPARE(storage.value(0), "--data-dir");
        QVERIFY(m_mountPoint.isValid());
        m_server.setProcessChannelMode(QProcess::MergedChannels); // its log, then "listening"
        m_server.start("unshare",
            {"-Urm", "sh", "-c", kScript, "sh", m_mountPoint.path(), storage.value(1),
                TestServer::serverBinary()});
        QVERIFY(m_server.waitForStarted());
        QDeadlineTimer deadline(30000);
        QByteArray out;
        while (m_port == 0 && !deadline.hasExpired()
            && m_server.waitForReadyRead(int(deadline.remainingTime()))) {
            out += m_server.readAllStandardOutput();
            for (const QByteArray &line : out.split('\n')) {
                if (line.startsWith("filler "))
                    m_filler = line.mid(7).toStdString();
                if (line.contains("listening on"))
                    m_port = line.mid(line.lastIndexOf(':') + 1).trimmed().toInt();
            }
        }
        QVERIFY2(m_port > 0 && !m_filler.empty(), out.constData());
        QVERIFY2(std::filesystem::exists(fillerHere()), fillerHere().c_str());
    }

    void cleanupTestCase()
    {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.kill();
            m_server.waitForFinished();
        }
    }

    void fullDisk_pushRefusedWith507_nothingStored_sameBatchStoredOnceSpaceIsFreed()
    {
        ApiClient device("127.0.0.1", m_port);
        const Reply login = device.login("hanh", World::kPassword, "full_phone");
        QVERIFY2(login.status == 200, login.raw.c_str());

        // 16 contacts with 200 KB of notes each: over 3 MB to store (record and audit trail),
        // where 1 MB is left.
        std::vector<std::string> ids;
        json changes = json::array();
        const std::string notes(200 * 1024, 'n');
        for (int i = 0; i < 16; ++i) {
            ids.push_back(attache::makeUuidV7());
            json c = contactChange(ids.back(), m_mission, "Đối tác " + std::to_string(i),
                stamp(0, "fullphone", std::uint32_t(i)));
            c["fields"]["notes"] = fieldAt(notes, stamp(0, "fullphone", std::uint32_t(i)));
            changes.push_back(c);
        }
        const Reply refused = device.push("full-1", changes);
        QVERIFY2(refused.status == 507, refused.raw.substr(0, 500).c_str());
        QVERIFY(refused.isJsonError());
        QCOMPARE(refused.code(), "storage_full");
        QVERIFY(
            refused.body["message"].get<std::string>().find("disk is full") != std::string::npos);

        // The server keeps serving, and holds nothing of the refused batch.
        const Reply status = device.get("/api/v1/status");
        QCOMPARE(status.status, 200);
        std::int64_t cursor = 0;
        const json before = device.pullAll(cursor);
        QVERIFY2(before.is_array(), before.dump().c_str());
        QVERIFY(!findChange(before, m_mission).is_null());
        for (const auto &id : ids)
            QVERIFY2(findChange(before, id).is_null(), id.c_str());

        // The administrator frees space; the device sends the same batch again.
        QVERIFY(std::filesystem::remove(fillerHere()));
        const Reply stored = device.push("full-1", changes);
        QVERIFY2(stored.status == 200, stored.raw.substr(0, 500).c_str());
        QCOMPARE(stored.body["applied"].get<int>(), int(ids.size()));
        const json after = everything();
        QVERIFY2(after.is_array(), after.dump().substr(0, 500).c_str());
        for (const auto &id : ids) {
            const json c = findChange(after, id);
            QVERIFY2(!c.is_null(), id.c_str());
            QCOMPARE(c["fields"]["notes"]["value"].get<std::string>().size(), notes.size());
        }
        // And its cause is in the server's log, for the administrator.
        QByteArray log;
        QDeadlineTimer deadline(10000);
        while (!log.contains("disk is full") && !deadline.hasExpired()
            && m_server.waitForReadyRead(int(deadline.remainingTime())))
            log += m_server.readAllStandardOutput();
        log += m_server.readAllStandardOutput();
        QVERIFY2(log.contains("request failed: SQLite") && log.contains("disk is full"),
            log.constData());
    }
};

QTEST_GUILESS_MAIN(TestServerDiskFull)
#include "tst_serverdiskfull.moc"
