#pragma once

#include <QLocale>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QTranslator>

#include <optional>

class QQmlEngine;

/// The user's language and theme, kept across runs, and the formatting that follows the
/// language: Vietnamese writes 1.409,5 and 09/03/2026; English 1,409.5 and 9 Mar 2026.
/// Switching the language installs the compiled translation and retranslates the QML at once.
class Preferences : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    /// Bound by every text that formats a number or a date, so that it reformats on a switch.
    Q_PROPERTY(int revision READ revision NOTIFY languageChanged)
    /// False until the first-start screen was answered (signed in, or "work offline"). main()
    /// also sets it for a device found signed in (installed before the first-start screen).
    Q_PROPERTY(bool setupDone READ setupDone WRITE setSetupDone NOTIFY setupDoneChanged)

public:
    /// `settings` null keeps nothing across runs (tests). With `installTranslator` false the
    /// object only formats (it leaves the application's translators alone).
    explicit Preferences(
        QSettings *settings = nullptr, QObject *parent = nullptr, bool installTranslator = true);

    void setEngine(QQmlEngine *engine) { m_engine = engine; }

    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QString theme() const { return m_theme; }
    void setTheme(const QString &theme);
    int revision() const { return m_revision; }
    bool setupDone() const { return m_setupDone; }
    void setSetupDone(bool done);
    QLocale locale() const { return m_locale; }

    /// "2026-03-09" → "09/03/2026" (vi) or "9 Mar 2026" (en); "" stays "".
    Q_INVOKABLE QString formatDate(const QString &isoDate) const;
    /// "2026-03-10T09:30+09:00" → "10/03/2026 09:30", in the time of the place.
    Q_INVOKABLE QString formatDateTime(const QString &isoDateTime) const;
    Q_INVOKABLE QString formatPeriod(const QString &start, const QString &end) const;
    Q_INVOKABLE QString formatNumber(double value, int decimals = 0) const;
    Q_INVOKABLE QString formatInteger(qint64 value) const;
    /// Minor units and ISO 4217 code: (1500000000, "USD") → "15.000.000 USD".
    Q_INVOKABLE QString formatMoney(qint64 minorUnits, const QString &currency) const;
    /// Unix ms → "09/03/2026 14:05" in local time; 0 → "".
    Q_INVOKABLE QString formatTimestamp(qint64 unixMs) const;

    /// The ISO date for what a user typed (dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd); nullopt if it
    /// is not a date.
    static std::optional<QString> parseDate(const QString &text);
    /// "dd/mm/yyyy hh:mm" → "yyyy-MM-ddTHH:mm".
    static std::optional<QString> parseDateTime(const QString &text);
    /// An amount as typed in this language ("337,5" in vi, "337.5" in en) → minor units.
    std::optional<qint64> parseMoney(const QString &text, const QString &currency) const;
    /// Text for a date field's input: "2026-03-09" → "09/03/2026".
    static QString dateInput(const QString &isoDate);
    static QString dateTimeInput(const QString &isoDateTime);
    QString moneyInput(qint64 minorUnits, const QString &currency) const;

Q_SIGNALS:
    void languageChanged();
    void themeChanged();
    void setupDoneChanged();

private:
    void apply();

    QSettings *m_settings = nullptr;
    bool m_installTranslator = true;
    QQmlEngine *m_engine = nullptr;
    QTranslator m_translator;
    QString m_language = QStringLiteral("vi");
    QString m_theme = QStringLiteral("light");
    QLocale m_locale;
    int m_revision = 0;
    bool m_setupDone = false;
};
