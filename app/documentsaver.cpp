#include "documentsaver.h"

#include "logging.h"
#include "pdfwriter.h"
#include "reportcsv.h"
#include "reportdata.h"
#include "reporthtml.h"
#include "texts.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

attache::Result<QString> writeDocument(const QString &path, const std::function<std::string()> &csv,
    const std::function<QString()> &html, const QString &title)
{
    if (QFileInfo(path).suffix().toLower() == QLatin1String("csv")) {
        const std::string bytes = csv();
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly)
            || out.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size())
            || !out.commit())
            return attache::makeError("io", "Could not write " + path.toStdString());
        return path;
    }
    const QString part = path + QStringLiteral(".part");
    if (auto written = attache::documents::writePdf(html(), part, title); !written) {
        QFile::remove(part);
        return written.error();
    }
    QFile::remove(path);
    if (!QFile::rename(part, path)) {
        QFile::remove(part);
        return attache::makeError("io", "Could not write " + path.toStdString());
    }
    return path;
}

DocumentSaver::DocumentSaver(QObject *parent)
    : QObject(parent)
{ }

void DocumentSaver::setBackend(Backend *backend)
{
    if (m_backend == backend)
        return;
    m_backend = backend;
    Q_EMIT configChanged();
}

void DocumentSaver::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void DocumentSaver::saveMissionReport(
    const QString &missionId, const QUrl &file, const QString &asOf)
{
    if (!m_backend || m_busy)
        return;
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("csv")) {
        Q_EMIT errorMessage(tr("Save the report as a .pdf or .csv file."));
        return;
    }
    const std::string today = QDate::currentDate().toString(Qt::ISODate).toStdString();
    const std::string overdueAsOf = asOf.isEmpty() ? today : asOf.toStdString();
    setBusy(true);
    m_backend->run(
        this,
        [id = missionId.toStdString(), path, today, overdueAsOf](
            attache::Store &s) -> attache::Result<QString> {
            auto data = attache::documents::loadMissionReport(s, id, overdueAsOf);
            if (!data)
                return data.error();
            attache::documents::DocumentHeader header;
            header.date = today;
            header.signerTitle = "TRƯỞNG ĐOÀN";
            header.signerName = data->leaderName;
            return writeDocument(
                path, [&] { return attache::documents::missionReportCsv(*data); },
                [&] { return attache::documents::missionReportHtml(*data, header); },
                QStringLiteral("Báo cáo kết quả chuyến công tác"));
        },
        [this](attache::Result<QString> r) {
            setBusy(false);
            if (!r) {
                qCWarning(lcApp) << "saving the mission report:" << r.error().message.c_str();
                Q_EMIT errorMessage(r.error().code == "io"
                        ? tr("Could not save the report: %1")
                              .arg(QString::fromStdString(r.error().message))
                        : Texts::errorText(r.error()));
                return;
            }
            Q_EMIT saved(*r);
        });
}
