// Qt Quick Test runner for tests/app/qml/tst_*.qml: each file runs in its own process (one CTest
// entry each) on a fresh demo store, with the same services main() builds, plus TestFixture:
// what a QML test cannot do by itself (files on disk, data only a sync produces, a server that
// never answers).
#include "backend.h"
#include "hlc.h"
#include "preferences.h"
#include "singletons.h"
#include "store.h"
#include "synccontroller.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>
#include <QtQuickTest>

#include <algorithm>
#include <memory>

Q_IMPORT_QML_PLUGIN(Attache_AppPlugin)
Q_IMPORT_QML_PLUGIN(AttachePlugin)

/// Exposed to the QML tests as the context property TestFixture. Store jobs run on the
/// backend's worker thread like the app's own, and each call waits for its job (drain()), so
/// that a test reads the outcome on the next line.
class TestFixture : public QObject
{
    Q_OBJECT

public:
    TestFixture(Backend *backend, QString dir)
        : m_backend(backend)
        , m_dir(std::move(dir))
    { }

    /// The first record of `kind` (in list order) that belongs to a mission (else the first
    /// one): {id, missionId, title}, empty if none.
    Q_INVOKABLE QVariantMap firstRecord(const QString &kind)
    {
        auto out = std::make_shared<QVariantMap>();
        runAndWait([kind, out](attache::Store &s) -> attache::Result<void> {
            auto records = s.list(kind.toStdString());
            if (!records)
                return records.error();
            const bool mission = kind == QLatin1String("mission");
            auto missionOf
                = [&](const attache::Record &r) { return mission ? r.id : r.text("mission_id"); };
            auto it = std::find_if(records->begin(), records->end(),
                [&](const attache::Record &r) { return !missionOf(r).empty(); });
            if (it == records->end())
                it = records->begin();
            if (it != records->end())
                *out = {{QStringLiteral("id"), QString::fromStdString(it->id)},
                    {QStringLiteral("missionId"), QString::fromStdString(missionOf(*it))},
                    {QStringLiteral("title"), QString::fromStdString(it->title())}};
            return {};
        });
        return *out;
    }

    /// The sync engine's drop of a mission the user was removed from, on the demo mission
    /// returned for changes: its records' unsent edits are set aside. Returns how many.
    Q_INVOKABLE int dropReturnedMission()
    {
        auto count = std::make_shared<int>(-1);
        runAndWait([count](attache::Store &s) -> attache::Result<void> {
            auto missions = s.list("mission");
            if (!missions)
                return missions.error();
            for (const auto &m : *missions) {
                if (m.text("status") != "returned")
                    continue;
                auto dropped = s.dropMissions({m.id});
                if (!dropped)
                    return dropped.error();
                *count = int(dropped->setAside);
            }
            return {};
        });
        m_backend->notifyChanged(QStringLiteral("mission"));
        return *count;
    }

    /// The sync engine's drop of one record moved to a mission the user is not on: its unsent
    /// edits are set aside. Returns how many.
    Q_INVOKABLE int dropRecord(const QString &kind, const QString &id)
    {
        auto count = std::make_shared<int>(-1);
        runAndWait([kind, id, count](attache::Store &s) -> attache::Result<void> {
            auto dropped
                = s.dropRecords({{attache::findKind(kind.toStdString()), id.toStdString()}});
            if (!dropped)
                return dropped.error();
            *count = int(dropped->setAside);
            return {};
        });
        m_backend->notifyChanged(QStringLiteral("mission"));
        return *count;
    }

    /// A conflict as the server reports it: `field` of a record changed on two devices by two
    /// of the demo's officials, `winner` kept, `loser` to review. Returns the winner's name.
    Q_INVOKABLE QString recordConflict(const QString &kind, const QString &id, const QString &field,
        const QString &winner, const QString &loser)
    {
        auto name = std::make_shared<QString>();
        runAndWait([=](attache::Store &s) -> attache::Result<void> {
            auto users = s.list("user");
            if (!users)
                return users.error();
            if (users->size() < 2)
                return attache::makeError("not_found", "The demo has fewer than two users.");
            attache::Store::Conflict c;
            c.kind = attache::findKind(kind.toStdString());
            c.recordId = id.toStdString();
            c.field = field.toStdString();
            c.winnerValue = winner.toStdString();
            c.loserValue = loser.toStdString();
            // 20 and 19 March 2026, 10:00 UTC, on two devices.
            c.winnerHlc = attache::Hlc {1774000800000, 0, "devicewinner"}.toString();
            c.loserHlc = attache::Hlc {1773914400000, 0, "deviceloser"}.toString();
            c.winnerBy = (*users)[0].id;
            c.loserBy = (*users)[1].id;
            c.detectedAt = 1774000800000;
            *name = QString::fromStdString((*users)[0].title());
            auto r = s.recordConflicts({c});
            if (!r)
                return r.error();
            return {};
        });
        m_backend->notifyChanged(kind);
        return *name;
    }
    /// A field of a record as the store holds it now (strings only).
    Q_INVOKABLE QString fieldOf(const QString &kind, const QString &id, const QString &field)
    {
        auto out = std::make_shared<QString>();
        runAndWait([=](attache::Store &s) -> attache::Result<void> {
            auto r = s.get(kind.toStdString(), id.toStdString());
            if (!r)
                return r.error();
            if (*r)
                *out = QString::fromStdString((*r)->text(field.toStdString()));
            return {};
        });
        return *out;
    }

    /// Writes a small PNG (an image the picker could give) and returns its file URL.
    Q_INVOKABLE QString writeImage(const QString &name)
    {
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        const QString path = m_dir + QLatin1Char('/') + name;
        return image.save(path, "PNG") ? QUrl::fromLocalFile(path).toString() : QString();
    }

