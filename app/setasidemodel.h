#pragma once

#include "backend.h"
#include "preferences.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

/// Edits that could not be sent (the user was removed from their mission, the record moved to a
/// mission they are not on, values that lost a conflict left with their record): the sync
/// engine set them aside (Store::setAsideEdits()) instead of losing them. This lists them with
/// the record's content as plain text, why each was set aside and what the user can do, in
/// plain translated words, copies one to the clipboard, and dismisses one once the user has
/// dealt with it (the dismissal is kept in the store; the copy stays until the device is wiped).
class SetAsideModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Backend *backend READ backend WRITE setBackend NOTIFY configChanged)
    Q_PROPERTY(Preferences *preferences READ preferences WRITE setPreferences NOTIFY configChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

public:
    enum Roles {
        EditIdRole = Qt::UserRole + 1,
        KindLabelRole,
        TitleRole,
        TextRole,
        ReasonRole, ///< the store's code: removed_from_mission, moved_out_of_scope, …
        SetAsideAtRole,
        ChangedFieldsRole,
        ReasonTextRole, ///< why, in one translated sentence
        AdviceRole, ///< what the user can do about it, in one translated sentence
    };
    Q_ENUM(Roles)

    explicit SetAsideModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Backend *backend() const { return m_backend; }
    void setBackend(Backend *backend);
    Preferences *preferences() const { return m_prefs; }
    void setPreferences(Preferences *prefs);
    int count() const { return int(m_rows.size()); }
    bool loading() const { return m_loading; }

    Q_INVOKABLE void reload();
    /// The whole of one set-aside edit as plain text, for pasting elsewhere.
    Q_INVOKABLE QString textOf(qint64 editId) const;
    /// Puts textOf(editId) on the clipboard.
    Q_INVOKABLE void copy(qint64 editId) const;
    /// Hides it from this list for good (the user copied it or does not need it).
    Q_INVOKABLE void dismiss(qint64 editId);

    /// Why an edit was set aside, for a Store::SetAsideEdit reason code (any code, even one
    /// this version does not know, gets a sentence).
    static QString reasonText(const QString &reason);
    /// What the user can do about an edit set aside for `reason`.
    static QString advice(const QString &reason);

Q_SIGNALS:
    void configChanged();
    void countChanged();
    void loadingChanged();

public:
    struct Row
    {
        qint64 id = 0;
        QString kind;
        QString title;
        QString text;
        QString reason;
        qint64 setAsideAt = 0;
        QStringList changedFields;
    };

private:
    void setRows(std::vector<Row> rows);

    QPointer<Backend> m_backend;
    QPointer<Preferences> m_prefs;
    std::vector<Row> m_rows;
    bool m_loading = false;
    int m_generation = 0;
};
