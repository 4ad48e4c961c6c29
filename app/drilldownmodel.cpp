#include "drilldownmodel.h"

#include "dashboarddata.h"
#include "logging.h"
#include "store.h"
#include "texts.h"

#include <QDate>

namespace {

QString joinParts(const QStringList &parts)
{
    QStringList kept;
    for (const auto &p : parts) {
        if (!p.trimmed().isEmpty())
            kept.append(p);
    }
    return kept.join(QStringLiteral(" · "));
}

} // namespace

DrillDownModel::DrillDownModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_changeTimer.setSingleShot(true);
    m_changeTimer.setInterval(150);
    connect(&m_changeTimer, &QTimer::timeout, this, &DrillDownModel::reload);
}

int DrillDownModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> DrillDownModel::roleNames() const
{
    return {{KindRole, "kind"}, {RecordIdRole, "recordId"}, {TitleRole, "title"},
        {SubtitleRole, "subtitle"}, {MissionIdRole, "missionId"}, {StatusRole, "status"},
        {StatusLabelRole, "statusLabel"}, {OpenableRole, "openable"}};
}

QString DrillDownModel::subtitle(const Row &r) const
{
    auto date = [this](const QString &iso) { return m_prefs ? m_prefs->formatDate(iso) : iso; };
    auto countries = [](const QString &codes) {
        QStringList names;
        for (const auto &c : codes.split(QLatin1Char(','), Qt::SkipEmptyParts))
            names.append(Texts::countryName(c));
        return names.join(QStringLiteral(", "));
    };
    if (r.kind == QLatin1String("mission"))
        return joinParts({date(r.date), countries(r.country), tr("%n people", "", int(r.count))});
    if (r.kind == QLatin1String("user"))
        return joinParts({tr("%n mission(s)", "", int(r.count)), r.detail});
    if (r.kind == QLatin1String("meeting")) {
        return joinParts({m_prefs ? m_prefs->formatDateTime(r.date) : r.date, countries(r.country),
            r.missionTitle});
    }
    if (r.kind == QLatin1String("agreement")) {
        QStringList fields;
        for (const auto &f : r.detail.split(QLatin1Char(','), Qt::SkipEmptyParts))
            fields.append(
                Texts::enumLabel(QStringLiteral("agreement"), QStringLiteral("fields"), f));
        return joinParts({date(r.date), fields.join(QStringLiteral(", ")), r.missionTitle});
    }
    if (r.kind == QLatin1String("contact"))
        return joinParts({r.detail, countries(r.country), r.missionTitle});
    if (r.kind == QLatin1String("lead")) {
        const QString money = m_prefs && !r.currency.isEmpty()
            ? m_prefs->formatMoney(r.amount, r.currency)
            : QString();
        return joinParts({money, countries(r.country), r.missionTitle});
    }
    if (r.kind == QLatin1String("followup")) {
        return joinParts({r.date.isEmpty() ? QString() : tr("due %1").arg(date(r.date)), r.detail,
            r.missionTitle});
    }
    return {};
}

QVariant DrillDownModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return r.title;
    case KindRole:
        return r.kind;
    case RecordIdRole:
        return r.id;
    case SubtitleRole:
        return subtitle(r);
    case MissionIdRole:
        return r.missionId;
    case StatusRole:
        return r.status;
    case StatusLabelRole:
        return r.status.isEmpty() ? QString()
                                  : Texts::enumLabel(r.kind, QStringLiteral("status"), r.status);
    case OpenableRole:
        return r.kind != QLatin1String("user");
    default:
        return {};
    }
}

void DrillDownModel::setBackend(Backend *backend)
{
    if (m_backend == backend)
        return;
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    m_backend = backend;
    if (m_backend) {
        connect(m_backend, &Backend::changed, this, [this] { m_changeTimer.start(); });
        connect(m_backend, &Backend::readyChanged, this, &DrillDownModel::reload);
    }
    Q_EMIT configChanged();
    reload();
}

void DrillDownModel::setPreferences(Preferences *prefs)
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
        });
    }
    Q_EMIT configChanged();
}

void DrillDownModel::setKey(const QString &key)
{
    if (m_key == key)
        return;
    m_key = key;
    Q_EMIT configChanged();
    reload();
}

void DrillDownModel::setFrom(const QString &from)
{
    if (m_from == from)
        return;
    m_from = from;
    Q_EMIT configChanged();
    reload();
}

void DrillDownModel::setTo(const QString &to)
{
    if (m_to == to)
        return;
    m_to = to;
    Q_EMIT configChanged();
    reload();
}

void DrillDownModel::setAsOf(const QString &asOf)
{
    if (m_asOf == asOf)
        return;
    m_asOf = asOf;
    Q_EMIT configChanged();
    reload();
}

QString DrillDownModel::idAt(int row) const
{
    return row >= 0 && row < count() ? m_rows[size_t(row)].id : QString();
}

QString DrillDownModel::titleAt(int row) const
{
    return row >= 0 && row < count() ? m_rows[size_t(row)].title : QString();
}

void DrillDownModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void DrillDownModel::reload()
{
    if (!m_backend || !m_backend->isReady() || m_key.isEmpty())
        return;
    attache::ReportFilter filter;
    filter.from = m_from.toStdString();
    filter.to = m_to.toStdString();
    filter.asOf
        = (m_asOf.isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : m_asOf).toStdString();
    const int generation = ++m_generation;
    setLoading(true);
    m_backend->run(
        this,
        [filter, key = m_key.toStdString()](
            attache::Store &s) { return attache::documents::loadDrillDown(s, filter, key); },
        [this, generation](attache::Result<std::vector<attache::documents::DrillItem>> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                qCWarning(lcApp) << "drill-down:" << r.error().message.c_str();
                m_loaded = true;
                setLoading(false);
                Q_EMIT errorMessage(Texts::errorText(r.error()));
                return;
            }
            auto q = [](const std::string &s) { return QString::fromStdString(s); };
            std::vector<Row> rows;
            rows.reserve(r->size());
            for (const auto &i : *r) {
                rows.push_back(
                    {q(i.kind), q(i.id), q(i.title), q(i.missionId), q(i.missionTitle), q(i.date),
                        q(i.status), q(i.country), q(i.detail), i.amount, q(i.currency), i.count});
            }
            const int before = count();
            beginResetModel();
            m_rows = std::move(rows);
            endResetModel();
            m_loaded = true;
            setLoading(false);
            if (before != count())
                Q_EMIT countChanged();
        });
}
