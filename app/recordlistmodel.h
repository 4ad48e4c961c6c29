#pragma once

#include "backend.h"
#include "preferences.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <nlohmann/json.hpp>

/// The records of one kind, optionally of one mission, for a list view. Loads a page at a time
/// on the worker thread (canFetchMore/fetchMore), so a list of 100,000 contacts opens at once
/// and scrolls smoothly. Refreshes itself when the kind changes in the store.
class RecordListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Backend *backend READ backend WRITE setBackend NOTIFY configChanged)
    Q_PROPERTY(Preferences *preferences READ preferences WRITE setPreferences NOTIFY configChanged)
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY configChanged)
    Q_PROPERTY(QString missionId READ missionId WRITE setMissionId NOTIFY configChanged)
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY configChanged)
    /// Only the records attached to this one (their "record_id"): a record's attachments.
    Q_PROPERTY(
        QString linkedRecordId READ linkedRecordId WRITE setLinkedRecordId NOTIFY configChanged)
    Q_PROPERTY(qint64 totalCount READ totalCount NOTIFY totalCountChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        SubtitleRole,
        StatusRole,
        StatusLabelRole,
        KindRole,
        MissionIdRole,
    };
    Q_ENUM(Roles)

    explicit RecordListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    Backend *backend() const { return m_backend; }
    void setBackend(Backend *backend);
    Preferences *preferences() const { return m_prefs; }
    void setPreferences(Preferences *prefs);
    QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    QString missionId() const { return m_missionId; }
    void setMissionId(const QString &id);
    int pageSize() const { return m_pageSize; }
    QString linkedRecordId() const { return m_linkedRecordId; }
    void setLinkedRecordId(const QString &id);
    void setPageSize(int size);
    qint64 totalCount() const { return m_total; }
    bool loading() const { return m_loading; }
    int count() const { return int(m_rows.size()); }

    Q_INVOKABLE QString idAt(int row) const;
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void configChanged();
    void totalCountChanged();
    void loadingChanged();
    void countChanged();

private:
    struct Row
    {
        QString id;
        QString title;
        QString missionId;
        nlohmann::json fields;
    };
    void setLoading(bool loading);
    QString subtitle(const Row &row) const;
    QString status(const Row &row) const;
    void onChanged(const QString &kind);

    QPointer<Backend> m_backend;
    QPointer<Preferences> m_prefs;
    QString m_kind;
    QString m_missionId;
    QString m_linkedRecordId;
    int m_pageSize = 50;
    std::vector<Row> m_rows;
    qint64 m_total = 0;
    bool m_loading = false;
    bool m_fetching = false;
    int m_generation = 0;
    QMetaObject::Connection m_changedConnection;
};
