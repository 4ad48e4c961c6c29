#include "recordform.h"

#include "backend.h"
#include "logging.h"
#include "preferences.h"
#include "schema.h"
#include "store.h"
#include "texts.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QUrl>

#include <map>

using nlohmann::json;

namespace {

// The fields each form shows, in the order people fill them in. Fields not listed are kept
// as they are (mission_id comes from where the form was opened).
const std::map<QString, QStringList> &formFields()
{
    static const std::map<QString, QStringList> fields = {
        {QStringLiteral("mission"),
            {"title", "countries", "cities", "start_date", "end_date", "status", "leader_id",
                "member_ids", "decision_number", "decision_date", "purpose", "notes"}},
        {QStringLiteral("meeting"),
            {"counterpart", "starts_at", "place", "counterpart_country", "contact_ids",
                "participant_ids", "topics", "outcome", "notes"}},
        {QStringLiteral("agreement"),
            {"title", "kind", "status", "parties", "signed_date", "signed_place", "signatories",
                "fields", "valid_until", "committed_value", "meeting_id", "notes"}},
        {QStringLiteral("event"),
            {"name", "kind", "city", "country", "start_date", "end_date", "booth", "notes"}},
        {QStringLiteral("contact"),
            {"full_name", "title", "organisation", "country", "emails", "phones", "website",
                "languages", "interests", "event_id", "meeting_id", "tags", "consent_noted",
                "notes"}},
        {QStringLiteral("lead"),
            {"company", "country", "sector", "pledged_capital", "status", "contact_id", "notes"}},
        {QStringLiteral("followup"), {"title", "owner_id", "due_date", "status", "notes"}},
    };
    return fields;
}

QString typeOf(const attache::FieldDef &f)
{
    using FT = attache::FieldType;
    const bool country = f.format == attache::Format::Country;
    switch (f.type) {
    case FT::Text:
        return country ? QStringLiteral("country") : QStringLiteral("text");
    case FT::LongText:
        return QStringLiteral("longtext");
    case FT::Integer:
        return QStringLiteral("integer");
    case FT::Bool:
        return QStringLiteral("bool");
    case FT::Date:
        return QStringLiteral("date");
    case FT::DateTime:
        return QStringLiteral("datetime");
    case FT::Enum:
        return QStringLiteral("enum");
    case FT::EnumList:
        return QStringLiteral("enumlist");
    case FT::TextList:
        return country ? QStringLiteral("countrylist") : QStringLiteral("textlist");
    case FT::Ref:
        return QStringLiteral("ref");
    case FT::RefList:
        return QStringLiteral("reflist");
    case FT::Money:
        return QStringLiteral("money");
    }
    return QStringLiteral("text");
}

// A record reference of any kind: its choices are loaded with the form. Contacts can be many
// (a trade fair brings hundreds), so their pickers search ("contactref", "contactlist").
bool isRefType(const QString &type)
{
    return type == QLatin1String("ref") || type == QLatin1String("reflist")
        || type == QLatin1String("contactref") || type == QLatin1String("contactlist");
}

QString str(const json &v)
{
    return v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString();
}

QStringList strList(const json &v)
{
    QStringList out;
    if (v.is_array()) {
        for (const auto &item : v)
            out.append(str(item));
    }
    return out;
}

json toArray(const QStringList &list)
{
    json out = json::array();
    for (const auto &s : list) {
        if (!s.trimmed().isEmpty())
            out.push_back(s.trimmed().toStdString());
    }
    return out;
}

QVariantMap option(const QString &value, const QString &label)
{
    return {{QStringLiteral("value"), value}, {QStringLiteral("label"), label}};
}

struct Loaded
{
    json fields = json::object();
    std::string title;
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> refs;
};

} // namespace

RecordForm::RecordForm(QObject *parent)
    : QAbstractListModel(parent)
{ }

int RecordForm::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size());
}

QVariant RecordForm::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Field &f = m_fields[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return Texts::fieldLabel(m_kind, f.name);
    case NameRole:
        return f.name;
    case TypeRole:
        return f.type;
    case RequiredRole:
        return f.required;
    case ValueRole:
        return f.value;
    case CurrencyRole:
        return f.currency;
    case OptionsRole:
        return f.options;
    case ErrorRole:
        return f.error;
    default:
        return {};
    }
}

