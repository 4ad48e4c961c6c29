#include "service.h"

#include "auth.h"
#include "pushbody.h"
#include "text.h"
#include "uuid.h"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <set>

namespace attache::server {

using nlohmann::json;

namespace {

ApiError badRequest(std::string code, std::string message, json extra = json::object())
{
    return ApiError {400, std::move(code), std::move(message), std::move(extra)};
}

ApiError unauthorized()
{
    return ApiError {401, "unauthorized", "You are not signed in on this device: sign in again."};
}

bool isDeviceId(const std::string &s)
{
    return s.size() >= 8 && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '_';
    });
}

bool isSha(const std::string &s)
{
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

ApiResult<json> parseBody(const std::string &body)
{
    if (!isValidUtf8(body))
        return badRequest("invalid_utf8", "The request is not valid UTF-8 text.");
    json doc = json::parse(body, nullptr, false);
    if (doc.is_discarded())
        return badRequest("malformed_json", "The request is not well-formed JSON.");
    if (!doc.is_object())
        return badRequest("wrong_type", "The request must be a JSON object.");
    return doc;
}

std::optional<std::string> stringMember(const json &doc, const char *key)
{
    auto it = doc.find(key);
    if (it == doc.end() || !it->is_string())
        return std::nullopt;
    return it->get<std::string>();
}

// Whether `caller` may know that the server holds bytes of `sha`: they sent bytes of it
// themselves, or they can see an attachment record with this hash (deleted or not).
Result<bool> uploadVisible(SqlConnection &conn, const Actor &caller, const std::string &sha)
{
    std::vector<SqlValue> p {SqlValue(sha)};
    const std::string scope = scopeCondition(caller, p);
    p.emplace_back(sha);
    p.emplace_back(caller.userId);
    auto visible = conn.query("SELECT 1 AS one FROM records r WHERE r.kind = 'attachment' AND "
                              "r.sha256 = ? AND ("
            + scope
            + ") UNION ALL SELECT 1 AS one FROM upload_owners WHERE sha256 = ? AND user_id = ?",
        p);
    if (!visible)
        return visible.error();
    return !visible->empty();
}

// The upload a caller who may not see the server's upload of `sha` sends instead: their own,
// under a key no download or status of a hash can name, so that every answer is what an
// unknown hash gets. Once complete and verified, the caller has shown they hold the bytes.
std::string privateUploadKey(const std::string &sha, const Actor &caller)
{
    return sha + "/" + caller.userId;
}

} // namespace

std::optional<std::vector<SeqRange>> parseOwnRanges(std::string_view text)
{
    std::vector<SeqRange> out;
    auto number = [](std::string_view s) -> std::optional<std::int64_t> {
        std::int64_t v = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || end != s.data() + s.size() || s.empty() || v < 1)
            return std::nullopt;
        return v;
    };
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        const std::string_view item = text.substr(0, comma);
        const std::size_t dash = item.find('-');
        if (dash == std::string_view::npos || out.size() == kMaxOwnRanges)
            return std::nullopt;
        const auto from = number(item.substr(0, dash));
        const auto to = number(item.substr(dash + 1));
        if (!from || !to || *from > *to)
            return std::nullopt;
        out.push_back({*from, *to});
        if (comma == std::string_view::npos)
            break;
        text.remove_prefix(comma + 1);
        if (text.empty())
            return std::nullopt; // a trailing comma
    }
    return out;
}

SyncService::SyncService(Pool &pool, LoginLimits limits, std::size_t maxGroup)
    : m_pool(pool)
    , m_limits(limits)
    , m_statistics(pool)
    , m_commits([this](const std::vector<PushJob *> &group) { writeGroup(group); }, maxGroup)
{ }

std::int64_t SyncService::nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

json SyncService::status() const
{
    return json {{"server", "attache-server"}, {"version", "0.1.0"}, {"min_protocol", kMinProtocol},
        {"max_protocol", kMaxProtocol}, {"time_ms", nowMs()}};
}

