// attache-sync: the command-line front end of the sync engine, for scripts, IT staff and tests.
// Prints JSON; exit status 0 ok, 1 error, 2 usage, 3 transient failure (try again later).

#include "store.h"
#include "syncengine.h"

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

using namespace attache;
using namespace attache::sync;
using nlohmann::json;

namespace {

constexpr const char *kUsage = R"(usage: attache-sync --db FILE [--server URL] [options] COMMAND

commands:
  login USER            sign in; the password is read from ATTACHE_PASSWORD or standard input
  logout                forget the sign-in token
  sync                  push pending changes, then pull until caught up
  status                signed-in user, cursor, pending records, open conflicts
  conflicts             open conflicts, one JSON object per line
  resolve ID winner|loser   keep one value of a conflict (an edit that syncs)
  set-aside             unpushed edits set aside when the user left a mission
  export                every record as JSON lines ({"kind","id","deleted","fields"})
  import                JSON lines from standard input: creates or updates records

options:
  --ca FILE             extra CA certificates (PEM)
  --pin KEY             pin the server public key ("sha256//BASE64" or a key file)
  --insecure            skip certificate checks (tests only)
  --device-name NAME    the name admins see for this device
  --batch N             records per push request (default 500)
  --pull-limit N        records per pull request (default 2000)
  --progress            print progress lines to standard error
)";

int fail(const std::string &code, const std::string &message, int status = 1)
{
    std::cerr << "error: " << message << " (" << code << ")\n";
    return status;
}

json summaryJson(const SyncSummary &s)
{
    json errors = json::array();
    for (const auto &e : s.errors)
        errors.push_back({{"code", errorCodeName(e.code)}, {"server_code", e.serverCode},
            {"message", e.message}, {"retryable", e.retryable}, {"kind", e.kind}, {"id", e.id}});
    return {{"ok", s.ok}, {"cancelled", s.cancelled}, {"pushed", s.pushed}, {"pulled", s.pulled},
        {"conflicts", s.conflicts}, {"dropped", s.dropped}, {"dropped_edits", s.droppedEdits},
        {"pending_after", s.pendingAfter}, {"requests", s.requests}, {"bytes_sent", s.bytesSent},
        {"bytes_received", s.bytesReceived}, {"resynced", s.resynced},
        {"retry_after_ms", s.retryAfter.count()}, {"errors", errors}};
}

int runImport(Store &store)
{
    std::string line;
    int n = 0;
    while (std::getline(std::cin, line)) {
        if (line.empty())
            continue;
        const json j = json::parse(line, nullptr, false);
        if (!j.is_object() || !j.contains("kind") || !j.contains("fields"))
            return fail("malformed_json", "line " + std::to_string(n + 1) + " is not a record");
        const std::string kind = j.value("kind", std::string());
        const std::string id = j.value("id", std::string());
        auto existing = id.empty() ? Result<std::optional<Record>>(std::optional<Record>())
                                   : store.get(kind, id);
        if (!existing)
            return fail(existing.error().code, existing.error().message);
        auto r
            = *existing ? store.update(kind, id, j["fields"]) : store.create(kind, j["fields"], id);
        if (!r)
            return fail(r.error().code, r.error().message + " [" + r.error().field + "]");
        if (j.value("deleted", false)) {
            if (auto d = store.remove(kind, r->id); !d)
                return fail(d.error().code, d.error().message);
        }
        ++n;
    }
    std::cout << json {{"imported", n}}.dump() << "\n";
    return 0;
}

