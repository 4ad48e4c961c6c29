#pragma once

#include "backend.h"
#include "preferences.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

/// Missions for the mission list: the user's own ("mine": as head or member; everything on
/// the device before sign-in) or the organisation's, filtered by year, status and country,
/// newest first. Missions are few (hundreds a year), so the model holds them all.
class MissionModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Backend *backend READ backend WRITE setBackend NOTIFY configChanged)
    Q_PROPERTY(Preferences *preferences READ preferences WRITE setPreferences NOTIFY configChanged)
    Q_PROPERTY(bool mineOnly READ mineOnly WRITE setMineOnly NOTIFY configChanged)
    Q_PROPERTY(int year READ year WRITE setYear NOTIFY configChanged)
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY configChanged)
    Q_PROPERTY(QString country READ country WRITE setCountry NOTIFY configChanged)
    Q_PROPERTY(QVariantList yearOptions READ yearOptions NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList statusOptions READ statusOptions NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList countryOptions READ countryOptions NOTIFY optionsChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        PeriodRole,
        StatusRole,
        StatusLabelRole,
        CountriesRole,
        PlacesRole,
        StartDateRole,
    };
    Q_ENUM(Roles)

    explicit MissionModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Backend *backend() const { return m_backend; }
    void setBackend(Backend *backend);
    Preferences *preferences() const { return m_prefs; }
    void setPreferences(Preferences *prefs);
    bool mineOnly() const { return m_mineOnly; }
    void setMineOnly(bool mine);
    int year() const { return m_year; }
    void setYear(int year);
    QString status() const { return m_status; }
    void setStatus(const QString &status);
    QString country() const { return m_country; }
    void setCountry(const QString &country);
    QVariantList yearOptions() const;
    QVariantList statusOptions() const;
    QVariantList countryOptions() const;
    bool loading() const { return m_loading; }
    bool loaded() const { return m_loaded; }
    int count() const { return int(m_rows.size()); }

    Q_INVOKABLE QString idAt(int row) const;
    Q_INVOKABLE int rowOf(const QString &id) const;
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void configChanged();
    void optionsChanged();
    void loadingChanged();
    void countChanged();

private:
    struct Row
    {
        QString id;
        QString title;
        QString status;
        QString start;
        QString end;
        QStringList countries;
        QStringList cities;
        QString leader;
        QStringList members;
    };
    void applyFilter();
    bool accepts(const Row &row) const;

    QPointer<Backend> m_backend;
    QPointer<Preferences> m_prefs;
    bool m_mineOnly = true;
    int m_year = 0;
    QString m_status;
    QString m_country;
    std::vector<Row> m_all;
    std::vector<Row> m_rows;
    bool m_loading = false;
    bool m_loaded = false;
    int m_generation = 0;
};
