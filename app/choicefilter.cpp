#include "choicefilter.h"

#include "text.h"

ChoiceFilter::ChoiceFilter(QObject *parent)
    : QAbstractListModel(parent)
{ }

int ChoiceFilter::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ChoiceFilter::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Choice &c = m_all[size_t(m_rows[size_t(index.row())])];
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return c.label;
    case ValueRole:
        return c.value;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChoiceFilter::roleNames() const
{
    return {{ValueRole, "value"}, {LabelRole, "label"}};
}

void ChoiceFilter::setOptions(const QVariantList &options)
{
    if (m_options == options)
        return;
    m_options = options;
    m_all.clear();
    m_all.reserve(size_t(options.size()));
    for (const auto &o : options) {
        const QVariantMap map = o.toMap();
        const QString value = map.value(QStringLiteral("value")).toString();
        if (value.isEmpty())
            continue; // the "none" entry of single pickers
        const QString label = map.value(QStringLiteral("label")).toString();
        m_all.push_back({value, label, attache::foldForSearch(label.toStdString())});
    }
    Q_EMIT optionsChanged();
    refilter();
}

void ChoiceFilter::setQuery(const QString &query)
{
    if (m_query == query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    refilter();
}

void ChoiceFilter::setExclude(const QStringList &exclude)
{
    if (m_exclude == exclude)
        return;
    m_exclude = exclude;
    Q_EMIT excludeChanged();
    refilter();
}

void ChoiceFilter::setLimit(int limit)
{
    if (m_limit == limit)
        return;
    m_limit = limit;
    Q_EMIT limitChanged();
    refilter();
}

QString ChoiceFilter::labelOf(const QString &value) const
{
    for (const auto &c : m_all) {
        if (c.value == value)
            return c.label;
    }
    return {};
}

QString ChoiceFilter::valueAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    return m_all[size_t(m_rows[size_t(row)])].value;
}

void ChoiceFilter::refilter()
{
    // Every word typed must appear in the label, accents and case aside.
    const auto tokens = attache::searchTokens(m_query.toStdString());
    std::vector<int> rows;
    for (size_t i = 0; i < m_all.size() && (m_limit < 0 || int(rows.size()) < m_limit); ++i) {
        const Choice &c = m_all[i];
        if (m_exclude.contains(c.value))
            continue;
        bool all = true;
        for (const auto &t : tokens) {
            if (c.folded.find(t) == std::string::npos) {
                all = false;
                break;
            }
        }
        if (all)
            rows.push_back(int(i));
    }
    const int before = int(m_rows.size());
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (before != int(m_rows.size()))
        Q_EMIT countChanged();
}
