#pragma once

#include "backend.h"
#include "preferences.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <nlohmann/json.hpp>

/// The form for creating or editing one record of any kind, as a list of fields for QML to
/// lay out. It loads the record (and the choices for its reference fields) on the worker
/// thread, turns what the user typed into the store's JSON (dates, amounts, lists), and saves.
/// The store validates; its errors land on the field they name, and a failed save keeps every
/// value typed. `only` narrows the form to a few fields (quick contact capture).
class RecordForm : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Backend *backend READ backend WRITE setBackend NOTIFY backendChanged)
    Q_PROPERTY(Preferences *preferences READ preferences WRITE setPreferences NOTIFY backendChanged)
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY kindChanged)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged)
    Q_PROPERTY(QString missionId READ missionId WRITE setMissionId NOTIFY missionIdChanged)
    Q_PROPERTY(QStringList only READ only WRITE setOnly NOTIFY kindChanged)
    Q_PROPERTY(bool isNew READ isNew NOTIFY recordIdChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(bool saving READ saving NOTIFY stateChanged)
    Q_PROPERTY(bool dirty READ dirty NOTIFY stateChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY stateChanged)
    Q_PROPERTY(QString title READ title NOTIFY stateChanged)
    Q_PROPERTY(QString attachmentPath READ attachmentPath WRITE setAttachmentPath NOTIFY
            attachmentPathChanged)
    /// The record a follow-up comes from (a meeting, an agreement…): set for a new follow-up,
    /// read from the record when editing one. Saved with a new record of a kind that has
    /// linked_kind/linked_id fields; an edit keeps the link as it is.
    Q_PROPERTY(QString linkedKind READ linkedKind WRITE setLinkedKind NOTIFY linkChanged)
    Q_PROPERTY(QString linkedId READ linkedId WRITE setLinkedId NOTIFY linkChanged)
    /// That record's title, loaded on the worker thread; empty while unknown or if the record
    /// is not on this device (deleted, or not synced yet).
    Q_PROPERTY(QString linkedTitle READ linkedTitle NOTIFY linkChanged)

public:
    enum Roles {
        NameRole = Qt::UserRole + 1,
        LabelRole,
        TypeRole,
        RequiredRole,
        ValueRole,
        CurrencyRole,
        OptionsRole,
        ErrorRole,
    };
    Q_ENUM(Roles)

    explicit RecordForm(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Backend *backend() const { return m_backend; }
    void setBackend(Backend *backend);
    Preferences *preferences() const { return m_prefs; }
    void setPreferences(Preferences *prefs);
    QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    QString recordId() const { return m_recordId; }
    void setRecordId(const QString &id);
    QString missionId() const { return m_missionId; }
    void setMissionId(const QString &id);
    QStringList only() const { return m_only; }
    void setOnly(const QStringList &only);
    bool isNew() const { return m_recordId.isEmpty(); }
    bool loading() const { return m_loading; }
    bool saving() const { return m_saving; }
    bool dirty() const { return m_dirty; }
    QString errorText() const { return m_error; }
    QString title() const { return m_title; }
    QString attachmentPath() const { return m_attachmentPath; }
    void setAttachmentPath(const QString &path);
    QString linkedKind() const { return m_linkedKind; }
    void setLinkedKind(const QString &kind);
    QString linkedId() const { return m_linkedId; }
    void setLinkedId(const QString &id);
    QString linkedTitle() const { return m_linkedTitle; }

    Q_INVOKABLE void setValue(const QString &field, const QVariant &value);
    Q_INVOKABLE void setCurrency(const QString &field, const QString &currency);
    Q_INVOKABLE QVariant value(const QString &field) const;
    Q_INVOKABLE QString fieldError(const QString &field) const;
    /// Validates what it can, then writes; saved() or failed() follows.
    Q_INVOKABLE void save();
    /// Reloads from the store, dropping unsaved edits.
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void backendChanged();
    void kindChanged();
    void recordIdChanged();
    void missionIdChanged();
    void stateChanged();
    void attachmentPathChanged();
    void linkChanged();
    void loaded();
    void saved(const QString &id);
    void failed(const QString &message);

private:
    struct Field
    {
        QString name;
        QString type;
        bool required = false;
        QVariant value;
        QString currency;
        QVariantList options;
        QString error;
    };
    void rebuild();
    void load();
    void setState(bool loading, bool saving);
    int rowOf(const QString &field) const;
    void setFieldError(int row, const QString &error);
    void clearErrors();
    void fill(const nlohmann::json &fields, const QVariantMap &options);
    bool toJson(nlohmann::json &out);
    void saveAttachment(const QString &recordId, const QString &missionId);
    void loadLink();
    void retranslate();

    QPointer<Backend> m_backend;
    QPointer<Preferences> m_prefs;
    QString m_kind;
    QString m_recordId;
    QString m_missionId;
    QStringList m_only;
    QString m_attachmentPath;
    QString m_linkedKind;
    QString m_linkedId;
    QString m_linkedTitle;
    int m_linkGeneration = 0;
    QString m_inputLanguage; ///< the language amounts are typed in (its separators)
    std::vector<Field> m_fields;
    nlohmann::json m_original = nlohmann::json::object();
    bool m_loading = false;
    bool m_saving = false;
    bool m_dirty = false;
    QString m_error;
    QString m_title;
    int m_generation = 0;
};
