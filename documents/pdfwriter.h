#pragma once

#include "result.h"

#include <QString>

namespace attache::documents {

/// Where the documents' font comes from: DejaVu Serif of the Debian package fonts-dejavu-core,
/// which covers every Vietnamese letter. Overridable for other systems with
/// ATTACHE_FONT_DIR.
QString fontDirectory();

/// Registers DejaVu Serif (regular, bold, italic, bold italic) with the application's font
/// database and returns its family name; an error that names the missing file and package
/// otherwise. Needs a QGuiApplication.
Result<QString> loadDocumentFont();

/// Lays out rich text on A4 pages (margins of an administrative document: 20 mm top and
/// bottom, 30 mm left, 15 mm right), with the font embedded, and writes it as PDF to `path`.
Result<void> writePdf(const QString &html, const QString &path, const QString &title);

/// How many pages writePdf() would write (the layout without the painting).
Result<int> pdfPageCount(const QString &html);

} // namespace attache::documents
