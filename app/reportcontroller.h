#pragma once

#include "backend.h"
#include "preferences.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

/// What a mission (or a year of missions) achieved, for the report page, and the manager's
/// review of a mission report: approve it, or return it with a comment. A review is stored as
/// a `review` record and moves the mission's status, so that it syncs back to the delegation.
class ReportController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Backend *backend READ backend WRITE setBackend NOTIFY configChanged)
    Q_PROPERTY(Preferences *preferences READ preferences WRITE setPreferences NOTIFY configChanged)
    Q_PROPERTY(QString missionId READ missionId WRITE setMissionId NOTIFY configChanged)
    Q_PROPERTY(int year READ year WRITE setYear NOTIFY configChanged)
    Q_PROPERTY(QString country READ country WRITE setCountry NOTIFY configChanged)
    /// [{label, value}] lines of figures, formatted for the current language.
    Q_PROPERTY(QVariantList figures READ figures NOTIFY figuresChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY figuresChanged)
    Q_PROPERTY(QString missionStatus READ missionStatus NOTIFY figuresChanged)
    Q_PROPERTY(bool canReview READ canReview NOTIFY figuresChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    explicit ReportController(QObject *parent = nullptr);

    Backend *backend() const { return m_backend; }
    void setBackend(Backend *backend);
    Preferences *preferences() const { return m_prefs; }
    void setPreferences(Preferences *prefs);
    QString missionId() const { return m_missionId; }
    void setMissionId(const QString &id);
    int year() const { return m_year; }
    void setYear(int year);
    QString country() const { return m_country; }
    void setCountry(const QString &country);
    QVariantList figures() const { return m_figures; }
    QString summary() const { return m_summary; }
    QString missionStatus() const { return m_missionStatus; }
    bool canReview() const;
    bool busy() const { return m_busy; }

    Q_INVOKABLE void reload();
    Q_INVOKABLE void approve(const QString &comment);
    /// A returned report needs a comment saying what to change.
    Q_INVOKABLE void returnReport(const QString &comment);

Q_SIGNALS:
    void configChanged();
    void figuresChanged();
    void busyChanged();
    void reviewed(const QString &decision);
    void errorMessage(const QString &message);

private:
    void review(const QString &decision, const QString &comment);
    void setBusy(bool busy);

    QPointer<Backend> m_backend;
    QPointer<Preferences> m_prefs;
    QString m_missionId;
    int m_year = 0;
    QString m_country;
    QVariantList m_figures;
    QString m_summary;
    QString m_missionStatus;
    bool m_busy = false;
    int m_generation = 0;
    struct Cached;
    std::shared_ptr<Cached> m_cached;
    void format();
};
