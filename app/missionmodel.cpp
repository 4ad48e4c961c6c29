#include "missionmodel.h"

#include "backend.h"
#include "preferences.h"
#include "store.h"
#include "texts.h"

#include <QSet>

#include <algorithm>

namespace {

QStringList strList(const nlohmann::json &v)
{
    QStringList out;
    if (v.is_array()) {
        for (const auto &item : v) {
            if (item.is_string())
                out.append(QString::fromStdString(item.get<std::string>()));
        }
    }
    return out;
}

} // namespace

MissionModel::MissionModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int MissionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MissionModel::data(const QModelIndex &index, int role) const
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
    case PeriodRole:
        return m_prefs ? m_prefs->formatPeriod(row.start, row.end) : row.start;
    case StatusRole:
        return row.status;
    case StatusLabelRole:
        return Texts::enumLabel(QStringLiteral("mission"), QStringLiteral("status"), row.status);
    case CountriesRole: {
        QStringList names;
        for (const auto &c : row.countries)
            names.append(Texts::countryName(c));
        return names.join(QStringLiteral(", "));
    }
    case PlacesRole:
        return row.cities.join(QStringLiteral(", "));
    case StartDateRole:
        return row.start;
    default:
        return {};
    }
}

QHash<int, QByteArray> MissionModel::roleNames() const
{
    return {{IdRole, "missionId"}, {TitleRole, "title"}, {PeriodRole, "period"},
        {StatusRole, "status"}, {StatusLabelRole, "statusLabel"}, {CountriesRole, "countries"},
        {PlacesRole, "places"}, {StartDateRole, "startDate"}};
}

void MissionModel::setBackend(Backend *backend)
{
    if (m_backend == backend)
        return;
    m_backend = backend;
    if (m_backend) {
        connect(m_backend, &Backend::changed, this, [this](const QString &kind) {
            if (kind == QLatin1String("mission"))
                reload();
        });
        connect(m_backend, &Backend::readyChanged, this, &MissionModel::reload);
        connect(m_backend, &Backend::currentUserChanged, this, &MissionModel::applyFilter);
    }
    Q_EMIT configChanged();
    reload();
}

void MissionModel::setPreferences(Preferences *prefs)
{
    if (m_prefs == prefs)
        return;
    m_prefs = prefs;
    if (m_prefs) {
        connect(m_prefs, &Preferences::languageChanged, this, [this]() {
            if (!m_rows.empty())
                Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
            Q_EMIT optionsChanged();
        });
    }
    Q_EMIT configChanged();
}

void MissionModel::setMineOnly(bool mine)
{
    if (m_mineOnly == mine)
        return;
    m_mineOnly = mine;
    Q_EMIT configChanged();
    applyFilter();
}

void MissionModel::setYear(int year)
{
    if (m_year == year)
        return;
    m_year = year;
    Q_EMIT configChanged();
    applyFilter();
}

void MissionModel::setStatus(const QString &status)
{
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT configChanged();
    applyFilter();
}

void MissionModel::setCountry(const QString &country)
{
    if (m_country == country)
        return;
    m_country = country;
    Q_EMIT configChanged();
    applyFilter();
}

QVariantList MissionModel::yearOptions() const
{
    QSet<int> years;
    for (const auto &r : m_all)
        years.insert(r.start.left(4).toInt());
    QList<int> sorted(years.begin(), years.end());
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    QVariantList out {
        QVariantMap {{QStringLiteral("value"), 0}, {QStringLiteral("label"), tr("All years")}}};
    for (int y : sorted)
        out.append(QVariantMap {
            {QStringLiteral("value"), y}, {QStringLiteral("label"), QString::number(y)}});
    return out;
}

QVariantList MissionModel::statusOptions() const
{
    QVariantList out {QVariantMap {
        {QStringLiteral("value"), QString()}, {QStringLiteral("label"), tr("All statuses")}}};
    out.append(Texts::enumOptions(QStringLiteral("mission"), QStringLiteral("status")));
    return out;
}

QVariantList MissionModel::countryOptions() const
{
    QSet<QString> codes;
    for (const auto &r : m_all) {
        for (const auto &c : r.countries)
            codes.insert(c);
    }
    QVariantList out {QVariantMap {
        {QStringLiteral("value"), QString()}, {QStringLiteral("label"), tr("All countries")}}};
    QStringList sorted(codes.begin(), codes.end());
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        return Texts::countryName(a).localeAwareCompare(Texts::countryName(b)) < 0;
    });
    for (const auto &c : sorted)
        out.append(QVariantMap {
            {QStringLiteral("value"), c}, {QStringLiteral("label"), Texts::countryName(c)}});
    return out;
}

QString MissionModel::idAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].id : QString();
}

int MissionModel::rowOf(const QString &id) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id)
            return int(i);
    }
    return -1;
}

bool MissionModel::accepts(const Row &row) const
{
    if (m_year != 0 && row.start.left(4).toInt() != m_year && row.end.left(4).toInt() != m_year)
        return false;
    if (!m_status.isEmpty() && row.status != m_status)
        return false;
    if (!m_country.isEmpty() && !row.countries.contains(m_country))
        return false;
    if (m_mineOnly && m_backend && !m_backend->currentUserId().isEmpty()) {
        const auto me = m_backend->currentUserId();
        return row.leader == me || row.members.contains(me);
    }
    return true;
}

void MissionModel::applyFilter()
{
    beginResetModel();
    m_rows.clear();
    for (const auto &r : m_all) {
        if (accepts(r))
            m_rows.push_back(r);
    }
    endResetModel();
    Q_EMIT countChanged();
}

void MissionModel::reload()
{
    if (!m_backend || !m_backend->isReady())
        return;
    const int generation = ++m_generation;
    m_loading = true;
    Q_EMIT loadingChanged();
    m_backend->run(
        this, [](attache::Store &s) { return s.list("mission"); },
        [this, generation](attache::Result<std::vector<attache::Record>> r) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (r) {
                m_all.clear();
                for (const auto &rec : *r) {
                    m_all.push_back(
                        {QString::fromStdString(rec.id), QString::fromStdString(rec.title()),
                            QString::fromStdString(rec.text("status")),
                            QString::fromStdString(rec.text("start_date")),
                            QString::fromStdString(rec.text("end_date")),
                            strList(rec.field("countries")), strList(rec.field("cities")),
                            QString::fromStdString(rec.text("leader_id")),
                            strList(rec.field("member_ids"))});
                }
                // Newest first: the mission under way or coming next is what people open.
                std::stable_sort(m_all.begin(), m_all.end(),
                    [](const Row &a, const Row &b) { return a.start > b.start; });
                m_loaded = true;
                applyFilter();
                Q_EMIT optionsChanged();
            }
            Q_EMIT loadingChanged();
        });
}
