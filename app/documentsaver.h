#pragma once

#include "backend.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <string>

/// Writes a document to `path` by its extension: "csv" writes what `csv` returns (through
/// QSaveFile), anything else lays out what `html` returns as a PDF under a temporary name beside
/// the file, renamed when complete. Either way a failed save leaves no half-written file. Only the
/// needed one of the two is called. Used by DocumentSaver and DashboardModel::saveSummary; runs on
/// the Backend's worker thread.
attache::Result<QString> writeDocument(const QString &path, const std::function<std::string()> &csv,
    const std::function<QString()> &html, const QString &title);

/// Saves a mission's report (báo cáo kết quả chuyến công tác) from the app, as attache-report
/// does on the command line: a PDF laid out like a Vietnamese administrative report (signed by
/// the mission's leader as TRƯỞNG ĐOÀN) or the same figures as CSV (UTF-8 with BOM), by the
/// file's extension. Written on the Backend's worker thread under a temporary name renamed at
/// the end, so that a failed save never leaves half a file. (The period summary is saved from
/// the dashboard: DashboardModel::saveSummary.)
class DocumentSaver : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Backend *backend READ backend WRITE setBackend NOTIFY configChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    explicit DocumentSaver(QObject *parent = nullptr);

    Backend *backend() const { return m_backend; }
    void setBackend(Backend *backend);
    bool busy() const { return m_busy; }

    /// Follow-ups due before `asOf` (ISO, "" today) and not done count as overdue.
    Q_INVOKABLE void saveMissionReport(
        const QString &missionId, const QUrl &file, const QString &asOf = {});

Q_SIGNALS:
    void configChanged();
    void busyChanged();
    void saved(const QString &path);
    void errorMessage(const QString &message);

private:
    void setBusy(bool busy);

    QPointer<Backend> m_backend;
    bool m_busy = false;
};