QHash<int, QByteArray> RecordForm::roleNames() const
{
    return {{NameRole, "name"}, {LabelRole, "label"}, {TypeRole, "type"},
        {RequiredRole, "required"}, {ValueRole, "value"}, {CurrencyRole, "currency"},
        {OptionsRole, "options"}, {ErrorRole, "error"}};
}

void RecordForm::setBackend(Backend *backend)
{
    if (m_backend == backend)
        return;
    m_backend = backend;
    Q_EMIT backendChanged();
    load();
    loadLink();
}

void RecordForm::setPreferences(Preferences *prefs)
{
    if (m_prefs == prefs)
        return;
    if (m_prefs)
        disconnect(m_prefs, nullptr, this, nullptr);
    m_prefs = prefs;
    if (m_prefs) {
        m_inputLanguage = m_prefs->language();
        connect(m_prefs, &Preferences::languageChanged, this, &RecordForm::retranslate);
    }
    Q_EMIT backendChanged();
}

void RecordForm::retranslate()
{
    // An open form follows a language switch: labels, and the choices of enum and country
    // fields (re-sorted by their new names); what was typed keeps its meaning.
    // Amounts are typed with the separators of a language ("1.500" is fifteen hundred in
    // Vietnamese, one and a half in English): they are rewritten for the new one, so that a
    // switch never changes an amount.
    Preferences before(nullptr, nullptr, false);
    before.setLanguage(m_inputLanguage);
    const bool amountsMove = m_prefs && m_inputLanguage != m_prefs->language();
    for (auto &f : m_fields) {
        if (f.type == QLatin1String("enum") || f.type == QLatin1String("enumlist"))
            f.options = Texts::enumOptions(m_kind, f.name);
        if (f.type == QLatin1String("country") || f.type == QLatin1String("countrylist"))
            f.options = Texts::countryOptions();
        if (amountsMove && f.type == QLatin1String("money") && !f.currency.isEmpty()) {
            // One that does not parse stays as typed: the save will say so next to the field.
            if (const auto amount = before.parseMoney(f.value.toString(), f.currency))
                f.value = m_prefs->moneyInput(*amount, f.currency);
        }
    }
    if (m_prefs)
        m_inputLanguage = m_prefs->language();
    if (!m_fields.empty())
        Q_EMIT dataChanged(
            index(0), index(int(m_fields.size()) - 1), {LabelRole, OptionsRole, ValueRole});
}

void RecordForm::setKind(const QString &kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    Q_EMIT kindChanged();
    rebuild();
    load();
}

void RecordForm::setRecordId(const QString &id)
{
    if (m_recordId == id)
        return;
    m_recordId = id;
    Q_EMIT recordIdChanged();
    load();
}

void RecordForm::setMissionId(const QString &id)
{
    if (m_missionId == id)
        return;
    m_missionId = id;
    Q_EMIT missionIdChanged();
    load();
}

void RecordForm::setLinkedKind(const QString &kind)
{
    if (m_linkedKind == kind)
        return;
    m_linkedKind = kind;
    Q_EMIT linkChanged();
    loadLink();
}

void RecordForm::setLinkedId(const QString &id)
{
    if (m_linkedId == id)
        return;
    m_linkedId = id;
    Q_EMIT linkChanged();
    loadLink();
}

void RecordForm::loadLink()
{
    const int generation = ++m_linkGeneration;
    if (!m_linkedTitle.isEmpty()) {
        m_linkedTitle.clear();
        Q_EMIT linkChanged();
    }
    if (!m_backend || m_linkedKind.isEmpty() || m_linkedId.isEmpty())
        return;
    m_backend->run(
        this,
        [kind = m_linkedKind.toStdString(), id = m_linkedId.toStdString()](
            attache::Store &s) -> attache::Result<std::string> {
            if (!attache::findKind(kind))
                return std::string();
            auto r = s.get(kind, id);
            if (!r)
                return r.error();
            return *r && !(*r)->deleted ? (*r)->title() : std::string();
        },
        [this, generation](attache::Result<std::string> r) {
            if (generation != m_linkGeneration)
                return;
            // Unknown here (deleted, not synced yet, or unreadable): the link stays, unnamed.
            m_linkedTitle = r ? QString::fromStdString(*r) : QString();
            Q_EMIT linkChanged();
        });
}

void RecordForm::setOnly(const QStringList &only)
{
    if (m_only == only)
        return;
    m_only = only;
    Q_EMIT kindChanged();
    rebuild();
    load();
}

