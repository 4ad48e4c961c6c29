// The server's disk fills up while devices push: a real full disk, a small tmpfs mounted in a
// user and mount namespace of the server's own (unshare(1); the test skips, saying why, where
// the machine does not allow unprivileged namespaces). The push must be refused with 507
// storage_full and store nothing, the server must keep serving, and once space is freed the
// same batch, sent again as devices do, must be stored whole. SQLite only: PostgreSQL keeps its
// files in a cluster this test cannot put on a small disk (its disk_full maps to the same code).
#include "fixture.h"

#include "fulldiskserver.h"

using namespace attache::test;
using nlohmann::json;

class TestServerDiskFull : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_fixture;
    FullDiskServer m_server;
    std::string m_org, m_hanh, m_mission;

    /// Every change a fresh device of hanh's pulls.
    json everything()
    {
        ApiClient c("127.0.0.1", m_server.port());
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
        if (const QString why = FullDiskServer::unavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));

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
        const std::string failed = m_server.start(storage.value(1));
        QVERIFY2(failed.empty(), failed.c_str());
    }

    // Filled to the last byte before the server's first write, SQLite fails it as an I/O error
    // rather than "disk full" (a file cannot grow): that too is storage_full, for sign-in as for
    // pushes, and the server serves as before once space is freed. (First: once the write-ahead
    // log has grown, a sign-in fits in its space even on a full disk.)
    void diskFilledToTheLastByte_signInRefusedWith507_signsInOnceSpaceIsFreed()
    {
        QVERIFY(m_server.fillUp());
        ApiClient device("127.0.0.1", m_server.port());
        const Reply refused = device.login("hanh", World::kPassword, "full_tablet");
        QVERIFY2(refused.status == 507, refused.raw.substr(0, 500).c_str());
        QCOMPARE(refused.code(), "storage_full");

        QVERIFY(m_server.freeSpace());
        const Reply login = device.login("hanh", World::kPassword, "full_tablet");
        QVERIFY2(login.status == 200, login.raw.c_str());
        std::int64_t cursor = 0;
        QVERIFY(!findChange(device.pullAll(cursor), m_mission).is_null());
        QVERIFY(m_server.fillUp(1)); // as the next test expects: 1 MB left
    }
    void fullDisk_pushRefusedWith507_nothingStored_sameBatchStoredOnceSpaceIsFreed()
    {
        ApiClient device("127.0.0.1", m_server.port());
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
        QVERIFY(m_server.freeSpace());
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
        const QByteArray log = m_server.logUntil("disk is full");
        QVERIFY2(log.contains("request failed: SQLite") && log.contains("disk is full"),
            log.constData());
    }
};

QTEST_GUILESS_MAIN(TestServerDiskFull)
#include "tst_serverdiskfull.moc"
