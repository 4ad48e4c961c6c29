// attache-cli: a command-line front end over the offline store, for trying the product,
// scripts and IT staff. Every command prints JSON (one object per line for lists).

#include "demo.h"
#include "interchange/contactcsv.h"
#include "interchange/contactimport.h"
#include "interchange/vcard.h"
#include "schema.h"
#include "store.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace attache;
using nlohmann::json;

namespace {

constexpr const char *kUsage = R"(usage: attache-cli --db FILE COMMAND [ARGS]

commands:
  kinds                                 list record kinds and their fields
  add KIND field=value ...              create a record (lists and amounts as JSON:
                                        countries='["JP"]' pledged_capital='{"amount":100,"currency":"USD"}')
  update KIND ID field=value ...        change fields of a record
  delete KIND ID | restore KIND ID      soft-delete a record, or undo that
  get KIND ID | list KIND [MISSION_ID]  show records
  search WORDS...                       accent-insensitive search ("ha tinh" finds "Hà Tĩnh")
  report [from=YYYY-MM-DD] [to=...] [organisation=ID] [country=CC] [mission=ID]
  pending                               how many records wait for upload
  demo                                  load a demo department into an empty database
  import-contacts FILE [--mission ID] [--dry-run]
                                        import a vCard (2.1/3.0/4.0) or Google/Outlook CSV file;
                                        duplicates are merged; --dry-run only prints the plan
  export-contacts FILE --format vcard4|vcard3|csv [--mission ID]
  shell                                 read commands from standard input, one per line
)";

int fail(const Error &e)
{
    std::cerr << "error: " << e.message;
    if (!e.field.empty())
        std::cerr << " [" << e.field << "]";
    std::cerr << " (" << e.code << ")\n";
    return 1;
}

// field=value pairs → JSON fields, parsing values by the field's type.
Result<json> parseFields(const KindDef &kind, const std::vector<std::string> &args, size_t from)
{
    json fields = json::object();
    for (size_t i = from; i < args.size(); ++i) {
        const auto eq = args[i].find('=');
        if (eq == std::string::npos)
            return makeError("usage", "expected field=value, got “" + args[i] + "”");
        const std::string name = args[i].substr(0, eq), value = args[i].substr(eq + 1);
        const FieldDef *f = kind.field(name);
        if (!f)
            return makeError("unknown_field",
                "“" + name + "” is not a field of " + std::string(kind.name) + ".", name);
        switch (f->type) {
        case FieldType::Integer:
        case FieldType::Bool:
        case FieldType::Money:
        case FieldType::TextList:
        case FieldType::EnumList:
        case FieldType::RefList: {
            json v = json::parse(value, nullptr, false);
            if (v.is_discarded())
                return makeError("invalid_json", "“" + name + "” needs a JSON value.", name);
            fields[name] = v;
            break;
        }
        default:
            fields[name] = value;
        }
    }
    return fields;
}

int run(Store &store, const std::vector<std::string> &args);

// ---- Contacts in and out (issue 6) ----
int contactsCommand(Store &store, const std::vector<std::string> &args)
{
    namespace ix = attache::interchange;
    if (args.size() < 2)
        return fail(makeError("usage", "usage: " + args[0] + " FILE ..."));
    const std::string file = args[1];
    std::string mission, format;
    bool dryRun = false;
    for (size_t i = 2; i < args.size(); ++i) {
        if (args[i] == "--dry-run")
            dryRun = true;
        else if (args[i] == "--mission" && i + 1 < args.size())
            mission = args[++i];
        else if (args[i] == "--format" && i + 1 < args.size())
            format = args[++i];
        else
            return fail(makeError("usage", "unknown option “" + args[i] + "”"));
    }
    if (args[0] == "export-contacts") {
        if (format != "vcard4" && format != "vcard3" && format != "csv")
            return fail(makeError("usage", "--format must be vcard4, vcard3 or csv"));
        ListQuery q;
        q.missionId = mission;
        auto records = store.list("contact", q);
        if (!records)
            return fail(records.error());
        std::vector<ix::ContactData> contacts;
        for (const auto &r : *records)
            contacts.push_back(ix::fromRecord(r));
        const std::string out = format == "csv"
            ? ix::writeContactsCsv(contacts)
            : ix::writeVCards(
                contacts, format == "vcard3" ? ix::VCardVersion::V3 : ix::VCardVersion::V4);
        std::ofstream f(file, std::ios::binary | std::ios::trunc);
        f << out;
        f.close();
        if (!f)
            return fail(makeError("io", "Could not write " + file + "."));
        std::cout << json {{"exported", contacts.size()}, {"file", file}}.dump() << "\n";
        return 0;
    }
    std::ifstream f(file, std::ios::binary);
    if (!f)
        return fail(makeError("io", "Could not read " + file + "."));
    const std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    ix::ImportOptions options;
    options.missionId = mission;
    auto plan = ix::planImport(store, ix::parseContactsFile(bytes), options);
    if (!plan)
        return fail(plan.error());
    std::cout << ix::describePlan(*plan);
    if (dryRun) {
        std::cout << "dry run: nothing written\n";
        return 0;
    }
    const auto report = ix::applyImport(store, *plan, options);
    for (const auto &s : report.failed)
        std::cout << "line " << s.line << ": not imported: " << ix::noticeText(s.reason) << "\n";
    std::cout << json {{"created", report.created}, {"merged", report.merged},
        {"left_out", report.skipped}, {"failed", report.failed.size()},
        {"unreadable", plan->skipped.size()}}
                     .dump()
              << "\n";
    return report.failed.empty() && plan->skipped.empty() ? 0 : 3;
}