int runExport(Store &store)
{
    for (const auto &kind : allKinds()) {
        ListQuery q;
        q.includeDeleted = true;
        auto list = store.list(kind.name, q);
        if (!list)
            return fail(list.error().code, list.error().message);
        for (const auto &r : *list)
            std::cout << json {{"kind", kind.name}, {"id", r.id}, {"deleted", r.deleted},
                {"fields", r.fields}}
                             .dump()
                      << "\n";
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string db;
    SyncConfig config;
    bool progress = false;
    std::vector<std::string> rest;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        auto next
            = [&]() -> std::string { return i + 1 < args.size() ? args[++i] : std::string(); };
        if (a == "--db")
            db = next();
        else if (a == "--server")
            config.serverUrl = next();
        else if (a == "--ca")
            config.caFile = next();
        else if (a == "--pin")
            config.pinnedPublicKey = next();
        else if (a == "--insecure")
            config.verifyTls = false;
        else if (a == "--device-name")
            config.deviceName = next();
        else if (a == "--batch")
            config.pushBatchSize = std::atoi(next().c_str());
        else if (a == "--pull-limit")
            config.pullLimit = std::atoi(next().c_str());
        else if (a == "--progress")
            progress = true;
        else if (a == "-h" || a == "--help") {
            std::cout << kUsage;
            return 0;
        } else
            rest.push_back(a);
    }
    if (db.empty() || rest.empty()) {
        std::cerr << kUsage;
        return 2;
    }
    const std::string command = rest[0];
    if (config.serverUrl.empty())
        config.serverUrl = "https://invalid.example"; // offline commands need no server
    auto engine = SyncEngine::open(db, config);
    if (!engine)
        return fail(engine.error().code, engine.error().message);
    Store &store = (*engine)->store();

    if (command == "login") {
        if (rest.size() < 2)
            return fail("usage", "login needs a user name", 2);
        std::string password;
        if (const char *p = std::getenv("ATTACHE_PASSWORD"))
            password = p;
        else
            std::getline(std::cin, password);
        auto r = (*engine)->login(rest[1], password);
        if (!r)
            return fail(r.error().code, r.error().message);
        std::cout << json {{"user_id", r->user.id}, {"username", r->user.username},
            {"full_name", r->user.fullName}, {"role", r->user.role}, {"device_id", r->deviceId}}
                         .dump()
                  << "\n";
        return 0;
    }
    if (command == "logout") {
        if (auto r = (*engine)->logout(); !r)
            return fail(r.error().code, r.error().message);
        return 0;
    }
    if (command == "sync") {
        SyncCallbacks cb;
        if (progress) {
            cb.progress = [](const Progress &p) {
                std::cerr << "progress " << phaseName(p.phase) << " " << p.done << "/" << p.total
                          << " sent " << p.bytesSent << " received " << p.bytesReceived << "\n";
            };
        }
        const SyncSummary s = (*engine)->sync(cb);
        std::cout << summaryJson(s).dump() << "\n";
        if (s.ok)
            return 0;
        for (const auto &e : s.errors)
            std::cerr << "error: " << e.message << " (" << errorCodeName(e.code) << ")\n";
        return s.retryAfter.count() > 0 ? 3 : 1;
    }
    if (command == "status") {
        auto s = (*engine)->status();
        if (!s)
            return fail(s.error().code, s.error().message);
        std::cout << json {{"signed_in", s->signedIn}, {"user_id", s->user.id},
            {"username", s->user.username}, {"device_id", s->deviceId}, {"cursor", s->cursor},
            {"pending", s->pending}, {"open_conflicts", s->openConflicts},
            {"last_success_ms", s->lastSuccessMs}, {"consecutive_failures", s->consecutiveFailures}}
                         .dump()
                  << "\n";
        return 0;
    }
    if (command == "conflicts") {
        auto list = store.conflicts(true);
        if (!list)
            return fail(list.error().code, list.error().message);
        for (const auto &c : *list)
            std::cout << json {{"id", c.id}, {"kind", c.kind->name}, {"record_id", c.recordId},
                {"field", c.field},
                {"winner",
                    {{"value", c.winnerValue}, {"hlc", c.winnerHlc}, {"user_id", c.winnerBy}}},
                {"loser", {{"value", c.loserValue}, {"hlc", c.loserHlc}, {"user_id", c.loserBy}}},
                {"detected_at", c.detectedAt}}
                             .dump()
                      << "\n";
        return 0;
    }
    if (command == "resolve") {
        if (rest.size() < 3 || (rest[2] != "winner" && rest[2] != "loser"))
            return fail("usage", "resolve ID winner|loser", 2);
        auto r = store.resolveConflict(std::atoll(rest[1].c_str()), rest[2] == "winner");
        if (!r)
            return fail(r.error().code, r.error().message);
        std::cout << r->toJson().dump() << "\n";
        return 0;
    }
    if (command == "set-aside") {
        auto list = store.setAsideEdits();
        if (!list)
            return fail(list.error().code, list.error().message);
        for (const auto &e : *list)
            std::cout << json {{"id", e.id}, {"kind", e.kind ? e.kind->name : ""},
                {"record_id", e.recordId}, {"mission_id", e.missionId}, {"reason", e.reason},
                {"pending_fields", e.pendingFields}, {"record", e.record}}
                             .dump()
                      << "\n";
        return 0;
    }
    if (command == "export")
        return runExport(store);
    if (command == "import")
        return runImport(store);
    std::cerr << kUsage;
    return 2;
}