ApiResult<json> SyncService::login(const std::string &body, const std::string &address)
{
    auto parsed = parseBody(body);
    if (auto *e = std::get_if<ApiError>(&parsed))
        return *e;
    const json &doc = std::get<json>(parsed);
    const auto username = stringMember(doc, "username");
    const auto password = stringMember(doc, "password");
    const auto deviceId = stringMember(doc, "device_id");
    const auto deviceName = stringMember(doc, "device_name");
    if (!username || !password || !deviceId)
        return badRequest(
            "wrong_type", "username, password and device_id are required and must be text.");
    if (!isDeviceId(*deviceId))
        return badRequest("invalid_id", "device_id must be 8 to 64 characters of a-z, 0-9 and _.");
    if (username->size() > 200 || password->size() > 1024
        || (deviceName && deviceName->size() > 200))
        return badRequest("too_long", "The user name, password or device name is too long.");

    auto conn = m_pool.acquire();
    if (!conn)
        return internalError(conn.error());
    const std::int64_t now = nowMs();
    const std::string userKey = "u:" + *username;
    const std::string addrKey = "a:" + address;
    // Throttle before checking the password, so that guessing costs the guesser time.
    auto counts = (*conn)->query("SELECT key, COUNT(*) AS n, MIN(at) AS oldest FROM login_failures "
                                 "WHERE key IN (?, ?) AND at > ? GROUP BY key",
        {SqlValue(userKey), SqlValue(addrKey), SqlValue(now - m_limits.windowMs)});
    if (!counts)
        return internalError(counts.error());
    for (std::size_t i = 0; i < counts->size(); ++i) {
        const bool isUser = counts->text(i, "key") == userKey;
        const std::int64_t n = counts->integer(i, "n");
        if (n >= (isUser ? m_limits.perUser : m_limits.perAddress)) {
            const std::int64_t retry = std::max<std::int64_t>(
                1, (counts->integer(i, "oldest") + m_limits.windowMs - now) / 1000 + 1);
            return ApiError {429, "rate_limited",
                "Too many failed sign-ins; try again in " + std::to_string(retry / 60 + 1)
                    + " minutes.",
                json {{"retry_after", retry}}};
        }
    }
    auto account = (*conn)->query(
        "SELECT user_id, password_hash, org_id, role FROM accounts WHERE username = ?",
        {SqlValue(*username)});
    if (!account)
        return internalError(account.error());
    const bool known = !account->empty();
    // An unknown user name costs the same time as a wrong password, so that timing does not
    // tell which user names exist.
    static const std::string dummyHash = hashPassword(newToken());
    const bool ok
        = verifyPassword(*password, known ? account->text(0, "password_hash") : dummyHash) && known;
    if (!ok) {
        for (const auto &key : {userKey, addrKey}) {
            if (auto r = (*conn)->query("INSERT INTO login_failures (key, at) VALUES (?, ?)",
                    {SqlValue(key), SqlValue(now)});
                !r)
                return internalError(r.error());
        }
        return ApiError {401, "invalid_credentials", "The user name or password is wrong."};
    }
    const std::string userId = account->text(0, "user_id");
    auto device = (*conn)->query(
        "SELECT revoked_at FROM devices WHERE device_id = ?", {SqlValue(*deviceId)});
    if (!device)
        return internalError(device.error());
    if (!device->empty() && !device->isNull(0, "revoked_at"))
        return ApiError {401, "device_revoked",
            "This device was reported lost: its data must be wiped. Ask IT for help."};
    const std::string token = newToken();
    auto up = (*conn)->query(
        "INSERT INTO devices (device_id, user_id, name, token_hash, created_at, last_seen) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET user_id = "
        "excluded.user_id, "
        "name = excluded.name, token_hash = excluded.token_hash, last_seen = excluded.last_seen",
        {SqlValue(*deviceId), SqlValue(userId), SqlValue(deviceName.value_or(*deviceId)),
            SqlValue(sha256Hex(token)), SqlValue(now), SqlValue(now)});
    if (!up)
        return internalError(up.error());
    (void)(*conn)->query("DELETE FROM login_failures WHERE key = ? OR at < ?",
        {SqlValue(userKey), SqlValue(now - m_limits.windowMs)});
    auto user = loadRecord(**conn, "user", userId);
    if (!user)
        return internalError(user.error());
    const std::string fullName = *user && (*user)->value("full_name").is_string()
        ? (*user)->value("full_name").get<std::string>()
        : *username;
    return json {{"token", token}, {"device_id", *deviceId},
        {"user",
            {{"id", userId}, {"username", *username}, {"full_name", fullName},
                {"role", account->text(0, "role")},
                {"organisation_id", account->text(0, "org_id")}}}};
}

