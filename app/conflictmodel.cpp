#include "conflictmodel.h"

#include "hlc.h"
#include "store.h"
#include "texts.h"

using nlohmann::json;

ConflictModel::ConflictModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int ConflictModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString ConflictModel::valueText(const Row &row, const json &value) const
{
    if (value.is_null() || (value.is_array() && value.empty()))
        return tr("(empty)");
    if (value.is_boolean())
        return value.get<bool>() ? tr("Yes") : tr("No");
    if (value.is_string()) {
        const QString s = QString::fromStdString(value.get<std::string>());
        const auto *kind = attache::findKind(row.kind.toStdString());
        const auto *f = kind ? kind->field(row.field.toStdString()) : nullptr;
        if (f && f->type == attache::FieldType::Enum)
            return Texts::enumLabel(row.kind, row.field, s);
        if (f && f->type == attache::FieldType::Date && m_prefs)
            return m_prefs->formatDate(s);
        return s;
    }
    if (value.is_object() && value.contains("amount") && m_prefs)
        return m_prefs->formatMoney(value["amount"].get<qint64>(),
            QString::fromStdString(value["currency"].get<std::string>()));
    if (value.is_array()) {
        QStringList parts;
        for (const auto &v : value)
            parts << (v.is_string() ? QString::fromStdString(v.get<std::string>())
                                    : QString::fromStdString(v.dump()));
        return parts.join(QStringLiteral(", "));
    }
    return QString::fromStdString(value.dump());
}

QVariant ConflictModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    auto when = [this](qint64 ms) {
        return m_prefs ? m_prefs->formatTimestamp(ms) : QString::number(ms);
    };
    auto who = [](const QString &name) { return name.isEmpty() ? tr("someone") : name; };
    switch (role) {
    case ConflictIdRole:
        return r.id;
    case KindRole:
        return r.kind;
    case KindLabelRole:
        return Texts::kindName(r.kind);
    case RecordIdRole:
        return r.recordId;
    case Qt::DisplayRole:
    case RecordTitleRole:
        return r.title;
    case FieldLabelRole:
        return r.field == QLatin1String("deleted") ? tr("Deleted")
                                                   : Texts::fieldLabel(r.kind, r.field);
    case WinnerValueRole:
        return r.field == QLatin1String("deleted")
            ? (r.winner.is_boolean() && r.winner.get<bool>() ? tr("Deleted") : tr("Kept"))
            : valueText(r, r.winner);
    case LoserValueRole:
        return r.field == QLatin1String("deleted")
            ? (r.loser.is_boolean() && r.loser.get<bool>() ? tr("Deleted") : tr("Kept"))
            : valueText(r, r.loser);
    case WinnerByRole:
        return who(r.winnerBy);
    case LoserByRole:
        return who(r.loserBy);
    case WinnerAtRole:
        return when(r.winnerAt);
    case LoserAtRole:
        return when(r.loserAt);
    default:
        return {};
    }
}

QHash<int, QByteArray> ConflictModel::roleNames() const
{
    return {{ConflictIdRole, "conflictId"}, {KindRole, "kind"}, {KindLabelRole, "kindLabel"},
        {RecordIdRole, "recordId"}, {RecordTitleRole, "recordTitle"},
        {FieldLabelRole, "fieldLabel"}, {WinnerValueRole, "winnerValue"},
        {WinnerByRole, "winnerBy"}, {WinnerAtRole, "winnerAt"}, {LoserValueRole, "loserValue"},
        {LoserByRole, "loserBy"}, {LoserAtRole, "loserAt"}};
}

void ConflictModel::setBackend(Backend *backend)
{
    if (m_backend == backend)
        return;
    m_backend = backend;
    if (m_backend) {
        connect(m_backend, &Backend::changed, this, &ConflictModel::reload);
        connect(m_backend, &Backend::readyChanged, this, &ConflictModel::reload);
    }
    Q_EMIT configChanged();
    reload();
}

void ConflictModel::setPreferences(Preferences *prefs)
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

void ConflictModel::reload()
{
    if (!m_backend || !m_backend->isReady())
        return;
    const int generation = ++m_generation;
    m_backend->run(
        this,
        [](attache::Store &s) -> attache::Result<std::vector<ConflictModel::Row>> {
            auto list = s.conflicts(true);
            if (!list)
                return list.error();
            std::map<std::string, QString> names;
            auto userName = [&](const std::string &id) -> QString {
                if (id.empty())
                    return {};
                if (auto it = names.find(id); it != names.end())
                    return it->second;
                auto u = s.get("user", id);
                const QString name = u && *u ? QString::fromStdString((*u)->title()) : QString();
                names[id] = name;
                return name;
            };
            auto stampMs = [](const std::string &hlc) -> qint64 {
                auto h = attache::Hlc::parse(hlc);
                return h ? h->wallMs : 0;
            };
            std::vector<ConflictModel::Row> rows;
            for (const auto &c : *list) {
                ConflictModel::Row r;
                r.id = c.id;
                r.kind = QString::fromUtf8(c.kind->name.data(), qsizetype(c.kind->name.size()));
                r.recordId = QString::fromStdString(c.recordId);
                auto rec = s.get(c.kind->name, c.recordId);
                r.title = rec && *rec ? QString::fromStdString((*rec)->title()) : r.recordId;
                r.field = QString::fromStdString(c.field);
                r.winner = c.winnerValue;
                r.loser = c.loserValue;
                r.winnerBy = userName(c.winnerBy);
                r.loserBy = userName(c.loserBy);
                r.winnerAt = stampMs(c.winnerHlc);
                r.loserAt = stampMs(c.loserHlc);
                rows.push_back(std::move(r));
            }
            return rows;
        },
        [this, generation](attache::Result<std::vector<ConflictModel::Row>> r) {
            if (generation != m_generation || !r)
                return;
            beginResetModel();
            m_rows = std::move(*r);
            endResetModel();
            Q_EMIT countChanged();
        });
}

void ConflictModel::keep(qint64 conflictId, bool keepWinner)
{
    if (!m_backend)
        return;
    m_backend->run(
        this,
        [conflictId, keepWinner](
            attache::Store &s) { return s.resolveConflict(conflictId, keepWinner); },
        [this, conflictId](attache::Result<attache::Record> r) {
            if (!r) {
                Q_EMIT errorMessage(Texts::errorText(r.error()));
                return;
            }
            m_backend->notifyChanged(
                QString::fromUtf8(r->kind->name.data(), qsizetype(r->kind->name.size())));
            Q_EMIT resolved(conflictId);
        });
}
