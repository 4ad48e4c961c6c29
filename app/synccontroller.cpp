#include "synccontroller.h"

#include "logging.h"
#include "syncengine.h"

#include <QFileInfo>
#include <QNetworkInformation>
#include <QSysInfo>

#include <memory>

using attache::sync::ErrorCode;
using attache::sync::SyncEngine;

/// Lives on the sync thread and owns the engine there.
class SyncWorker : public QObject
{
public:
    std::unique_ptr<SyncEngine> engine;
};

namespace {

constexpr const char *kKinds[] = {"organisation", "user", "mission", "meeting", "agreement",
    "event", "contact", "lead", "followup", "attachment", "review"};

struct StatusInfo
{
    bool ok = false;
    attache::sync::SyncStatus status;
};

} // namespace

SyncController::SyncController(Backend *backend, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_settings(settings)
    , m_worker(new SyncWorker)
{
    m_thread.setObjectName(QStringLiteral("attache-sync"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    if (m_settings)
        m_serverUrl = m_settings->value(QStringLiteral("sync/serverUrl")).toString();
    if (m_settings)
        m_deviceName = m_settings->value(QStringLiteral("sync/deviceName")).toString();
    if (m_deviceName.isEmpty())
        m_deviceName = QSysInfo::machineHostName();

    m_periodic.setInterval(std::chrono::minutes(5));
    connect(&m_periodic, &QTimer::timeout, this, &SyncController::syncNow);
    m_soon.setSingleShot(true);
    m_soon.setInterval(std::chrono::seconds(3));
    connect(&m_soon, &QTimer::timeout, this, &SyncController::syncNow);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncController::syncNow);
    if (m_backend) {
        // A local edit goes up shortly after it was made, when there is a connection.
        connect(m_backend, &Backend::pendingCountChanged, this, [this]() {
            if (m_backend->pendingCount() > 0)
                scheduleSoon();
        });
    }

    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        auto *info = QNetworkInformation::instance();
        setOnline(info->reachability() == QNetworkInformation::Reachability::Online
            || info->reachability() == QNetworkInformation::Reachability::Unknown);
        connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability r) {
                setOnline(r == QNetworkInformation::Reachability::Online
                    || r == QNetworkInformation::Reachability::Unknown);
            });
    } else {
        qCInfo(lcApp) << "no network information backend: syncing as if online";
    }
    if (!m_serverUrl.isEmpty()) {
        // After the app's own store has opened (and migrated) the file.
        if (m_backend && m_backend->isReady())
            openEngine();
        else if (m_backend)
            connect(m_backend, &Backend::readyChanged, this, &SyncController::openEngine,
                Qt::SingleShotConnection);
    }
}

SyncController::~SyncController()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void SyncController::setPeriod(std::chrono::milliseconds period)
{
    m_periodic.setInterval(period);
}

void SyncController::setAutomatic(bool automatic)
{
    m_automatic = automatic;
    if (!automatic) {
        m_periodic.stop();
        m_soon.stop();
        m_retry.stop();
    }
}

void SyncController::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    Q_EMIT onlineChanged();
    if (online && m_automatic && m_signedIn)
        syncNow(); // the connection is back: send what waited
}

void SyncController::scheduleSoon()
{
    if (m_automatic && m_signedIn && m_online && !m_syncing)
        m_soon.start();
}

void SyncController::openEngine()
{
    if (!m_backend)
        return;
    m_engineOpened = true;
    const std::string path = m_backend->storePath().toStdString();
    const std::string url = m_serverUrl.toStdString();
    const std::string device = m_deviceName.toStdString();
    SyncWorker *w = m_worker;
    QMetaObject::invokeMethod(
        w,
        [this, w, path, url, device]() {
            {
                std::lock_guard lock(m_engineMutex);
                m_engine = nullptr;
            }
            w->engine.reset();
            attache::sync::SyncConfig config;
            config.serverUrl = url;
            config.deviceName = device;
            auto opened = SyncEngine::open(path, config);
            if (!opened) {
                qCWarning(lcApp) << "sync engine:" << opened.error().message.c_str();
                return;
            }
            w->engine = std::move(*opened);
            std::lock_guard lock(m_engineMutex);
            m_engine = w->engine.get();
        },
        Qt::QueuedConnection);
    refreshStatus();
}

