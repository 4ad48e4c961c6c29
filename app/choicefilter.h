#pragma once

#include <QAbstractListModel>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <string>
#include <vector>

/// The choices of a picker ({value, label} maps, e.g. a mission's contacts) that match what
/// the user types, accent-insensitively ("nguyen" finds "Nguyễn"), at most `limit` of them, for
/// the searchable pickers of the forms. Filtering happens here, not in QML.
class ChoiceFilter : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantList options READ options WRITE setOptions NOTIFY optionsChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(QStringList exclude READ exclude WRITE setExclude NOTIFY excludeChanged)
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        ValueRole = Qt::UserRole + 1,
        LabelRole,
    };
    Q_ENUM(Roles)

    explicit ChoiceFilter(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QVariantList options() const { return m_options; }
    void setOptions(const QVariantList &options);
    QString query() const { return m_query; }
    void setQuery(const QString &query);
    /// Values left out (those already chosen).
    QStringList exclude() const { return m_exclude; }
    void setExclude(const QStringList &exclude);
    int limit() const { return m_limit; }
    void setLimit(int limit);

    /// The label of a value among the options ("" if unknown).
    Q_INVOKABLE QString labelOf(const QString &value) const;
    /// The value shown at `row` (Enter picks the first match).
    Q_INVOKABLE QString valueAt(int row) const;

Q_SIGNALS:
    void optionsChanged();
    void queryChanged();
    void excludeChanged();
    void limitChanged();
    void countChanged();

private:
    struct Choice
    {
        QString value;
        QString label;
        std::string folded;
    };
    void refilter();

    QVariantList m_options;
    std::vector<Choice> m_all;
    std::vector<int> m_rows; ///< indexes into m_all
    QString m_query;
    QStringList m_exclude;
    int m_limit = 8;
};
