#pragma once

#include "backend.h"
#include "preferences.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

/// Search as you type over every record on the device, accent-insensitive ("ha tinh" finds
/// "Hà Tĩnh"): the store's full-text index, queried on the worker thread a moment after the
/// last keystroke. Answers to an older query are dropped.
class SearchModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Backend *backend READ backend WRITE setBackend NOTIFY backendChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(int delay READ delay WRITE setDelay NOTIFY backendChanged)
    Q_PROPERTY(bool searching READ searching NOTIFY searchingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles { IdRole = Qt::UserRole + 1, KindRole, KindLabelRole, TitleRole, MissionIdRole };
    Q_ENUM(Roles)

    explicit SearchModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Backend *backend() const { return m_backend; }
    void setBackend(Backend *backend);
    QString query() const { return m_query; }
    void setQuery(const QString &query);
    int delay() const { return m_timer.interval(); }
    void setDelay(int ms);
    bool searching() const { return m_searching; }
    int count() const { return int(m_rows.size()); }

Q_SIGNALS:
    void backendChanged();
    void queryChanged();
    void searchingChanged();
    void countChanged();

private:
    struct Row
    {
        QString id;
        QString kind;
        QString title;
        QString missionId;
    };
    void run();

    QPointer<Backend> m_backend;
    QString m_query;
    QTimer m_timer;
    std::vector<Row> m_rows;
    bool m_searching = false;
    int m_generation = 0;
};
