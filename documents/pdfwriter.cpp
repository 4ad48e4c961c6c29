#include "pdfwriter.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace attache::documents {

namespace {

Error fail(const QString &code, const QString &message)
{
    return makeError(code.toStdString(), message.toStdString());
}

} // namespace

QString fontDirectory()
{
    const QString env = qEnvironmentVariable("ATTACHE_FONT_DIR");
    return env.isEmpty() ? QStringLiteral("/usr/share/fonts/truetype/dejavu") : env;
}

Result<QString> loadDocumentFont()
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return fail(QStringLiteral("no_gui"), QStringLiteral("Documents need a QGuiApplication."));
    static QString family;
    if (!family.isEmpty())
        return family;
    for (const char *file : {"DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
             "DejaVuSerif-BoldItalic.ttf"}) {
        const QString path = fontDirectory() + QLatin1Char('/') + QLatin1String(file);
        if (!QFileInfo::exists(path))
            return fail(QStringLiteral("font_missing"),
                QStringLiteral("The document font %1 is missing; install the Debian package "
                               "fonts-dejavu-core (scripts/install-deps).")
                    .arg(path));
        const int id = QFontDatabase::addApplicationFont(path);
        const QStringList families = QFontDatabase::applicationFontFamilies(id);
        if (id < 0 || families.isEmpty())
            return fail(QStringLiteral("font_unreadable"),
                QStringLiteral("The document font %1 could not be loaded.").arg(path));
        if (family.isEmpty())
            family = families.front();
    }
    return family;
}

Result<void> writePdf(const QString &html, const QString &path, const QString &title)
{
    auto family = loadDocumentFont();
    if (!family)
        return family.error();
    QPdfWriter writer(path);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Attaché"));
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
        QMarginsF(30, 20, 15, 20), QPageLayout::Millimeter));

    QTextDocument doc;
    // Measure text at the writer's resolution, so that points are points on paper.
    doc.documentLayout()->setPaintDevice(&writer);
    QFont font(*family);
    font.setPointSizeF(11);
    doc.setDefaultFont(font);
    doc.setDocumentMargin(0);
    doc.setDefaultStyleSheet(
        QStringLiteral("h4 { font-size: 11pt; margin-top: 10px; } "
                       "th { font-weight: bold; } td, th { font-size: 10pt; }"));
    doc.setHtml(html);
    // Lay out on the printable area of the page, in the writer's device pixels.
    const QRectF area = writer.pageLayout().paintRectPixels(writer.resolution());
    const qreal footer = writer.resolution() / 4.0; // a quarter inch for the page number
    const QSizeF body(area.width(), area.height() - footer);
    doc.setPageSize(body);

    QPainter painter;
    if (!painter.begin(&writer))
        return fail(QStringLiteral("io"), QStringLiteral("Could not write %1.").arg(path));
    const int pages = doc.pageCount();
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -page * body.height());
        doc.drawContents(&painter, QRectF(0, page * body.height(), body.width(), body.height()));
        painter.restore();
        // Page number at the foot, as administrative documents number pages from the second.
        if (pages > 1 && page > 0) {
            painter.setFont(font);
            painter.drawText(QRectF(0, body.height(), area.width(), footer),
                Qt::AlignHCenter | Qt::AlignBottom, QString::number(page + 1));
        }
    }
    if (!painter.end())
        return fail(QStringLiteral("io"), QStringLiteral("Could not write %1.").arg(path));
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0)
        return fail(QStringLiteral("io"), QStringLiteral("Could not write %1.").arg(path));
    return {};
}

} // namespace attache::documents
