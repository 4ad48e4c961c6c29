#pragma once

#include "backend.h"

#include <QObject>
#include <QPointer>
#include <QSettings>
#include <QThread>
#include <QTimer>

#include <mutex>

namespace attache::sync {
class SyncEngine;
}
class SyncWorker;

/// The QObject face of the sync engine (attache::sync::SyncEngine, Qt-free): it runs the engine
/// on a worker thread of its own, turns its callbacks into properties and signals for the sync
/// indicator, and decides when to sync: when the connection returns (QNetworkInformation),
/// every few minutes while online, shortly after a local edit, after a failure on the engine's
/// backoff schedule, and on demand. Never on the UI thread.
class SyncController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY stateChanged)
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY stateChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY stateChanged)
    Q_PROPERTY(bool online READ online NOTIFY onlineChanged)
    Q_PROPERTY(bool syncing READ syncing NOTIFY syncingChanged)
    Q_PROPERTY(bool signingIn READ signingIn NOTIFY syncingChanged)
    Q_PROPERTY(QString phase READ phase NOTIFY progressChanged)
    Q_PROPERTY(qint64 progressDone READ progressDone NOTIFY progressChanged)
    Q_PROPERTY(qint64 progressTotal READ progressTotal NOTIFY progressChanged)
    Q_PROPERTY(qint64 lastSyncedAt READ lastSyncedAt NOTIFY stateChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY stateChanged)
    /// "sign_in", "update_app", "fix_clock" or "" : what the user can do about errorText.
    Q_PROPERTY(QString errorAction READ errorAction NOTIFY stateChanged)
    Q_PROPERTY(qint64 openConflicts READ openConflicts NOTIFY stateChanged)
    /// How admins see this device in the server's device list ("Hạnh's phone").
    Q_PROPERTY(QString deviceName READ deviceName NOTIFY stateChanged)

public:
    /// `settings` keeps the server address (null: nothing kept, tests).
    SyncController(Backend *backend, QSettings *settings, QObject *parent = nullptr);
    ~SyncController() override;

    QString serverUrl() const { return m_serverUrl; }
    bool signedIn() const { return m_signedIn; }
    QString userName() const { return m_userName; }
    bool online() const { return m_online; }
    bool syncing() const { return m_syncing; }
    bool signingIn() const { return m_signingIn; }
    QString phase() const { return m_phase; }
    qint64 progressDone() const { return m_done; }
    qint64 progressTotal() const { return m_total; }
    qint64 lastSyncedAt() const { return m_lastSyncedAt; }
    QString errorText() const { return m_errorText; }
    QString errorAction() const { return m_errorAction; }
    qint64 openConflicts() const { return m_openConflicts; }
    QString deviceName() const { return m_deviceName; }

    /// Minutes between syncs while online (tests shorten it).
    void setPeriod(std::chrono::milliseconds period);
    /// Turns the automatic triggers off (tests drive syncNow() themselves).
    void setAutomatic(bool automatic);

    /// Signs in (a non-empty `deviceName` renames the device), then syncs at once: what was
    /// typed before the first sign-in goes up with everything else.
    Q_INVOKABLE void signIn(const QString &serverUrl, const QString &username,
        const QString &password, const QString &deviceName = QString());
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void syncNow();
    Q_INVOKABLE void cancel();
    /// Makes an attachment's bytes available on this device: at once when they are here,
    /// otherwise downloaded through the sync engine on its thread (resumable, SHA-256
    /// verified). attachmentReady() or attachmentFailed() follows, on this thread.
    Q_INVOKABLE void fetchAttachment(const QString &sha256);

Q_SIGNALS:
    void stateChanged();
    void onlineChanged();
    void syncingChanged();
    void progressChanged();
    void signedInAs(const QString &userName);
    void signInFailed(const QString &message);
    void syncFinished(bool ok);
    /// A sync removed missions the user left and set `count` unsent edits of them aside
    /// (SetAsideModel lists them).
    void editsSetAside(qint64 count);
    void attachmentReady(const QString &sha256, const QString &localPath);
    /// `message` is one translated sentence saying what to do.
    void attachmentFailed(const QString &sha256, const QString &message);

private:
    void openEngine();
    void refreshStatus();
    void setOnline(bool online);
    void scheduleSoon();
    /// `serverCode`: the protocol's error code, where the server sent one ("storage_full"…).
    void setError(int code, const QString &serverMessage, const QString &serverCode = {});

    QPointer<Backend> m_backend;
    QSettings *m_settings = nullptr;
    QThread m_thread;
    SyncWorker *m_worker = nullptr;
    std::mutex m_engineMutex; // guards m_engine for cancel() from the UI thread
    attache::sync::SyncEngine *m_engine = nullptr;
    QTimer m_periodic;
    QTimer m_soon;
    QTimer m_retry;
    bool m_automatic = true;
    bool m_engineOpened = false;
    QString m_serverUrl;
    QString m_deviceName;
    bool m_signedIn = false;
    QString m_userName;
    bool m_online = true;
    bool m_syncing = false;
    bool m_signingIn = false;
    bool m_again = false;
    QString m_phase;
    qint64 m_done = 0;
    qint64 m_total = 0;
    qint64 m_lastSyncedAt = 0;
    QString m_errorText;
    QString m_errorAction;
    qint64 m_openConflicts = 0;
};