    /// An attachment record of `recordKind`/`recordId` whose bytes are not on this device (as
    /// a colleague's photo is after a sync): {id, sha256}.
    Q_INVOKABLE QVariantMap createRemoteAttachment(const QString &recordKind,
        const QString &recordId, const QString &missionId, const QString &fileName, qint64 size)
    {
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(QUuid::createUuid().toByteArray(), QCryptographicHash::Sha256)
                .toHex());
        auto out = std::make_shared<QVariantMap>();
        runAndWait([=](attache::Store &s) -> attache::Result<void> {
            auto r = s.create("attachment",
                {{"mission_id", missionId.toStdString()}, {"record_kind", recordKind.toStdString()},
                    {"record_id", recordId.toStdString()}, {"file_name", fileName.toStdString()},
                    {"mime_type", "image/jpeg"}, {"size", size}, {"sha256", sha.toStdString()}});
            if (!r)
                return r.error();
            *out = {{QStringLiteral("id"), QString::fromStdString(r->id)},
                {QStringLiteral("sha256"), sha}};
            return {};
        });
        m_backend->notifyChanged(QStringLiteral("attachment"));
        return *out;
    }

    /// What the sync engine has downloaded so far of an attachment: `bytes` bytes in
    /// "<sha256>.part" in the attachment directory.
    Q_INVOKABLE bool writePartialDownload(const QString &sha256, qint64 bytes)
    {
        QDir().mkpath(m_backend->attachmentDir());
        QFile part(partPath(sha256));
        return part.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && part.write(QByteArray(bytes, 'x')) == bytes;
    }
    Q_INVOKABLE bool partialDownloadExists(const QString &sha256) const
    {
        return QFile::exists(partPath(sha256));
    }
    Q_INVOKABLE bool recordExists(const QString &kind, const QString &id)
    {
        auto exists = std::make_shared<bool>(false);
        runAndWait([kind, id, exists](attache::Store &s) -> attache::Result<void> {
            auto r = s.get(kind.toStdString(), id.toStdString());
            if (!r)
                return r.error();
            *exists = *r && !(*r)->deleted;
            return {};
        });
        return *exists;
    }

    /// A server on loopback that takes connections and never answers: a request to it hangs
    /// until cancelled, as on a dead hotel network. Returns its URL.
    Q_INVOKABLE QString silentServerUrl()
    {
        if (!m_silent.isListening()) {
            connect(&m_silent, &QTcpServer::newConnection, this, [this] {
                while (QTcpSocket *socket = m_silent.nextPendingConnection())
                    m_connections.push_back(socket); // kept open, never read
            });
            if (!m_silent.listen(QHostAddress::LocalHost, 0))
                return {};
        }
        return QStringLiteral("http://127.0.0.1:%1").arg(m_silent.serverPort());
    }
    /// Connections the silent server has taken so far.
    Q_INVOKABLE int silentConnections() const { return int(m_connections.size()); }

    /// Drops the one message Qt Multimedia's audio side prints on a machine without a sound
    /// server (the test machine: "PulseAudioService: pa_context_connect() failed"): it says
    /// nothing about the app, while every other message still reaches Qt Test (call it after
    /// failOnWarning, whose handler it forwards to).
    Q_INVOKABLE void dropSoundServerWarnings()
    {
        if (s_previous)
            return;
        s_previous = qInstallMessageHandler(
            [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
                if (message.startsWith(QLatin1String("PulseAudioService: ")))
                    return;
                s_previous(type, context, message);
            });
    }

private:
    template<typename Job> void runAndWait(Job job)
    {
        m_backend->run(
            this,
            [job = std::move(job)](attache::Store &s) -> attache::Result<void> {
                auto r = job(s);
                if (!r)
                    qWarning("TestFixture: %s", r.error().message.c_str());
                return r;
            },
            [](attache::Result<void>) {});
        m_backend->drain();
    }
    QString partPath(const QString &sha256) const
    {
        return m_backend->attachmentDir() + QLatin1Char('/') + sha256 + QStringLiteral(".part");
    }

    static inline QtMessageHandler s_previous = nullptr;
    Backend *m_backend;
    QString m_dir;
    QTcpServer m_silent;
    std::vector<QTcpSocket *> m_connections;
};

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        qputenv("TZ", "UTC");
        QQuickStyle::setStyle(QStringLiteral("Universal"));
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        m_prefs = std::make_unique<Preferences>(nullptr, nullptr, true);
        m_prefs->setLanguage(QStringLiteral("en"));
        m_prefs->setEngine(engine);
        m_backend = std::make_unique<Backend>(m_dir.filePath(QStringLiteral("attache.db")));
        m_backend->open(true);
        m_sync = std::make_unique<SyncController>(m_backend.get(), nullptr);
        m_sync->setAutomatic(false);
        exposeToQml(m_backend.get(), m_prefs.get(), m_sync.get());
        m_fixture = std::make_unique<TestFixture>(m_backend.get(), m_dir.path());
        engine->rootContext()->setContextProperty(QStringLiteral("TestFixture"), m_fixture.get());
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }

    void cleanupTestCase()
    {
        if (m_sync)
            m_sync->cancel();
        m_sync.reset();
        m_fixture.reset();
        m_backend.reset();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Preferences> m_prefs;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<SyncController> m_sync;
    std::unique_ptr<TestFixture> m_fixture;
};

QUICK_TEST_MAIN_WITH_SETUP(attache_qml, Setup)
#include "tst_qml.moc"
