#pragma once

#include "backend.h"
#include "preferences.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

/// The manager's dashboard for a period (a year, or from/to dates): key figures and charts by
/// country, by month and by field of cooperation. Everything is computed by
/// documents/dashboarddata on the Backend's worker thread (the very figures of the period
/// summary); this object only formats them for the current language. Each figure and bar
/// carries a drill-down key that DrillDownModel turns into the records behind it.
class DashboardModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Backend *backend READ backend WRITE setBackend NOTIFY configChanged)
    Q_PROPERTY(Preferences *preferences READ preferences WRITE setPreferences NOTIFY configChanged)
    /// The year shown; 0 while a custom period (from/to) is shown.
    Q_PROPERTY(int year READ year WRITE setYear NOTIFY configChanged)
    /// The period as ISO dates ("" open-ended): missions starting within it count.
    Q_PROPERTY(QString from READ from NOTIFY configChanged)
    Q_PROPERTY(QString to READ to NOTIFY configChanged)
    /// Follow-ups due before this date and not done are overdue ("" today).
    Q_PROPERTY(QString asOf READ asOf WRITE setAsOf NOTIFY configChanged)
    /// [{value, label}]: the years with missions and the current year, newest first, then
    /// "custom period" (value 0).
    Q_PROPERTY(QVariantList yearOptions READ yearOptions NOTIFY yearsChanged)
    /// [{key, label, value, drill}] formatted key figures; drill is the drill-down key.
    Q_PROPERTY(QVariantList figures READ figures NOTIFY figuresChanged)
    /// [{key, label, value, fraction, drill}] bars; fraction of the longest bar (0..1).
    Q_PROPERTY(QVariantList byCountry READ byCountry NOTIFY figuresChanged)
    Q_PROPERTY(QVariantList byMonth READ byMonth NOTIFY figuresChanged)
    Q_PROPERTY(QVariantList byField READ byField NOTIFY figuresChanged)
    /// "3 missions with 6 person-trips".
    Q_PROPERTY(QString summary READ summary NOTIFY figuresChanged)
    /// The period in words: "Year 2026", "01/03/2026 – 31/05/2026".
    Q_PROPERTY(QString periodLabel READ periodLabel NOTIFY figuresChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadingChanged)
    /// A document of the period is being written (saveSummary).
    Q_PROPERTY(bool saving READ saving NOTIFY savingChanged)

public:
    explicit DashboardModel(QObject *parent = nullptr);
    ~DashboardModel() override;

    Backend *backend() const { return m_backend; }
    void setBackend(Backend *backend);
    Preferences *preferences() const { return m_prefs; }
    void setPreferences(Preferences *prefs);
    int year() const { return m_year; }
    void setYear(int year);
    QString from() const { return m_from; }
    QString to() const { return m_to; }
    QString asOf() const { return m_asOf; }
    void setAsOf(const QString &asOf);
    QVariantList yearOptions() const;
    QVariantList figures() const { return m_figures; }
    QVariantList byCountry() const { return m_byCountry; }
    QVariantList byMonth() const { return m_byMonth; }
    QVariantList byField() const { return m_byField; }
    QString summary() const { return m_summary; }
    QString periodLabel() const;
    bool loading() const { return m_loading; }
    bool loaded() const { return m_loaded; }
    bool saving() const { return m_saving; }

    /// A custom period from what the user typed (dd/mm/yyyy or yyyy-mm-dd; either may be
    /// empty for an open end). False, and nothing changes, if a date is not a date or the
    /// period ends before it starts.
    Q_INVOKABLE bool setPeriod(const QString &fromText, const QString &toText);
    Q_INVOKABLE void reload();
    /// The money of the figures, as the dashboard writes it: 1.750.000,50 US$ / 337.500.000.000 ₫
    /// in Vietnamese, 1,750,000.50 USD in English.
    Q_INVOKABLE QString formatMoney(qint64 minorUnits, const QString &currency) const;
    /// The period summary (báo cáo tổng kết) of the period shown, with the same figures, as
    /// a PDF laid out like a Vietnamese administrative report or as CSV (UTF-8 with BOM), by
    /// the file's extension (.pdf, .csv). Written on the worker thread, under a temporary
    /// name renamed at the end, so that a failed save never leaves half a file; then
    /// summarySaved(path) or errorMessage().
    Q_INVOKABLE void saveSummary(const QUrl &file);

Q_SIGNALS:
    void configChanged();
    void yearsChanged();
    void figuresChanged();
    void loadingChanged();
    void errorMessage(const QString &message);
    void savingChanged();
    void summarySaved(const QString &path);

private:
    void format();
    void setLoading(bool loading);

    QPointer<Backend> m_backend;
    QPointer<Preferences> m_prefs;
    int m_year = 0;
    QString m_from;
    QString m_to;
    QString m_asOf;
    QList<int> m_years;
    QVariantList m_figures;
    QVariantList m_byCountry;
    QVariantList m_byMonth;
    QVariantList m_byField;
    QString m_summary;
    bool m_loading = false;
    bool m_loaded = false;
    bool m_saving = false;
    int m_generation = 0;
    /// Coalesces the reloads a burst of store changes (a sync) asks for.
    QTimer m_changeTimer;
    struct Cached;
    std::shared_ptr<Cached> m_cached;
};
