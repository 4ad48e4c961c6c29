#include "texts.h"

#include "countrynames.h"
#include "iso.h"
#include "schema.h"

#include <QCollator>
#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace {

struct Label
{
    const char *key;
    const char *text;
};

QString tr(const char *context, const char *text)
{
    return QCoreApplication::translate(context, text);
}

QString lookup(const Label *begin, const Label *end, const QString &key, const char *context)
{
    const auto it
        = std::find_if(begin, end, [&](const Label &l) { return key == QLatin1String(l.key); });
    return it == end ? QString() : tr(context, it->text);
}

constexpr Label kKinds[] = {
    {"organisation", QT_TRANSLATE_NOOP("Kind", "Organisation")},
    {"user", QT_TRANSLATE_NOOP("Kind", "Official")},
    {"mission", QT_TRANSLATE_NOOP("Kind", "Mission")},
    {"meeting", QT_TRANSLATE_NOOP("Kind", "Meeting")},
    {"agreement", QT_TRANSLATE_NOOP("Kind", "Agreement")},
    {"event", QT_TRANSLATE_NOOP("Kind", "Event")},
    {"contact", QT_TRANSLATE_NOOP("Kind", "Contact")},
    {"lead", QT_TRANSLATE_NOOP("Kind", "Investment lead")},
    {"followup", QT_TRANSLATE_NOOP("Kind", "Follow-up")},
    {"attachment", QT_TRANSLATE_NOOP("Kind", "Attachment")},
    {"review", QT_TRANSLATE_NOOP("Kind", "Review")},
};

constexpr Label kPlurals[] = {
    {"mission", QT_TRANSLATE_NOOP("KindPlural", "Missions")},
    {"meeting", QT_TRANSLATE_NOOP("KindPlural", "Meetings")},
    {"agreement", QT_TRANSLATE_NOOP("KindPlural", "Agreements")},
    {"event", QT_TRANSLATE_NOOP("KindPlural", "Events")},
    {"contact", QT_TRANSLATE_NOOP("KindPlural", "Contacts")},
    {"lead", QT_TRANSLATE_NOOP("KindPlural", "Investment leads")},
    {"followup", QT_TRANSLATE_NOOP("KindPlural", "Follow-ups")},
    {"attachment", QT_TRANSLATE_NOOP("KindPlural", "Attachments")},
    {"review", QT_TRANSLATE_NOOP("KindPlural", "Reviews")},
};

