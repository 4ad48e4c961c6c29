#include "backend.h"

#include "demo.h"
#include "logging.h"
#include "store.h"
#include "texts.h"

#include <algorithm>

#include <QDir>
#include <QFileInfo>
#include <QTimer>

/// Lives on the worker thread and owns the Store there.
///
/// The store runs with Durability::Deferred: a save returns once committed (it survives a crash
/// or kill of the app at once) and reaches the disk at the next flush, one second after the last
/// change and at shutdown, so saving never waits for the disk's fsync.
class StoreWorker : public QObject
{
public:
    std::unique_ptr<attache::Store> store;

    void scheduleFlush()
    {
        if (!m_flushTimer) {
            m_flushTimer = new QTimer(this);
            m_flushTimer->setSingleShot(true);
            m_flushTimer->setInterval(std::chrono::seconds(1));
            connect(m_flushTimer, &QTimer::timeout, this, &StoreWorker::flushNow);
        }
        m_flushTimer->start();
    }

    void flushNow()
    {
        if (m_flushTimer)
            m_flushTimer->stop();
        if (!store)
            return;
        if (auto r = store->flush(); !r)
            qCWarning(lcApp) << "flush failed:" << r.error().message.c_str();
    }

private:
    QTimer *m_flushTimer = nullptr;
};

