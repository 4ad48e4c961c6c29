#include "recordlistmodel.h"

#include "backend.h"
#include "preferences.h"
#include "store.h"
#include "texts.h"

#include <algorithm>

using nlohmann::json;

namespace {

QString str(const json &fields, const char *name)
{
    const auto it = fields.find(name);
    return it != fields.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                 : QString();
}

QString joinParts(const QStringList &parts)
{
    QStringList kept;
    for (const auto &p : parts) {
        if (!p.trimmed().isEmpty())
            kept.append(p);
    }
    return kept.join(QStringLiteral(" · "));
}

struct Page
{
    std::vector<attache::Record> records;
    std::int64_t total = 0;
};

bool sortedByDate(std::string_view kind)
{
    return kind == "meeting" || kind == "followup";
}

/// Meetings newest first (by their local date and time); follow-ups by due date, the most
/// pressing first, those without one last. Ties keep the store's order (by title).
void sortByDate(std::string_view kind, std::vector<attache::Record> &records)
{
    if (kind == "meeting") {
        std::stable_sort(
            records.begin(), records.end(), [](const attache::Record &a, const attache::Record &b) {
                return a.text("starts_at").substr(0, 16) > b.text("starts_at").substr(0, 16);
            });
    } else if (kind == "followup") {
        std::stable_sort(
            records.begin(), records.end(), [](const attache::Record &a, const attache::Record &b) {
                const auto da = a.text("due_date");
                const auto db = b.text("due_date");
                if (da.empty() != db.empty())
                    return db.empty();
                return da < db;
            });
    }
}

} // namespace

RecordListModel::RecordListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int RecordListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString RecordListModel::status(const Row &row) const
{
    if (m_kind == QLatin1String("review"))
        return str(row.fields, "decision");
    return str(row.fields, "status");
}

QString RecordListModel::subtitle(const Row &row) const
{
    const json &f = row.fields;
    auto date = [&](const char *name) {
        return m_prefs ? m_prefs->formatDate(str(f, name)) : str(f, name);
    };
    auto label = [&](const char *field) {
        return Texts::enumLabel(m_kind, QLatin1String(field), str(f, field));
    };
    if (m_kind == QLatin1String("meeting")) {
        const auto when = str(f, "starts_at");
        return joinParts({m_prefs ? m_prefs->formatDateTime(when) : when, str(f, "place")});
    }
    if (m_kind == QLatin1String("agreement"))
        return joinParts({label("kind"), label("status"), date("signed_date")});
    if (m_kind == QLatin1String("event")) {
        return joinParts({label("kind"), str(f, "city"), Texts::countryName(str(f, "country")),
            m_prefs ? m_prefs->formatPeriod(str(f, "start_date"), str(f, "end_date")) : QString()});
    }
    if (m_kind == QLatin1String("contact")) {
        return joinParts(
            {str(f, "title"), str(f, "organisation"), Texts::countryName(str(f, "country"))});
    }
    if (m_kind == QLatin1String("lead")) {
        QString money;
        const auto it = f.find("pledged_capital");
        if (m_prefs && it != f.end() && it->is_object() && it->contains("amount"))
            money = m_prefs->formatMoney((*it)["amount"].get<qint64>(),
                QString::fromStdString((*it)["currency"].get<std::string>()));
        return joinParts(
            {str(f, "sector"), Texts::countryName(str(f, "country")), money, label("status")});
    }
    if (m_kind == QLatin1String("followup"))
        return joinParts({label("status"), date("due_date")});
    if (m_kind == QLatin1String("attachment")) {
        const auto it = f.find("size");
        const qint64 size = it != f.end() && it->is_number_integer() ? it->get<qint64>() : 0;
        return joinParts({str(f, "mime_type"),
            m_prefs ? m_prefs->formatNumber(double(size) / 1024.0, 0) + QStringLiteral(" KB")
                    : QString()});
    }
    if (m_kind == QLatin1String("review"))
        return str(f, "comment");
    return {};
}

QVariant RecordListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        if (m_kind == QLatin1String("review"))
            return Texts::enumLabel(m_kind, QStringLiteral("decision"), row.title);
        return row.title;
    case IdRole:
        return row.id;
    case SubtitleRole:
        return subtitle(row);
    case StatusRole:
        return status(row);
    case StatusLabelRole: {
        const auto s = status(row);
        return s.isEmpty() ? QString()
                           : Texts::enumLabel(m_kind,
                               m_kind == QLatin1String("review") ? QStringLiteral("decision")
                                                                 : QStringLiteral("status"),
                               s);
    }
    case KindRole:
        return m_kind;
    case MissionIdRole:
        return row.missionId;
    default:
        return {};
    }
}

QHash<int, QByteArray> RecordListModel::roleNames() const
{
    return {{IdRole, "recordId"}, {TitleRole, "title"}, {SubtitleRole, "subtitle"},
        {StatusRole, "status"}, {StatusLabelRole, "statusLabel"}, {KindRole, "kind"},
        {MissionIdRole, "missionId"}};
}

void RecordListModel::setBackend(Backend *backend)
{
    if (m_backend == backend)
        return;
    disconnect(m_changedConnection);
    m_backend = backend;
    if (m_backend) {
        m_changedConnection
            = connect(m_backend, &Backend::changed, this, &RecordListModel::onChanged);
        connect(m_backend, &Backend::readyChanged, this, &RecordListModel::reload,
            Qt::UniqueConnection);
    }
    Q_EMIT configChanged();
    reload();
}

