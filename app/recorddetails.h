#pragma once

#include "backend.h"
#include "preferences.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <nlohmann/json.hpp>

/// One record read for display: its title and its filled-in fields as [{label, value}] lines
/// in the user's language (references shown by name, dates and amounts formatted), and for a
/// mission how many meetings, agreements, contacts… it holds.
class RecordDetails : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Backend *backend READ backend WRITE setBackend NOTIFY configChanged)
    Q_PROPERTY(Preferences *preferences READ preferences WRITE setPreferences NOTIFY configChanged)
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY configChanged)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY configChanged)
    Q_PROPERTY(QString title READ title NOTIFY loaded)
    Q_PROPERTY(QString status READ status NOTIFY loaded)
    Q_PROPERTY(QString statusLabel READ statusLabel NOTIFY loaded)
    Q_PROPERTY(QVariantList lines READ lines NOTIFY loaded)
    /// {meeting: 3, agreement: 1, …} for a mission.
    Q_PROPERTY(QVariantMap counts READ counts NOTIFY loaded)
    Q_PROPERTY(bool exists READ exists NOTIFY loaded)

public:
    explicit RecordDetails(QObject *parent = nullptr);

    Backend *backend() const { return m_backend; }
    void setBackend(Backend *backend);
    Preferences *preferences() const { return m_prefs; }
    void setPreferences(Preferences *prefs);
    QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    QString recordId() const { return m_recordId; }
    void setRecordId(const QString &id);
    QString title() const { return m_title; }
    QString status() const;
    QString statusLabel() const;
    QVariantList lines() const;
    QVariantMap counts() const { return m_counts; }
    bool exists() const { return m_exists; }

    Q_INVOKABLE void reload();

Q_SIGNALS:
    void configChanged();
    void loaded();

private:
    QPointer<Backend> m_backend;
    QPointer<Preferences> m_prefs;
    QString m_kind;
    QString m_recordId;
    QString m_title;
    bool m_exists = false;
    nlohmann::json m_fields;
    std::map<std::string, std::string> m_names; ///< referenced ids → titles
    QVariantMap m_counts;
    int m_generation = 0;
};