Backend::Backend(const QString &storePath, QObject *parent)
    : QObject(parent)
    , m_path(storePath)
    , m_worker(new StoreWorker)
{
    m_thread.setObjectName(QStringLiteral("attache-store"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    connect(this, &Backend::changed, this, &Backend::refreshPending);
}

Backend::~Backend()
{
    StoreWorker *w = m_worker;
    QMetaObject::invokeMethod(
        w, [w]() { w->flushNow(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    // The thread has ended: the store can be closed from here.
    delete m_worker;
}

QString Backend::attachmentDir() const
{
    // The sync engine's layout (SyncConfig::attachmentDir default): "<db>.files/<sha256>", so
    // that it uploads what the app stored.
    return m_path + QStringLiteral(".files");
}

attache::Error Backend::notOpenError()
{
    return attache::makeError("not_open", "The local store is not open.");
}

void Backend::post(std::function<void(attache::Store *)> fn)
{
    StoreWorker *w = m_worker;
    QMetaObject::invokeMethod(
        w, [w, fn = std::move(fn)]() { fn(w->store.get()); }, Qt::QueuedConnection);
}

void Backend::drain()
{
    QMetaObject::invokeMethod(
        m_worker, []() {}, Qt::BlockingQueuedConnection);
}

void Backend::open(bool demo)
{
    const std::string path = m_path.toStdString();
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    StoreWorker *w = m_worker;
    QMetaObject::invokeMethod(
        w,
        [this, w, path, demo]() {
            attache::StoreOptions options;
            options.durability = attache::Durability::Deferred;
            auto opened = attache::Store::open(path, options);
            attache::Error error;
            bool ok = opened.ok();
            if (ok) {
                w->store = std::move(*opened);
                qCInfo(lcApp) << "store" << QString::fromStdString(path) << "schema"
                              << w->store->schemaVersion();
                if (demo) {
                    auto missions = w->store->count("mission");
                    if (missions && *missions == 0) {
                        auto loaded = attache::loadDemoData(*w->store);
                        if (!loaded)
                            qCWarning(lcApp) << "demo data:" << loaded.error().message.c_str();
                    }
                }
            } else {
                error = opened.error();
            }
            QMetaObject::invokeMethod(
                this,
                [this, ok, error]() {
                    if (!ok) {
                        qCWarning(lcApp) << "cannot open store:" << error.message.c_str();
                        Q_EMIT errorMessage(Texts::errorText(error));
                        return;
                    }
                    m_ready = true;
                    Q_EMIT readyChanged();
                    refreshUser();
                    refreshPending();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void Backend::notifyChanged(const QString &kind)
{
    StoreWorker *w = m_worker;
    QMetaObject::invokeMethod(
        w, [w]() { w->scheduleFlush(); }, Qt::QueuedConnection);
    Q_EMIT changed(kind);
    if (kind == QLatin1String("user"))
        refreshUser();
}

void Backend::refreshPending()
{
    run(
        this, [](attache::Store &s) { return s.pendingCount(); },
        [this](const attache::Result<std::int64_t> &r) {
            if (r && *r != m_pending) {
                m_pending = *r;
                Q_EMIT pendingCountChanged();
            }
        });
}

void Backend::refreshUser()
{
    struct Who
    {
        std::string id;
        std::string name;
        bool manager = false;
    };
    run(
        this,
        [](attache::Store &s) -> attache::Result<Who> {
            Who who {s.currentUser(), {}, false};
            if (who.id.empty())
                return who;
            auto user = s.get("user", who.id);
            if (!user)
                return user.error();
            if (*user) {
                who.name = (*user)->text("full_name");
                const auto role = (*user)->text("role");
                who.manager = role == "manager" || role == "admin";
            }
            return who;
        },
        [this](attache::Result<Who> r) {
            if (!r)
                return;
            m_userId = QString::fromStdString(r->id);
            m_userName = QString::fromStdString(r->name);
            m_isManager = r->manager;
            Q_EMIT currentUserChanged();
        });
}

void Backend::setCurrentUser(const QString &userId)
{
    run(
        this, [id = userId.toStdString()](attache::Store &s) { return s.setCurrentUser(id); },
        [this](attache::Result<void> r) {
            if (!r) {
                Q_EMIT errorMessage(Texts::errorText(r.error()));
                return;
            }
            refreshUser();
        });
}

void Backend::adoptOfflineWork(
    const QString &userId, const QString &organisationId, std::function<void(int)> done)
{
    run(
        this,
        [user = userId.toStdString(), org = organisationId.toStdString()](
            attache::Store &s) -> attache::Result<int> {
            if (auto r = s.setCurrentUser(user); !r)
                return r.error();
            if (org.empty())
                return 0;
            auto missions = s.list("mission");
            if (!missions)
                return missions.error();
            // All or nothing: a half-adopted set would push some missions and refuse others.
            auto tx = attache::Transaction::begin(s.database());
            if (!tx)
                return tx.error();
            int adopted = 0;
            for (const auto &m : *missions) {
                if (m.text("organisation_id") != kOfflineOrganisation)
                    continue;
                nlohmann::json patch {{"organisation_id", org}};
                // The server accepts a new mission only from its leader or one of its members.
                if (m.text("leader_id") != user) {
                    nlohmann::json members = m.fields.value("member_ids", nlohmann::json::array());
                    if (!members.is_array())
                        members = nlohmann::json::array();
                    if (std::find(members.begin(), members.end(), user) == members.end())
                        members.push_back(user);
                    patch["member_ids"] = members;
                }
                if (auto r = s.update("mission", m.id, patch); !r)
                    return r.error();
                ++adopted;
            }
            if (auto c = tx->commit(); !c)
                return c.error();
            return adopted;
        },
        [this, done = std::move(done)](const attache::Result<int> &r) {
            if (!r) {
                qCWarning(lcApp) << "adopting offline work failed:" << r.error().message.c_str();
                Q_EMIT errorMessage(Texts::errorText(r.error()));
            } else if (*r > 0) {
                qCInfo(lcApp) << "missions made before signing in, now the user's:" << *r;
                notifyChanged(QStringLiteral("mission"));
            }
            refreshUser();
            if (done)
                done(r ? *r : 0);
        });
}

void Backend::remove(const QString &kind, const QString &id)
{
    run(
        this,
        [k = kind.toStdString(), i = id.toStdString()](
            attache::Store &s) { return s.remove(k, i); },
        [this, kind, id](attache::Result<attache::Record> r) {
            if (!r) {
                qCWarning(lcApp) << "remove failed:" << r.error().message.c_str();
                Q_EMIT errorMessage(Texts::errorText(r.error()));
                return;
            }
            notifyChanged(kind);
            Q_EMIT removed(kind, id, QString::fromStdString(r->title()));
        });
}

void Backend::restore(const QString &kind, const QString &id)
{
    run(
        this,
        [k = kind.toStdString(), i = id.toStdString()](
            attache::Store &s) { return s.restore(k, i); },
        [this, kind, id](attache::Result<attache::Record> r) {
            if (!r) {
                Q_EMIT errorMessage(Texts::errorText(r.error()));
                return;
            }
            notifyChanged(kind);
            Q_EMIT restored(kind, id);
        });
}

QString Backend::kindName(const QString &kind) const
{
    return Texts::kindName(kind);
}
