#include "followupmodel.h"

#include "dashboarddata.h"
#include "logging.h"
#include "store.h"
#include "texts.h"

#include <QDate>

#include <algorithm>

FollowUpModel::FollowUpModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int FollowUpModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> FollowUpModel::roleNames() const
{
    return {{RecordIdRole, "recordId"}, {TitleRole, "title"}, {MissionIdRole, "missionId"},
        {MissionTitleRole, "missionTitle"}, {OwnerIdRole, "ownerId"}, {OwnerNameRole, "ownerName"},
        {DueDateRole, "dueDate"}, {StateRole, "state"}, {StateLabelRole, "stateLabel"},
        {StatusRole, "status"}, {StatusLabelRole, "statusLabel"}, {LinkedRole, "linked"}};
}

QString FollowUpModel::stateLabel(const QString &state) const
{
    if (state == QLatin1String("due"))
        return tr("Due");
    if (state == QLatin1String("overdue"))
        return tr("Overdue");
    if (state == QLatin1String("done"))
        return tr("Done");
    return tr("Cancelled");
}

QVariant FollowUpModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return r.title;
    case RecordIdRole:
        return r.id;
    case MissionIdRole:
        return r.missionId;
    case MissionTitleRole:
        return r.missionTitle;
    case OwnerIdRole:
        return r.ownerId;
    case OwnerNameRole:
        return r.ownerName.isEmpty() ? tr("No owner") : r.ownerName;
    case DueDateRole:
        return m_prefs ? m_prefs->formatDate(r.dueDate) : r.dueDate;
    case StateRole:
        return r.state;
    case StateLabelRole:
        return stateLabel(r.state);
    case StatusRole:
        return r.status;
    case StatusLabelRole:
        return Texts::enumLabel(QStringLiteral("followup"), QStringLiteral("status"), r.status);
    case LinkedRole:
        return r.linkedTitle.isEmpty()
            ? QString()
            : tr("From %1: %2").arg(Texts::kindName(r.linkedKind).toLower(), r.linkedTitle);
    default:
        return {};
    }
}

void FollowUpModel::setBackend(Backend *backend)
{
    if (m_backend == backend)
        return;
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    m_backend = backend;
    if (m_backend) {
        connect(m_backend, &Backend::changed, this, [this](const QString &kind) {
            if (kind == QLatin1String("followup") || kind == QLatin1String("mission")
                || kind == QLatin1String("user") || kind == QLatin1String("*"))
                reload();
        });
        connect(m_backend, &Backend::readyChanged, this, &FollowUpModel::reload);
    }
    Q_EMIT configChanged();
    reload();
}

void FollowUpModel::setPreferences(Preferences *prefs)
{
    if (m_prefs == prefs)
        return;
    if (m_prefs)
        disconnect(m_prefs, nullptr, this, nullptr);
    m_prefs = prefs;
    if (m_prefs) {
        connect(m_prefs, &Preferences::languageChanged, this, [this] {
            if (!m_rows.empty())
                Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
            m_ownerOptions.clear(); // "Everyone" in the new language
            updateOwners();
        });
    }
    Q_EMIT configChanged();
}

void FollowUpModel::setOwner(const QString &owner)
{
    if (m_owner == owner)
        return;
    m_owner = owner;
    Q_EMIT configChanged();
    applyFilter();
}

void FollowUpModel::setState(const QString &state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT configChanged();
    applyFilter();
}

void FollowUpModel::setGroupByOwner(bool group)
{
    if (m_groupByOwner == group)
        return;
    m_groupByOwner = group;
    Q_EMIT configChanged();
    applyFilter();
}

void FollowUpModel::setAsOf(const QString &asOf)
{
    if (m_asOf == asOf)
        return;
    m_asOf = asOf;
    Q_EMIT configChanged();
    applyFilter();
}

QString FollowUpModel::stateOf(const Row &r) const
{
    if (r.status == QLatin1String("done"))
        return QStringLiteral("done");
    if (r.status == QLatin1String("cancelled"))
        return QStringLiteral("cancelled");
    const QString today = m_asOf.isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : m_asOf;
    return !r.dueDate.isEmpty() && r.dueDate < today ? QStringLiteral("overdue")
                                                     : QStringLiteral("due");
}

