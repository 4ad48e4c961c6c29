#pragma once

#include "result.h"

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <string>
#include <vector>

namespace attache::test {

/// Which storage backend a TestServer runs on.
enum class Backend {
    Sqlite, ///< a fresh data directory in a QTemporaryDir
    Postgres, ///< the cluster in ATTACHE_TEST_PG_URL, in a fresh schema of its own
};

/// "sqlite" / "postgres", for data-driven test rows.
const char *backendName(Backend backend);

/// True when ATTACHE_TEST_PG_URL is set (scripts/with-postgres and scripts/test set it). PG
/// tests QSKIP only when this is false.
bool postgresAvailable();

/// The output of one `attache-server admin …` run.
struct AdminRun
{
    int exitCode = -1;
    std::string out; ///< stdout, trimmed (commands that create something print its id)
    std::string err; ///< stderr
};

/// A REAL attache-server process on 127.0.0.1, on a port the OS chose, for tests over HTTP.
///
/// Each instance owns its own database: a temporary SQLite data directory, or a fresh PostgreSQL
/// schema (named attache_t_<random>) in the cluster from ATTACHE_TEST_PG_URL, so tests never see
/// each other's data. Fixtures are made with the real admin command, exactly as a department's
/// IT staff would. The process is killed and its data removed on destruction.
///
///     attache::test::TestServer server(attache::test::Backend::Sqlite);
///     auto started = server.start();
///     QVERIFY2(started.ok(), started.error().message.c_str());
///     auto org = server.createOrg("Sở Ngoại vụ Hà Tĩnh");
///     auto hanh = server.createUser(*org, "hanh", "pass-word-1", "member", "Trần Thị Hạnh");
///     auto mission = server.createMission(*org, "Nhật Bản", *hanh, {});
///     // … then talk HTTP to server.baseUrl() ("http://127.0.0.1:<port>")
///
/// The server binary is found from the ATTACHE_SERVER_BIN environment variable, else the path
/// baked in at build time (the attache-server target of the same build tree).
class TestServer
{
public:
    explicit TestServer(Backend backend = Backend::Sqlite);
    ~TestServer();
    TestServer(const TestServer &) = delete;
    TestServer &operator=(const TestServer &) = delete;

    /// Starts the server and waits (up to 20 s) until GET /api/v1/status answers.
    /// `extraArgs` are appended to the command line (e.g. {"--threads", "4"}).
    Result<void> start(const QStringList &extraArgs = {});
    /// Kills the process (SIGKILL: the server must survive that) and waits for it to exit.
    /// The data stays, so start() again brings the same data back on a new port.
    void stop();
    bool isRunning() const;

    Backend backend() const { return m_backend; }
    int port() const { return m_port; }
    /// The server process's id (0 when it is not running), to read its memory use from /proc.
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    std::string host() const { return "127.0.0.1"; }
    /// "http://127.0.0.1:<port>", no trailing slash.
    std::string baseUrl() const;
    /// The storage arguments the server runs with ({"--data-dir", dir} or {"--database", url,
    /// "--schema", name}); a second server on the same arguments shares the data.
    QStringList storageArgs() const;
    /// Everything the server printed on stderr so far (its log), for failure messages.
    std::string log();

    /// Runs `attache-server admin <storage args> <args>` to completion (30 s at most).
    /// `input` is written to the command's standard input (then closed).
    AdminRun admin(const QStringList &args, const QByteArray &input = {});

    // Fixtures. Each returns the new record's id (a UUID) or the admin command's error.
    Result<std::string> createOrg(const std::string &name);
    Result<std::string> createUser(const std::string &orgId, const std::string &username,
        const std::string &password, const std::string &role, const std::string &fullName = {});
    /// A mission of `orgId` led by `leaderId` with `memberIds` as members; dates are fixed
    /// (2026-03-09 to 2026-03-15) unless given.
    Result<std::string> createMission(const std::string &orgId, const std::string &title,
        const std::string &leaderId, const std::vector<std::string> &memberIds,
        const std::string &startDate = "2026-03-09", const std::string &endDate = "2026-03-15");
    Result<void> addMember(const std::string &missionId, const std::string &userId);
    Result<void> removeMember(const std::string &missionId, const std::string &userId);
    /// Reports a device lost: its token stops working at once.
    Result<void> revokeDevice(const std::string &deviceId);
    /// Loads the demo organisation (users "hanh"/"son"/… with password "demo-password").
    Result<void> loadDemo();

    /// The path of the attache-server binary this helper runs.
    static QString serverBinary();

private:
    Result<std::string> adminId(const QStringList &args);

    Backend m_backend;
    QTemporaryDir m_dir;
    std::string m_schema; // Postgres only
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    std::string m_log;
};

} // namespace attache::test