constexpr Label kFields[] = {
    {"mission.title", QT_TRANSLATE_NOOP("Field", "Title")},
    {"mission.purpose", QT_TRANSLATE_NOOP("Field", "Purpose")},
    {"mission.decision_number", QT_TRANSLATE_NOOP("Field", "Decision number")},
    {"mission.decision_date", QT_TRANSLATE_NOOP("Field", "Decision date")},
    {"mission.countries", QT_TRANSLATE_NOOP("Field", "Countries")},
    {"mission.cities", QT_TRANSLATE_NOOP("Field", "Cities")},
    {"mission.start_date", QT_TRANSLATE_NOOP("Field", "Start date")},
    {"mission.end_date", QT_TRANSLATE_NOOP("Field", "End date")},
    {"mission.leader_id", QT_TRANSLATE_NOOP("Field", "Head of delegation")},
    {"mission.member_ids", QT_TRANSLATE_NOOP("Field", "Members")},
    {"mission.status", QT_TRANSLATE_NOOP("Field", "Status")},
    {"mission.notes", QT_TRANSLATE_NOOP("Field", "Notes")},
    {"meeting.starts_at", QT_TRANSLATE_NOOP("Field", "Date and time")},
    {"meeting.place", QT_TRANSLATE_NOOP("Field", "Place")},
    {"meeting.counterpart", QT_TRANSLATE_NOOP("Field", "Counterpart")},
    {"meeting.counterpart_country", QT_TRANSLATE_NOOP("Field", "Counterpart's country")},
    {"meeting.contact_ids", QT_TRANSLATE_NOOP("Field", "Counterpart contacts")},
    {"meeting.participant_ids", QT_TRANSLATE_NOOP("Field", "Participants")},
    {"meeting.topics", QT_TRANSLATE_NOOP("Field", "Topics")},
    {"meeting.outcome", QT_TRANSLATE_NOOP("Field", "Outcome")},
    {"meeting.notes", QT_TRANSLATE_NOOP("Field", "Notes")},
    {"agreement.meeting_id", QT_TRANSLATE_NOOP("Field", "Signed at meeting")},
    {"agreement.title", QT_TRANSLATE_NOOP("Field", "Title")},
    {"agreement.kind", QT_TRANSLATE_NOOP("Field", "Type")},
    {"agreement.parties", QT_TRANSLATE_NOOP("Field", "Parties")},
    {"agreement.signed_date", QT_TRANSLATE_NOOP("Field", "Signing date")},
    {"agreement.signed_place", QT_TRANSLATE_NOOP("Field", "Signing place")},
    {"agreement.signatories", QT_TRANSLATE_NOOP("Field", "Signatories")},
    {"agreement.fields", QT_TRANSLATE_NOOP("Field", "Fields of cooperation")},
    {"agreement.status", QT_TRANSLATE_NOOP("Field", "Status")},
    {"agreement.valid_until", QT_TRANSLATE_NOOP("Field", "Valid until")},
    {"agreement.committed_value", QT_TRANSLATE_NOOP("Field", "Committed value")},
    {"agreement.notes", QT_TRANSLATE_NOOP("Field", "Notes")},
    {"event.name", QT_TRANSLATE_NOOP("Field", "Name")},
    {"event.kind", QT_TRANSLATE_NOOP("Field", "Type")},
    {"event.city", QT_TRANSLATE_NOOP("Field", "City")},
    {"event.country", QT_TRANSLATE_NOOP("Field", "Country")},
    {"event.start_date", QT_TRANSLATE_NOOP("Field", "Start date")},
    {"event.end_date", QT_TRANSLATE_NOOP("Field", "End date")},
    {"event.booth", QT_TRANSLATE_NOOP("Field", "Booth")},
    {"event.notes", QT_TRANSLATE_NOOP("Field", "Notes")},
    {"contact.full_name", QT_TRANSLATE_NOOP("Field", "Full name")},
    {"contact.title", QT_TRANSLATE_NOOP("Field", "Job title")},
    {"contact.organisation", QT_TRANSLATE_NOOP("Field", "Organisation")},
    {"contact.country", QT_TRANSLATE_NOOP("Field", "Country")},
    {"contact.emails", QT_TRANSLATE_NOOP("Field", "E-mail addresses")},
    {"contact.phones", QT_TRANSLATE_NOOP("Field", "Phone numbers")},
    {"contact.website", QT_TRANSLATE_NOOP("Field", "Website")},
    {"contact.languages", QT_TRANSLATE_NOOP("Field", "Languages")},
    {"contact.interests", QT_TRANSLATE_NOOP("Field", "Interests")},
    {"contact.notes", QT_TRANSLATE_NOOP("Field", "Notes")},
    {"contact.event_id", QT_TRANSLATE_NOOP("Field", "Met at event")},
    {"contact.meeting_id", QT_TRANSLATE_NOOP("Field", "Met at meeting")},
    {"contact.tags", QT_TRANSLATE_NOOP("Field", "Tags")},
    {"contact.consent_noted", QT_TRANSLATE_NOOP("Field", "Agreed to be contacted")},
    {"lead.company", QT_TRANSLATE_NOOP("Field", "Company")},
    {"lead.country", QT_TRANSLATE_NOOP("Field", "Country")},
    {"lead.contact_id", QT_TRANSLATE_NOOP("Field", "Contact")},
    {"lead.sector", QT_TRANSLATE_NOOP("Field", "Sector")},
    {"lead.pledged_capital", QT_TRANSLATE_NOOP("Field", "Pledged capital")},
    {"lead.status", QT_TRANSLATE_NOOP("Field", "Status")},
    {"lead.notes", QT_TRANSLATE_NOOP("Field", "Notes")},
    {"followup.title", QT_TRANSLATE_NOOP("Field", "Task")},
    {"followup.owner_id", QT_TRANSLATE_NOOP("Field", "Responsible")},
    {"followup.due_date", QT_TRANSLATE_NOOP("Field", "Due date")},
    {"followup.status", QT_TRANSLATE_NOOP("Field", "Status")},
    {"followup.notes", QT_TRANSLATE_NOOP("Field", "Notes")},
    {"review.decision", QT_TRANSLATE_NOOP("Field", "Decision")},
    {"review.comment", QT_TRANSLATE_NOOP("Field", "Comment")},
    // Fields no form shows (set on save or by "Add a follow-up"), named by the conflicts list
    // and by error messages.
    {"mission.organisation_id", QT_TRANSLATE_NOOP("Field", "Organisation")},
    {"meeting.mission_id", QT_TRANSLATE_NOOP("Field", "Mission")},
    {"agreement.mission_id", QT_TRANSLATE_NOOP("Field", "Mission")},
    {"event.mission_id", QT_TRANSLATE_NOOP("Field", "Mission")},
    {"contact.mission_id", QT_TRANSLATE_NOOP("Field", "Mission")},
    {"lead.mission_id", QT_TRANSLATE_NOOP("Field", "Mission")},
    {"followup.mission_id", QT_TRANSLATE_NOOP("Field", "Mission")},
    {"followup.linked_kind", QT_TRANSLATE_NOOP("Field", "Comes from (type of record)")},
    {"followup.linked_id", QT_TRANSLATE_NOOP("Field", "Comes from")},
};