ApiResult<Actor> SyncService::authenticate(const std::string &authorization)
{
    constexpr std::string_view kBearer = "Bearer ";
    if (authorization.size() != kBearer.size() + 64
        || authorization.compare(0, kBearer.size(), kBearer) != 0)
        return unauthorized();
    const std::string token = authorization.substr(kBearer.size());
    if (!isSha(token))
        return unauthorized();
    auto conn = m_pool.acquire();
    if (!conn)
        return internalError(conn.error());
    auto rows = (*conn)->query("SELECT d.device_id, d.user_id, d.revoked_at, a.org_id, a.role, "
                               "a.resync_before FROM devices d "
                               "JOIN accounts a ON a.user_id = d.user_id WHERE d.token_hash = ?",
        {SqlValue(sha256Hex(token))});
    if (!rows)
        return internalError(rows.error());
    if (rows->empty())
        return unauthorized();
    if (!rows->isNull(0, "revoked_at"))
        return ApiError {
            401, "device_revoked", "This device was reported lost: its local data must be wiped."};
    Actor a;
    a.userId = rows->text(0, "user_id");
    a.orgId = rows->text(0, "org_id");
    a.role = rows->text(0, "role");
    a.deviceId = rows->text(0, "device_id");
    a.resyncBefore = rows->integer(0, "resync_before");
    return a;
}

ApiResult<bool> SyncService::logout(const Actor &caller)
{
    auto conn = m_pool.acquire();
    if (!conn)
        return internalError(conn.error());
    auto r = (*conn)->query(
        "UPDATE devices SET token_hash = NULL WHERE device_id = ?", {SqlValue(caller.deviceId)});
    if (!r)
        return internalError(r.error());
    return true;
}

ApiResult<std::string> SyncService::push(const Actor &caller, const std::string &body)
{
    const std::int64_t now = nowMs();
    auto parsed = readPushBody(body, now, kMaxChangesPerBatch);
    if (auto *e = std::get_if<ApiError>(&parsed))
        return std::move(*e);
    auto &list = std::get<PushBody>(parsed).changes;
    // Missions first, so that records of a mission created in the same batch find it.
    std::stable_partition(list.begin(), list.end(),
        [](const IncomingChange &c) { return c.kind->name == "mission"; });

    PushJob job;
    job.caller = caller;
    job.batchId = std::move(std::get<PushBody>(parsed).batchId);
    job.changedOnly = std::get<PushBody>(parsed).changedOnly;
    job.changes = std::move(list);
    job.now = now;
    m_commits.submit(job);
    return std::move(*job.answer);
}

void SyncService::writeGroup(const std::vector<PushJob *> &group)
{
    auto failAll = [&](const Error &e) {
        for (PushJob *j : group)
            j->answer = internalError(e);
    };
    std::unique_lock writer(m_pool.writeMutex());
    auto conn = m_pool.acquire();
    if (!conn)
        return failAll(conn.error());
    SqlTransaction txn(**conn);
    if (auto r = txn.beginWrite(); !r)
        return failAll(r.error());
    // One transaction for the whole group, one savepoint per batch: a refused batch rolls back
    // alone and gets its own error; the others are committed together (one commit, one fsync).
    // A batch alone needs no savepoint (its refusal rolls back the transaction): savepoints cost
    // round trips, and on PostgreSQL rows written in a subtransaction cost every reader more.
    const bool savepoints = group.size() > 1;
    // What every batch would read and write again is read and written once for the group:
    // the sequence counter, and when the devices were last seen. On PostgreSQL each statement
    // is a round trip, and in a burst of devices the writer's round trips are its time.
    const auto firstSeq = readSequence(**conn);
    if (!firstSeq)
        return failAll(firstSeq.error());
    std::int64_t seq = *firstSeq;
    std::int64_t seen = 0;
    std::set<std::string> devices;
    std::vector<ApiResult<std::string>> answers;
    answers.reserve(group.size());
    for (PushJob *job : group) {
        if (savepoints) {
            // The previous batch's savepoint is released and the next one set in one round trip.
            if (auto r = (*conn)->script(
                    answers.empty() ? "SAVEPOINT push" : "RELEASE SAVEPOINT push; SAVEPOINT push");
                !r)
                return failAll(r.error());
        }
        const std::int64_t before = seq;
        answers.push_back(applyBatch(**conn, *job, seq));
        if (std::holds_alternative<ApiError>(answers.back())) {
            if (!savepoints) {
                job->answer = std::move(answers.back());
                return; // the transaction rolls back
            }
            if (auto r = (*conn)->script("ROLLBACK TO SAVEPOINT push"); !r)
                return failAll(r.error()); // the transaction is gone: nothing is committed
            seq = before;
            continue; // a refused push marks its device seen no more than it would alone
        }
        devices.insert(job->caller.deviceId);
        seen = std::max(seen, job->now);
    }
    if (savepoints) {
        if (auto r = (*conn)->script("RELEASE SAVEPOINT push"); !r)
            return failAll(r.error());
    }
    if (seq != *firstSeq) {
        if (auto r = storeSequence(**conn, seq); !r)
            return failAll(r.error());
    }
    if (!devices.empty()) {
        std::string sql = "UPDATE devices SET last_seen = ? WHERE device_id IN (";
        std::vector<SqlValue> params {SqlValue(seen)};
        for (const auto &d : devices) {
            sql += params.size() == 1 ? "?" : ", ?";
            params.emplace_back(d);
        }
        if (auto r = (*conn)->query(sql + ")", params); !r)
            return failAll(r.error());
    }
    if (auto r = txn.commit(); !r) {
        // Refusals stay what they were (a retry gets the same); nothing else was stored.
        for (std::size_t i = 0; i < group.size(); ++i) {
            auto *e = std::get_if<ApiError>(&answers[i]);
            group[i]->answer = e && e->status < 500 ? answers[i] : internalError(r.error());
        }
        return;
    }
    for (std::size_t i = 0; i < group.size(); ++i)
        group[i]->answer = std::move(answers[i]);
    m_statistics.committed(seq);
}

