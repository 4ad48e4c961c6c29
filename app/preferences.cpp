#include "preferences.h"

#include "iso.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QQmlEngine>
#include <QRegularExpression>

#include <cmath>

Preferences::Preferences(QSettings *settings, QObject *parent, bool installTranslator)
    : QObject(parent)
    , m_settings(settings)
    , m_installTranslator(installTranslator)
{
    if (m_settings) {
        m_language = m_settings->value(QStringLiteral("language"), m_language).toString();
        m_theme = m_settings->value(QStringLiteral("theme"), m_theme).toString();
        m_setupDone = m_settings->value(QStringLiteral("setupDone"), false).toBool();
    }
    if (m_language != QLatin1String("en"))
        m_language = QStringLiteral("vi");
    apply();
}

void Preferences::apply()
{
    if (m_installTranslator) {
        QCoreApplication::removeTranslator(&m_translator);
        const auto file = QStringLiteral(":/i18n/attache_%1.qm").arg(m_language);
        if (m_translator.load(file))
            QCoreApplication::installTranslator(&m_translator);
        else
            qCWarning(lcApp) << "no translation" << file;
    }
    m_locale = QLocale(m_language == QLatin1String("en") ? QLocale::English : QLocale::Vietnamese,
        m_language == QLatin1String("en") ? QLocale::UnitedKingdom : QLocale::Vietnam);
    m_locale.setNumberOptions(QLocale::DefaultNumberOptions);
    ++m_revision;
    if (m_engine)
        m_engine->retranslate();
}

void Preferences::setLanguage(const QString &language)
{
    const QString lang = language == QLatin1String("en") ? language : QStringLiteral("vi");
    if (lang == m_language)
        return;
    m_language = lang;
    if (m_settings)
        m_settings->setValue(QStringLiteral("language"), m_language);
    apply();
    Q_EMIT languageChanged();
}

void Preferences::setTheme(const QString &theme)
{
    const QString t = theme == QLatin1String("dark") ? theme : QStringLiteral("light");
    if (t == m_theme)
        return;
    m_theme = t;
    if (m_settings)
        m_settings->setValue(QStringLiteral("theme"), m_theme);
    Q_EMIT themeChanged();
}

void Preferences::setSetupDone(bool done)
{
    if (done == m_setupDone)
        return;
    m_setupDone = done;
    if (m_settings)
        m_settings->setValue(QStringLiteral("setupDone"), m_setupDone);
    Q_EMIT setupDoneChanged();
}

QString Preferences::formatDate(const QString &isoDate) const
{
    const auto d = QDate::fromString(isoDate.left(10), Qt::ISODate);
    if (!d.isValid())
        return isoDate;
    return m_language == QLatin1String("en") ? m_locale.toString(d, QStringLiteral("d MMM yyyy"))
                                             : d.toString(QStringLiteral("dd/MM/yyyy"));
}

QString Preferences::formatDateTime(const QString &isoDateTime) const
{
    if (isoDateTime.size() < 16)
        return formatDate(isoDateTime);
    // The time of the place where it happened: show the wall-clock part as written.
    return formatDate(isoDateTime.left(10)) + QLatin1Char(' ') + isoDateTime.mid(11, 5);
}

QString Preferences::formatPeriod(const QString &start, const QString &end) const
{
    if (end.isEmpty() || end == start)
        return formatDate(start);
    if (start.isEmpty())
        return formatDate(end);
    // Two devices can each change one end of a period while offline, and the merge keep both:
    // the form refuses such dates, so the lists say it rather than show a quiet impossibility.
    if (end < start)
        return tr("%1 – %2 (ends before it starts: check the dates)")
            .arg(formatDate(start), formatDate(end));
    return formatDate(start) + QStringLiteral(" – ") + formatDate(end);
}

QString Preferences::formatNumber(double value, int decimals) const
{
    return m_locale.toString(value, 'f', decimals);
}

QString Preferences::formatInteger(qint64 value) const
{
    return m_locale.toString(value);
}

