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

namespace {

/// The writer's page set-up and a document laid out on it.
struct Layout
{
    explicit Layout(const QString &path)
        : writer(path)
    { }
    QPdfWriter writer;
    QTextDocument doc;
    QFont font;
    QRectF area;
    qreal footer = 0;
    QSizeF body;
};

void layOut(Layout &l, const QString &family, const QString &html)
{
    l.writer.setCreator(QStringLiteral("Attaché"));
    l.writer.setResolution(300);
    l.writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
        QMarginsF(30, 20, 15, 20), QPageLayout::Millimeter));
    // Measure text at the writer's resolution, so that points are points on paper.
    l.doc.documentLayout()->setPaintDevice(&l.writer);
    l.font = QFont(family);
    l.font.setPointSizeF(11);
    l.doc.setDefaultFont(l.font);
    l.doc.setDocumentMargin(0);
    l.doc.setDefaultStyleSheet(
        QStringLiteral("h4 { font-size: 11pt; margin-top: 10px; } "
                       "th { font-weight: bold; } td, th { font-size: 10pt; }"));
    l.doc.setHtml(html);
    // Lay out on the printable area of the page, in the writer's device pixels.
    l.area = l.writer.pageLayout().paintRectPixels(l.writer.resolution());
    l.footer = l.writer.resolution() / 4.0; // a quarter inch for the page number
    l.body = QSizeF(l.area.width(), l.area.height() - l.footer);
    l.doc.setPageSize(l.body);
}

} // namespace

Result<int> pdfPageCount(const QString &html)
{
    auto family = loadDocumentFont();
    if (!family)
        return family.error();
    Layout l {QString()};
    layOut(l, *family, html);
    return l.doc.pageCount();
}

Result<void> writePdf(const QString &html, const QString &path, const QString &title)
{
    auto family = loadDocumentFont();
    if (!family)
        return family.error();
    Layout l(path);
    l.writer.setTitle(title);
    layOut(l, *family, html);
    QPdfWriter &writer = l.writer;
    QTextDocument &doc = l.doc;
    const QRectF &area = l.area;
    const QSizeF &body = l.body;
    const qreal footer = l.footer;
    const QFont &font = l.font;

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