void RecordListModel::setPreferences(Preferences *prefs)
{
    if (m_prefs == prefs)
        return;
    m_prefs = prefs;
    if (m_prefs) {
        connect(m_prefs, &Preferences::languageChanged, this, [this]() {
            if (!m_rows.empty())
                Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
        });
    }
    Q_EMIT configChanged();
}

void RecordListModel::setKind(const QString &kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    Q_EMIT configChanged();
    reload();
}

void RecordListModel::setMissionId(const QString &id)
{
    if (m_missionId == id)
        return;
    m_missionId = id;
    Q_EMIT configChanged();
    reload();
}

void RecordListModel::setLinkedRecordId(const QString &id)
{
    if (m_linkedRecordId == id)
        return;
    m_linkedRecordId = id;
    Q_EMIT configChanged();
    reload();
}

void RecordListModel::setPageSize(int size)
{
    if (size < 1 || m_pageSize == size)
        return;
    m_pageSize = size;
    Q_EMIT configChanged();
}

void RecordListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

QString RecordListModel::idAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].id : QString();
}

void RecordListModel::onChanged(const QString &kind)
{
    if (kind == m_kind)
        reload();
}

void RecordListModel::reload()
{
    if (!m_backend || m_kind.isEmpty() || !m_backend->isReady())
        return;
    const int generation = ++m_generation;
    m_fetching = false;
    setLoading(true);
    // Reload what is already shown (at least one page) so that the view keeps its place.
    const int limit = std::max(m_pageSize, int(m_rows.size()));
    m_backend->run(
        this,
        [kind = m_kind.toStdString(), mission = m_missionId.toStdString(), limit,
            linked = m_linkedRecordId.toStdString()](attache::Store &s) -> attache::Result<Page> {
            attache::ListQuery q;
            q.missionId = mission;
            if (!linked.empty()) {
                // A record's attachments are a handful among its mission's: read and filter.
                auto all = s.list(kind, q);
                if (!all)
                    return all.error();
                std::erase_if(
                    *all, [&](const attache::Record &r) { return r.text("record_id") != linked; });
                const auto n = std::int64_t(all->size());
                return Page {std::move(*all), n};
            }
            auto total = s.count(kind, q);
            if (!total)
                return total.error();
            // Meetings and follow-ups are read by date, not by name. They are tens to hundreds
            // per mission, so they are loaded whole and ordered here; lists that can be huge
            // (contacts) keep the store's order and load page by page.
            q.limit = sortedByDate(kind) ? -1 : limit;
            auto list = s.list(kind, q);
            if (!list)
                return list.error();
            if (sortedByDate(kind))
                sortByDate(kind, *list);
            return Page {std::move(*list), *total};
        },
        [this, generation](attache::Result<Page> r) {
            if (generation != m_generation)
                return;
            setLoading(false);
            if (!r)
                return;
            std::vector<Row> rows;
            rows.reserve(r->records.size());
            for (auto &rec : r->records) {
                rows.push_back({QString::fromStdString(rec.id), QString::fromStdString(rec.title()),
                    QString::fromStdString(rec.kind && rec.kind->missionField == "id"
                            ? rec.id
                            : (rec.fields.contains("mission_id") ? rec.text("mission_id") : "")),
                    std::move(rec.fields)});
            }
            bool sameIds = rows.size() == m_rows.size();
            for (size_t i = 0; sameIds && i < rows.size(); ++i)
                sameIds = rows[i].id == m_rows[i].id;
            if (sameIds) {
                m_rows = std::move(rows);
                if (!m_rows.empty())
                    Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
            } else {
                beginResetModel();
                m_rows = std::move(rows);
                endResetModel();
                Q_EMIT countChanged();
            }
            if (m_total != r->total) {
                m_total = r->total;
                Q_EMIT totalCountChanged();
            }
        });
}

bool RecordListModel::canFetchMore(const QModelIndex &parent) const
{
    // A record's attachments and the date-ordered lists are loaded whole by reload().
    if (!m_linkedRecordId.isEmpty() || sortedByDate(m_kind.toStdString()))
        return false;
    return !parent.isValid() && !m_fetching && !m_loading && qint64(m_rows.size()) < m_total;
}

void RecordListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || !m_backend)
        return;
    m_fetching = true;
    const int generation = m_generation;
    const int offset = int(m_rows.size());
    m_backend->run(
        this,
        [kind = m_kind.toStdString(), mission = m_missionId.toStdString(), offset,
            limit = m_pageSize](attache::Store &s) {
            attache::ListQuery q;
            q.missionId = mission;
            q.offset = offset;
            q.limit = limit;
            return s.list(kind, q);
        },
        [this, generation, offset](attache::Result<std::vector<attache::Record>> r) {
            if (generation != m_generation)
                return; // a reload replaced the rows and reset the fetch state
            m_fetching = false;
            if (offset != int(m_rows.size()))
                return;
            if (!r || r->empty())
                return;
            beginInsertRows({}, offset, offset + int(r->size()) - 1);
            for (auto &rec : *r) {
                m_rows.push_back(
                    {QString::fromStdString(rec.id), QString::fromStdString(rec.title()),
                        QString::fromStdString(
                            rec.fields.contains("mission_id") ? rec.text("mission_id") : ""),
                        std::move(rec.fields)});
            }
            endInsertRows();
            Q_EMIT countChanged();
        });
}