QString Preferences::formatMoney(qint64 minorUnits, const QString &currency) const
{
    const int digits = attache::currencyMinorDigits(currency.toStdString()).value_or(2);
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    QString whole = m_locale.toString(minorUnits / scale);
    const qint64 frac = minorUnits % scale;
    if (frac != 0) {
        QString f = QString::number(frac).rightJustified(digits, QLatin1Char('0'));
        while (f.endsWith(QLatin1Char('0')))
            f.chop(1);
        whole += m_locale.decimalPoint() + f;
    }
    return whole + QLatin1Char(' ') + currency;
}

QString Preferences::formatTimestamp(qint64 unixMs) const
{
    if (unixMs <= 0)
        return {};
    const auto dt = QDateTime::fromMSecsSinceEpoch(unixMs).toLocalTime();
    return formatDate(dt.date().toString(Qt::ISODate)) + QLatin1Char(' ')
        + dt.time().toString(QStringLiteral("HH:mm"));
}

std::optional<QString> Preferences::parseDate(const QString &text)
{
    const QString t = text.trimmed();
    static const QRegularExpression dmy(QStringLiteral("^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})$"));
    static const QRegularExpression ymd(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"));
    QDate d;
    if (auto m = dmy.match(t); m.hasMatch())
        d = QDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
    else if (auto m2 = ymd.match(t); m2.hasMatch())
        d = QDate(m2.captured(1).toInt(), m2.captured(2).toInt(), m2.captured(3).toInt());
    if (!d.isValid())
        return std::nullopt;
    return d.toString(Qt::ISODate);
}

std::optional<QString> Preferences::parseDateTime(const QString &text)
{
    const QString t = text.trimmed();
    static const QRegularExpression re(QStringLiteral("^(\\S+)\\s+(\\d{1,2})[:h](\\d{2})$"));
    const auto m = re.match(t);
    if (!m.hasMatch())
        return std::nullopt;
    const auto date = parseDate(m.captured(1));
    const int h = m.captured(2).toInt();
    const int min = m.captured(3).toInt();
    if (!date || h > 23 || min > 59)
        return std::nullopt;
    return *date
        + QStringLiteral("T%1:%2")
              .arg(h, 2, 10, QLatin1Char('0'))
              .arg(min, 2, 10, QLatin1Char('0'));
}

std::optional<qint64> Preferences::parseMoney(const QString &text, const QString &currency) const
{
    const int digits = attache::currencyMinorDigits(currency.toStdString()).value_or(2);
    QString t = text.trimmed();
    t.remove(QLatin1Char(' '));
    t.remove(QChar(0x00A0));
    // People type the separators of their language; the group separator is dropped.
    const QString group = m_locale.groupSeparator();
    const QString point = m_locale.decimalPoint();
    t.remove(group);
    t.replace(point, QStringLiteral("."));
    static const QRegularExpression re(QStringLiteral("^(\\d{1,15})(?:\\.(\\d+))?$"));
    const auto m = re.match(t);
    if (!m.hasMatch())
        return std::nullopt;
    QString frac = m.captured(2);
    while (frac.endsWith(QLatin1Char('0')))
        frac.chop(1);
    if (frac.size() > digits)
        return std::nullopt;
    qint64 v = m.captured(1).toLongLong();
    for (int i = 0; i < digits; ++i)
        v = v * 10 + (i < frac.size() ? frac.at(i).digitValue() : 0);
    return v;
}

QString Preferences::dateInput(const QString &isoDate)
{
    const auto d = QDate::fromString(isoDate.left(10), Qt::ISODate);
    return d.isValid() ? d.toString(QStringLiteral("dd/MM/yyyy")) : isoDate;
}

QString Preferences::dateTimeInput(const QString &isoDateTime)
{
    if (isoDateTime.size() < 16)
        return dateInput(isoDateTime);
    return dateInput(isoDateTime.left(10)) + QLatin1Char(' ') + isoDateTime.mid(11, 5);
}

QString Preferences::moneyInput(qint64 minorUnits, const QString &currency) const
{
    const auto s = formatMoney(minorUnits, currency);
    return s.left(s.size() - currency.size() - 1);
}