ApiResult<std::string> SyncService::applyBatch(
    SqlConnection &conn, const PushJob &job, std::int64_t &seq)
{
    const Actor &caller = job.caller;
    // A retried batch gets the answer it got the first time, and changes nothing.
    auto seen = conn.query("SELECT response FROM batches WHERE device_id = ? AND batch_id = ?",
        {SqlValue(caller.deviceId), SqlValue(job.batchId)});
    if (!seen)
        return internalError(seen.error());
    if (!seen->empty())
        return seen->text(0, "response");
    ChangeWriter w(conn, caller, job.batchId, job.now, seq);
    w.acknowledgeChangedOnly(job.changedOnly);
    if (auto r = w.prefetch(job.changes); !r)
        return internalError(r.error());
    for (const auto &c : job.changes) {
        if (auto e = w.apply(c))
            return *e; // the caller rolls back to the batch's savepoint: nothing of it is stored
    }
    if (auto r = w.finish(); !r)
        return internalError(r.error());
    seq = w.lastSeq();
    // Built as text: the acknowledgements of a large batch are most of the answer.
    std::string response = "{\"applied\":" + std::to_string(job.changes.size())
        + (job.changedOnly ? ",\"acknowledge\":\"changed\"" : "")
        + ",\"acknowledged\":" + w.acknowledged() + ",\"conflicts\":" + w.conflicts().dump()
        + (w.firstSeq() > 0 ? ",\"seq_from\":" + std::to_string(w.firstSeq()) : std::string())
        + ",\"cursor\":" + std::to_string(w.lastSeq()) + "}";
    if (auto r = conn.query("INSERT INTO batches (device_id, batch_id, response, created_at) "
                            "VALUES (?, ?, ?, ?)",
            {SqlValue(caller.deviceId), SqlValue(job.batchId), SqlValue(response),
                SqlValue(job.now)});
        !r)
        return internalError(r.error());
    return response;
}

