#pragma once

#include "backend.h"
#include "preferences.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <vector>

/// The records behind one figure or bar of the dashboard (documents::loadDrillDown, run on the
/// Backend's worker thread) for a list that opens each record: the missions of a country, the
/// agreements signed, the follow-ups overdue… `key` is the drill key DashboardModel hands out.
class DrillDownModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Backend *backend READ backend WRITE setBackend NOTIFY configChanged)
    Q_PROPERTY(Preferences *preferences READ preferences WRITE setPreferences NOTIFY configChanged)
    Q_PROPERTY(QString key READ key WRITE setKey NOTIFY configChanged)
    Q_PROPERTY(QString from READ from WRITE setFrom NOTIFY configChanged)
    Q_PROPERTY(QString to READ to WRITE setTo NOTIFY configChanged)
    Q_PROPERTY(QString asOf READ asOf WRITE setAsOf NOTIFY configChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        KindRole = Qt::UserRole + 1,
        RecordIdRole,
        TitleRole,
        SubtitleRole,
        MissionIdRole,
        StatusRole,
        StatusLabelRole,
        /// Whether the app has a page for the record (officials have none).
        OpenableRole,
    };
    Q_ENUM(Roles)

    explicit DrillDownModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Backend *backend() const { return m_backend; }
    void setBackend(Backend *backend);
    Preferences *preferences() const { return m_prefs; }
    void setPreferences(Preferences *prefs);
    QString key() const { return m_key; }
    void setKey(const QString &key);
    QString from() const { return m_from; }
    void setFrom(const QString &from);
    QString to() const { return m_to; }
    void setTo(const QString &to);
    QString asOf() const { return m_asOf; }
    void setAsOf(const QString &asOf);
    bool loading() const { return m_loading; }
    bool loaded() const { return m_loaded; }
    int count() const { return int(m_rows.size()); }

    Q_INVOKABLE QString idAt(int row) const;
    Q_INVOKABLE QString titleAt(int row) const;
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void configChanged();
    void loadingChanged();
    void countChanged();
    void errorMessage(const QString &message);

private:
    struct Row
    {
        QString kind, id, title, missionId, missionTitle, date, status, country, detail;
        qint64 amount = 0;
        QString currency;
        qint64 count = 0;
    };
    QString subtitle(const Row &row) const;
    void setLoading(bool loading);

    QPointer<Backend> m_backend;
    QPointer<Preferences> m_prefs;
    QString m_key;
    QString m_from;
    QString m_to;
    QString m_asOf;
    std::vector<Row> m_rows;
    bool m_loading = false;
    bool m_loaded = false;
    int m_generation = 0;
    /// Coalesces the reloads a burst of store changes (a sync) asks for.
    QTimer m_changeTimer;
};
