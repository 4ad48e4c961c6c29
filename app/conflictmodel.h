#pragma once

#include "backend.h"
#include "preferences.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <nlohmann/json.hpp>

/// The rare real conflicts sync could not settle alone: the same field of the same record
/// changed on two devices. Each row shows both values side by side with who wrote them and
/// when; keep() stores the chosen value as a new edit, which syncs to every device.
class ConflictModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Backend *backend READ backend WRITE setBackend NOTIFY configChanged)
    Q_PROPERTY(Preferences *preferences READ preferences WRITE setPreferences NOTIFY configChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        ConflictIdRole = Qt::UserRole + 1,
        KindRole,
        KindLabelRole,
        RecordIdRole,
        RecordTitleRole,
        FieldLabelRole,
        WinnerValueRole,
        WinnerByRole,
        WinnerAtRole,
        LoserValueRole,
        LoserByRole,
        LoserAtRole,
    };
    Q_ENUM(Roles)

    explicit ConflictModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Backend *backend() const { return m_backend; }
    void setBackend(Backend *backend);
    Preferences *preferences() const { return m_prefs; }
    void setPreferences(Preferences *prefs);
    int count() const { return int(m_rows.size()); }

    Q_INVOKABLE void reload();
    /// Keeps the value shown on the left (`keepWinner`, the one sync chose) or the right one.
    Q_INVOKABLE void keep(qint64 conflictId, bool keepWinner);

Q_SIGNALS:
    void configChanged();
    void countChanged();
    void resolved(qint64 conflictId);
    void errorMessage(const QString &message);

public:
    struct Row
    {
        qint64 id = 0;
        QString kind;
        QString recordId;
        QString title;
        QString field;
        nlohmann::json winner, loser;
        QString winnerBy, loserBy;
        qint64 winnerAt = 0, loserAt = 0;
    };

private:
    QString valueText(const Row &row, const nlohmann::json &value) const;

    QPointer<Backend> m_backend;
    QPointer<Preferences> m_prefs;
    std::vector<Row> m_rows;
    int m_generation = 0;
};
