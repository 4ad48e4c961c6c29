#include "testserver.h"

#include "uuid.h"

#include <httplib.h>

#include <QDeadlineTimer>
#include <QProcessEnvironment>

#include <chrono>
#include <thread>

namespace attache::test {

namespace {

std::string pgUrl()
{
    return qEnvironmentVariable("ATTACHE_TEST_PG_URL").toStdString();
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

const char *backendName(Backend backend)
{
    return backend == Backend::Sqlite ? "sqlite" : "postgres";
}

bool postgresAvailable()
{
    return !pgUrl().empty();
}

TestServer::TestServer(Backend backend)
    : m_backend(backend)
{
    if (m_backend == Backend::Postgres)
        m_schema = "attache_t_" + randomHex(8);
}

TestServer::~TestServer()
{
    stop();
}

QString TestServer::serverBinary()
{
    const QString fromEnv = qEnvironmentVariable("ATTACHE_SERVER_BIN");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStringLiteral(ATTACHE_SERVER_BIN);
}

QStringList TestServer::storageArgs() const
{
    if (m_backend == Backend::Postgres)
        return {"--database", q(pgUrl()), "--schema", q(m_schema)};
    return {"--data-dir", m_dir.path() + "/data"};
}

std::string TestServer::baseUrl() const
{
    return "http://127.0.0.1:" + std::to_string(m_port);
}

bool TestServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

std::string TestServer::log()
{
    if (m_process)
        m_log += m_process->readAllStandardError().toStdString();
    return m_log;
}

Result<void> TestServer::start(const QStringList &extraArgs)
{
    if (m_backend == Backend::Postgres && pgUrl().empty())
        return makeError("no_postgres", "ATTACHE_TEST_PG_URL is not set");
    if (!m_dir.isValid())
        return makeError("tmp", "cannot create a temporary directory");
    stop();
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(serverBinary());
    m_process->setArguments(storageArgs() + QStringList {"--listen", "127.0.0.1:0"} + extraArgs);
    m_process->start();
    if (!m_process->waitForStarted(10000))
        return makeError("start", "cannot start " + serverBinary().toStdString());

    // The server prints "attache-server: listening on http://127.0.0.1:<port>" once bound.
    QDeadlineTimer deadline(20000);
    QByteArray out;
    m_port = 0;
    while (m_port == 0 && !deadline.hasExpired()) {
        if (!m_process->canReadLine()
            && !m_process->waitForReadyRead(int(deadline.remainingTime()))) {
            if (m_process->state() != QProcess::Running)
                break;
            continue;
        }
        while (m_process->canReadLine()) {
            const QByteArray line = m_process->readLine();
            const int at = line.indexOf("listening on http://127.0.0.1:");
            if (at >= 0)
                m_port = line.mid(at + int(strlen("listening on http://127.0.0.1:")))
                             .trimmed()
                             .toInt();
        }
    }
    if (m_port == 0)
        return makeError("start", "attache-server did not start: " + log());

    // The socket listens before the line is printed; GET /status proves requests are served.
    httplib::Client client("127.0.0.1", m_port);
    client.set_connection_timeout(2);
    while (!deadline.hasExpired()) {
        if (auto res = client.Get("/api/v1/status"); res && res->status == 200)
            return {};
        if (m_process->state() != QProcess::Running)
            break;
        m_process->waitForFinished(50); // returns early only if the server died
    }
    return makeError("start", "attache-server does not answer /api/v1/status: " + log());
}

void TestServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
    log();
    // Sanitizer reports of the server process would otherwise stay in its captured stderr.
    if (m_log.find("Sanitizer") != std::string::npos
        || m_log.find("runtime error:") != std::string::npos)
        qWarning("attache-server reported:\n%s", m_log.c_str());
    m_process.reset();
    m_port = 0;
}

AdminRun TestServer::admin(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.setProgram(serverBinary());
    p.setArguments(QStringList {"admin"} + storageArgs() + args);
    p.start();
    if (p.waitForStarted(30000)) {
        p.write(input);
        p.closeWriteChannel();
    }
    AdminRun run;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        run.err = "admin command timed out";
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = p.readAllStandardOutput().trimmed().toStdString();
    run.err = p.readAllStandardError().toStdString();
    return run;
}

Result<std::string> TestServer::adminId(const QStringList &args)
{
    const AdminRun run = admin(args);
    if (run.exitCode != 0)
        return makeError("admin", "admin " + args.join(' ').toStdString() + " failed: " + run.err);
    // The id is the last line printed.
    const auto nl = run.out.rfind('\n');
    return nl == std::string::npos ? run.out : run.out.substr(nl + 1);
}

Result<std::string> TestServer::createOrg(const std::string &name)
{
    return adminId({"create-org", "--name", q(name)});
}

Result<std::string> TestServer::createUser(const std::string &orgId, const std::string &username,
    const std::string &password, const std::string &role, const std::string &fullName)
{
    return adminId({"create-user", "--org", q(orgId), "--username", q(username), "--password",
        q(password), "--role", q(role), "--full-name", q(fullName.empty() ? username : fullName)});
}

Result<std::string> TestServer::createMission(const std::string &orgId, const std::string &title,
    const std::string &leaderId, const std::vector<std::string> &memberIds,
    const std::string &startDate, const std::string &endDate)
{
    QStringList args {"create-mission", "--org", q(orgId), "--title", q(title), "--start",
        q(startDate), "--end", q(endDate)};
    if (!leaderId.empty())
        args << "--leader" << q(leaderId);
    for (const auto &m : memberIds)
        args << "--member" << q(m);
    return adminId(args);
}

Result<void> TestServer::addMember(const std::string &missionId, const std::string &userId)
{
    if (auto r = adminId({"add-member", "--mission", q(missionId), "--user", q(userId)}); !r)
        return r.error();
    return {};
}

Result<void> TestServer::removeMember(const std::string &missionId, const std::string &userId)
{
    if (auto r = adminId({"remove-member", "--mission", q(missionId), "--user", q(userId)}); !r)
        return r.error();
    return {};
}

Result<void> TestServer::revokeDevice(const std::string &deviceId)
{
    if (auto r = adminId({"revoke-device", "--device", q(deviceId)}); !r)
        return r.error();
    return {};
}

Result<void> TestServer::loadDemo()
{
    if (auto r = adminId({"load-demo"}); !r)
        return r.error();
    return {};
}

} // namespace attache::test
