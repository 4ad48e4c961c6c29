#include "admin.h"

#include "auth.h"
#include "dashboarddata.h"
#include "demo.h"
#include "hlc.h"
#include "log.h"
#include "records.h"
#include "reportcsv.h"
#include "reportdata.h"
#include "reportjson.h"
#include "service.h"
#include "store.h"
#include "uuid.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>

namespace attache::server {

using nlohmann::json;

namespace {

/// The options of one admin command: --name value pairs (repeatable) and bare arguments.
struct Args
{
    std::multimap<std::string, std::string> options;
    std::vector<std::string> positional;
    bool verbose = false; ///< --verbose (a flag without a value)

    std::string get(const std::string &name) const
    {
        auto it = options.find(name);
        return it == options.end() ? std::string() : it->second;
    }
    std::vector<std::string> all(const std::string &name) const
    {
        std::vector<std::string> out;
        auto [b, e] = options.equal_range(name);
        for (auto it = b; it != e; ++it)
            out.push_back(it->second);
        return out;
    }
};

/// The password of create-user / reset-password: "--password -" (or no --password at all)
/// reads it from the first line of standard input, so that it never shows in `ps` or in the
/// shell's history; "--password P" stays for scripts and tests.
std::string passwordArgument(const std::string &given)
{
    if (!given.empty() && given != "-")
        return given;
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

int fail(const std::string &message)
{
    std::fprintf(stderr, "attache-server admin: %s\n", message.c_str());
    return 1;
}

/// Writes records as the admin command: every field stamped by a server clock that has seen the
/// record's current stamps, so that the admin's change wins and syncs like any other.
class AdminWriter
{
public:
    explicit AdminWriter(SqlConnection &conn)
        : m_conn(conn)
        , m_clock("server")
    { }

    Result<std::string> write(
        const std::string &kind, std::string id, const json &values, const std::string &orgId)
    {
        const KindDef *def = findKind(kind);
        if (!def)
            return makeError("unknown_kind", kind + " is not a record kind");
        if (id.empty())
            id = makeUuidV7();
        SqlTransaction txn(m_conn);
        if (auto r = txn.beginWrite(); !r)
            return r.error();
        auto before = loadRecord(m_conn, kind, id);
        if (!before)
            return before.error();
        IncomingChange change;
        change.kind = def;
        change.id = id;
        if (*before) {
            for (const auto &[name, entry] : (*before)->fields.items()) {
                if (auto h = Hlc::parse(entry.value("hlc", "")))
                    (void)m_clock.observe(*h);
            }
        }
        for (const auto &[name, value] : values.items()) {
            IncomingField f;
            f.name = name;
            if (name == "deleted") {
                f.value = value;
            } else {
                const FieldDef *fd = def->field(name);
                if (!fd)
                    return makeError("unknown_field", name + " is not a field of " + kind);
                auto n = normaliseField(*fd, value);
                if (!n)
                    return makeError(n.error().code, name + ": " + n.error().message);
                f.value = *n;
            }
            f.hlc = m_clock.now().toString();
            if (*before)
                f.base = (*before)->fields.value(name, json::object()).value("hlc", "");
            change.fields.push_back(std::move(f));
        }
        Actor actor;
        actor.adminCli = true;
        actor.userId = "admin";
        actor.deviceId = "admin";
        actor.role = "admin";
        actor.orgId = orgId;
        auto seq = readSequence(m_conn);
        if (!seq)
            return seq.error();
        ChangeWriter w(m_conn, actor, "admin-" + makeUuidV7(), SyncService::nowMs(), *seq);
        if (auto e = w.apply(change))
            return makeError(e->code,
                e->message
                    + (e->extra.contains("field")
                            ? " (" + e->extra["field"].get<std::string>() + ")"
                            : ""));
        if (auto r = w.finish(); !r)
            return r.error();
        if (auto r = storeSequence(m_conn, w.lastSeq()); !r)
            return r.error();
        if (auto r = txn.commit(); !r)
            return r.error();
        return id;
    }

private:
    SqlConnection &m_conn;
    HlcClock m_clock;
};

Result<std::string> orgOfMission(SqlConnection &conn, const std::string &missionId)
{
    auto m = loadRecord(conn, "mission", missionId);
    if (!m)
        return m.error();
    if (!*m)
        return makeError("not_found", "no mission " + missionId);
    return (*m)->orgId;
}

/// A user given by id or user name.
Result<std::string> resolveUser(SqlConnection &conn, const std::string &who)
{
    auto rows = conn.query("SELECT user_id FROM accounts WHERE user_id = ? OR username = ?",
        {SqlValue(who), SqlValue(who)});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return makeError("not_found", "no user " + who);
    return rows->text(0, "user_id");
}

Result<std::string> createUser(SqlConnection &conn, AdminWriter &w, const std::string &orgId,
    const std::string &username, const std::string &password, const std::string &fullName,
    const std::string &role, const std::string &title, const std::string &id = {})
{
    if (username.empty() || password.size() < 8)
        return makeError(
            "invalid_value", "a user name and a password of at least 8 characters are required");
    auto org = loadRecord(conn, "organisation", orgId);
    if (!org)
        return org.error();
    if (!*org)
        return makeError("not_found", "no organisation " + orgId);
    auto exists
        = conn.query("SELECT 1 AS one FROM accounts WHERE username = ?", {SqlValue(username)});
    if (!exists)
        return exists.error();
    if (!exists->empty())
        return makeError("exists", "the user name " + username + " is taken");
    json values {{"full_name", fullName.empty() ? username : fullName}, {"role", role},
        {"organisation_id", orgId}};
    if (!title.empty())
        values["title"] = title;
    auto userId = w.write("user", id, values, orgId);
    if (!userId)
        return userId;
    const std::string hash = hashPassword(password);
    if (hash.empty())
        return makeError("internal", "cannot hash the password (out of memory?)");
    auto r = conn.query(
        "INSERT INTO accounts (user_id, username, password_hash, org_id, role, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {SqlValue(*userId), SqlValue(username), SqlValue(hash), SqlValue(orgId), SqlValue(role),
            SqlValue(SyncService::nowMs())});
    if (!r)
        return r.error();
    return userId;
}

Result<void> changeMembership(SqlConnection &conn, AdminWriter &w, const std::string &missionId,
    const std::string &user, bool add)
{
    auto m = loadRecord(conn, "mission", missionId);
    if (!m)
        return m.error();
    if (!*m)
        return makeError("not_found", "no mission " + missionId);
    auto userId = resolveUser(conn, user);
    if (!userId)
        return userId.error();
    json members = (*m)->value("member_ids").is_array() ? (*m)->value("member_ids") : json::array();
    json out = json::array();
    for (const auto &x : members) {
        if (x != *userId)
            out.push_back(x);
    }
    if (add)
        out.push_back(*userId);
    json values {{"member_ids", out}};
    if (!add && (*m)->value("leader_id") == *userId)
        values["leader_id"] = nullptr;
    auto r = w.write("mission", missionId, values, (*m)->orgId);
    if (!r)
        return r.error();
    return {};
}

Result<void> loadDemo(SqlConnection &conn, AdminWriter &w)
{
    auto taken = conn.query("SELECT 1 AS one FROM accounts WHERE username = 'hanh'");
    if (!taken)
        return taken.error();
    if (!taken->empty())
        return makeError("exists", "the demo is already loaded (user hanh exists)");
    const auto path
        = std::filesystem::temp_directory_path() / ("attache-demo-" + randomHex(8) + ".db");
    struct Cleanup
    {
        std::filesystem::path p;
        ~Cleanup()
        {
            std::error_code ec;
            for (const char *suffix : {"", "-wal", "-shm"})
                std::filesystem::remove(p.string() + suffix, ec);
        }
    } cleanup {path};
    auto store = Store::open(path.string());
    if (!store)
        return store.error();
    if (auto r = loadDemoData(**store); !r)
        return r;
    const std::map<std::string, std::string> usernames {{"Thái Phúc Sơn", "son"},
        {"Nguyễn Hồng Lĩnh", "linh"}, {"Trần Thị Hạnh", "hanh"}, {"Lê Văn Dũng", "dung"}};
    std::string orgId;
    for (const auto &kind : allKinds()) {
        auto records = (*store)->list(kind.name);
        if (!records)
            return records.error();
        for (const auto &rec : *records) {
            json values = json::object();
            for (const auto &[name, value] : rec.fields.items()) {
                if (!isEmptyValue(*kind.field(name), value) || value == false)
                    values[name] = value;
            }
            if (kind.name == "organisation") {
                orgId = rec.id;
                if (auto r = w.write("organisation", rec.id, values, rec.id); !r)
                    return r.error();
            } else if (kind.name == "user") {
                const std::string fullName = rec.text("full_name");
                auto it = usernames.find(fullName);
                const std::string username
                    = it != usernames.end() ? it->second : "user" + randomHex(3);
                if (auto r = createUser(conn, w, orgId, username, "demo-password", fullName,
                        rec.text("role"), rec.text("title"), rec.id);
                    !r)
                    return r.error();
                std::cout << "user " << username << " (" << rec.text("role")
                          << ") password demo-password\n";
            } else {
                if (auto r = w.write(std::string(kind.name), rec.id, values, orgId); !r)
                    return r.error();
            }
        }
    }
    std::cout << orgId << std::endl;
    return {};
}

int listDevices(SqlConnection &conn, const std::string &user)
{
    std::vector<SqlValue> p;
    std::string sql
        = "SELECT d.device_id, d.name, a.username, d.created_at, d.last_seen, d.revoked_at, "
          "d.token_hash FROM devices d JOIN accounts a ON a.user_id = d.user_id";
    if (!user.empty()) {
        sql += " WHERE a.username = ? OR a.user_id = ?";
        p = {SqlValue(user), SqlValue(user)};
    }
    sql += " ORDER BY a.username, d.created_at";
    auto rows = conn.query(sql, p);
    if (!rows)
        return fail(rows.error().message);
    std::cout << "device_id\tuser\tname\tlast_seen_ms\tstate\n";
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const char *state = !rows->isNull(i, "revoked_at") ? "revoked"
            : rows->isNull(i, "token_hash")                ? "signed-out"
                                                           : "active";
        std::cout << rows->text(i, "device_id") << '\t' << rows->text(i, "username") << '\t'
                  << rows->text(i, "name") << '\t' << rows->text(i, "last_seen") << '\t' << state
                  << '\n';
    }
    return 0;
}

/// The DAYS of --older-than: a whole number of days from `minimum` to 100 years, nothing else.
std::optional<std::int64_t> parseDays(const std::string &text, std::int64_t minimum)
{
    if (text.empty() || text.size() > 6
        || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const std::int64_t days = std::stoll(text);
    if (days < minimum || days > 36600)
        return std::nullopt;
    return days;
}

std::int64_t daysAgoMs(std::int64_t days)
{
    return SyncService::nowMs() - days * 24 * 3600 * 1000;
}

int purgeTombstones(SqlConnection &conn, const std::string &daysText)
{
    const auto days = parseDays(daysText, 0);
    if (!days)
        return fail("--older-than DAYS is required (a whole number of days, 0 or more; got \""
            + daysText + "\"); nothing was removed");
    const std::int64_t before = daysAgoMs(*days);
    SqlTransaction txn(conn);
    if (auto r = txn.beginWrite(); !r)
        return fail(r.error().message);
    auto max = conn.query(
        "SELECT MAX(seq) AS m, COUNT(*) AS n FROM records WHERE deleted = 1 AND deleted_at < ?",
        {SqlValue(before)});
    if (!max)
        return fail(max.error().message);
    const std::int64_t n = max->integer(0, "n");
    if (n > 0) {
        // Devices whose cursor is behind the last purged tombstone could miss a delete: they
        // must resync (409 resync_required).
        auto horizon = conn.query("UPDATE meta SET value = ? WHERE key = 'purge_horizon'",
            {SqlValue(std::to_string(max->integer(0, "m")))});
        auto del = conn.query(
            "DELETE FROM records WHERE deleted = 1 AND deleted_at < ?", {SqlValue(before)});
        if (!horizon || !del)
            return fail("purge failed; nothing was removed");
    }
    // A notice to drop a mission or a moved record is read by pulls from a cursor behind it; a
    // device with a cursor below the horizon resyncs instead and rebuilds from what it may see
    // now, so the notices up to the horizon go, in the transaction that moves it: no pull ever
    // misses one above it. Except the newest notice of a drop that still holds (the user is
    // still out of the mission, the record still out of the mission it left): a resync keeps
    // the records with unsent edits, and that notice sets them aside on the device instead of
    // leaving an edit the server refuses on every sync.
    auto horizon = conn.query("SELECT value FROM meta WHERE key = 'purge_horizon'");
    if (!horizon)
        return fail(horizon.error().message);
    const std::int64_t horizonSeq = horizon->empty() ? 0 : horizon->integer(0, "value");
    auto drops = conn.query(
        "DELETE FROM mission_drops WHERE seq <= ? AND (EXISTS (SELECT 1 FROM mission_members m "
        "WHERE m.user_id = mission_drops.user_id AND m.mission_id = mission_drops.mission_id) "
        "OR EXISTS (SELECT 1 FROM mission_drops d WHERE d.user_id = mission_drops.user_id AND "
        "d.mission_id = mission_drops.mission_id AND d.seq > mission_drops.seq))",
        {SqlValue(horizonSeq)});
    auto moves = conn.query(
        "DELETE FROM record_moves WHERE seq <= ? AND (NOT EXISTS (SELECT 1 FROM records r WHERE "
        "r.kind = record_moves.kind AND r.id = record_moves.record_id AND COALESCE(r.mission_id, "
        "'') <> COALESCE(record_moves.from_mission, '')) OR EXISTS (SELECT 1 FROM record_moves m "
        "WHERE m.kind = record_moves.kind AND m.record_id = record_moves.record_id AND "
        "COALESCE(m.from_mission, '') = COALESCE(record_moves.from_mission, '') AND m.seq > "
        "record_moves.seq))",
        {SqlValue(horizonSeq)});
    if (!drops || !moves)
        return fail("purge failed; nothing was removed: "
            + (drops ? moves.error().message : drops.error().message));
    // Remembered push answers older than the horizon are no longer needed for retries either.
    if (auto b = conn.query("DELETE FROM batches WHERE created_at < ?", {SqlValue(before)}); !b)
        return fail(b.error().message);
    if (auto r = txn.commit(); !r)
        return fail(r.error().message);
    std::cout << n << " tombstones purged (" << drops->affected << " mission drops and "
              << moves->affected << " record moves below the horizon trimmed)" << std::endl;
    return 0;
}

/// `purge-uploads`: removes attachment uploads that never completed and received no chunk for
/// DAYS (a lost phone, an attachment deleted before its bytes were sent). A complete upload is
/// never touched, nor one that received a chunk within DAYS. A device that comes back to such
/// an upload is told the server holds none of it and sends it again from byte 0.
int purgeUploads(SqlConnection &conn, const std::string &daysText)
{
    // At least a day: a device between two chunks (or waiting for a connection) must not lose
    // the part it has sent.
    const auto days = parseDays(daysText, 1);
    if (!days)
        return fail("--older-than DAYS is required (a whole number of days, 1 or more; got \""
            + daysText + "\"); nothing was removed");
    const std::int64_t before = daysAgoMs(*days);
    SqlTransaction txn(conn);
    if (auto r = txn.beginWrite(); !r)
        return fail(r.error().message);
    // Idle: no chunk since `before`. And started before it: a schema-2 server still running on
    // this database during an upgrade writes uploads without last_activity (left at 0), which
    // must not count as idle from the day they start.
    const std::string idle
        = "SELECT sha256 FROM uploads WHERE complete = 0 AND last_activity < ? AND created_at < ?";
    const std::vector<SqlValue> params {SqlValue(before), SqlValue(before)};
    auto found = conn.query("SELECT COUNT(*) AS n, COALESCE(SUM(received), 0) AS bytes FROM "
                            "uploads WHERE sha256 IN ("
            + idle + ")",
        params);
    if (!found)
        return fail(found.error().message);
    // Its senders go with an upload (as when its bytes fail their check): they no longer hold
    // any part of it on the server. A complete upload's senders stay (it is never removed).
    for (const char *table : {"upload_chunks", "upload_owners", "uploads"}) {
        if (auto r = conn.query(
                std::string("DELETE FROM ") + table + " WHERE sha256 IN (" + idle + ")", params);
            !r)
            return fail("purge failed; nothing was removed: " + r.error().message);
    }
    if (auto r = txn.commit(); !r)
        return fail(r.error().message);
    std::cout << found->integer(0, "n") << " unfinished uploads purged ("
              << found->integer(0, "bytes") << " bytes)" << std::endl;
    return 0;
}

int history(SqlConnection &conn, const std::string &kind, const std::string &id)
{
    auto rows = conn.query(
        "SELECT au.at, au.user_id, a.username, au.device_id, au.field, au.old_value, "
        "au.new_value, au.new_hlc FROM audit au LEFT JOIN accounts a ON a.user_id = au.user_id "
        "WHERE au.kind = ? AND au.record_id = ? ORDER BY au.id",
        {SqlValue(kind), SqlValue(id)});
    if (!rows)
        return fail(rows.error().message);
    if (rows->empty())
        return fail("no history for " + kind + " " + id);
    std::cout << "at_ms\tuser\tdevice\tfield\told\tnew\thlc\n";
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const std::string who
            = rows->isNull(i, "username") ? rows->text(i, "user_id") : rows->text(i, "username");
        std::cout << rows->text(i, "at") << '\t' << who << '\t' << rows->text(i, "device_id")
                  << '\t' << rows->text(i, "field") << '\t' << rows->text(i, "old_value") << '\t'
                  << rows->text(i, "new_value") << '\t' << rows->text(i, "new_hlc") << '\n';
    }
    return 0;
}

bool isIsoDate(const std::string &s)
{
    return s.size() == 10 && s[4] == '-' && s[7] == '-'
        && std::all_of(
            s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
}

/// Copies every record of the organisation, with its stamps, into a local store (the format
/// the app keeps on a device), a page at a time in server order so that a big organisation
/// never sits in memory. The server's database is only read.
Result<void> copyOrganisation(SqlConnection &conn, const std::string &org, Store &store)
{
    std::int64_t after = -1;
    for (;;) {
        auto rows = conn.query(
            "SELECT kind, id, fields, seq, updated_at, updated_by, updated_device FROM records "
            "WHERE org_id = ? AND seq > ? ORDER BY seq LIMIT 2000",
            {SqlValue(org), SqlValue(after)});
        if (!rows)
            return rows.error();
        if (rows->empty())
            break;
        std::vector<Store::RemoteChange> changes;
        changes.reserve(rows->size());
        for (std::size_t i = 0; i < rows->size(); ++i) {
            after = rows->integer(i, "seq");
            Store::RemoteChange c;
            c.kind = findKind(rows->text(i, "kind"));
            if (!c.kind)
                continue;
            c.id = rows->text(i, "id");
            c.updatedAt = rows->integer(i, "updated_at");
            c.updatedBy = rows->text(i, "updated_by");
            c.updatedDevice = rows->text(i, "updated_device");
            const json fields = json::parse(rows->text(i, "fields"), nullptr, false);
            if (!fields.is_object())
                return makeError("storage", "a stored record is corrupt: " + c.id);
            for (const auto &[name, f] : fields.items()) {
                c.fields.emplace_back(
                    name, Store::RemoteField {f.value("value", json(nullptr)), f.value("hlc", "")});
            }
            changes.push_back(std::move(c));
        }
        if (auto r = store.applyRemote(changes); !r)
            return r.error();
    }
    return {};
}

/// The local store's start-up notes (schema migrated, file opened) describe a store this
/// command has just made, not the server's database: shown only with --verbose. Warnings and
/// errors always reach stderr.
void quietLocalStoreLogs(bool verbose)
{
    setLogSink([verbose](LogLevel level, std::string_view category, std::string_view message) {
        if (level >= LogLevel::Warning || (verbose && level == LogLevel::Info)) {
            static const char *names[] = {"debug", "info", "warning", "error"};
            std::fprintf(stderr, "%s [%.*s] %.*s\n", names[int(level)], int(category.size()),
                category.data(), int(message.size()), message.data());
        }
    });
}

/// `export-store`: the organisation's records as a local store file, the format the app keeps
/// on a device, for attache-report to make the PDF documents from (the server has no Qt and no
/// fonts, so it writes no PDF itself). An existing file is never overwritten; a failed export
/// leaves no file behind.
int exportStore(SqlConnection &conn, const Args &args)
{
    quietLocalStoreLogs(args.verbose);
    const std::string org = args.get("org");
    const std::string output = args.get("output");
    if (org.empty() || output.empty())
        return fail("--org ID and --output FILE are required");
    auto orgRecord = loadRecord(conn, "organisation", org);
    if (!orgRecord)
        return fail(orgRecord.error().message);
    if (!*orgRecord)
        return fail("no organisation " + org);
    std::error_code ec;
    if (std::filesystem::exists(output, ec))
        return fail(output + " exists; give a new file name");
    bool ok = false;
    std::string error;
    {
        auto store = Store::open(output);
        if (!store) {
            error = store.error().message;
        } else if (auto r = copyOrganisation(conn, org, **store); !r) {
            error = r.error().message;
        } else {
            ok = true;
        }
    }
    if (!ok) {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(output + suffix, ec);
        return fail("cannot export to " + output + ": " + error);
    }
    std::cout << output << std::endl;
    return 0;
}

/// `summary`: the period summary (tổng kết) of one organisation as CSV or JSON, computed by the
/// very code the app and attache-report use (documents/reportdata on a core Store), so that the
/// figures are identical. The organisation's records are copied, with their stamps, into a
/// temporary local store that is deleted afterwards; the server's database is only read.
///
/// On success stdout holds the summary and nothing else (or, with --output, the file's name)
/// and stderr stays empty, so that IT can pipe it into a file or a script: the temporary store
/// is a fresh database every time, and its start-up notes (schema migrated, file opened) say
/// nothing about the server's database, so they are shown only with --verbose. Warnings and
/// errors always reach stderr.
int summary(SqlConnection &conn, const Args &args)
{
    quietLocalStoreLogs(args.verbose);
    const std::string org = args.get("org");
    const std::string format = args.get("format").empty() ? "csv" : args.get("format");
    ReportFilter filter;
    filter.organisationId = org;
    filter.from = args.get("from");
    filter.to = args.get("to");
    filter.asOf = args.get("as-of");
    if (org.empty())
        return fail("--org ID is required");
    if (format != "csv" && format != "json")
        return fail("--format must be csv or json (the PDF comes from attache-report or the "
                    "app: see export-store)");
    for (const auto *d : {&filter.from, &filter.to, &filter.asOf}) {
        if (!d->empty() && !isIsoDate(*d))
            return fail("dates are written YYYY-MM-DD: " + *d);
    }
    auto orgRecord = loadRecord(conn, "organisation", org);
    if (!orgRecord)
        return fail(orgRecord.error().message);
    if (!*orgRecord)
        return fail("no organisation " + org);

    const auto dir = std::filesystem::temp_directory_path() / ("attache-summary-" + randomHex(8));
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        return fail("cannot create a temporary directory: " + ec.message());
    struct Cleanup
    {
        std::filesystem::path dir;
        ~Cleanup()
        {
            std::error_code ignored;
            std::filesystem::remove_all(dir, ignored);
        }
    } cleanup {dir};

    std::string text;
    {
        auto store = Store::open((dir / "summary.db").string());
        if (!store)
            return fail(store.error().message);
        if (auto r = copyOrganisation(conn, org, **store); !r)
            return fail(r.error().message);
        auto data = documents::loadSummary(**store, filter);
        if (!data)
            return fail(data.error().message);
        text = format == "json" ? documents::summaryJson(*data) : documents::summaryCsv(*data);
    }

    const std::string output = args.get("output");
    if (output.empty()) {
        std::cout << text << std::flush;
        return 0;
    }
    std::ofstream out(output, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out)
        return fail("cannot write " + output);
    std::cout << output << std::endl;
    return 0;
}

} // namespace

const char *adminUsage()
{
    return "attache-server admin (--data-dir DIR | --database URL [--schema NAME]) COMMAND "
           "[options]\n"
           "  create-org --name NAME [--short-name S] [--country CC]        prints the id\n"
           "  create-user --org ID --username U [--password P|-] --full-name N --role "
           "member|leader|manager|admin [--title T]\n"
           "  set-role --user U --role ROLE\n"
           "  reset-password --user U [--password P|-]  (signs out every device of U)\n"
           "  (without --password, or with --password -, the password is read from standard "
           "input)\n"
           "  create-mission --org ID --title T --start YYYY-MM-DD --end YYYY-MM-DD [--leader U] "
           "[--member U]...\n"
           "  add-member --mission ID --user U      remove-member --mission ID --user U\n"
           "  list-devices [--user U]                revoke-device --device ID\n"
           "  purge-tombstones --older-than DAYS     deleted records older than DAYS (0 or more)\n"
           "  purge-uploads --older-than DAYS        unfinished attachment uploads with no chunk\n"
           "                                         for DAYS (1 or more)\n"
           "  load-demo                              the demo department (password demo-password)\n"
           "  history KIND ID                        the audit trail of one record\n"
           "  summary --org ID [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--as-of YYYY-MM-DD]\n"
           "          [--format csv|json] [--output FILE] [--verbose]\n"
           "      the period summary (tổng kết) of missions starting in the period: CSV (UTF-8\n"
           "      with BOM, for Excel) or JSON; the same figures as the app and attache-report.\n"
           "      Only the summary goes to stdout (with --output, the file's name); --verbose\n"
           "      also logs the temporary store's start-up on stderr. The PDF is made by\n"
           "      attache-report (see export-store) or the app.\n"
           "  export-store --org ID --output FILE [--verbose]\n"
           "      the organisation's records as a device store file, for attache-report --db\n"
           "      FILE summary|mission … --out FILE.pdf (the PDF documents).\n";
}

int runAdmin(SqlConnection &conn, const std::vector<std::string> &argv)
{
    if (argv.empty())
        return fail(std::string("a command is required\n") + adminUsage());
    const std::string command = argv[0];
    Args args;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        if (argv[i] == "--verbose") {
            args.verbose = true;
        } else if (argv[i].rfind("--", 0) == 0 && i + 1 < argv.size()) {
            args.options.emplace(argv[i].substr(2), argv[i + 1]);
            ++i;
        } else {
            args.positional.push_back(argv[i]);
        }
    }
    AdminWriter w(conn);
    auto print = [](const Result<std::string> &r) {
        if (!r)
            return fail(r.error().message);
        std::cout << *r << std::endl;
        return 0;
    };
    auto done = [](const Result<void> &r) {
        if (!r)
            return fail(r.error().message);
        std::cout << "ok" << std::endl;
        return 0;
    };
    if (command == "create-org") {
        if (args.get("name").empty())
            return fail("--name is required");
        json values {{"name", args.get("name")}};
        if (!args.get("short-name").empty())
            values["short_name"] = args.get("short-name");
        if (!args.get("country").empty())
            values["country"] = args.get("country");
        const std::string id = makeUuidV7();
        return print(w.write("organisation", id, values, id));
    }
    if (command == "create-user") {
        return print(createUser(conn, w, args.get("org"), args.get("username"),
            passwordArgument(args.get("password")), args.get("full-name"),
            args.get("role").empty() ? "member" : args.get("role"), args.get("title")));
    }
    if (command == "set-role") {
        const std::string role = args.get("role");
        if (role != "member" && role != "leader" && role != "manager" && role != "admin")
            return fail("--role must be member, leader, manager or admin");
        auto userId
            = resolveUser(conn, args.get("user").empty() ? args.get("username") : args.get("user"));
        if (!userId)
            return fail(userId.error().message);
        auto user = loadRecord(conn, "user", *userId);
        if (!user || !*user)
            return fail("the user record is missing");
        if (auto r = w.write("user", *userId, json {{"role", role}}, (*user)->orgId); !r)
            return fail(r.error().message);
        // The user's scope changed: their devices' cursors no longer fit what they may see, so
        // every device of theirs resyncs from the start on its next pull.
        SqlTransaction txn(conn);
        if (auto r = txn.beginWrite(); !r)
            return fail(r.error().message);
        auto seq = conn.query("SELECT value FROM meta WHERE key = 'seq'");
        if (!seq)
            return fail(seq.error().message);
        const std::int64_t next = seq->integer(0, "value") + 1;
        auto bump = conn.query(
            "UPDATE meta SET value = ? WHERE key = 'seq'", {SqlValue(std::to_string(next))});
        auto set = conn.query("UPDATE accounts SET role = ?, resync_before = ? WHERE user_id = ?",
            {SqlValue(role), SqlValue(next), SqlValue(*userId)});
        if (!bump || !set)
            return fail("cannot set the role; nothing was changed");
        if (auto r = txn.commit(); !r)
            return fail(r.error().message);
        std::cout << "ok" << std::endl;
        return 0;
    }
    if (command == "reset-password") {
        auto userId
            = resolveUser(conn, args.get("user").empty() ? args.get("username") : args.get("user"));
        if (!userId)
            return fail(userId.error().message);
        const std::string password = passwordArgument(args.get("password"));
        if (password.size() < 8)
            return fail("a password of at least 8 characters is required");
        const std::string hash = hashPassword(password);
        auto r = conn.query("UPDATE accounts SET password_hash = ? WHERE user_id = ?",
            {SqlValue(hash), SqlValue(*userId)});
        auto s = conn.query(
            "UPDATE devices SET token_hash = NULL WHERE user_id = ?", {SqlValue(*userId)});
        return done(r && s ? Result<void>()
                           : Result<void>(makeError("storage", "cannot reset the password")));
    }
    if (command == "create-mission") {
        const std::string org = args.get("org");
        json values {{"organisation_id", org}, {"title", args.get("title")},
            {"start_date", args.get("start")}, {"end_date", args.get("end")},
            {"status", "planned"}};
        if (!args.get("leader").empty()) {
            auto leader = resolveUser(conn, args.get("leader"));
            if (!leader)
                return fail(leader.error().message);
            values["leader_id"] = *leader;
        }
        json members = json::array();
        for (const auto &m : args.all("member")) {
            auto id = resolveUser(conn, m);
            if (!id)
                return fail(id.error().message);
            members.push_back(*id);
        }
        values["member_ids"] = members;
        return print(w.write("mission", {}, values, org));
    }
    if (command == "add-member" || command == "remove-member") {
        auto org = orgOfMission(conn, args.get("mission"));
        if (!org)
            return fail(org.error().message);
        return done(changeMembership(
            conn, w, args.get("mission"), args.get("user"), command == "add-member"));
    }
    if (command == "list-devices")
        return listDevices(conn, args.get("user"));
    if (command == "revoke-device") {
        auto r = conn.query(
            "UPDATE devices SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL",
            {SqlValue(SyncService::nowMs()), SqlValue(args.get("device"))});
        if (!r)
            return fail(r.error().message);
        if (r->affected == 0)
            return fail("no active device " + args.get("device"));
        std::cout << "ok" << std::endl;
        return 0;
    }
    if (command == "purge-tombstones")
        return purgeTombstones(conn, args.get("older-than"));
    if (command == "purge-uploads")
        return purgeUploads(conn, args.get("older-than"));
    if (command == "load-demo")
        return done(loadDemo(conn, w));
    if (command == "summary")
        return summary(conn, args);
    if (command == "export-store")
        return exportStore(conn, args);
    if (command == "history") {
        if (args.positional.size() != 2)
            return fail("usage: history KIND ID");
        return history(conn, args.positional[0], args.positional[1]);
    }
    return fail("unknown command " + command + "\n" + adminUsage());
}

} // namespace attache::server
