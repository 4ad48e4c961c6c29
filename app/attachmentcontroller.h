#pragma once

#include "backend.h"
#include "synccontroller.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

/// One attachment opened from the interface: loads its record, asks the sync controller for
/// its bytes (downloaded on demand, off the UI thread, when they are not on this device yet),
/// then offers a local file URL under the original file name, for an image shown inline or a
/// document handed to another app with Qt.openUrlExternally.
class AttachmentController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Backend *backend READ backend WRITE setBackend NOTIFY configChanged)
    Q_PROPERTY(SyncController *sync READ sync WRITE setSync NOTIFY configChanged)
    Q_PROPERTY(QString attachmentId READ attachmentId WRITE setAttachmentId NOTIFY configChanged)
    /// "loading", "downloading", "ready" or "failed".
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString fileName READ fileName NOTIFY stateChanged)
    Q_PROPERTY(QString mimeType READ mimeType NOTIFY stateChanged)
    Q_PROPERTY(qint64 size READ size NOTIFY stateChanged)
    Q_PROPERTY(bool isImage READ isImage NOTIFY stateChanged)
    Q_PROPERTY(QUrl fileUrl READ fileUrl NOTIFY stateChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY stateChanged)
    /// While downloading (and after a failed download, what is kept for the next try): the
    /// share of the file on this device, 0 to 1; -1 when the size is unknown.
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)

public:
    explicit AttachmentController(QObject *parent = nullptr);

    Backend *backend() const { return m_backend; }
    void setBackend(Backend *backend);
    SyncController *sync() const { return m_sync; }
    void setSync(SyncController *sync);
    QString attachmentId() const { return m_id; }
    void setAttachmentId(const QString &id);
    QString state() const { return m_state; }
    QString fileName() const { return m_fileName; }
    QString mimeType() const { return m_mime; }
    qint64 size() const { return m_size; }
    bool isImage() const { return m_mime.startsWith(QLatin1String("image/")); }
    QUrl fileUrl() const { return m_url; }
    QString errorText() const { return m_error; }
    double progress() const { return m_progress; }

    /// Loads the record and fetches the bytes (again, after a failure).
    Q_INVOKABLE void fetch();

Q_SIGNALS:
    void configChanged();
    void stateChanged();
    void progressChanged();

private:
    void setState(const QString &state, const QString &error = {});
    void onReady(const QString &sha256, const QString &path);
    void onFailed(const QString &sha256, const QString &message);
    void updateProgress();

    QPointer<Backend> m_backend;
    QPointer<SyncController> m_sync;
    QString m_id;
    QString m_state = QStringLiteral("loading");
    QString m_fileName;
    QString m_mime;
    QString m_sha;
    qint64 m_size = 0;
    QUrl m_url;
    QString m_error;
    double m_progress = 0;
    /// The sync engine appends each downloaded chunk to "<sha256>.part" in the attachment
    /// directory: its size, looked at a few times a second, is the download's progress.
    QTimer m_progressTimer;
    int m_generation = 0;
};