ApiResult<std::string> SyncService::pull(
    const Actor &caller, std::int64_t cursor, int limit, const std::vector<SeqRange> &own)
{
    auto conn = m_pool.acquire();
    if (!conn)
        return internalError(conn.error());
    SqlTransaction txn(**conn);
    if (auto r = txn.beginRead(); !r)
        return internalError(r.error());
    auto meta = (*conn)->query("SELECT key, value FROM meta WHERE key IN ('seq', 'purge_horizon')");
    if (!meta)
        return internalError(meta.error());
    std::int64_t maxSeq = 0, horizon = 0;
    for (std::size_t i = 0; i < meta->size(); ++i)
        (meta->text(i, "key") == "seq" ? maxSeq : horizon) = meta->integer(i, "value");
    if (cursor > 0 && cursor < caller.resyncBefore)
        return ApiError {409, "resync_required",
            "Your role changed, so what this device may hold changed too: it must sync "
            "again from the start (its unsent changes are kept).",
            json {{"horizon", caller.resyncBefore}}};
    if (cursor > 0 && cursor < horizon)
        return ApiError {409, "resync_required",
            "This device has been away longer than the server keeps deleted records; "
            "it must sync again from the start (its unsent changes are kept).",
            json {{"horizon", horizon}}};
    auto missions = memberMissions(**conn, caller);
    if (!missions)
        return internalError(missions.error());
    // Records the caller created itself in pushes it holds the answers of ("own" ranges) and
    // that nothing changed since: the device has them as the server does, and sending them back
    // would double the work of a device's first sync after days offline.
    auto ownFilter = [&](std::vector<SqlValue> &p) {
        if (own.empty())
            return std::string();
        std::string f = " WHERE NOT (x.updated_device = ? AND x.created_seq = x.seq AND (";
        p.emplace_back(caller.deviceId);
        for (std::size_t i = 0; i < own.size(); ++i) {
            f += i ? " OR x.seq BETWEEN ? AND ?" : "x.seq BETWEEN ? AND ?";
            p.emplace_back(own[i].from);
            p.emplace_back(own[i].to);
        }
        return f + "))";
    };
    std::vector<SqlValue> params;
    const std::string scoped = scopedRecords(caller, *missions,
        std::string("r.kind, r.id, CASE WHEN r.wire = '' THEN r.fields ELSE r.wire END AS wire, "
                    "r.seq, r.updated_by, r.updated_device, r.updated_at")
            + (own.empty() ? "" : ", r.created_seq"),
        cursor, maxSeq, params);
    const std::string filter = ownFilter(params);
    params.emplace_back(std::int64_t(limit));
    // The page is written as its rows are read: the stored wire form is concatenated as is
    // (a pull parses no record JSON) and no row is copied.
    enum Column { Kind, Id, Wire, Seq, UpdatedBy, UpdatedDevice, UpdatedAt };
    // The answer is built in one buffer, its page first: a page is most of it.
    std::string answer = "{\"changes\":[";
    int count = 0;
    std::int64_t lastSeq = 0;
    auto page = (*conn)->each("SELECT x.kind, x.id, x.wire, x.seq, x.updated_by, "
                              "x.updated_device, x.updated_at FROM ("
            + scoped + ") x" + filter + " ORDER BY x.seq LIMIT ?",
        params, [&](const SqlRow &row) {
            if (count++ > 0)
                answer += ',';
            lastSeq = row.integer(Seq);
            answer += "{\"kind\":";
            appendJsonString(answer, row.view(Kind));
            answer += ",\"id\":";
            appendJsonString(answer, row.view(Id));
            answer += ",\"seq\":";
            answer += std::to_string(lastSeq);
            answer += ",\"fields\":";
            answer += row.view(Wire);
            answer += ",\"updated_by\":";
            appendJsonString(answer, row.view(UpdatedBy));
            answer += ",\"updated_device\":";
            appendJsonString(answer, row.view(UpdatedDevice));
            answer += ",\"updated_at\":";
            answer += std::to_string(row.integer(UpdatedAt));
            answer += '}';
        });
    if (!page)
        return internalError(page.error());
    answer += ']';
    std::int64_t next = maxSeq;
    std::int64_t remaining = 0;
    if (count == limit) {
        next = lastSeq;
        std::vector<SqlValue> p;
        const std::string s = scopedRecords(caller, *missions,
            own.empty() ? "r.seq" : "r.seq, r.created_seq, r.updated_device", next, maxSeq, p);
        const std::string f = ownFilter(p);
        auto rest = (*conn)->query("SELECT COUNT(*) AS n FROM (" + s + ") x" + f, p);
        if (!rest)
            return internalError(rest.error());
        remaining = rest->integer(0, "n");
        if (remaining == 0)
            next = maxSeq;
    }
    std::vector<SqlValue> cp {SqlValue(cursor), SqlValue(next)};
    const std::string cs = scopeCondition(caller, cp);
    auto conflicts
        = (*conn)->query("SELECT r.body FROM conflicts r WHERE r.seq > ? AND r.seq <= ? AND (" + cs
                + ") ORDER BY r.seq",
            cp);
    if (!conflicts)
        return internalError(conflicts.error());
    std::string conflictList = "[";
    for (std::size_t i = 0; i < conflicts->size(); ++i) {
        if (i > 0)
            conflictList += ',';
        conflictList += conflicts->text(i, "body");
    }
    conflictList += ']';
    json drops = json::array();
    if (!caller.managerScope()) {
        auto d = (*conn)->query(
            "SELECT DISTINCT mission_id FROM mission_drops WHERE user_id = ? AND seq > ? AND seq "
            "<= ? AND mission_id NOT IN (SELECT mission_id FROM mission_members WHERE user_id = ?)",
            {SqlValue(caller.userId), SqlValue(cursor), SqlValue(next), SqlValue(caller.userId)});
        if (!d)
            return internalError(d.error());
        for (std::size_t i = 0; i < d->size(); ++i)
            drops.push_back(d->text(i, "mission_id"));
    }
    // Records that moved out of the missions the caller sees: drop them. Only the caller's
    // old missions (or their own contacts without one) matter, and only if the record is now
    // out of reach (a member of both missions keeps it).
    json movedOut = json::array();
    if (!caller.managerScope()) {
        std::vector<SqlValue> mp {SqlValue(cursor), SqlValue(next), SqlValue(caller.orgId),
            SqlValue(caller.userId), SqlValue(caller.userId)};
        const std::string scope = scopeCondition(caller, mp);
        auto moved = (*conn)->query(
            "SELECT DISTINCT m.kind, m.record_id FROM record_moves m WHERE m.seq > ? AND m.seq "
            "<= ? AND m.org_id = ? AND (m.from_mission IN (SELECT mission_id FROM "
            "mission_members WHERE user_id = ?) OR (m.from_mission IS NULL AND m.created_by = ?)) "
            "AND NOT EXISTS (SELECT 1 FROM records r WHERE r.kind = m.kind AND r.id = "
            "m.record_id AND ("
                + scope + "))",
            mp);
        if (!moved)
            return internalError(moved.error());
        for (std::size_t i = 0; i < moved->size(); ++i)
            movedOut.push_back(
                {{"kind", moved->text(i, "kind")}, {"id", moved->text(i, "record_id")}});
    }
    (void)txn.commit();
    answer += ",\"conflicts\":";
    answer += conflictList;
    answer += ",\"drop_missions\":";
    answer += drops.dump();
    answer += ",\"drop_records\":";
    answer += movedOut.dump();
    answer += ",\"cursor\":";
    answer += std::to_string(next);
    answer += ",\"remaining\":";
    answer += std::to_string(remaining);
    answer += ",\"resync\":false}";
    return answer;
}