void SyncController::refreshStatus()
{
    SyncWorker *w = m_worker;
    QMetaObject::invokeMethod(
        w,
        [this, w]() {
            auto info = std::make_shared<StatusInfo>();
            if (w->engine) {
                auto s = w->engine->status();
                if (s) {
                    info->ok = true;
                    info->status = *s;
                }
            }
            QMetaObject::invokeMethod(
                this,
                [this, info]() {
                    if (!info->ok)
                        return;
                    const auto &s = info->status;
                    m_signedIn = s.signedIn;
                    m_userName = QString::fromStdString(
                        s.user.fullName.empty() ? s.user.username : s.user.fullName);
                    m_lastSyncedAt = s.lastSuccessMs;
                    m_openConflicts = s.openConflicts;
                    if (m_signedIn && m_automatic && !m_periodic.isActive())
                        m_periodic.start();
                    Q_EMIT stateChanged();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void SyncController::setError(int code, const QString &serverMessage, const QString &serverCode)
{
    m_errorAction.clear();
    switch (ErrorCode(code)) {
    case ErrorCode::None:
    case ErrorCode::Cancelled:
        m_errorText.clear();
        break;
    case ErrorCode::Network:
        m_errorText = tr("No connection to the server. Your changes are safe on this device and "
                         "will be sent when the connection returns.");
        break;
    case ErrorCode::ServerBusy:
        m_errorText = serverCode == QLatin1String("storage_full")
            ? tr("The server's storage is full. Your changes are safe on this device and will be "
                 "sent once your IT staff frees space; tell them.")
            : tr("The server is busy. The app will try again by itself.");
        break;
    case ErrorCode::TlsCertificate:
        m_errorText = tr("The server's identity could not be verified. Do not sign in on this "
                         "network; tell your IT staff.");
        break;
    case ErrorCode::InvalidCredentials:
        m_errorText = tr("Wrong user name or password.");
        m_errorAction = QStringLiteral("sign_in");
        break;
    case ErrorCode::SignInRequired:
        m_errorText = tr("Please sign in again to keep syncing. Nothing on this device is lost.");
        m_errorAction = QStringLiteral("sign_in");
        break;
    case ErrorCode::DeviceRevoked:
        m_errorText = tr("This device was reported lost and its data was removed. Contact your "
                         "IT staff.");
        break;
    case ErrorCode::ClientTooOld:
        m_errorText = tr("This version of the app is too old for the server. Update the app.");
        m_errorAction = QStringLiteral("update_app");
        break;
    case ErrorCode::ServerTooOld:
        m_errorText = tr("The server is older than this app. Ask your IT staff to update it.");
        break;
    case ErrorCode::ClockSkew:
        m_errorText = tr("The date and time of this device are wrong. Correct them, then sync.");
        m_errorAction = QStringLiteral("fix_clock");
        break;
    case ErrorCode::Forbidden:
        m_errorText = tr("Some changes belong to a mission you are no longer part of; they are "
                         "kept on this device.");
        break;
    case ErrorCode::Rejected:
        m_errorText = tr("The server refused a record; it is kept on this device. Open it and "
                         "check its fields.");
        break;
    case ErrorCode::Protocol:
    case ErrorCode::Config:
        m_errorText = tr("The server address looks wrong, or the server answered something "
                         "unexpected.");
        break;
    case ErrorCode::LocalStore:
        m_errorText = tr("The data on this device could not be written (is the device full?).");
        break;
    }
    if (!serverMessage.isEmpty())
        qCInfo(lcApp) << "sync error:" << serverMessage;
}

void SyncController::signIn(const QString &serverUrl, const QString &username,
    const QString &password, const QString &deviceName)
{
    if (m_signingIn || m_syncing)
        return;
    QString url = serverUrl.trimmed();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    const QString device = deviceName.trimmed();
    const bool renamed = !device.isEmpty() && device != m_deviceName;
    if (renamed) {
        m_deviceName = device;
        if (m_settings)
            m_settings->setValue(QStringLiteral("sync/deviceName"), device);
    }
    if (url != m_serverUrl || renamed || !m_engineOpened) {
        m_serverUrl = url;
        if (m_settings)
            m_settings->setValue(QStringLiteral("sync/serverUrl"), url);
        openEngine();
    }
    m_signingIn = true;
    Q_EMIT syncingChanged();
    SyncWorker *w = m_worker;
    QMetaObject::invokeMethod(
        w,
        [this, w, user = username.toStdString(), pass = password.toStdString()]() {
            struct Outcome
            {
                bool ok = false;
                int code = 0;
                std::string message;
                std::string serverCode; // the protocol's code ("storage_full"…)
                std::string userId, orgId, name;
            };
            auto out = std::make_shared<Outcome>();
            if (!w->engine) {
                out->code = int(ErrorCode::Config);
            } else {
                attache::sync::SyncError failure;
                auto r = w->engine->login(user, pass, &failure);
                if (r) {
                    out->ok = true;
                    out->userId = r->user.id;
                    out->orgId = r->user.organisationId;
                    out->name = r->user.fullName.empty() ? r->user.username : r->user.fullName;
                } else {
                    // The engine reports errors as attache::Error; its code names the cause.
                    out->message = r.error().message;
                    out->serverCode = failure.serverCode;
                    out->code = int(ErrorCode::Protocol);
                    for (int code = 0; code <= int(ErrorCode::Config); ++code) {
                        if (r.error().code == attache::sync::errorCodeName(ErrorCode(code)))
                            out->code = code;
                    }
                }
            }
            QMetaObject::invokeMethod(
                this,
                [this, out]() {
                    m_signingIn = false;
                    Q_EMIT syncingChanged();
                    if (!out->ok) {
                        setError(out->code, QString::fromStdString(out->message),
                            QString::fromStdString(out->serverCode));
                        Q_EMIT stateChanged();
                        Q_EMIT signInFailed(m_errorText);
                        return;
                    }
                    setError(int(ErrorCode::None), {});
                    m_signedIn = true;
                    m_userName = QString::fromStdString(out->name);
                    Q_EMIT stateChanged();
                    Q_EMIT signedInAs(m_userName);
                    if (m_automatic)
                        m_periodic.start();
                    if (!m_backend) {
                        syncNow();
                        return;
                    }
                    // Missions made before the first sign-in become the user's first, then
                    // everything goes up in the same sync.
                    m_backend->adoptOfflineWork(QString::fromStdString(out->userId),
                        QString::fromStdString(out->orgId),
                        [self = QPointer<SyncController>(this)](int) {
                            if (self)
                                self->syncNow();
                        });
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void SyncController::signOut()
{
    cancel();
    SyncWorker *w = m_worker;
    QMetaObject::invokeMethod(
        w,
        [w]() {
            if (w->engine) {
                auto r = w->engine->logout();
                (void)r; // local token is gone either way; the server forgets it when it can
            }
        },
        Qt::QueuedConnection);
    m_signedIn = false;
    m_periodic.stop();
    Q_EMIT stateChanged();
}

void SyncController::cancel()
{
    std::lock_guard lock(m_engineMutex);
    if (m_engine)
        m_engine->cancel();
}

void SyncController::syncNow()
{
    if (m_syncing) {
        m_again = true; // an edit arrived during the sync: one more round afterwards
        return;
    }
    if (m_serverUrl.isEmpty())
        return;
    m_soon.stop();
    m_retry.stop();
    m_syncing = true;
    m_phase = tr("Connecting…");
    m_done = m_total = 0;
    Q_EMIT syncingChanged();
    Q_EMIT progressChanged();
    SyncWorker *w = m_worker;
    QMetaObject::invokeMethod(
        w,
        [this, w]() {
            auto summary = std::make_shared<attache::sync::SyncSummary>();
            if (!w->engine) {
                summary->errors.push_back({ErrorCode::Config, {}, "no engine", false, {}, {}, {}});
            } else {
                attache::sync::SyncCallbacks callbacks;
                callbacks.progress = [this](const attache::sync::Progress &p) {
                    QMetaObject::invokeMethod(
                        this,
                        [this, p]() {
                            switch (p.phase) {
                            case attache::sync::Phase::Connecting:
                                m_phase = tr("Connecting…");
                                break;
                            case attache::sync::Phase::Pushing:
                                m_phase = tr("Sending changes…");
                                break;
                            case attache::sync::Phase::Pulling:
                            case attache::sync::Phase::Resync:
                                m_phase = tr("Receiving changes…");
                                break;
                            case attache::sync::Phase::Attachments:
                                m_phase = tr("Sending photos and files…");
                                break;
                            case attache::sync::Phase::Done:
                                m_phase = tr("Done");
                                break;
                            }
                            m_done = p.done;
                            m_total = p.total;
                            Q_EMIT progressChanged();
                        },
                        Qt::QueuedConnection);
                };
                *summary = w->engine->sync(callbacks);
            }
            QMetaObject::invokeMethod(
                this,
                [this, summary]() {
                    m_syncing = false;
                    const auto &s = *summary;
                    if (s.ok || s.errors.empty())
                        setError(int(ErrorCode::None), {});
                    else
                        setError(int(s.errors.front().code),
                            QString::fromStdString(s.errors.front().message),
                            QString::fromStdString(s.errors.front().serverCode));
                    if (s.errors.size() == 1 && s.errors.front().code == ErrorCode::SignInRequired)
                        m_signedIn = false;
                    Q_EMIT syncingChanged();
                    // What arrived is in the file: every list reloads what it shows.
                    if (m_backend && (s.pulled > 0 || s.pushed > 0 || s.dropped > 0)) {
                        for (const char *kind : kKinds)
                            m_backend->notifyChanged(QString::fromLatin1(kind));
                    } else if (m_backend) {
                        m_backend->notifyChanged(QString());
                    }
                    refreshStatus();
                    if (s.droppedEdits > 0)
                        Q_EMIT editsSetAside(s.droppedEdits);
                    if (!s.ok && s.retryAfter.count() > 0 && m_automatic && !s.cancelled)
                        m_retry.start(s.retryAfter);
                    Q_EMIT syncFinished(s.ok);
                    if (m_again && s.ok) {
                        m_again = false;
                        scheduleSoon();
                    }
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void SyncController::fetchAttachment(const QString &sha256)
{
    // Already on this device (taken here, or downloaded before): no engine, no network.
    const QString local
        = m_backend ? m_backend->attachmentDir() + QLatin1Char('/') + sha256 : QString();
    if (!local.isEmpty() && QFileInfo(local).isFile()) {
        QMetaObject::invokeMethod(
            this, [this, sha256, local]() { Q_EMIT attachmentReady(sha256, local); },
            Qt::QueuedConnection);
        return;
    }
    SyncWorker *w = m_worker;
    QMetaObject::invokeMethod(
        w,
        [this, w, sha = sha256.toStdString()]() {
            struct Outcome
            {
                bool ok = false;
                bool noEngine = false;
                std::string path, code, message;
            };
            auto out = std::make_shared<Outcome>();
            if (!w->engine) {
                out->noEngine = true;
            } else {
                w->engine->resetCancel();
                auto r = w->engine->fetchAttachment(sha);
                if (r) {
                    out->ok = true;
                    out->path = r->path;
                } else {
                    out->code = r.error().code;
                    out->message = r.error().message;
                }
            }
            QMetaObject::invokeMethod(
                this,
                [this, out, sha]() {
                    const QString hash = QString::fromStdString(sha);
                    if (out->ok) {
                        Q_EMIT attachmentReady(hash, QString::fromStdString(out->path));
                        return;
                    }
                    QString message;
                    if (out->noEngine || !m_signedIn) {
                        message = tr("This file is not on this device yet. Sign in to download "
                                     "it from your department's server.");
                    } else if (out->code == attache::sync::errorCodeName(ErrorCode::Network)) {
                        message = tr("No connection to the server. Try again when the device is "
                                     "online.");
                    } else {
                        message = tr("The file could not be downloaded. Try again later.");
                    }
                    qCInfo(lcApp) << "attachment download failed:" << out->code.c_str()
                                  << out->message.c_str();
                    Q_EMIT attachmentFailed(hash, message);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}