constexpr Label kEnums[] = {
    {"mission.status.planned", QT_TRANSLATE_NOOP("Enum", "Planned")},
    {"mission.status.under_way", QT_TRANSLATE_NOOP("Enum", "Under way")},
    {"mission.status.returned", QT_TRANSLATE_NOOP("Enum", "Returned")},
    {"mission.status.report_filed", QT_TRANSLATE_NOOP("Enum", "Report filed")},
    {"mission.status.report_approved", QT_TRANSLATE_NOOP("Enum", "Report approved")},
    {"agreement.kind.mou", QT_TRANSLATE_NOOP("Enum", "Memorandum of understanding")},
    {"agreement.kind.cooperation_agreement", QT_TRANSLATE_NOOP("Enum", "Cooperation agreement")},
    {"agreement.kind.contract", QT_TRANSLATE_NOOP("Enum", "Contract")},
    {"agreement.kind.other", QT_TRANSLATE_NOOP("Enum", "Other")},
    {"agreement.status.under_negotiation", QT_TRANSLATE_NOOP("Enum", "Under negotiation")},
    {"agreement.status.signed", QT_TRANSLATE_NOOP("Enum", "Signed")},
    {"agreement.status.in_implementation", QT_TRANSLATE_NOOP("Enum", "In implementation")},
    {"agreement.status.expired", QT_TRANSLATE_NOOP("Enum", "Expired")},
    {"agreement.status.cancelled", QT_TRANSLATE_NOOP("Enum", "Cancelled")},
    {"agreement.fields.trade", QT_TRANSLATE_NOOP("Enum", "Trade")},
    {"agreement.fields.investment", QT_TRANSLATE_NOOP("Enum", "Investment")},
    {"agreement.fields.agriculture", QT_TRANSLATE_NOOP("Enum", "Agriculture")},
    {"agreement.fields.education", QT_TRANSLATE_NOOP("Enum", "Education")},
    {"agreement.fields.culture", QT_TRANSLATE_NOOP("Enum", "Culture")},
    {"agreement.fields.tourism", QT_TRANSLATE_NOOP("Enum", "Tourism")},
    {"agreement.fields.health", QT_TRANSLATE_NOOP("Enum", "Health")},
    {"agreement.fields.technology", QT_TRANSLATE_NOOP("Enum", "Technology")},
    {"agreement.fields.labour", QT_TRANSLATE_NOOP("Enum", "Labour")},
    {"agreement.fields.environment", QT_TRANSLATE_NOOP("Enum", "Environment")},
    {"agreement.fields.transport", QT_TRANSLATE_NOOP("Enum", "Transport")},
    {"agreement.fields.other", QT_TRANSLATE_NOOP("Enum", "Other")},
    {"event.kind.trade_fair", QT_TRANSLATE_NOOP("Enum", "Trade fair")},
    {"event.kind.exhibition", QT_TRANSLATE_NOOP("Enum", "Exhibition")},
    {"event.kind.investment_conference", QT_TRANSLATE_NOOP("Enum", "Investment conference")},
    {"event.kind.seminar", QT_TRANSLATE_NOOP("Enum", "Seminar")},
    {"event.kind.other", QT_TRANSLATE_NOOP("Enum", "Other")},
    {"lead.status.interested", QT_TRANSLATE_NOOP("Enum", "Interested")},
    {"lead.status.committed", QT_TRANSLATE_NOOP("Enum", "Committed")},
    {"lead.status.licensed", QT_TRANSLATE_NOOP("Enum", "Licensed")},
    {"lead.status.abandoned", QT_TRANSLATE_NOOP("Enum", "Abandoned")},
    {"followup.status.open", QT_TRANSLATE_NOOP("Enum", "Open")},
    {"followup.status.in_progress", QT_TRANSLATE_NOOP("Enum", "In progress")},
    {"followup.status.done", QT_TRANSLATE_NOOP("Enum", "Done")},
    {"followup.status.cancelled", QT_TRANSLATE_NOOP("Enum", "Cancelled")},
    {"review.decision.approved", QT_TRANSLATE_NOOP("Enum", "Approved")},
    {"review.decision.returned", QT_TRANSLATE_NOOP("Enum", "Returned for changes")},
};