void RecordForm::setAttachmentPath(const QString &path)
{
    QString local = path;
    if (path.startsWith(QLatin1String("file:")))
        local = QUrl(path).toLocalFile();
    if (m_attachmentPath == local)
        return;
    m_attachmentPath = local;
    m_dirty = true;
    Q_EMIT attachmentPathChanged();
    Q_EMIT stateChanged();
}

void RecordForm::rebuild()
{
    beginResetModel();
    m_fields.clear();
    const auto *kind = attache::findKind(m_kind.toStdString());
    const auto it = formFields().find(m_kind);
    if (kind && it != formFields().end()) {
        for (const auto &name : it->second) {
            if (!m_only.isEmpty() && !m_only.contains(name))
                continue;
            const auto *def = kind->field(name.toStdString());
            if (!def)
                continue;
            Field f;
            f.name = name;
            f.type = typeOf(*def);
            if (def->refKind == "contact")
                f.type = def->type == attache::FieldType::RefList ? QStringLiteral("contactlist")
                                                                  : QStringLiteral("contactref");
            f.required = def->required;
            if (f.type == QLatin1String("enum") || f.type == QLatin1String("enumlist"))
                f.options = Texts::enumOptions(m_kind, name);
            if (f.type == QLatin1String("country") || f.type == QLatin1String("countrylist"))
                f.options = Texts::countryOptions();
            if (f.type == QLatin1String("money"))
                f.currency = QStringLiteral("USD");
            if (f.type == QLatin1String("bool"))
                f.value = false;
            else if (f.type.endsWith(QLatin1String("list")) && f.type != QLatin1String("textlist"))
                f.value = QStringList();
            else
                f.value = QString();
            m_fields.push_back(std::move(f));
        }
    }
    endResetModel();
}

int RecordForm::rowOf(const QString &field) const
{
    for (size_t i = 0; i < m_fields.size(); ++i) {
        if (m_fields[i].name == field)
            return int(i);
    }
    return -1;
}

void RecordForm::setState(bool loading, bool saving)
{
    m_loading = loading;
    m_saving = saving;
    Q_EMIT stateChanged();
}

void RecordForm::load()
{
    if (!m_backend || m_fields.empty())
        return;
    const int generation = ++m_generation;
    setState(true, false);
    std::vector<std::pair<std::string, std::string>> refs; // field → ref kind
    const auto *kind = attache::findKind(m_kind.toStdString());
    for (const auto &f : m_fields) {
        if (isRefType(f.type)) {
            const auto *def = kind->field(f.name.toStdString());
            refs.emplace_back(f.name.toStdString(), std::string(def->refKind));
        }
    }
    m_backend->run(
        this,
        [kindName = m_kind.toStdString(), id = m_recordId.toStdString(),
            mission = m_missionId.toStdString(),
            refs](attache::Store &s) -> attache::Result<Loaded> {
            Loaded out;
            const auto *kind = attache::findKind(kindName);
            if (!id.empty()) {
                auto r = s.get(kindName, id);
                if (!r)
                    return r.error();
                if (!*r)
                    return attache::makeError("not_found", "No such record.");
                out.fields = (*r)->fields;
                out.title = (*r)->title();
            } else {
                for (const auto &f : kind->fields) {
                    if (!f.defaultValue.empty())
                        out.fields[std::string(f.name)] = std::string(f.defaultValue);
                }
            }
            std::string missionId = mission;
            if (missionId.empty() && out.fields.contains("mission_id")
                && out.fields["mission_id"].is_string())
                missionId = out.fields["mission_id"].get<std::string>();
            for (const auto &[field, refKind] : refs) {
                attache::ListQuery q;
                // Officials are few and shared; the rest belong to the mission.
                if (refKind != "user") {
                    if (missionId.empty())
                        continue;
                    q.missionId = missionId;
                }
                // A mission's contacts are searched in the picker, so all of them come.
                q.limit = refKind == "contact" ? 20000 : 500;
                auto list = s.list(refKind, q);
                if (!list)
                    return list.error();
                auto &opts = out.refs[field];
                for (const auto &rec : *list)
                    opts.emplace_back(rec.id, rec.title());
            }
            return out;
        },
        [this, generation](attache::Result<Loaded> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                m_error = Texts::errorText(r.error());
                setState(false, false);
                Q_EMIT failed(m_error);
                return;
            }
            QVariantMap options;
            for (const auto &[field, list] : r->refs) {
                QVariantList opts;
                for (const auto &[id, title] : list)
                    opts.append(option(QString::fromStdString(id), QString::fromStdString(title)));
                options.insert(QString::fromStdString(field), opts);
            }
            m_original = r->fields;
            m_title = QString::fromStdString(r->title);
            // An edited record's link is the one it holds.
            if (!m_recordId.isEmpty() && r->fields.contains("linked_id")
                && r->fields["linked_id"].is_string() && r->fields.contains("linked_kind")
                && r->fields["linked_kind"].is_string()) {
                m_linkedKind = QString::fromStdString(r->fields["linked_kind"].get<std::string>());
                m_linkedId = QString::fromStdString(r->fields["linked_id"].get<std::string>());
                Q_EMIT linkChanged();
                loadLink();
            }
            fill(r->fields, options);
            m_error.clear();
            m_dirty = false;
            setState(false, false);
            Q_EMIT loaded();
        });
}

