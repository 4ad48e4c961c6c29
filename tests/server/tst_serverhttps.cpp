// The real attache-server serving HTTPS from --cert/--key: a throw-away self-signed certificate
// (made with the openssl command), sign-in, push and pull over TLS with the certificate as the
// only trusted CA, refusal by a client that does not trust it, and clear start-up failures for
// missing or unusable certificate files. With the sync engine built, the real client (libcurl
// with SyncConfig::caFile) signs in and syncs over HTTPS too. Runs once per storage backend.
#include "fixture.h"

#ifdef ATTACHE_TEST_WITH_SYNC
#include "syncengine.h"
#endif

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace attache::test;
using nlohmann::json;

namespace {

/// Runs a command to completion; empty on success, else what went wrong.
std::string run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return "cannot start " + program.toStdString();
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return program.toStdString() + " failed: " + p.readAllStandardError().toStdString();
    return {};
}

/// An attache-server process started with extra arguments; reads the address it prints.
struct ServerProcess
{
    QProcess proc;
    int port = 0;
    std::string scheme;

    ~ServerProcess()
    {
        if (proc.state() != QProcess::NotRunning) {
            proc.kill();
            proc.waitForFinished(10000);
        }
    }

    /// Waits for "listening on <scheme>://127.0.0.1:<port>" or the process's end.
    bool start(const QStringList &args)
    {
        proc.setProgram(TestServer::serverBinary());
        proc.setArguments(args);
        proc.start();
        if (!proc.waitForStarted(10000))
            return false;
        QDeadlineTimer deadline(20000);
        while (port == 0 && !deadline.hasExpired()) {
            if (!proc.canReadLine() && !proc.waitForReadyRead(int(deadline.remainingTime()))) {
                if (proc.state() != QProcess::Running)
                    return false;
                continue;
            }
            while (proc.canReadLine()) {
                const QByteArray line = proc.readLine().trimmed();
                const int at = line.indexOf("listening on ");
                if (at < 0)
                    continue;
                const QByteArray url = line.mid(at + 13);
                scheme = url.left(url.indexOf(':')).toStdString();
                port = url.mid(url.lastIndexOf(':') + 1).toInt();
            }
        }
        return port > 0;
    }
};

} // namespace

class TestServerHttps : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_fixture; // storage and admin commands; never started
    ServerProcess m_https;
    std::string m_org, m_hanh, m_mission;
    QString cert() const { return m_dir.filePath("cert.pem"); }
    QString key() const { return m_dir.filePath("key.pem"); }

    /// An HTTPS client that trusts only the throw-away certificate.
    std::unique_ptr<httplib::SSLClient> trustingClient() const
    {
        auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", m_https.port);
        c->set_ca_cert_path(cert().toStdString().c_str());
        c->enable_server_certificate_verification(true);
        c->set_read_timeout(30);
        return c;
    }