constexpr Label kErrors[] = {
    {"required", QT_TRANSLATE_NOOP("Error", "This field is required.")},
    {"invalid_email", QT_TRANSLATE_NOOP("Error", "This is not an e-mail address.")},
    {"invalid_phone", QT_TRANSLATE_NOOP("Error", "This is not a phone number.")},
    {"invalid_url", QT_TRANSLATE_NOOP("Error", "This is not a web address.")},
    {"invalid_country", QT_TRANSLATE_NOOP("Error", "Choose a country from the list.")},
    {"invalid_currency", QT_TRANSLATE_NOOP("Error", "Choose a currency such as USD or VND.")},
    {"invalid_amount", QT_TRANSLATE_NOOP("Error", "Enter a positive amount.")},
    {"invalid_date", QT_TRANSLATE_NOOP("Error", "Enter a date as dd/mm/yyyy.")},
    {"invalid_datetime", QT_TRANSLATE_NOOP("Error", "Enter a date and time as dd/mm/yyyy hh:mm.")},
    {"invalid_value", QT_TRANSLATE_NOOP("Error", "Choose a value from the list.")},
    {"invalid_number", QT_TRANSLATE_NOOP("Error", "Enter a whole number.")},
    {"too_long", QT_TRANSLATE_NOOP("Error", "This text is too long.")},
    {"date_order", QT_TRANSLATE_NOOP("Error", "This date must not be before the start date.")},
    {"not_found", QT_TRANSLATE_NOOP("Error", "This record no longer exists.")},
    {"disk_full", QT_TRANSLATE_NOOP("Error", "The device is full: free some space and try again.")},
    {"busy", QT_TRANSLATE_NOOP("Error", "The data is busy: try again in a moment.")},
    {"read_only",
        QT_TRANSLATE_NOOP("Error",
            "This device's storage is read-only: nothing was saved, and what is already saved is "
            "safe.")},
    {"not_open", QT_TRANSLATE_NOOP("Error", "The local data is not open yet.")},
    {"cannot_open", QT_TRANSLATE_NOOP("Error", "The local data file cannot be opened.")},
    {"file_unreadable", QT_TRANSLATE_NOOP("Error", "The file cannot be read.")},
    {"no_organisation",
        QT_TRANSLATE_NOOP("Error", "Sign in once so that this device knows your organisation.")},
    {"attachment_needs_mission",
        QT_TRANSLATE_NOOP("Error", "Open a mission first: photos are kept with a mission.")},
};

} // namespace