ApiResult<json> SyncService::history(
    const Actor &caller, const std::string &kind, const std::string &id)
{
    if (!findKind(kind))
        return badRequest("unknown_kind", "“" + kind + "” is not a record kind.");
    auto conn = m_pool.acquire();
    if (!conn)
        return internalError(conn.error());
    std::vector<SqlValue> p {SqlValue(kind), SqlValue(id)};
    const std::string scope = scopeCondition(caller, p);
    auto visible = (*conn)->query(
        "SELECT 1 AS one FROM records r WHERE r.kind = ? AND r.id = ? AND (" + scope + ")", p);
    if (!visible)
        return internalError(visible.error());
    if (visible->empty())
        return ApiError {404, "not_found", "No such record in your scope."};
    auto rows = (*conn)->query(
        "SELECT at, user_id, device_id, batch_id, field, old_value, old_hlc, "
        "new_value, new_hlc FROM audit WHERE kind = ? AND record_id = ? ORDER BY id",
        {SqlValue(kind), SqlValue(id)});
    if (!rows)
        return internalError(rows.error());
    json out = json::array();
    for (std::size_t i = 0; i < rows->size(); ++i) {
        out.push_back(json {{"at", rows->integer(i, "at")}, {"user_id", rows->text(i, "user_id")},
            {"device_id", rows->text(i, "device_id")}, {"batch_id", rows->text(i, "batch_id")},
            {"field", rows->text(i, "field")},
            {"old_value",
                rows->isNull(i, "old_value")
                    ? json()
                    : json::parse(rows->text(i, "old_value"), nullptr, false)},
            {"old_hlc", rows->text(i, "old_hlc")},
            {"new_value", json::parse(rows->text(i, "new_value"), nullptr, false)},
            {"new_hlc", rows->text(i, "new_hlc")}});
    }
    return json {{"kind", kind}, {"id", id}, {"history", std::move(out)}};
}

ApiResult<json> SyncService::attachmentStatus(const Actor &caller, const std::string &sha)
{
    if (!isSha(sha))
        return badRequest(
            "invalid_sha256", "An attachment is named by its SHA-256 in lower-case hex.");
    auto conn = m_pool.acquire();
    if (!conn)
        return internalError(conn.error());
    // Whether the server holds a file is itself information: answer only callers who can see an
    // attachment record with this hash (deleted or not), or who sent bytes of it themselves
    // (their record is pushed after the bytes). Everyone else gets the same 404 as for a hash
    // the server has never seen, or the state of their own upload of it (see putChunk).
    auto visible = uploadVisible(**conn, caller, sha);
    if (!visible)
        return internalError(visible.error());
    const std::string key = *visible ? sha : privateUploadKey(sha, caller);
    auto rows = (*conn)->query(
        "SELECT size, received, complete FROM uploads WHERE sha256 = ?", {SqlValue(key)});
    if (!rows)
        return internalError(rows.error());
    if (rows->empty())
        return ApiError {404, "not_found", "The server has no bytes of this attachment yet."};
    return json {{"size", rows->integer(0, "size")}, {"received", rows->integer(0, "received")},
        {"complete", rows->integer(0, "complete") != 0}};
}