void RecordForm::reload()
{
    load();
}

void RecordForm::fill(const json &fields, const QVariantMap &options)
{
    for (auto &f : m_fields) {
        const std::string name = f.name.toStdString();
        const json v = fields.contains(name) ? fields[name] : json();
        f.error.clear();
        if (f.type == QLatin1String("date")) {
            f.value = Preferences::dateInput(str(v));
        } else if (f.type == QLatin1String("datetime")) {
            f.value = Preferences::dateTimeInput(str(v));
        } else if (f.type == QLatin1String("textlist")) {
            f.value = strList(v).join(QLatin1Char('\n'));
        } else if (f.type.endsWith(QLatin1String("list"))) {
            f.value = strList(v);
        } else if (f.type == QLatin1String("bool")) {
            f.value = v.is_boolean() && v.get<bool>();
        } else if (f.type == QLatin1String("integer")) {
            f.value = v.is_number_integer() ? QString::number(v.get<qint64>()) : QString();
        } else if (f.type == QLatin1String("money")) {
            if (v.is_object() && v.contains("amount") && v.contains("currency")) {
                f.currency = str(v["currency"]);
                const auto amount = v["amount"].get<qint64>();
                f.value
                    = m_prefs ? m_prefs->moneyInput(amount, f.currency) : QString::number(amount);
            } else {
                f.value = QString();
            }
        } else {
            f.value = str(v);
        }
        if (isRefType(f.type)) {
            QVariantList opts;
            if (f.type == QLatin1String("ref"))
                opts.append(option(QString(), QStringLiteral("—")));
            opts.append(options.value(f.name).toList());
            f.options = opts;
        }
    }
    if (!m_fields.empty())
        Q_EMIT dataChanged(index(0), index(int(m_fields.size()) - 1));
}

void RecordForm::setValue(const QString &field, const QVariant &value)
{
    const int row = rowOf(field);
    if (row < 0)
        return;
    Field &f = m_fields[size_t(row)];
    if (f.value == value)
        return;
    f.value = value;
    QList<int> roles {ValueRole};
    if (!f.error.isEmpty()) {
        // The user is correcting it: the old message no longer applies.
        f.error.clear();
        roles.append(ErrorRole);
    }
    Q_EMIT dataChanged(index(row), index(row), roles);
    if (!m_dirty) {
        m_dirty = true;
        Q_EMIT stateChanged();
    }
}

void RecordForm::setCurrency(const QString &field, const QString &currency)
{
    const int row = rowOf(field);
    if (row < 0 || m_fields[size_t(row)].currency == currency)
        return;
    m_fields[size_t(row)].currency = currency;
    Q_EMIT dataChanged(index(row), index(row), {CurrencyRole});
    m_dirty = true;
    Q_EMIT stateChanged();
}

QVariant RecordForm::value(const QString &field) const
{
    const int row = rowOf(field);
    return row < 0 ? QVariant() : m_fields[size_t(row)].value;
}

QString RecordForm::fieldError(const QString &field) const
{
    const int row = rowOf(field);
    return row < 0 ? QString() : m_fields[size_t(row)].error;
}

void RecordForm::setFieldError(int row, const QString &error)
{
    m_fields[size_t(row)].error = error;
    Q_EMIT dataChanged(index(row), index(row), {ErrorRole});
}

void RecordForm::clearErrors()
{
    for (size_t i = 0; i < m_fields.size(); ++i) {
        if (!m_fields[i].error.isEmpty())
            setFieldError(int(i), QString());
    }
    m_error.clear();
}

