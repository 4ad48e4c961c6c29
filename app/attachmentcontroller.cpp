#include "attachmentcontroller.h"

#include "logging.h"
#include "store.h"
#include "texts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace {

struct Meta
{
    std::string fileName, mime, sha;
    qint64 size = 0;
};

} // namespace

AttachmentController::AttachmentController(QObject *parent)
    : QObject(parent)
{
    m_progressTimer.setInterval(250);
    connect(&m_progressTimer, &QTimer::timeout, this, &AttachmentController::updateProgress);
}

void AttachmentController::setBackend(Backend *backend)
{
    if (m_backend == backend)
        return;
    m_backend = backend;
    Q_EMIT configChanged();
    fetch();
}

void AttachmentController::setSync(SyncController *sync)
{
    if (m_sync == sync)
        return;
    if (m_sync)
        disconnect(m_sync, nullptr, this, nullptr);
    m_sync = sync;
    if (m_sync) {
        connect(m_sync, &SyncController::attachmentReady, this, &AttachmentController::onReady);
        connect(m_sync, &SyncController::attachmentFailed, this, &AttachmentController::onFailed);
    }
    Q_EMIT configChanged();
    fetch();
}

void AttachmentController::setAttachmentId(const QString &id)
{
    if (m_id == id)
        return;
    m_id = id;
    Q_EMIT configChanged();
    fetch();
}

void AttachmentController::setState(const QString &state, const QString &error)
{
    m_state = state;
    m_error = error;
    if (state == QLatin1String("downloading"))
        m_progressTimer.start();
    else
        m_progressTimer.stop();
    updateProgress();
    Q_EMIT stateChanged();
}

void AttachmentController::updateProgress()
{
    double progress = 0;
    if (m_state == QLatin1String("ready")) {
        progress = 1;
    } else if (m_size <= 0) {
        progress = -1;
    } else if (m_backend && !m_sha.isEmpty()
        && (m_state == QLatin1String("downloading") || m_state == QLatin1String("failed"))) {
        // A stat a few times a second, on a file the engine only appends to: cheap enough
        // for the UI thread.
        const QFileInfo part(
            m_backend->attachmentDir() + QLatin1Char('/') + m_sha + QStringLiteral(".part"));
        if (part.exists())
            progress = std::min(1.0, double(part.size()) / double(m_size));
    }
    if (progress == m_progress)
        return;
    m_progress = progress;
    Q_EMIT progressChanged();
}

void AttachmentController::fetch()
{
    if (!m_backend || !m_sync || m_id.isEmpty())
        return;
    const int generation = ++m_generation;
    m_url.clear();
    m_sha.clear();
    m_size = 0;
    setState(QStringLiteral("loading"));
    m_backend->run(
        this,
        [id = m_id.toStdString()](attache::Store &s) -> attache::Result<Meta> {
            auto r = s.get("attachment", id);
            if (!r)
                return r.error();
            if (!*r)
                return attache::makeError("not_found", "No such attachment.");
            const auto &rec = **r;
            const auto size = rec.fields.value("size", nlohmann::json());
            return Meta {rec.text("file_name"), rec.text("mime_type"), rec.text("sha256"),
                size.is_number_integer() ? size.get<qint64>() : 0};
        },
        [this, generation](attache::Result<Meta> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                setState(QStringLiteral("failed"), Texts::errorText(r.error()));
                return;
            }
            m_fileName = QString::fromStdString(r->fileName);
            m_mime = QString::fromStdString(r->mime);
            m_sha = QString::fromStdString(r->sha);
            m_size = r->size;
            setState(QStringLiteral("downloading"));
            if (m_sync)
                m_sync->fetchAttachment(m_sha);
        });
}

void AttachmentController::onReady(const QString &sha256, const QString &path)
{
    if (sha256 != m_sha || m_state != QLatin1String("downloading") || !m_backend)
        return;
    // The bytes are kept under their hash; other apps need the file's own name (and extension)
    // to know what to open it with: a copy under "<store>.open/<sha256>/<name>", made off the UI
    // thread, once.
    QString name = QFileInfo(m_fileName).fileName();
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')))
        name = sha256;
    const QString dir = m_backend->storePath() + QStringLiteral(".open/") + sha256;
    const int generation = m_generation;
    m_backend->run(
        this,
        [source = path, dir, name](attache::Store &) -> attache::Result<QString> {
            const QString target = dir + QLatin1Char('/') + name;
            if (QFileInfo(target).size() == QFileInfo(source).size() && QFile::exists(target))
                return target;
            QDir().mkpath(dir);
            QFile::remove(target);
            if (!QFile::copy(source, target))
                return attache::makeError("disk_full", "Cannot copy the file.");
            return target;
        },
        [this, generation](attache::Result<QString> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                setState(QStringLiteral("failed"), Texts::errorText(r.error()));
                return;
            }
            m_url = QUrl::fromLocalFile(*r);
            setState(QStringLiteral("ready"));
        });
}

void AttachmentController::onFailed(const QString &sha256, const QString &message)
{
    if (sha256 != m_sha || m_state != QLatin1String("downloading"))
        return;
    setState(QStringLiteral("failed"), message);
}