ApiResult<json> SyncService::putChunk(const Actor &caller, const std::string &sha,
    std::int64_t offset, std::int64_t size, const std::string &bytes)
{
    if (!isSha(sha))
        return badRequest(
            "invalid_sha256", "An attachment is named by its SHA-256 in lower-case hex.");
    if (size <= 0 || offset < 0)
        return badRequest("invalid_value", "offset and size must be given, size above zero.");
    if (size > kMaxAttachmentBytes)
        return ApiError {413, "too_large", "Attachments are limited to 50 MiB."};
    if (bytes.size() > kMaxChunkBytes)
        return ApiError {413, "too_large", "Send attachments in chunks of at most 1 MiB."};
    if (bytes.empty() || offset + std::int64_t(bytes.size()) > size)
        return badRequest("invalid_value", "The chunk is empty or goes past the declared size.");
    std::unique_lock writer(m_pool.writeMutex());
    auto conn = m_pool.acquire();
    if (!conn)
        return internalError(conn.error());
    SqlTransaction txn(**conn);
    if (auto r = txn.beginWrite(); !r)
        return internalError(r.error());
    // A caller who may not know that the server holds bytes of this hash (see attachmentStatus)
    // uploads on their own key when the server already has an upload of it: every answer is then
    // exactly what a hash the server never saw would get, progress, offsets and sizes included.
    auto visible = uploadVisible(**conn, caller, sha);
    if (!visible)
        return internalError(visible.error());
    std::string key = sha;
    if (!*visible) {
        auto exists
            = (*conn)->query("SELECT 1 AS one FROM uploads WHERE sha256 = ?", {SqlValue(sha)});
        if (!exists)
            return internalError(exists.error());
        if (!exists->empty())
            key = privateUploadKey(sha, caller);
    }
    const bool own = key != sha;
    auto rows = (*conn)->query(
        "SELECT size, received, complete FROM uploads WHERE sha256 = ?", {SqlValue(key)});
    if (!rows)
        return internalError(rows.error());
    std::int64_t received = 0;
    if (!rows->empty()) {
        if (rows->integer(0, "complete"))
            return json {{"size", rows->integer(0, "size")}, {"received", rows->integer(0, "size")},
                {"complete", true}};
        if (rows->integer(0, "size") != size)
            return badRequest("invalid_value", "The size differs from the upload in progress.");
        received = rows->integer(0, "received");
    }
    // No upload yet, or none any more: an upload left unfinished for long is removed by the
    // admin's purge-uploads, and the device starts again from byte 0.
    if (offset != received)
        return ApiError {409, "wrong_offset",
            rows->empty() ? "The server holds no bytes of this upload (none arrived, or it was "
                            "left unfinished too long and removed): start again at byte 0."
                          : "Resume the upload at byte " + std::to_string(received) + ".",
            json {{"received", received}}};
    // `last_activity`: a purge of abandoned uploads never takes one that is still being sent.
    const std::int64_t now = nowMs();
    Result<SqlRows> r = rows->empty()
        ? (*conn)->query("INSERT INTO uploads (sha256, size, received, complete, org_id, "
                         "created_at, last_activity) VALUES (?, ?, ?, 0, ?, ?, ?)",
            {SqlValue(key), SqlValue(size), SqlValue(std::int64_t(bytes.size())),
                SqlValue(caller.orgId), SqlValue(now), SqlValue(now)})
        : (*conn)->query("UPDATE uploads SET received = ?, last_activity = ? WHERE sha256 = ?",
            {SqlValue(received + std::int64_t(bytes.size())), SqlValue(now), SqlValue(key)});
    if (!r)
        return internalError(r.error());
    if (auto c
        = (*conn)->query("INSERT INTO upload_chunks (sha256, offset_bytes, data) VALUES (?, ?, ?)",
            {SqlValue(key), SqlValue(offset), SqlValue::blob(bytes)});
        !c)
        return internalError(c.error());
    if (!own) {
        if (auto o = (*conn)->query("INSERT INTO upload_owners (sha256, user_id) VALUES (?, ?) "
                                    "ON CONFLICT (sha256, user_id) DO NOTHING",
                {SqlValue(sha), SqlValue(caller.userId)});
            !o)
            return internalError(o.error());
    }
    received += std::int64_t(bytes.size());
    bool complete = false;
    if (received == size) {
        auto chunks = (*conn)->query(
            "SELECT data FROM upload_chunks WHERE sha256 = ? ORDER BY offset_bytes",
            {SqlValue(key)});
        if (!chunks)
            return internalError(chunks.error());
        crypto_hash_sha256_state state;
        crypto_hash_sha256_init(&state);
        for (std::size_t i = 0; i < chunks->size(); ++i) {
            const std::string_view data = chunks->view(i, "data");
            crypto_hash_sha256_update(
                &state, reinterpret_cast<const unsigned char *>(data.data()), data.size());
        }
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256_final(&state, digest);
        char hex[crypto_hash_sha256_BYTES * 2 + 1];
        sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
        if (sha != hex) {
            (void)(*conn)->query("DELETE FROM upload_chunks WHERE sha256 = ?", {SqlValue(key)});
            (void)(*conn)->query("DELETE FROM uploads WHERE sha256 = ?", {SqlValue(key)});
            if (!own)
                (void)(*conn)->query("DELETE FROM upload_owners WHERE sha256 = ?", {SqlValue(sha)});
            if (auto cr = txn.commit(); !cr)
                return internalError(cr.error());
            return ApiError {422, "hash_mismatch",
                "The bytes received do not have this SHA-256; the upload was dropped, "
                "send it again."};
        }
        complete = true;
        if (own) {
            // The caller has shown they hold these bytes: they become an owner of the server's
            // upload, which takes these verified bytes unless it is complete already.
            auto shared
                = (*conn)->query("SELECT complete FROM uploads WHERE sha256 = ?", {SqlValue(sha)});
            if (!shared)
                return internalError(shared.error());
            const bool sharedComplete = !shared->empty() && shared->integer(0, "complete");
            std::vector<std::pair<std::string, std::vector<SqlValue>>> steps;
            if (!sharedComplete) {
                steps = {{"DELETE FROM upload_chunks WHERE sha256 = ?", {SqlValue(sha)}},
                    {"UPDATE upload_chunks SET sha256 = ? WHERE sha256 = ?",
                        {SqlValue(sha), SqlValue(key)}},
                    {"UPDATE uploads SET size = ?, received = ?, complete = 1 WHERE sha256 = ?",
                        {SqlValue(size), SqlValue(size), SqlValue(sha)}}};
            } else {
                steps = {{"DELETE FROM upload_chunks WHERE sha256 = ?", {SqlValue(key)}}};
            }
            steps.push_back({"DELETE FROM uploads WHERE sha256 = ?", {SqlValue(key)}});
            steps.push_back({"INSERT INTO upload_owners (sha256, user_id) VALUES (?, ?) "
                             "ON CONFLICT (sha256, user_id) DO NOTHING",
                {SqlValue(sha), SqlValue(caller.userId)}});
            for (const auto &[sql, params] : steps) {
                if (auto q = (*conn)->query(sql, params); !q)
                    return internalError(q.error());
            }
        } else if (auto u = (*conn)->query(
                       "UPDATE uploads SET complete = 1 WHERE sha256 = ?", {SqlValue(sha)});
                   !u) {
            return internalError(u.error());
        }
    }
    if (auto cr = txn.commit(); !cr)
        return internalError(cr.error());
    return json {{"size", size}, {"received", received}, {"complete", complete}};
}