private slots:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        if (backendUnderTest() == Backend::Postgres && !postgresAvailable())
            QSKIP("ATTACHE_TEST_PG_URL is not set (run under scripts/with-postgres)");
        QVERIFY(m_dir.isValid());
        const QString openssl = QStandardPaths::findExecutable("openssl");
        QVERIFY2(
            !openssl.isEmpty(), "the openssl command is missing (scripts/install-deps --test)");
        // Valid for two days, for the address the server listens on.
        const std::string made = run(openssl,
            {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key(), "-out", cert(), "-days", "2", "-subj", "/CN=attache-test",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"});
        QVERIFY2(made.empty(), made.c_str());

        m_fixture = std::make_unique<TestServer>(backendUnderTest());
        auto org = m_fixture->createOrg("Sở Ngoại vụ HTTPS");
        QVERIFY2(org.ok(), org.ok() ? "" : org.error().message.c_str());
        m_org = *org;
        auto hanh = m_fixture->createUser(m_org, "hanh", World::kPassword, "member");
        QVERIFY(hanh.ok());
        m_hanh = *hanh;
        auto mission = m_fixture->createMission(m_org, "Nhật Bản", m_hanh, {});
        QVERIFY(mission.ok());
        m_mission = *mission;

        QVERIFY2(m_https.start(m_fixture->storageArgs()
                     + QStringList {"--listen", "127.0.0.1:0", "--cert", cert(), "--key", key()}),
            m_https.proc.readAllStandardError().constData());
        QCOMPARE(m_https.scheme, "https");
    }

    void https_signInPushPull_withTheCertificateAsTrustedCa()
    {
        auto c = trustingClient();
        const httplib::Headers proto {{"Attache-Protocol", "1"}};
        auto login = c->Post("/api/v1/login", proto,
            json {{"username", "hanh"}, {"password", World::kPassword},
                {"device_id", "https_device_1"}, {"device_name", "over TLS"}}
                .dump(),
            "application/json");
        QVERIFY2(login, httplib::to_string(login.error()).c_str());
        QCOMPARE(login->status, 200);
        const std::string token = json::parse(login->body)["token"].get<std::string>();
        httplib::Headers auth = proto;
        auth.emplace("Authorization", "Bearer " + token);

        const std::string id = attache::makeUuidV7();
        auto push = c->Post("/api/v1/push", auth,
            json {{"batch_id", "tls-1"},
                {"changes",
                    json::array(
                        {contactChange(id, m_mission, "Tanaka Hiroshi", stamp(0, "httpsdevice"))})}}
                .dump(),
            "application/json");
        QVERIFY(push);
        QCOMPARE(push->status, 200);

        auto pull = c->Get("/api/v1/pull?cursor=0", auth);
        QVERIFY(pull);
        QCOMPARE(pull->status, 200);
        const json changes = json::parse(pull->body)["changes"];
        QCOMPARE(findChange(changes, id)["fields"]["full_name"]["value"], "Tanaka Hiroshi");
        QVERIFY(!findChange(changes, m_mission).is_null());
    }

    void https_untrustedCertificate_refusedByTheClient()
    {
        // Without the throw-away certificate among its CAs, a verifying client must refuse.
        httplib::SSLClient c("127.0.0.1", m_https.port);
        c.set_ca_cert_path(m_dir.filePath("nothing.pem").toStdString().c_str());
        c.enable_server_certificate_verification(true);
        auto r = c.Get("/api/v1/status");
        QVERIFY(!r);
        // And plain HTTP on the HTTPS port gets no answer either.
        httplib::Client plain("127.0.0.1", m_https.port);
        plain.set_read_timeout(5);
        auto p = plain.Get("/api/v1/status");
        QVERIFY(!p || p->status != 200);
    }

#ifdef ATTACHE_TEST_WITH_SYNC
    void https_syncEngine_trustsTheCaFile()
    {
        using namespace attache::sync;
        const std::string url = "https://127.0.0.1:" + std::to_string(m_https.port);
        // The real client without the CA: a certificate error, nothing else.
        {
            SyncConfig config;
            config.serverUrl = url;
            auto engine = SyncEngine::open(m_dir.filePath("untrusting.db").toStdString(), config);
            QVERIFY(engine.ok());
            auto login = (*engine)->login("hanh", World::kPassword);
            QVERIFY(!login.ok());
            QCOMPARE(login.error().code, std::string(errorCodeName(ErrorCode::TlsCertificate)));
        }
        SyncConfig config;
        config.serverUrl = url;
        config.caFile = cert().toStdString();
        config.deviceName = "TLS phone";
        auto engine = SyncEngine::open(m_dir.filePath("device.db").toStdString(), config);
        QVERIFY(engine.ok());
        auto login = (*engine)->login("hanh", World::kPassword);
        QVERIFY2(login.ok(), login.ok() ? "" : login.error().message.c_str());
        const SyncSummary s = (*engine)->sync();
        QVERIFY2(s.ok, s.errors.empty() ? "" : s.errors.front().message.c_str());
        QVERIFY(s.pulled > 0); // at least the organisation, hanh and the mission
    }
#endif

    void startup_unusableCertificate_clearErrorAndNonZeroExit()
    {
        QFile garbage(m_dir.filePath("garbage.pem"));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(
            "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n");
        garbage.close();
        const QString missing = m_dir.filePath("missing.pem");
        const QString otherKey = m_dir.filePath("other-key.pem");
        const std::string made = run(QStandardPaths::findExecutable("openssl"),
            {"genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-out",
                otherKey});
        QVERIFY2(made.empty(), made.c_str());
        const struct
        {
            QString cert, key;
            const char *mention;
        } cases[] = {
            {missing, key(), "missing.pem"},
            {cert(), missing, "missing.pem"},
            {garbage.fileName(), key(), "garbage.pem"},
            {cert(), cert(), "cert.pem"}, // a certificate where the key should be
            {cert(), otherKey, "does not belong"},
        };
        for (const auto &c : cases) {
            ServerProcess p;
            QVERIFY(!p.start(m_fixture->storageArgs()
                + QStringList {"--listen", "127.0.0.1:0", "--cert", c.cert, "--key", c.key}));
            if (p.proc.state() != QProcess::NotRunning)
                QVERIFY(p.proc.waitForFinished(20000));
            QCOMPARE(p.proc.exitStatus(), QProcess::NormalExit);
            QVERIFY(p.proc.exitCode() != 0);
            const QByteArray err = p.proc.readAllStandardError();
            QVERIFY2(
                err.contains("cannot serve HTTPS") && err.contains(c.mention), err.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestServerHttps)
#include "tst_serverhttps.moc"