bool RecordForm::toJson(json &out)
{
    static const QRegularExpression offset(QStringLiteral("(Z|[+-]\\d\\d:\\d\\d)$"));
    static const QRegularExpression listSeparator(QStringLiteral("[\\n;]"));
    bool ok = true;
    auto fail = [&](int row, const char *code) {
        setFieldError(row, Texts::errorText(attache::makeError(code, {})));
        ok = false;
    };
    for (size_t i = 0; i < m_fields.size(); ++i) {
        const Field &f = m_fields[i];
        const int row = int(i);
        const std::string name = f.name.toStdString();
        const QString text = f.value.toString().trimmed();
        if (f.type == QLatin1String("date")) {
            if (text.isEmpty()) {
                out[name] = nullptr;
            } else if (auto d = Preferences::parseDate(text)) {
                out[name] = d->toStdString();
            } else {
                fail(row, "invalid_date");
            }
        } else if (f.type == QLatin1String("datetime")) {
            if (text.isEmpty()) {
                out[name] = nullptr;
            } else if (auto d = Preferences::parseDateTime(text)) {
                // Keep the place's UTC offset the record was written with.
                const auto m = offset.match(str(m_original.value(name, json())));
                out[name] = (*d + (m.hasMatch() ? m.captured(1) : QString())).toStdString();
            } else {
                fail(row, "invalid_datetime");
            }
        } else if (f.type == QLatin1String("textlist")) {
            out[name] = toArray(text.split(listSeparator));
        } else if (f.type.endsWith(QLatin1String("list"))) {
            out[name] = toArray(f.value.toStringList());
        } else if (f.type == QLatin1String("bool")) {
            out[name] = f.value.toBool();
        } else if (f.type == QLatin1String("integer")) {
            bool isNumber = false;
            const qint64 n = text.toLongLong(&isNumber);
            if (text.isEmpty())
                out[name] = nullptr;
            else if (isNumber)
                out[name] = n;
            else
                fail(row, "invalid_number");
        } else if (f.type == QLatin1String("money")) {
            if (text.isEmpty()) {
                out[name] = nullptr;
            } else if (f.currency.isEmpty()) {
                fail(row, "invalid_currency");
            } else if (auto amount = m_prefs
                    ? m_prefs->parseMoney(text, f.currency)
                    : Preferences(nullptr, nullptr, false).parseMoney(text, f.currency)) {
                out[name] = {{"amount", *amount}, {"currency", f.currency.toStdString()}};
            } else {
                fail(row, "invalid_amount");
            }
        } else if (f.type == QLatin1String("longtext")) {
            out[name] = f.value.toString().toStdString();
        } else if (text.isEmpty()) {
            out[name] = nullptr;
        } else {
            out[name] = text.toStdString();
        }
        if (ok && f.required && out.contains(name)
            && (out[name].is_null() || (out[name].is_array() && out[name].empty())
                || (out[name].is_string() && out[name].get<std::string>().empty())))
            fail(row, "required");
    }
    return ok;
}