ApiResult<Download> SyncService::download(const Actor &caller, const std::string &sha)
{
    if (!isSha(sha))
        return badRequest(
            "invalid_sha256", "An attachment is named by its SHA-256 in lower-case hex.");
    auto conn = m_pool.acquire();
    if (!conn)
        return internalError(conn.error());
    std::vector<SqlValue> p {SqlValue(sha)};
    const std::string scope = scopeCondition(caller, p);
    auto visible = (*conn)->query("SELECT 1 AS one FROM records r WHERE r.kind = 'attachment' AND "
                                  "r.sha256 = ? AND r.deleted = 0 AND ("
            + scope + ")",
        p);
    if (!visible)
        return internalError(visible.error());
    auto up = (*conn)->query("SELECT complete FROM uploads WHERE sha256 = ?", {SqlValue(sha)});
    if (!up)
        return internalError(up.error());
    if (visible->empty() || up->empty() || !up->integer(0, "complete"))
        return ApiError {404, "not_found", "No such attachment in your scope."};
    auto chunks = (*conn)->query(
        "SELECT data FROM upload_chunks WHERE sha256 = ? ORDER BY offset_bytes", {SqlValue(sha)});
    if (!chunks)
        return internalError(chunks.error());
    Download d;
    for (std::size_t i = 0; i < chunks->size(); ++i)
        d.bytes += chunks->text(i, "data");
    return d;
}

} // namespace attache::server
