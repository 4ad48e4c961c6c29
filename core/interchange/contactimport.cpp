#include "contactimport.h"

#include "contactcsv.h"
#include "database.h"
#include "store.h"
#include "text.h"
#include "vcard.h"

#include <unordered_map>

namespace attache::interchange {

using nlohmann::json;

namespace {

std::string lineLabel(int first, int last)
{
    return first == last || last == 0
        ? "line " + std::to_string(first)
        : "lines " + std::to_string(first) + "–" + std::to_string(last);
}

// The last nine digits identify a number whatever prefix it was written with
// ("+84 912 345 678", "0912345678"); shorter numbers must match whole.
std::string phoneKey(std::string_view phone)
{
    const std::string d = phoneDigits(phone);
    if (d.size() < 6)
        return {};
    return d.size() > 9 ? d.substr(d.size() - 9) : d;
}

std::string nameKey(const ContactData &c)
{
    if (trimmed(c.organisation).empty())
        return {}; // a name alone is not enough: there are many Nguyễn Văn An
    return foldForSearch(trimmed(c.fullName)) + "|" + foldForSearch(trimmed(c.organisation));
}

void mergeScalar(
    std::string &base, const std::string &incoming, ContactData &into, const char *label)
{
    if (incoming.empty() || foldForSearch(incoming) == foldForSearch(base))
        return;
    if (base.empty())
        base = incoming;
    else
        appendNote(into, std::string(label) + " (imported): " + incoming);
}

/// Folds `incoming` into `base`: stored values stay, gaps are filled, lists united, and a
/// differing value is kept in the notes.
void mergeInto(ContactData &base, const ContactData &incoming)
{
    ContactData &b = base;
    mergeScalar(b.title, incoming.title, b, "Title");
    mergeScalar(b.organisation, incoming.organisation, b, "Organisation");
    if (b.country.empty())
        b.country = incoming.country;
    else if (!incoming.country.empty() && incoming.country != b.country)
        appendNote(b, "Country (imported): " + incoming.country);
    for (const auto &e : incoming.emails)
        addUnique(b.emails, e);
    for (const auto &p : incoming.phones) {
        bool known = false;
        for (const auto &q : b.phones)
            known = known || (!phoneKey(p).empty() && phoneKey(p) == phoneKey(q));
        if (!known)
            addUnique(b.phones, p);
    }
    mergeScalar(b.website, incoming.website, b, "Web");
    for (const auto &l : incoming.languages)
        addUnique(b.languages, l);
    for (const auto &t : incoming.tags)
        addUnique(b.tags, t);
    if (b.interests.empty())
        b.interests = incoming.interests;
    else if (!incoming.interests.empty()
        && b.interests.find(incoming.interests) == std::string::npos)
        b.interests += "\n" + incoming.interests;
    if (!incoming.notes.empty())
        appendNote(b, incoming.notes);
    if (!b.photo)
        b.photo = incoming.photo;
    if (foldForSearch(b.fullName) != foldForSearch(incoming.fullName) && !incoming.fullName.empty())
        appendNote(b, "Also known as: " + incoming.fullName);
}

/// The fields of `after` that differ from `before`.
json changedFields(const ContactData &before, const ContactData &after)
{
    const json a = toFields(before), b = toFields(after);
    json patch = json::object();
    for (const auto &[key, value] : b.items()) {
        if (!a.contains(key) || a[key] != value)
            patch[key] = value;
    }
    return patch;
}

struct Index
{
    // value: stored contact id, or "#<n>" for item n of this file
    std::unordered_map<std::string, std::string> emails, phones, names;

    void add(const ContactData &c, const std::string &ref)
    {
        for (const auto &e : c.emails)
            emails.emplace(e, ref);
        for (const auto &p : c.phones) {
            if (auto k = phoneKey(p); !k.empty())
                phones.emplace(k, ref);
        }
        if (auto k = nameKey(c); !k.empty())
            names.emplace(k, ref);
    }

