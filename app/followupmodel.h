#pragma once

#include "backend.h"
#include "preferences.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <vector>

/// Follow-ups after return across every mission on the device, by due date: what is due,
/// overdue or done, filterable by owner and by state, optionally grouped by owner (sorted by
/// owner, then due date, for a ListView section). Loaded on the Backend's worker thread
/// (documents::loadFollowUps); follow-ups are few, so the model holds them all and filters here.
class FollowUpModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Backend *backend READ backend WRITE setBackend NOTIFY configChanged)
    Q_PROPERTY(Preferences *preferences READ preferences WRITE setPreferences NOTIFY configChanged)
    /// "" every owner, "-" those nobody owns, else a user id.
    Q_PROPERTY(QString owner READ owner WRITE setOwner NOTIFY configChanged)
    /// "" every state; due, overdue, done, cancelled.
    Q_PROPERTY(QString state READ state WRITE setState NOTIFY configChanged)
    Q_PROPERTY(bool groupByOwner READ groupByOwner WRITE setGroupByOwner NOTIFY configChanged)
    /// Follow-ups due before this date and not done are overdue ("" today).
    Q_PROPERTY(QString asOf READ asOf WRITE setAsOf NOTIFY configChanged)
    /// [{value, label}] for a ComboBox; change only when the owners (or the language) change.
    Q_PROPERTY(QVariantList ownerOptions READ ownerOptions NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList stateOptions READ stateOptions NOTIFY optionsChanged)
    /// How many of the owner's follow-ups are due, overdue, done (whatever the state filter).
    Q_PROPERTY(int dueCount READ dueCount NOTIFY countsChanged)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY countsChanged)
    Q_PROPERTY(int doneCount READ doneCount NOTIFY countsChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        RecordIdRole = Qt::UserRole + 1,
        TitleRole,
        MissionIdRole,
        MissionTitleRole,
        OwnerIdRole,
        OwnerNameRole,
        DueDateRole, ///< formatted; "" none
        StateRole, ///< due, overdue, done, cancelled
        StateLabelRole,
        StatusRole, ///< the record's status (open, in_progress…)
        StatusLabelRole,
        LinkedRole, ///< "From meeting: JETRO", "" where it came from no record on the device
    };
    Q_ENUM(Roles)

    explicit FollowUpModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Backend *backend() const { return m_backend; }
    void setBackend(Backend *backend);
    Preferences *preferences() const { return m_prefs; }
    void setPreferences(Preferences *prefs);
    QString owner() const { return m_owner; }
    void setOwner(const QString &owner);
    QString state() const { return m_state; }
    void setState(const QString &state);
    bool groupByOwner() const { return m_groupByOwner; }
    void setGroupByOwner(bool group);
    QString asOf() const { return m_asOf; }
    void setAsOf(const QString &asOf);
    QVariantList ownerOptions() const { return m_ownerOptions; }
    QVariantList stateOptions() const;
    int dueCount() const { return m_counts[0]; }
    int overdueCount() const { return m_counts[1]; }
    int doneCount() const { return m_counts[2]; }
    bool loaded() const { return m_loaded; }
    int count() const { return int(m_rows.size()); }

    Q_INVOKABLE QString idAt(int row) const;
    Q_INVOKABLE QString stateAt(int row) const;
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void configChanged();
    void optionsChanged();
    void countsChanged();
    void loadedChanged();
    void countChanged();
    void errorMessage(const QString &message);

private:
    struct Row
    {
        QString id, title, missionId, missionTitle, ownerId, ownerName, dueDate, status, state;
        QString linkedKind, linkedTitle;
    };
    void applyFilter();
    void updateOwners();
    QString stateOf(const Row &row) const;
    QString stateLabel(const QString &state) const;

    QPointer<Backend> m_backend;
    QPointer<Preferences> m_prefs;
    QString m_owner;
    QString m_state;
    bool m_groupByOwner = false;
    QString m_asOf;
    std::vector<Row> m_all; ///< by due date, those without one last
    QVariantList m_ownerOptions;
    std::vector<Row> m_rows;
    int m_counts[3] = {0, 0, 0};
    bool m_loaded = false;
    int m_generation = 0;
};