void FollowUpModel::updateOwners()
{
    QVariantList out {QVariantMap {
        {QStringLiteral("value"), QString()}, {QStringLiteral("label"), tr("Everyone")}}};
    std::vector<std::pair<QString, QString>> owners; // name, id
    bool nobody = false;
    for (const auto &r : m_all) {
        if (r.ownerId.isEmpty()) {
            nobody = true;
            continue;
        }
        const auto name = r.ownerName.isEmpty() ? r.ownerId : r.ownerName;
        if (std::find(owners.begin(), owners.end(), std::make_pair(name, r.ownerId))
            == owners.end())
            owners.emplace_back(name, r.ownerId);
    }
    std::sort(owners.begin(), owners.end(), [](const auto &a, const auto &b) {
        return QString::localeAwareCompare(a.first, b.first) < 0;
    });
    for (const auto &[name, id] : owners)
        out.append(QVariantMap {{QStringLiteral("value"), id}, {QStringLiteral("label"), name}});
    if (nobody) {
        out.append(QVariantMap {{QStringLiteral("value"), QStringLiteral("-")},
            {QStringLiteral("label"), tr("No owner")}});
    }
    if (out != m_ownerOptions) {
        m_ownerOptions = out;
        Q_EMIT optionsChanged();
    }
}

QVariantList FollowUpModel::stateOptions() const
{
    QVariantList out {QVariantMap {
        {QStringLiteral("value"), QString()}, {QStringLiteral("label"), tr("All states")}}};
    for (const char *s : {"due", "overdue", "done", "cancelled"}) {
        out.append(QVariantMap {{QStringLiteral("value"), QString::fromLatin1(s)},
            {QStringLiteral("label"), stateLabel(QString::fromLatin1(s))}});
    }
    return out;
}

QString FollowUpModel::idAt(int row) const
{
    return row >= 0 && row < count() ? m_rows[size_t(row)].id : QString();
}

QString FollowUpModel::stateAt(int row) const
{
    return row >= 0 && row < count() ? m_rows[size_t(row)].state : QString();
}

void FollowUpModel::applyFilter()
{
    const int before = count();
    int counts[3] = {0, 0, 0};
    std::vector<Row> rows;
    for (Row r : m_all) {
        r.state = stateOf(r);
        if (m_owner == QLatin1String("-") ? !r.ownerId.isEmpty()
                                          : !m_owner.isEmpty() && r.ownerId != m_owner)
            continue;
        if (r.state == QLatin1String("due"))
            ++counts[0];
        else if (r.state == QLatin1String("overdue"))
            ++counts[1];
        else if (r.state == QLatin1String("done"))
            ++counts[2];
        if (!m_state.isEmpty() && r.state != m_state)
            continue;
        rows.push_back(std::move(r));
    }
    if (m_groupByOwner) {
        // By owner (nobody last), then by due date as loaded.
        std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
            if (a.ownerName.isEmpty() != b.ownerName.isEmpty())
                return b.ownerName.isEmpty();
            return QString::localeAwareCompare(a.ownerName, b.ownerName) < 0;
        });
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    std::copy(std::begin(counts), std::end(counts), std::begin(m_counts));
    Q_EMIT countsChanged();
    if (before != count())
        Q_EMIT countChanged();
}

void FollowUpModel::reload()
{
    if (!m_backend || !m_backend->isReady())
        return;
    const int generation = ++m_generation;
    m_backend->run(
        this, [](attache::Store &s) { return attache::documents::loadFollowUps(s); },
        [this, generation](attache::Result<std::vector<attache::documents::FollowUpItem>> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                qCWarning(lcApp) << "follow-ups:" << r.error().message.c_str();
                Q_EMIT errorMessage(Texts::errorText(r.error()));
                return;
            }
            auto q = [](const std::string &s) { return QString::fromStdString(s); };
            m_all.clear();
            for (const auto &f : *r) {
                m_all.push_back({q(f.id), q(f.title), q(f.missionId), q(f.missionTitle),
                    q(f.ownerId), q(f.ownerName), q(f.dueDate), q(f.status), {}, q(f.linkedKind),
                    q(f.linkedTitle)});
            }
            updateOwners();
            applyFilter();
            if (!m_loaded) {
                m_loaded = true;
                Q_EMIT loadedChanged();
            }
        });
}