    // The first match and why.
    std::pair<std::string, std::optional<Notice>> find(const ContactData &c) const
    {
        for (const auto &e : c.emails) {
            if (auto it = emails.find(e); it != emails.end())
                return {it->second, Notice {NoticeCode::SameEmail, 0, {e}}};
        }
        for (const auto &p : c.phones) {
            const auto k = phoneKey(p);
            if (auto it = phones.find(k); !k.empty() && it != phones.end())
                return {it->second, Notice {NoticeCode::SamePhone, 0, {p}}};
        }
        if (auto k = nameKey(c); !k.empty()) {
            if (auto it = names.find(k); it != names.end())
                return {it->second, Notice {NoticeCode::SameNameAndOrganisation, 0, {}}};
        }
        return {};
    }
};

Notice refused(const Error &error)
{
    return {NoticeCode::StoreRefused, 0, {error.code, error.message, error.field}};
}

} // namespace

FileFormat detectFormat(std::string_view bytes)
{
    std::string_view head = bytes.substr(0, 4096);
    std::string upperHead;
    for (char c : head) {
        if (c != '\0') // UTF-16 text: look at its ASCII letters
            upperHead += (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
    }
    if (upperHead.find("BEGIN:VCARD") != std::string::npos)
        return FileFormat::VCard;
    if (upperHead.find(',') != std::string::npos || upperHead.find(';') != std::string::npos
        || upperHead.find('\t') != std::string::npos)
        return FileFormat::Csv;
    return FileFormat::Unknown;
}

ParseResult parseContactsFile(std::string_view bytes)
{
    switch (detectFormat(bytes)) {
    case FileFormat::VCard:
        return parseVCards(bytes);
    case FileFormat::Csv:
        return parseContactsCsv(bytes);
    case FileFormat::Unknown:
        break;
    }
    ParseResult r;
    int lines = 1;
    for (char c : bytes)
        lines += c == '\n';
    r.skipped.push_back({1, lines, {NoticeCode::NotAContactsFile, 0, {}}});
    return r;
}

Result<ImportPlan> planImport(Store &store, ParseResult parsed, const ImportOptions &options)
{
    ImportPlan plan;
    plan.skipped = std::move(parsed.skipped);
    plan.warnings = std::move(parsed.warnings);
    if (!options.missionId.empty()) {
        auto mission = store.get("mission", options.missionId);
        if (!mission)
            return mission.error();
        if (!*mission || (*mission)->deleted)
            return makeError("not_found", "There is no mission " + options.missionId + ".");
    }
    auto stored = store.list("contact");
    if (!stored)
        return stored.error();
    Index index;
    std::unordered_map<std::string, const Record *> byId;
    for (const auto &rec : *stored) {
        byId.emplace(rec.id, &rec);
        index.add(fromRecord(rec), rec.id);
    }

    for (auto &pc : parsed.contacts) {
        if (pc.data.photo) {
            pc.warnings.push_back({NoticeCode::PhotoNotStored, pc.line,
                {pc.data.photo->mimeType, std::to_string(pc.data.photo->bytes.size())}});
        }
        auto [ref, why] = index.find(pc.data);
        PlannedContact item;
        item.contact = std::move(pc);
        if (ref.empty()) {
            item.fields = toFields(item.contact.data);
            index.add(item.contact.data, "#" + std::to_string(plan.items.size()));
        } else if (ref.front() == '#') {
            // The same person earlier in the file: fold this one into it.
            PlannedContact &earlier = plan.items[std::stoul(ref.substr(1))];
            ContactData combined = earlier.contact.data;
            mergeInto(combined, item.contact.data);
            if (earlier.action == ImportAction::Create) {
                earlier.fields = toFields(combined);
            } else {
                const ContactData storedData = fromRecord(*byId.at(earlier.duplicateOf));
                ContactData all = storedData;
                mergeInto(all, combined);
                earlier.merged = changedFields(storedData, all);
            }
            earlier.contact.data = combined;
            item.action = ImportAction::Skip;
            item.matchReason = std::move(why);
            item.matchedLine = earlier.contact.line;
            index.add(combined, ref);
        } else {
            const ContactData storedData = fromRecord(*byId.at(ref));
            ContactData all = storedData;
            mergeInto(all, item.contact.data);
            item.action = ImportAction::Merge;
            item.duplicateOf = ref;
            item.matchReason = std::move(why);
            item.merged = changedFields(storedData, all);
            item.fields = toFields(item.contact.data);
            index.add(item.contact.data, ref);
        }
        plan.items.push_back(std::move(item));
    }
    return plan;
}

ImportReport applyImport(Store &store, const ImportPlan &plan, const ImportOptions &options)
{
    ImportReport report;
    for (std::size_t index = 0; index < plan.items.size(); ++index) {
        const PlannedContact &item = plan.items[index];
        const int line = item.contact.line;
        if (item.action == ImportAction::Skip) {
            ++report.skipped;
            continue;
        }
        auto tx = Transaction::begin(store.database());
        if (!tx) {
            report.failed.push_back({line, line, refused(tx.error())});
            continue;
        }
        std::string createdId;
        Error error;
        bool ok = true;
        if (item.action == ImportAction::Create
            || (item.action == ImportAction::Merge && item.duplicateOf.empty())) {
            json fields = item.fields.is_object() ? item.fields : toFields(item.contact.data);
            if (!options.missionId.empty())
                fields["mission_id"] = options.missionId;
            auto r = store.create("contact", fields);
            ok = r.ok();
            if (ok)
                createdId = r->id;
            else
                error = r.error();
        } else if (!item.merged.empty()) {
            auto r = store.update("contact", item.duplicateOf, item.merged);
            ok = r.ok();
            if (!ok)
                error = r.error();
        }
        if (ok) {
            if (auto c = tx->commit(); !c) {
                ok = false;
                error = c.error();
            }
        }
        if (!ok) {
            report.failed.push_back({line, line, refused(error)});
            continue;
        }
        if (!createdId.empty()) {
            ++report.created;
            report.createdIds.push_back(createdId);
            report.written.emplace_back(index, createdId);
        } else {
            ++report.merged;
            report.written.emplace_back(index, item.duplicateOf);
        }
    }
    return report;
}

std::string matchText(const PlannedContact &item)
{
    if (!item.matchReason)
        return {};
    std::string text = noticeText(*item.matchReason);
    if (item.matchedLine > 0)
        text += " as line " + std::to_string(item.matchedLine) + " of the file; merged into it";
    return text;
}

std::string describePlan(const ImportPlan &plan)
{
    std::string out;
    for (const auto &w : plan.warnings)
        out += "file: " + noticeText(w) + "\n";
    for (const auto &item : plan.items) {
        const std::string where = "line " + std::to_string(item.contact.line) + ": ";
        const std::string name = "“" + item.contact.data.fullName + "”";
        switch (item.action) {
        case ImportAction::Create:
            out += where + "new contact " + name + "\n";
            break;
        case ImportAction::Merge: {
            std::string changes;
            for (const auto &[key, value] : item.merged.items())
                changes += (changes.empty() ? "" : ", ") + key;
            out += where + name + " matches stored contact " + item.duplicateOf + " ("
                + matchText(item) + "); merge "
                + (changes.empty() ? "adds nothing" : "fills " + changes) + "\n";
            break;
        }
        case ImportAction::Skip:
            out += where + name + " left out: " + matchText(item) + "\n";
            break;
        }
        for (const auto &w : item.contact.warnings)
            out += "  " + noticeText(w) + "\n";
    }
    for (const auto &s : plan.skipped)
        out += lineLabel(s.line, s.lastLine) + ": skipped: " + noticeText(s.reason) + "\n";
    return out;
}

} // namespace attache::interchange
