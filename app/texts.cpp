#include "texts.h"

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

// Every ISO 3166-1 code core/iso.h accepts (plus XK), named in English; the Vietnamese names
// are in i18n/attache_vi.ts.
constexpr Label kCountries[] = {
    {"AD", QT_TRANSLATE_NOOP("Country", "Andorra")},
    {"AE", QT_TRANSLATE_NOOP("Country", "United Arab Emirates")},
    {"AF", QT_TRANSLATE_NOOP("Country", "Afghanistan")},
    {"AG", QT_TRANSLATE_NOOP("Country", "Antigua and Barbuda")},
    {"AI", QT_TRANSLATE_NOOP("Country", "Anguilla")},
    {"AL", QT_TRANSLATE_NOOP("Country", "Albania")},
    {"AM", QT_TRANSLATE_NOOP("Country", "Armenia")},
    {"AO", QT_TRANSLATE_NOOP("Country", "Angola")},
    {"AQ", QT_TRANSLATE_NOOP("Country", "Antarctica")},
    {"AR", QT_TRANSLATE_NOOP("Country", "Argentina")},
    {"AS", QT_TRANSLATE_NOOP("Country", "American Samoa")},
    {"AT", QT_TRANSLATE_NOOP("Country", "Austria")},
    {"AU", QT_TRANSLATE_NOOP("Country", "Australia")},
    {"AW", QT_TRANSLATE_NOOP("Country", "Aruba")},
    {"AX", QT_TRANSLATE_NOOP("Country", "Åland Islands")},
    {"AZ", QT_TRANSLATE_NOOP("Country", "Azerbaijan")},
    {"BA", QT_TRANSLATE_NOOP("Country", "Bosnia and Herzegovina")},
    {"BB", QT_TRANSLATE_NOOP("Country", "Barbados")},
    {"BD", QT_TRANSLATE_NOOP("Country", "Bangladesh")},
    {"BE", QT_TRANSLATE_NOOP("Country", "Belgium")},
    {"BF", QT_TRANSLATE_NOOP("Country", "Burkina Faso")},
    {"BG", QT_TRANSLATE_NOOP("Country", "Bulgaria")},
    {"BH", QT_TRANSLATE_NOOP("Country", "Bahrain")},
    {"BI", QT_TRANSLATE_NOOP("Country", "Burundi")},
    {"BJ", QT_TRANSLATE_NOOP("Country", "Benin")},
    {"BL", QT_TRANSLATE_NOOP("Country", "Saint Barthélemy")},
    {"BM", QT_TRANSLATE_NOOP("Country", "Bermuda")},
    {"BN", QT_TRANSLATE_NOOP("Country", "Brunei")},
    {"BO", QT_TRANSLATE_NOOP("Country", "Bolivia")},
    {"BQ", QT_TRANSLATE_NOOP("Country", "Caribbean Netherlands")},
    {"BR", QT_TRANSLATE_NOOP("Country", "Brazil")},
    {"BS", QT_TRANSLATE_NOOP("Country", "Bahamas")},
    {"BT", QT_TRANSLATE_NOOP("Country", "Bhutan")},
    {"BV", QT_TRANSLATE_NOOP("Country", "Bouvet Island")},
    {"BW", QT_TRANSLATE_NOOP("Country", "Botswana")},
    {"BY", QT_TRANSLATE_NOOP("Country", "Belarus")},
    {"BZ", QT_TRANSLATE_NOOP("Country", "Belize")},
    {"CA", QT_TRANSLATE_NOOP("Country", "Canada")},
    {"CC", QT_TRANSLATE_NOOP("Country", "Cocos (Keeling) Islands")},
    {"CD", QT_TRANSLATE_NOOP("Country", "DR Congo")},
    {"CF", QT_TRANSLATE_NOOP("Country", "Central African Republic")},
    {"CG", QT_TRANSLATE_NOOP("Country", "Republic of the Congo")},
    {"CH", QT_TRANSLATE_NOOP("Country", "Switzerland")},
    {"CI", QT_TRANSLATE_NOOP("Country", "Côte d'Ivoire")},
    {"CK", QT_TRANSLATE_NOOP("Country", "Cook Islands")},
    {"CL", QT_TRANSLATE_NOOP("Country", "Chile")},
    {"CM", QT_TRANSLATE_NOOP("Country", "Cameroon")},
    {"CN", QT_TRANSLATE_NOOP("Country", "China")},
    {"CO", QT_TRANSLATE_NOOP("Country", "Colombia")},
    {"CR", QT_TRANSLATE_NOOP("Country", "Costa Rica")},
    {"CU", QT_TRANSLATE_NOOP("Country", "Cuba")},
    {"CV", QT_TRANSLATE_NOOP("Country", "Cape Verde")},
    {"CW", QT_TRANSLATE_NOOP("Country", "Curaçao")},
    {"CX", QT_TRANSLATE_NOOP("Country", "Christmas Island")},
    {"CY", QT_TRANSLATE_NOOP("Country", "Cyprus")},
    {"CZ", QT_TRANSLATE_NOOP("Country", "Czechia")},
    {"DE", QT_TRANSLATE_NOOP("Country", "Germany")},
    {"DJ", QT_TRANSLATE_NOOP("Country", "Djibouti")},
    {"DK", QT_TRANSLATE_NOOP("Country", "Denmark")},
    {"DM", QT_TRANSLATE_NOOP("Country", "Dominica")},
    {"DO", QT_TRANSLATE_NOOP("Country", "Dominican Republic")},
    {"DZ", QT_TRANSLATE_NOOP("Country", "Algeria")},
    {"EC", QT_TRANSLATE_NOOP("Country", "Ecuador")},
    {"EE", QT_TRANSLATE_NOOP("Country", "Estonia")},
    {"EG", QT_TRANSLATE_NOOP("Country", "Egypt")},
    {"EH", QT_TRANSLATE_NOOP("Country", "Western Sahara")},
    {"ER", QT_TRANSLATE_NOOP("Country", "Eritrea")},
    {"ES", QT_TRANSLATE_NOOP("Country", "Spain")},
    {"ET", QT_TRANSLATE_NOOP("Country", "Ethiopia")},
    {"FI", QT_TRANSLATE_NOOP("Country", "Finland")},
    {"FJ", QT_TRANSLATE_NOOP("Country", "Fiji")},
    {"FK", QT_TRANSLATE_NOOP("Country", "Falkland Islands")},
    {"FM", QT_TRANSLATE_NOOP("Country", "Micronesia")},
    {"FO", QT_TRANSLATE_NOOP("Country", "Faroe Islands")},
    {"FR", QT_TRANSLATE_NOOP("Country", "France")},
    {"GA", QT_TRANSLATE_NOOP("Country", "Gabon")},
    {"GB", QT_TRANSLATE_NOOP("Country", "United Kingdom")},
    {"GD", QT_TRANSLATE_NOOP("Country", "Grenada")},
    {"GE", QT_TRANSLATE_NOOP("Country", "Georgia")},
    {"GF", QT_TRANSLATE_NOOP("Country", "French Guiana")},
    {"GG", QT_TRANSLATE_NOOP("Country", "Guernsey")},
    {"GH", QT_TRANSLATE_NOOP("Country", "Ghana")},
    {"GI", QT_TRANSLATE_NOOP("Country", "Gibraltar")},
    {"GL", QT_TRANSLATE_NOOP("Country", "Greenland")},
    {"GM", QT_TRANSLATE_NOOP("Country", "Gambia")},
    {"GN", QT_TRANSLATE_NOOP("Country", "Guinea")},
    {"GP", QT_TRANSLATE_NOOP("Country", "Guadeloupe")},
    {"GQ", QT_TRANSLATE_NOOP("Country", "Equatorial Guinea")},
    {"GR", QT_TRANSLATE_NOOP("Country", "Greece")},
    {"GS", QT_TRANSLATE_NOOP("Country", "South Georgia and the South Sandwich Islands")},
    {"GT", QT_TRANSLATE_NOOP("Country", "Guatemala")},
    {"GU", QT_TRANSLATE_NOOP("Country", "Guam")},
    {"GW", QT_TRANSLATE_NOOP("Country", "Guinea-Bissau")},
    {"GY", QT_TRANSLATE_NOOP("Country", "Guyana")},
    {"HK", QT_TRANSLATE_NOOP("Country", "Hong Kong")},
    {"HM", QT_TRANSLATE_NOOP("Country", "Heard Island and McDonald Islands")},
    {"HN", QT_TRANSLATE_NOOP("Country", "Honduras")},
    {"HR", QT_TRANSLATE_NOOP("Country", "Croatia")},
    {"HT", QT_TRANSLATE_NOOP("Country", "Haiti")},
    {"HU", QT_TRANSLATE_NOOP("Country", "Hungary")},
    {"ID", QT_TRANSLATE_NOOP("Country", "Indonesia")},
    {"IE", QT_TRANSLATE_NOOP("Country", "Ireland")},
    {"IL", QT_TRANSLATE_NOOP("Country", "Israel")},
    {"IM", QT_TRANSLATE_NOOP("Country", "Isle of Man")},
    {"IN", QT_TRANSLATE_NOOP("Country", "India")},
    {"IO", QT_TRANSLATE_NOOP("Country", "British Indian Ocean Territory")},
    {"IQ", QT_TRANSLATE_NOOP("Country", "Iraq")},
    {"IR", QT_TRANSLATE_NOOP("Country", "Iran")},
    {"IS", QT_TRANSLATE_NOOP("Country", "Iceland")},
    {"IT", QT_TRANSLATE_NOOP("Country", "Italy")},
    {"JE", QT_TRANSLATE_NOOP("Country", "Jersey")},
    {"JM", QT_TRANSLATE_NOOP("Country", "Jamaica")},
    {"JO", QT_TRANSLATE_NOOP("Country", "Jordan")},
    {"JP", QT_TRANSLATE_NOOP("Country", "Japan")},
    {"KE", QT_TRANSLATE_NOOP("Country", "Kenya")},
    {"KG", QT_TRANSLATE_NOOP("Country", "Kyrgyzstan")},
    {"KH", QT_TRANSLATE_NOOP("Country", "Cambodia")},
    {"KI", QT_TRANSLATE_NOOP("Country", "Kiribati")},
    {"KM", QT_TRANSLATE_NOOP("Country", "Comoros")},
    {"KN", QT_TRANSLATE_NOOP("Country", "Saint Kitts and Nevis")},
    {"KP", QT_TRANSLATE_NOOP("Country", "North Korea")},
    {"KR", QT_TRANSLATE_NOOP("Country", "South Korea")},
    {"KW", QT_TRANSLATE_NOOP("Country", "Kuwait")},
    {"KY", QT_TRANSLATE_NOOP("Country", "Cayman Islands")},
    {"KZ", QT_TRANSLATE_NOOP("Country", "Kazakhstan")},
    {"LA", QT_TRANSLATE_NOOP("Country", "Laos")},
    {"LB", QT_TRANSLATE_NOOP("Country", "Lebanon")},
    {"LC", QT_TRANSLATE_NOOP("Country", "Saint Lucia")},
    {"LI", QT_TRANSLATE_NOOP("Country", "Liechtenstein")},
    {"LK", QT_TRANSLATE_NOOP("Country", "Sri Lanka")},
    {"LR", QT_TRANSLATE_NOOP("Country", "Liberia")},
    {"LS", QT_TRANSLATE_NOOP("Country", "Lesotho")},
    {"LT", QT_TRANSLATE_NOOP("Country", "Lithuania")},
    {"LU", QT_TRANSLATE_NOOP("Country", "Luxembourg")},
    {"LV", QT_TRANSLATE_NOOP("Country", "Latvia")},
    {"LY", QT_TRANSLATE_NOOP("Country", "Libya")},
    {"MA", QT_TRANSLATE_NOOP("Country", "Morocco")},
    {"MC", QT_TRANSLATE_NOOP("Country", "Monaco")},
    {"MD", QT_TRANSLATE_NOOP("Country", "Moldova")},
    {"ME", QT_TRANSLATE_NOOP("Country", "Montenegro")},
    {"MF", QT_TRANSLATE_NOOP("Country", "Saint Martin")},
    {"MG", QT_TRANSLATE_NOOP("Country", "Madagascar")},
    {"MH", QT_TRANSLATE_NOOP("Country", "Marshall Islands")},
    {"MK", QT_TRANSLATE_NOOP("Country", "North Macedonia")},
    {"ML", QT_TRANSLATE_NOOP("Country", "Mali")},
    {"MM", QT_TRANSLATE_NOOP("Country", "Myanmar")},
    {"MN", QT_TRANSLATE_NOOP("Country", "Mongolia")},
    {"MO", QT_TRANSLATE_NOOP("Country", "Macao")},
    {"MP", QT_TRANSLATE_NOOP("Country", "Northern Mariana Islands")},
    {"MQ", QT_TRANSLATE_NOOP("Country", "Martinique")},
    {"MR", QT_TRANSLATE_NOOP("Country", "Mauritania")},
    {"MS", QT_TRANSLATE_NOOP("Country", "Montserrat")},
    {"MT", QT_TRANSLATE_NOOP("Country", "Malta")},
    {"MU", QT_TRANSLATE_NOOP("Country", "Mauritius")},
    {"MV", QT_TRANSLATE_NOOP("Country", "Maldives")},
    {"MW", QT_TRANSLATE_NOOP("Country", "Malawi")},
    {"MX", QT_TRANSLATE_NOOP("Country", "Mexico")},
    {"MY", QT_TRANSLATE_NOOP("Country", "Malaysia")},
    {"MZ", QT_TRANSLATE_NOOP("Country", "Mozambique")},
    {"NA", QT_TRANSLATE_NOOP("Country", "Namibia")},
    {"NC", QT_TRANSLATE_NOOP("Country", "New Caledonia")},
    {"NE", QT_TRANSLATE_NOOP("Country", "Niger")},
    {"NF", QT_TRANSLATE_NOOP("Country", "Norfolk Island")},
    {"NG", QT_TRANSLATE_NOOP("Country", "Nigeria")},
    {"NI", QT_TRANSLATE_NOOP("Country", "Nicaragua")},
    {"NL", QT_TRANSLATE_NOOP("Country", "Netherlands")},
    {"NO", QT_TRANSLATE_NOOP("Country", "Norway")},
    {"NP", QT_TRANSLATE_NOOP("Country", "Nepal")},
    {"NR", QT_TRANSLATE_NOOP("Country", "Nauru")},
    {"NU", QT_TRANSLATE_NOOP("Country", "Niue")},
    {"NZ", QT_TRANSLATE_NOOP("Country", "New Zealand")},
    {"OM", QT_TRANSLATE_NOOP("Country", "Oman")},
    {"PA", QT_TRANSLATE_NOOP("Country", "Panama")},
    {"PE", QT_TRANSLATE_NOOP("Country", "Peru")},
    {"PF", QT_TRANSLATE_NOOP("Country", "French Polynesia")},
    {"PG", QT_TRANSLATE_NOOP("Country", "Papua New Guinea")},
    {"PH", QT_TRANSLATE_NOOP("Country", "Philippines")},
    {"PK", QT_TRANSLATE_NOOP("Country", "Pakistan")},
    {"PL", QT_TRANSLATE_NOOP("Country", "Poland")},
    {"PM", QT_TRANSLATE_NOOP("Country", "Saint Pierre and Miquelon")},
    {"PN", QT_TRANSLATE_NOOP("Country", "Pitcairn Islands")},
    {"PR", QT_TRANSLATE_NOOP("Country", "Puerto Rico")},
    {"PS", QT_TRANSLATE_NOOP("Country", "Palestine")},
    {"PT", QT_TRANSLATE_NOOP("Country", "Portugal")},
    {"PW", QT_TRANSLATE_NOOP("Country", "Palau")},
    {"PY", QT_TRANSLATE_NOOP("Country", "Paraguay")},
    {"QA", QT_TRANSLATE_NOOP("Country", "Qatar")},
    {"RE", QT_TRANSLATE_NOOP("Country", "Réunion")},
    {"RO", QT_TRANSLATE_NOOP("Country", "Romania")},
    {"RS", QT_TRANSLATE_NOOP("Country", "Serbia")},
    {"RU", QT_TRANSLATE_NOOP("Country", "Russia")},
    {"RW", QT_TRANSLATE_NOOP("Country", "Rwanda")},
    {"SA", QT_TRANSLATE_NOOP("Country", "Saudi Arabia")},
    {"SB", QT_TRANSLATE_NOOP("Country", "Solomon Islands")},
    {"SC", QT_TRANSLATE_NOOP("Country", "Seychelles")},
    {"SD", QT_TRANSLATE_NOOP("Country", "Sudan")},
    {"SE", QT_TRANSLATE_NOOP("Country", "Sweden")},
    {"SG", QT_TRANSLATE_NOOP("Country", "Singapore")},
    {"SH", QT_TRANSLATE_NOOP("Country", "Saint Helena, Ascension and Tristan da Cunha")},
    {"SI", QT_TRANSLATE_NOOP("Country", "Slovenia")},
    {"SJ", QT_TRANSLATE_NOOP("Country", "Svalbard and Jan Mayen")},
    {"SK", QT_TRANSLATE_NOOP("Country", "Slovakia")},
    {"SL", QT_TRANSLATE_NOOP("Country", "Sierra Leone")},
    {"SM", QT_TRANSLATE_NOOP("Country", "San Marino")},
    {"SN", QT_TRANSLATE_NOOP("Country", "Senegal")},
    {"SO", QT_TRANSLATE_NOOP("Country", "Somalia")},
    {"SR", QT_TRANSLATE_NOOP("Country", "Suriname")},
    {"SS", QT_TRANSLATE_NOOP("Country", "South Sudan")},
    {"ST", QT_TRANSLATE_NOOP("Country", "São Tomé and Príncipe")},
    {"SV", QT_TRANSLATE_NOOP("Country", "El Salvador")},
    {"SX", QT_TRANSLATE_NOOP("Country", "Sint Maarten")},
    {"SY", QT_TRANSLATE_NOOP("Country", "Syria")},
    {"SZ", QT_TRANSLATE_NOOP("Country", "Eswatini")},
    {"TC", QT_TRANSLATE_NOOP("Country", "Turks and Caicos Islands")},
    {"TD", QT_TRANSLATE_NOOP("Country", "Chad")},
    {"TF", QT_TRANSLATE_NOOP("Country", "French Southern Territories")},
    {"TG", QT_TRANSLATE_NOOP("Country", "Togo")},
    {"TH", QT_TRANSLATE_NOOP("Country", "Thailand")},
    {"TJ", QT_TRANSLATE_NOOP("Country", "Tajikistan")},
    {"TK", QT_TRANSLATE_NOOP("Country", "Tokelau")},
    {"TL", QT_TRANSLATE_NOOP("Country", "Timor-Leste")},
    {"TM", QT_TRANSLATE_NOOP("Country", "Turkmenistan")},
    {"TN", QT_TRANSLATE_NOOP("Country", "Tunisia")},
    {"TO", QT_TRANSLATE_NOOP("Country", "Tonga")},
    {"TR", QT_TRANSLATE_NOOP("Country", "Türkiye")},
    {"TT", QT_TRANSLATE_NOOP("Country", "Trinidad and Tobago")},
    {"TV", QT_TRANSLATE_NOOP("Country", "Tuvalu")},
    {"TW", QT_TRANSLATE_NOOP("Country", "Taiwan")},
    {"TZ", QT_TRANSLATE_NOOP("Country", "Tanzania")},
    {"UA", QT_TRANSLATE_NOOP("Country", "Ukraine")},
    {"UG", QT_TRANSLATE_NOOP("Country", "Uganda")},
    {"UM", QT_TRANSLATE_NOOP("Country", "United States Minor Outlying Islands")},
    {"US", QT_TRANSLATE_NOOP("Country", "United States")},
    {"UY", QT_TRANSLATE_NOOP("Country", "Uruguay")},
    {"UZ", QT_TRANSLATE_NOOP("Country", "Uzbekistan")},
    {"VA", QT_TRANSLATE_NOOP("Country", "Vatican City")},
    {"VC", QT_TRANSLATE_NOOP("Country", "Saint Vincent and the Grenadines")},
    {"VE", QT_TRANSLATE_NOOP("Country", "Venezuela")},
    {"VG", QT_TRANSLATE_NOOP("Country", "British Virgin Islands")},
    {"VI", QT_TRANSLATE_NOOP("Country", "United States Virgin Islands")},
    {"VN", QT_TRANSLATE_NOOP("Country", "Vietnam")},
    {"VU", QT_TRANSLATE_NOOP("Country", "Vanuatu")},
    {"WF", QT_TRANSLATE_NOOP("Country", "Wallis and Futuna")},
    {"WS", QT_TRANSLATE_NOOP("Country", "Samoa")},
    {"XK", QT_TRANSLATE_NOOP("Country", "Kosovo")},
    {"YE", QT_TRANSLATE_NOOP("Country", "Yemen")},
    {"YT", QT_TRANSLATE_NOOP("Country", "Mayotte")},
    {"ZA", QT_TRANSLATE_NOOP("Country", "South Africa")},
    {"ZM", QT_TRANSLATE_NOOP("Country", "Zambia")},
    {"ZW", QT_TRANSLATE_NOOP("Country", "Zimbabwe")},
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
    {"read_only", QT_TRANSLATE_NOOP("Error", "The data file cannot be written.")},
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
    const auto s = lookup(std::begin(kCountries), std::end(kCountries), code, "Country");
    if (!s.isEmpty())
        return s;
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
