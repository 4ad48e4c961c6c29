#pragma once

#include "result.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

/// Every word the app shows about the data model, translated: kind names, field labels, enum
/// values, country names and the sentences for store errors. The store speaks stable codes
/// ("required", "invalid_email"); this turns them into the user's language.
namespace Texts {

QString kindName(const QString &kind);
QString kindPlural(const QString &kind);
QString fieldLabel(const QString &kind, const QString &field);
QString enumLabel(const QString &kind, const QString &field, const QString &value);
/// [{value, label}] for an enum field, in schema order.
QVariantList enumOptions(const QString &kind, const QString &field);
/// Country name in the current language (falls back to the English name, then the code).
QString countryName(const QString &code);
/// [{value, label}] for every ISO 3166 country, sorted by label.
QVariantList countryOptions();
/// Currencies offered first in money fields.
QStringList commonCurrencies();

/// One sentence for an error, naming the field in the user's language when known.
QString errorText(const attache::Error &error, const QString &kind = {});

} // namespace Texts
