#include "searchmodel.h"

#include "backend.h"
#include "store.h"
#include "texts.h"

SearchModel::SearchModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(120);
    connect(&m_timer, &QTimer::timeout, this, &SearchModel::run);
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return row.title;
    case IdRole:
        return row.id;
    case KindRole:
        return row.kind;
    case KindLabelRole:
        return Texts::kindName(row.kind);
    case MissionIdRole:
        return row.missionId;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return {{IdRole, "recordId"}, {KindRole, "kind"}, {KindLabelRole, "kindLabel"},
        {TitleRole, "title"}, {MissionIdRole, "missionId"}};
}

void SearchModel::setBackend(Backend *backend)
{
    if (m_backend == backend)
        return;
    m_backend = backend;
    Q_EMIT backendChanged();
}

void SearchModel::setDelay(int ms)
{
    m_timer.setInterval(std::max(0, ms));
    Q_EMIT backendChanged();
}

void SearchModel::setQuery(const QString &query)
{
    if (m_query == query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    ++m_generation; // whatever is in flight answers an older question
    if (!m_searching) {
        m_searching = true; // from the keystroke until the answer arrives
        Q_EMIT searchingChanged();
    }
    m_timer.start();
}

void SearchModel::run()
{
    if (!m_backend)
        return;
    const int generation = ++m_generation;
    if (m_query.trimmed().isEmpty()) {
        m_searching = false;
        Q_EMIT searchingChanged();
        beginResetModel();
        m_rows.clear();
        endResetModel();
        Q_EMIT countChanged();
        return;
    }
    m_backend->run(
        this, [q = m_query.toStdString()](attache::Store &s) { return s.search(q, 50); },
        [this, generation](attache::Result<std::vector<attache::SearchHit>> r) {
            if (generation != m_generation)
                return;
            m_searching = false;
            Q_EMIT searchingChanged();
            beginResetModel();
            m_rows.clear();
            if (r) {
                for (const auto &hit : *r) {
                    m_rows.push_back({QString::fromStdString(hit.id),
                        QString::fromUtf8(hit.kind->name.data(), qsizetype(hit.kind->name.size())),
                        QString::fromStdString(hit.title), QString::fromStdString(hit.missionId)});
                }
            }
            endResetModel();
            Q_EMIT countChanged();
        });
}
