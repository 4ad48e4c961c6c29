#pragma once

#include "result.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>
#include <type_traits>

namespace attache {
class Store;
}

class StoreWorker;

/// Owns the local Store on a worker thread, so that the UI thread never waits on SQLite.
///
/// Models and controllers hand it jobs (a function of the Store returning an attache::Result);
/// the job runs on the worker thread and its result comes back on the UI thread, to a callback
/// that is dropped if the object that asked has been destroyed meanwhile. Every successful write
/// made through it announces the kind it touched with changed(), so that lists refresh.
class Backend : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)
    Q_PROPERTY(QString currentUserId READ currentUserId NOTIFY currentUserChanged)
    Q_PROPERTY(QString currentUserName READ currentUserName NOTIFY currentUserChanged)
    Q_PROPERTY(bool isManager READ isManager NOTIFY currentUserChanged)
    Q_PROPERTY(qint64 pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(QString storePath READ storePath CONSTANT)
    Q_PROPERTY(QString attachmentDir READ attachmentDir CONSTANT)

public:
    explicit Backend(const QString &storePath, QObject *parent = nullptr);
    ~Backend() override;

    /// Opens the store on the worker thread; `demo` fills an empty store with the demo
    /// department. ready() turns true, or errorMessage() says why it could not open.
    void open(bool demo = false);

    bool isReady() const { return m_ready; }
    QString currentUserId() const { return m_userId; }
    QString currentUserName() const { return m_userName; }
    bool isManager() const { return m_isManager; }
    qint64 pendingCount() const { return m_pending; }
    QString storePath() const { return m_path; }
    QString attachmentDir() const;

    /// Runs `job(Store &)` on the worker thread; `done(result)` runs on this object's thread
    /// unless `context` was destroyed. `job` must return an attache::Result<T>.
    template<typename Job, typename Done> void run(QObject *context, Job job, Done done)
    {
        using R = std::invoke_result_t<Job, attache::Store &>;
        QPointer<QObject> ctx(context);
        post([this, ctx, job = std::move(job), done = std::move(done)](
                 attache::Store *store) mutable {
            auto result = std::make_shared<R>(store ? job(*store) : R(notOpenError()));
            QMetaObject::invokeMethod(
                this,
                [ctx, result, done = std::move(done)]() mutable {
                    if (ctx)
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
    }

    /// Announces a write to `kind` (refreshes lists and the pending count).
    void notifyChanged(const QString &kind);

    /// Soft-deletes a record; removed() offers the undo.
    Q_INVOKABLE void remove(const QString &kind, const QString &id);
    Q_INVOKABLE void restore(const QString &kind, const QString &id);
    /// Records who uses this device (a user record id); later writes are attributed to them.
    Q_INVOKABLE void setCurrentUser(const QString &userId);
    /// After the first sign-in: records the user, and gives every mission created before any
    /// sign-in (organisation kOfflineOrganisation) the user's organisation and the user as a
    /// member, in one transaction, so that the server accepts them. `done(adopted)` follows on
    /// this thread.
    void adoptOfflineWork(
        const QString &userId, const QString &organisationId, std::function<void(int)> done);

    /// The organisation of missions created on a device that never signed in: a placeholder
    /// (the nil UUID) replaced by the user's own at the first sign-in.
    static constexpr const char *kOfflineOrganisation = "00000000-0000-0000-0000-000000000000";
    /// The translated name of a record kind ("Meeting" / "Buổi làm việc").
    Q_INVOKABLE QString kindName(const QString &kind) const;
    /// Blocks until every job queued so far has run (tests and shutdown only).
    void drain();

Q_SIGNALS:
    void readyChanged();
    void currentUserChanged();
    void pendingCountChanged();
    void changed(const QString &kind);
    void removed(const QString &kind, const QString &id, const QString &title);
    void restored(const QString &kind, const QString &id);
    /// One translated sentence for the user; details went to the log.
    void errorMessage(const QString &message);

private:
    void post(std::function<void(attache::Store *)> fn);
    static attache::Error notOpenError();
    void refreshUser();
    void refreshPending();

    QString m_path;
    QThread m_thread;
    StoreWorker *m_worker = nullptr;
    bool m_ready = false;
    QString m_userId;
    QString m_userName;
    bool m_isManager = false;
    qint64 m_pending = 0;
};