void RecordForm::save()
{
    if (!m_backend || m_saving)
        return;
    clearErrors();
    json patch = json::object();
    if (!toJson(patch)) {
        m_error = tr("Some fields need attention.");
        Q_EMIT stateChanged();
        Q_EMIT failed(m_error);
        return;
    }
    setState(false, true);
    const int generation = ++m_generation;
    m_backend->run(
        this,
        [kind = m_kind.toStdString(), id = m_recordId.toStdString(),
            mission = m_missionId.toStdString(), linkedKind = m_linkedKind.toStdString(),
            linkedId = m_linkedId.toStdString(),
            patch](attache::Store &s) mutable -> attache::Result<attache::Record> {
            if (!id.empty())
                return s.update(kind, id, patch);
            const auto *def = attache::findKind(kind);
            if (def && def->field("mission_id") && !mission.empty())
                patch["mission_id"] = mission;
            // The store checks both: a kind that cannot be linked is refused, naming the field.
            if (def && def->field("linked_id") && !linkedId.empty()) {
                patch["linked_kind"] = linkedKind;
                patch["linked_id"] = linkedId;
            }
            if (kind == "mission") {
                // A mission belongs to the organisation of whoever records it.
                std::string org;
                if (!s.currentUser().empty()) {
                    auto user = s.get("user", s.currentUser());
                    if (user && *user)
                        org = (*user)->text("organisation_id");
                }
                if (org.empty()) {
                    attache::ListQuery q;
                    q.limit = 1;
                    auto orgs = s.list("organisation", q);
                    if (orgs && !orgs->empty())
                        org = orgs->front().id;
                }
                // Never signed in yet: a placeholder, replaced at the first sign-in
                // (Backend::adoptOfflineWork), so that nothing waits for a server.
                if (org.empty())
                    org = Backend::kOfflineOrganisation;
                patch["organisation_id"] = org;
                // Whoever records a mission travels with it (the server lets a member create
                // only missions they belong to).
                const std::string me = s.currentUser();
                auto &members = patch["member_ids"];
                if (!members.is_array())
                    members = nlohmann::json::array();
                const bool leads = patch.value("leader_id", nlohmann::json()) == me;
                if (!me.empty() && !leads
                    && std::find(members.begin(), members.end(), me) == members.end())
                    members.push_back(me);
            }
            return s.create(kind, patch);
        },
        [this, generation](attache::Result<attache::Record> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                const auto &e = r.error();
                qCInfo(lcApp) << "save refused:" << e.code.c_str() << e.field.c_str()
                              << e.message.c_str();
                const int row = rowOf(QString::fromStdString(e.field));
                if (row >= 0) {
                    setFieldError(row, Texts::errorText(e));
                    m_error = tr("Some fields need attention.");
                } else {
                    m_error = Texts::errorText(e, m_kind);
                }
                setState(false, false);
                Q_EMIT failed(m_error);
                return;
            }
            const QString id = QString::fromStdString(r->id);
            const QString missionId = QString::fromStdString(
                m_kind == QLatin1String("mission") ? r->id : r->text("mission_id"));
            m_original = r->fields;
            m_title = QString::fromStdString(r->title());
            m_dirty = false;
            if (m_recordId != id) {
                m_recordId = id;
                Q_EMIT recordIdChanged();
            }
            m_backend->notifyChanged(m_kind);
            if (!m_attachmentPath.isEmpty()) {
                saveAttachment(id, missionId);
                return;
            }
            setState(false, false);
            Q_EMIT saved(id);
        });
}

void RecordForm::saveAttachment(const QString &recordId, const QString &missionId)
{
    const QString source = m_attachmentPath;
    const QString dir = m_backend->attachmentDir();
    m_backend->run(
        this,
        [source, dir, recordId, missionId, kind = m_kind](
            attache::Store &s) -> attache::Result<attache::Record> {
            // Reading and hashing a photo is slow: it happens here, on the worker thread.
            QFile file(source);
            if (missionId.isEmpty())
                return attache::makeError("attachment_needs_mission", "Attach to a mission.");
            if (!file.open(QIODevice::ReadOnly))
                return attache::makeError("file_unreadable", "Cannot read the file.");
            const QByteArray bytes = file.readAll();
            const QString sha = QString::fromLatin1(
                QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
            QDir().mkpath(dir);
            const QString target = dir + QLatin1Char('/') + sha;
            if (!QFile::exists(target)) {
                // Written aside, then renamed: the engine never uploads half a photo.
                QFile out(target + QStringLiteral(".part"));
                if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size()
                    || !out.flush())
                    return attache::makeError("disk_full", "Cannot store the file.");
                out.close();
                if (!QFile::rename(out.fileName(), target))
                    return attache::makeError("disk_full", "Cannot store the file.");
            }
            const auto mime = QMimeDatabase().mimeTypeForFileNameAndData(source, bytes).name();
            return s.create("attachment",
                {{"mission_id", missionId.toStdString()}, {"record_kind", kind.toStdString()},
                    {"record_id", recordId.toStdString()},
                    {"file_name", QFileInfo(source).fileName().toStdString()},
                    {"mime_type", mime.toStdString()}, {"size", qint64(bytes.size())},
                    {"sha256", sha.toStdString()}});
        },
        [this, recordId](attache::Result<attache::Record> r) {
            setState(false, false);
            if (!r) {
                // The record is saved; only the photo failed. Keep the path so it can be retried.
                m_error = Texts::errorText(r.error());
                Q_EMIT failed(m_error);
                return;
            }
            m_attachmentPath.clear();
            Q_EMIT attachmentPathChanged();
            m_backend->notifyChanged(QStringLiteral("attachment"));
            Q_EMIT saved(recordId);
        });
}