namespace Texts {

QString kindName(const QString &kind)
{
    const auto s = lookup(std::begin(kKinds), std::end(kKinds), kind, "Kind");
    return s.isEmpty() ? kind : s;
}

QString kindPlural(const QString &kind)
{
    const auto s = lookup(std::begin(kPlurals), std::end(kPlurals), kind, "KindPlural");
    return s.isEmpty() ? kindName(kind) : s;
}

QString fieldLabel(const QString &kind, const QString &field)
{
    const auto s
        = lookup(std::begin(kFields), std::end(kFields), kind + QLatin1Char('.') + field, "Field");
    return s.isEmpty() ? field : s;
}

QString enumLabel(const QString &kind, const QString &field, const QString &value)
{
    const auto s = lookup(std::begin(kEnums), std::end(kEnums),
        kind + QLatin1Char('.') + field + QLatin1Char('.') + value, "Enum");
    return s.isEmpty() ? value : s;
}

QVariantList enumOptions(const QString &kind, const QString &field)
{
    QVariantList out;
    const auto *k = attache::findKind(kind.toStdString());
    const auto *f = k ? k->field(field.toStdString()) : nullptr;
    if (!f)
        return out;
    for (auto v : f->values) {
        const auto value = QString::fromUtf8(v.data(), qsizetype(v.size()));
        out.append(QVariantMap {{QStringLiteral("value"), value},
            {QStringLiteral("label"), enumLabel(kind, field, value)}});
    }
    return out;
}

QString countryName(const QString &code)
{
    if (code.isEmpty())
        return {};
    // One list with the documents (core/countrynames.h), in the installed translation's
    // language, which it names itself.
    if (const auto *names = attache::findCountry(code.toStdString())) {
        const bool vietnamese = QCoreApplication::translate("Country", "en",
                                    "The code of this translation's language: vi or en")
            == QLatin1String("vi");
        const std::string_view name = vietnamese ? names->vietnamese : names->english;
        return QString::fromUtf8(name.data(), qsizetype(name.size()));
    }
    const auto territory = QLocale::codeToTerritory(code);
    if (territory == QLocale::AnyTerritory)
        return code;
    return QLocale::territoryToString(territory);
}

QVariantList countryOptions()
{
    struct Option
    {
        QString code;
        QString label;
    };
    std::vector<Option> options;
    for (char a = 'A'; a <= 'Z'; ++a) {
        for (char b = 'A'; b <= 'Z'; ++b) {
            const char code[3] = {a, b, 0};
            if (attache::isCountryCode(code))
                options.push_back(
                    {QString::fromLatin1(code), countryName(QString::fromLatin1(code))});
        }
    }
    QCollator collator;
    std::sort(options.begin(), options.end(),
        [&](const Option &x, const Option &y) { return collator.compare(x.label, y.label) < 0; });
    QVariantList out;
    out.reserve(qsizetype(options.size()));
    for (const auto &o : options)
        out.append(
            QVariantMap {{QStringLiteral("value"), o.code}, {QStringLiteral("label"), o.label}});
    return out;
}

QStringList commonCurrencies()
{
    return {QStringLiteral("VND"), QStringLiteral("USD"), QStringLiteral("EUR"),
        QStringLiteral("JPY"), QStringLiteral("KRW"), QStringLiteral("CNY"), QStringLiteral("LAK"),
        QStringLiteral("THB"), QStringLiteral("SGD"), QStringLiteral("AUD")};
}

QString errorText(const attache::Error &error, const QString &kind)
{
    const auto code = QString::fromStdString(error.code);
    auto s = lookup(std::begin(kErrors), std::end(kErrors), code, "Error");
    if (s.isEmpty())
        s = QCoreApplication::translate("Error", "Something went wrong (%1).").arg(code);
    if (!error.field.empty() && !kind.isEmpty()) {
        // Outside the form (a toast), say which field it is about.
        return QCoreApplication::translate("Error", "%1: %2")
            .arg(fieldLabel(kind, QString::fromStdString(error.field)), s);
    }
    return s;
}

} // namespace Texts