int shell(Store &store)
{
    std::string line;
    std::cout << "attache> " << std::flush;
    while (std::getline(std::cin, line)) {
        std::vector<std::string> args;
        std::istringstream in(line);
        std::string word;
        while (in >> std::quoted(word))
            args.push_back(word);
        if (!args.empty()) {
            if (args[0] == "quit" || args[0] == "exit")
                break;
            run(store, args);
        }
        std::cout << "attache> " << std::flush;
    }
    return 0;
}

int run(Store &store, const std::vector<std::string> &args)
{
    const std::string &cmd = args[0];
    auto kindArg = [&](size_t i) -> Result<const KindDef *> {
        if (args.size() <= i)
            return makeError("usage", "missing KIND");
        return kindOrError(args[i]);
    };
    if (cmd == "kinds") {
        for (const auto &k : allKinds()) {
            json fields = json::array();
            for (const auto &f : k.fields)
                fields.push_back(std::string(f.name) + (f.required ? "*" : ""));
            std::cout << json {{"kind", k.name}, {"fields", fields}}.dump() << "\n";
        }
        return 0;
    }
    if (cmd == "add" || cmd == "update") {
        auto kind = kindArg(1);
        if (!kind)
            return fail(kind.error());
        const size_t first = cmd == "add" ? 2 : 3;
        if (args.size() < first)
            return fail(makeError("usage", "missing ID"));
        auto fields = parseFields(**kind, args, first);
        if (!fields)
            return fail(fields.error());
        auto r = cmd == "add" ? store.create(args[1], *fields)
                              : store.update(args[1], args[2], *fields);
        if (!r)
            return fail(r.error());
        std::cout << r->toJson().dump(2) << "\n";
        return 0;
    }
    if (cmd == "delete" || cmd == "restore" || cmd == "get") {
        if (args.size() < 3)
            return fail(makeError("usage", "usage: " + cmd + " KIND ID"));
        if (cmd == "get") {
            auto r = store.get(args[1], args[2]);
            if (!r)
                return fail(r.error());
            if (!*r)
                return fail(makeError("not_found", "No such record."));
            std::cout << (*r)->toJson().dump(2) << "\n";
            return 0;
        }
        auto r = cmd == "delete" ? store.remove(args[1], args[2]) : store.restore(args[1], args[2]);
        if (!r)
            return fail(r.error());
        std::cout << r->toJson().dump(2) << "\n";
        return 0;
    }
    if (cmd == "list") {
        auto kind = kindArg(1);
        if (!kind)
            return fail(kind.error());
        ListQuery q;
        if (args.size() > 2)
            q.missionId = args[2];
        auto r = store.list(args[1], q);
        if (!r)
            return fail(r.error());
        for (const auto &rec : *r)
            std::cout << json {{"id", rec.id}, {"title", rec.title()}}.dump() << "\n";
        return 0;
    }
    if (cmd == "search") {
        std::string query;
        for (size_t i = 1; i < args.size(); ++i)
            query += (i > 1 ? " " : "") + args[i];
        auto r = store.search(query);
        if (!r)
            return fail(r.error());
        for (const auto &h : *r)
            std::cout << json {{"kind", h.kind->name}, {"id", h.id}, {"title", h.title}}.dump()
                      << "\n";
        return 0;
    }
    if (cmd == "report") {
        ReportFilter f;
        for (size_t i = 1; i < args.size(); ++i) {
            const auto eq = args[i].find('=');
            const std::string k = args[i].substr(0, eq);
            const std::string v = eq == std::string::npos ? "" : args[i].substr(eq + 1);
            if (k == "from")
                f.from = v;
            else if (k == "to")
                f.to = v;
            else if (k == "organisation")
                f.organisationId = v;
            else if (k == "country")
                f.country = v;
            else if (k == "mission")
                f.missionId = v;
            else
                return fail(makeError("usage", "unknown report filter “" + k + "”"));
        }
        auto r = store.report(f);
        if (!r)
            return fail(r.error());
        const json out = {{"missions", r->missions}, {"person_trips", r->personTrips},
            {"distinct_officials", r->distinctOfficials}, {"meetings", r->meetings},
            {"agreements", r->agreements}, {"agreements_signed", r->agreementsSigned},
            {"agreements_by_field", r->agreementsByField},
            {"agreements_by_status", r->agreementsByStatus}, {"contacts", r->contacts},
            {"contacts_by_country", r->contactsByCountry}, {"leads", r->leads},
            {"pledged_capital", r->pledgedCapital}, {"missions_by_country", r->missionsByCountry},
            {"followups_open", r->followUpsOpen}, {"followups_done", r->followUpsDone},
            {"followups_overdue", r->followUpsOverdue}};
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    if (cmd == "pending") {
        auto n = store.pendingCount();
        if (!n)
            return fail(n.error());
        std::cout << json {{"pending", *n}}.dump() << "\n";
        return 0;
    }
    if (cmd == "demo") {
        auto n = store.count("mission");
        if (!n)
            return fail(n.error());
        if (*n > 0) {
            std::cout << "the database already has missions; demo data not loaded\n";
            return 0;
        }
        if (auto r = loadDemoData(store); !r)
            return fail(r.error());
        std::cout << "demo department loaded\n";
        return 0;
    }
    if (cmd == "import-contacts" || cmd == "export-contacts")
        return contactsCommand(store, args);
    if (cmd == "shell")
        return shell(store);
    std::cerr << kUsage;
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string db;
    if (args.size() >= 2 && args[0] == "--db") {
        db = args[1];
        args.erase(args.begin(), args.begin() + 2);
    }
    if (db.empty() || args.empty()) {
        std::cerr << kUsage;
        return 2;
    }
    auto store = Store::open(db);
    if (!store)
        return fail(store.error());
    return run(**store, args);
}
