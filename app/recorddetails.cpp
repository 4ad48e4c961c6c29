#include "recorddetails.h"

#include "backend.h"
#include "preferences.h"
#include "schema.h"
#include "store.h"
#include "texts.h"

using nlohmann::json;

namespace {

struct Loaded
{
    std::optional<attache::Record> record;
    std::map<std::string, std::string> names;
    std::map<std::string, std::int64_t> counts;
};

constexpr const char *kChildKinds[]
    = {"meeting", "agreement", "event", "contact", "lead", "followup", "attachment", "review"};

} // namespace

RecordDetails::RecordDetails(QObject *parent)
    : QObject(parent)
{ }

void RecordDetails::setBackend(Backend *backend)
{
    if (m_backend == backend)
        return;
    m_backend = backend;
    if (m_backend) {
        connect(m_backend, &Backend::changed, this, [this](const QString &) { reload(); });
        connect(m_backend, &Backend::readyChanged, this, &RecordDetails::reload);
    }
    Q_EMIT configChanged();
    reload();
}

void RecordDetails::setPreferences(Preferences *prefs)
{
    if (m_prefs == prefs)
        return;
    m_prefs = prefs;
    if (m_prefs)
        connect(m_prefs, &Preferences::languageChanged, this, &RecordDetails::loaded);
    Q_EMIT configChanged();
}

void RecordDetails::setKind(const QString &kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    Q_EMIT configChanged();
    reload();
}

void RecordDetails::setRecordId(const QString &id)
{
    if (m_recordId == id)
        return;
    m_recordId = id;
    Q_EMIT configChanged();
    reload();
}

QString RecordDetails::status() const
{
    return m_fields.is_object() && m_fields.contains("status") && m_fields["status"].is_string()
        ? QString::fromStdString(m_fields["status"].get<std::string>())
        : QString();
}

QString RecordDetails::statusLabel() const
{
    const auto s = status();
    return s.isEmpty() ? s : Texts::enumLabel(m_kind, QStringLiteral("status"), s);
}

void RecordDetails::reload()
{
    if (!m_backend || !m_backend->isReady() || m_kind.isEmpty() || m_recordId.isEmpty())
        return;
    const int generation = ++m_generation;
    m_backend->run(
        this,
        [kind = m_kind.toStdString(), id = m_recordId.toStdString()](
            attache::Store &s) -> attache::Result<Loaded> {
            Loaded out;
            auto r = s.get(kind, id);
            if (!r)
                return r.error();
            out.record = std::move(*r);
            if (!out.record || out.record->deleted)
                return out;
            for (const auto &f : out.record->kind->fields) {
                if (f.type != attache::FieldType::Ref && f.type != attache::FieldType::RefList)
                    continue;
                if (f.refKind.empty())
                    continue;
                const auto &v = out.record->field(f.name);
                std::vector<std::string> ids;
                if (v.is_string())
                    ids.push_back(v.get<std::string>());
                for (const auto &item : v.is_array() ? v : json::array())
                    ids.push_back(item.get<std::string>());
                for (const auto &ref : ids) {
                    auto target = s.get(f.refKind, ref);
                    if (target && *target)
                        out.names[ref] = (*target)->title();
                }
            }
            if (kind == "mission") {
                for (const char *child : kChildKinds) {
                    attache::ListQuery q;
                    q.missionId = id;
                    auto n = s.count(child, q);
                    if (n)
                        out.counts[child] = *n;
                }
            }
            return out;
        },
        [this, generation](attache::Result<Loaded> r) {
            if (generation != m_generation || !r)
                return;
            m_exists = r->record.has_value() && !r->record->deleted;
            m_fields = m_exists ? r->record->fields : json::object();
            m_title = m_exists ? QString::fromStdString(r->record->title()) : QString();
            m_names = std::move(r->names);
            m_counts.clear();
            for (const auto &[k, n] : r->counts)
                m_counts.insert(QString::fromStdString(k), qint64(n));
            Q_EMIT loaded();
        });
}

QVariantList RecordDetails::lines() const
{
    QVariantList out;
    const auto *kind = attache::findKind(m_kind.toStdString());
    if (!kind || !m_fields.is_object())
        return out;
    Preferences fallback(nullptr, nullptr, false);
    const Preferences &p = m_prefs ? *m_prefs : fallback;
    auto name = [&](const std::string &id) {
        const auto it = m_names.find(id);
        return QString::fromStdString(it == m_names.end() ? id : it->second);
    };
    for (const auto &f : kind->fields) {
        using FT = attache::FieldType;
        const QString field = QString::fromUtf8(f.name.data(), qsizetype(f.name.size()));
        const json &v
            = m_fields.contains(std::string(f.name)) ? m_fields[std::string(f.name)] : json();
        if (v.is_null() || (v.is_array() && v.empty()) || f.name == kind->titleField
            || f.name == "organisation_id" || f.name == "mission_id")
            continue;
        QStringList parts;
        const auto each = v.is_array() ? v : json::array({v});
        for (const auto &item : each) {
            const QString s
                = item.is_string() ? QString::fromStdString(item.get<std::string>()) : QString();
            switch (f.type) {
            case FT::Date:
                parts.append(p.formatDate(s));
                break;
            case FT::DateTime:
                parts.append(p.formatDateTime(s));
                break;
            case FT::Enum:
            case FT::EnumList:
                parts.append(Texts::enumLabel(m_kind, field, s));
                break;
            case FT::Ref:
            case FT::RefList:
                parts.append(name(s.toStdString()));
                break;
            case FT::Bool:
                parts.append(item.get<bool>() ? tr("Yes") : tr("No"));
                break;
            case FT::Integer:
                parts.append(p.formatInteger(item.get<qint64>()));
                break;
            case FT::Money:
                parts.append(p.formatMoney(item["amount"].get<qint64>(),
                    QString::fromStdString(item["currency"].get<std::string>())));
                break;
            default:
                parts.append(f.format == attache::Format::Country ? Texts::countryName(s) : s);
            }
        }
        out.append(QVariantMap {{QStringLiteral("label"), Texts::fieldLabel(m_kind, field)},
            {QStringLiteral("value"),
                parts.join(f.type == FT::LongText ? QStringLiteral("\n") : QStringLiteral(", "))}});
    }
    return out;
}
