#include "setasidemodel.h"

#include "logging.h"
#include "schema.h"
#include "store.h"
#include "texts.h"

#include <QClipboard>
#include <QGuiApplication>

#include <map>
#include <set>

using nlohmann::json;

namespace {

// Dismissals live in the store's meta table, next to the set-aside edits they hide, so that
// they follow the data (a wipe clears both).
constexpr const char *kDismissedKey = "app.dismissed_set_aside";

std::set<qint64> dismissed(attache::Store &s)
{
    std::set<qint64> out;
    auto v = s.syncValue(kDismissedKey);
    if (!v || !*v)
        return out;
    const json list = json::parse(**v, nullptr, false);
    if (list.is_array()) {
        for (const auto &id : list) {
            if (id.is_number_integer())
                out.insert(id.get<qint64>());
        }
    }
    return out;
}

QString plain(const json &v)
{
    if (v.is_string())
        return QString::fromStdString(v.get<std::string>());
    if (v.is_boolean())
        return v.get<bool>() ? QCoreApplication::translate("SetAsideModel", "yes")
                             : QCoreApplication::translate("SetAsideModel", "no");
    if (v.is_number())
        return QString::fromStdString(v.dump());
    return {};
}

/// "Label: value" lines, in the kind's field order; links to other records are left out (their
/// ids mean nothing to a reader).
QString recordText(const attache::KindDef &kind, const json &fields, const Preferences *prefs)
{
    using FT = attache::FieldType;
    QStringList lines;
    const QString kindName = QString::fromUtf8(kind.name.data(), qsizetype(kind.name.size()));
    for (const auto &f : kind.fields) {
        const std::string name(f.name);
        if (!fields.contains(name) || f.type == FT::Ref || f.type == FT::RefList)
            continue;
        const json &v = fields[name];
        QString value;
        const QString fieldName = QString::fromStdString(name);
        if (f.type == FT::Money && v.is_object() && v.contains("amount") && v.contains("currency")
            && v["amount"].is_number_integer()) {
            const auto currency = QString::fromStdString(v["currency"].get<std::string>());
            value = prefs
                ? prefs->formatMoney(v["amount"].get<qint64>(), currency)
                : QString::number(v["amount"].get<qint64>()) + QLatin1Char(' ') + currency;
        } else if (v.is_array()) {
            QStringList items;
            for (const auto &item : v) {
                const QString text = plain(item);
                items << (f.format == attache::Format::Country ? Texts::countryName(text)
                        : f.type == FT::EnumList ? Texts::enumLabel(kindName, fieldName, text)
                                                 : text);
            }
            value = items.join(QStringLiteral(", "));
        } else if (f.type == FT::Enum) {
            value = Texts::enumLabel(kindName, fieldName, plain(v));
        } else if (f.format == attache::Format::Country) {
            value = Texts::countryName(plain(v));
        } else if (f.type == FT::Date && prefs) {
            value = prefs->formatDate(plain(v));
        } else if (f.type == FT::DateTime && prefs) {
            value = prefs->formatDateTime(plain(v));
        } else if (f.type == FT::Bool && v == false) {
            continue;
        } else {
            value = plain(v);
        }
        if (value.trimmed().isEmpty())
            continue;
        lines << QStringLiteral("%1: %2").arg(Texts::fieldLabel(kindName, fieldName), value);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

SetAsideModel::SetAsideModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int SetAsideModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SetAsideModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    switch (role) {
    case EditIdRole:
        return r.id;
    case KindLabelRole:
        return Texts::kindName(r.kind);
    case Qt::DisplayRole:
    case TitleRole:
        return r.title;
    case TextRole:
        return r.text;
    case ReasonRole:
        return r.reason;
    case SetAsideAtRole:
        return m_prefs ? m_prefs->formatTimestamp(r.setAsideAt) : QString::number(r.setAsideAt);
    case ReasonTextRole:
        return reasonText(r.reason);
    case AdviceRole:
        return advice(r.reason);
    case ChangedFieldsRole: {
        QStringList labels;
        for (const auto &f : r.changedFields)
            labels << Texts::fieldLabel(r.kind, f);
        return labels.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> SetAsideModel::roleNames() const
{
    return {{EditIdRole, "editId"}, {KindLabelRole, "kindLabel"}, {TitleRole, "title"},
        {TextRole, "text"}, {ReasonRole, "reason"}, {SetAsideAtRole, "setAsideAt"},
        {ChangedFieldsRole, "changedFields"}, {ReasonTextRole, "reasonText"},
        {AdviceRole, "advice"}};
}

QString SetAsideModel::reasonText(const QString &reason)
{
    if (reason == QLatin1String("removed_from_mission"))
        return tr("You were removed from this mission, so the server no longer accepts "
                  "changes to it from you.");
    if (reason == QLatin1String("moved_out_of_scope"))
        return tr("This record was moved to a mission you are not a member of, so your "
                  "changes to it could not be sent.");
    if (reason == QLatin1String("refused_out_of_scope"))
        return tr("The server refused your changes to this record: it is outside the missions "
                  "you now belong to (you were removed from the mission, or your role changed).");
    if (reason == QLatin1String("lost_edit_not_reported"))
        return tr("A colleague changed the same fields at the same time and their values were "
                  "kept; the record then left this device before you could review yours.");
    return tr("The server could not take these changes from this device.");
}

QString SetAsideModel::advice(const QString &reason)
{
    if (reason == QLatin1String("removed_from_mission"))
        return tr("Copy the text and send it to a colleague still on the mission, who can "
                  "enter it again; or ask your manager to add you back, then enter it again "
                  "yourself.");
    if (reason == QLatin1String("moved_out_of_scope"))
        return tr("Copy the text and pass it to a member of the mission the record now "
                  "belongs to, who can enter it again.");
    if (reason == QLatin1String("refused_out_of_scope"))
        return tr("Copy the text and send it to a colleague on the mission, who can enter it "
                  "again; or ask your manager for access, then enter it again yourself.");
    if (reason == QLatin1String("lost_edit_not_reported"))
        return tr("Copy your values and compare them with the record a colleague on the "
                  "mission sees; re-enter what is still right.");
    return tr("Copy the text and enter it again where it belongs.");
}

void SetAsideModel::setBackend(Backend *backend)
{
    if (m_backend == backend)
        return;
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    m_backend = backend;
    if (m_backend) {
        // The sync engine sets edits aside while it drops a mission's records: any change may
        // come with new ones.
        connect(m_backend, &Backend::changed, this, [this](const QString &kind) {
            if (kind.isEmpty() || kind == QLatin1String("mission"))
                reload();
        });
    }
    Q_EMIT configChanged();
    reload();
}

void SetAsideModel::setPreferences(Preferences *prefs)
{
    if (m_prefs == prefs)
        return;
    if (m_prefs)
        disconnect(m_prefs, nullptr, this, nullptr);
    m_prefs = prefs;
    // The text, the reasons and the dates are in the user's language: a switch rebuilds them.
    if (m_prefs)
        connect(m_prefs, &Preferences::languageChanged, this, &SetAsideModel::reload);
    Q_EMIT configChanged();
    reload();
}

void SetAsideModel::reload()
{
    if (!m_backend)
        return;
    const int generation = ++m_generation;
    if (!m_loading) {
        m_loading = true;
        Q_EMIT loadingChanged();
    }
    m_backend->run(
        this,
        [](attache::Store &s) -> attache::Result<std::vector<attache::Store::SetAsideEdit>> {
            auto edits = s.setAsideEdits();
            if (!edits)
                return edits.error();
            const auto hidden = dismissed(s);
            std::erase_if(*edits, [&](const auto &e) { return hidden.count(e.id) > 0; });
            return edits;
        },
        [this, generation](attache::Result<std::vector<attache::Store::SetAsideEdit>> r) {
            if (generation != m_generation)
                return;
            m_loading = false;
            Q_EMIT loadingChanged();
            if (!r) {
                qCWarning(lcApp) << "set-aside edits:" << r.error().message.c_str();
                Q_EMIT m_backend->errorMessage(Texts::errorText(r.error()));
                return;
            }
            // A lost edit keeps only the fields that lost: its record's name comes from another
            // entry of the same record when there is one; a bare id would mean nothing.
            std::map<std::string, std::string> names;
            for (const auto &e : *r) {
                const json fields = e.record.value("fields", json::object());
                const auto title = e.kind ? std::string(e.kind->titleField) : std::string();
                if (!title.empty() && fields.value(title, json()).is_string())
                    names[e.recordId] = fields[title].get<std::string>();
            }
            std::vector<Row> rows;
            for (const auto &e : *r) {
                if (!e.kind)
                    continue;
                Row row;
                row.id = e.id;
                row.kind = QString::fromUtf8(e.kind->name.data(), qsizetype(e.kind->name.size()));
                const json fields = e.record.value("fields", json::object());
                const auto name = names.find(e.recordId);
                row.title = name != names.end() ? QString::fromStdString(name->second)
                                                : tr("(its name is no longer on this device)");
                row.text = recordText(*e.kind, fields, m_prefs);
                row.reason = QString::fromStdString(e.reason);
                row.setAsideAt = e.setAsideAt;
                for (const auto &f : e.pendingFields)
                    row.changedFields << QString::fromStdString(f);
                rows.push_back(std::move(row));
            }
            setRows(std::move(rows));
        });
}

void SetAsideModel::setRows(std::vector<Row> rows)
{
    const int before = count();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (before != count())
        Q_EMIT countChanged();
}

QString SetAsideModel::textOf(qint64 editId) const
{
    for (const auto &r : m_rows) {
        if (r.id == editId)
            return Texts::kindName(r.kind) + QStringLiteral(": ") + r.title + QLatin1Char('\n')
                + r.text;
    }
    return {};
}

void SetAsideModel::copy(qint64 editId) const
{
    // Only a GUI application has a clipboard (the tests run without one).
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        QGuiApplication::clipboard()->setText(textOf(editId));
}

void SetAsideModel::dismiss(qint64 editId)
{
    if (!m_backend)
        return;
    m_backend->run(
        this,
        [editId](attache::Store &s) -> attache::Result<void> {
            auto hidden = dismissed(s);
            hidden.insert(editId);
            json list = json::array();
            for (auto id : hidden)
                list.push_back(id);
            return s.setSyncValue(kDismissedKey, list.dump());
        },
        [this, editId](attache::Result<void> r) {
            if (!r) {
                Q_EMIT m_backend->errorMessage(Texts::errorText(r.error()));
                return;
            }
            for (size_t i = 0; i < m_rows.size(); ++i) {
                if (m_rows[i].id == editId) {
                    beginRemoveRows({}, int(i), int(i));
                    m_rows.erase(m_rows.begin() + qsizetype(i));
                    endRemoveRows();
                    Q_EMIT countChanged();
                    break;
                }
            }
        });
}
