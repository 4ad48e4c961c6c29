#include "syncengine.h"

#include "httpclient.h"
#include "log.h"
#include "protocol.h"
#include "store.h"
#include "synclimits.h"
#include "tokenstore.h"
#include "uuid.h"

#include <sodium.h>

#include <algorithm>
#include <climits>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <random>

namespace attache::sync {

using nlohmann::json;
using std::chrono::milliseconds;

namespace {

constexpr const char *kCategory = "attache.sync";

constexpr std::int64_t kChunkBytes = 1024 * 1024; // the protocol's limit per chunk

std::string toHex(const unsigned char *data, size_t size)
{
    static const char *digits = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < size; ++i) {
        out.push_back(digits[data[i] >> 4]);
        out.push_back(digits[data[i] & 15]);
    }
    return out;
}

/// SHA-256 of a file, as lower-case hex; empty on a read error.
std::string sha256OfFile(const std::string &path, std::int64_t &size)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return {};
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    std::vector<char> buf(1 << 16);
    size = 0;
    while (in) {
        in.read(buf.data(), std::streamsize(buf.size()));
        const auto n = in.gcount();
        if (n > 0) {
            crypto_hash_sha256_update(&st, reinterpret_cast<unsigned char *>(buf.data()),
                static_cast<unsigned long long>(n));
            size += n;
        }
    }
    if (in.bad())
        return {};
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&st, digest);
    return toHex(digest, sizeof digest);
}

bool isSha256(const std::string &s)
{
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

std::int64_t wallMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

const char *errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None:
        return "none";
    case ErrorCode::Cancelled:
        return "cancelled";
    case ErrorCode::Network:
        return "network";
    case ErrorCode::ServerBusy:
        return "server_busy";
    case ErrorCode::TlsCertificate:
        return "tls_certificate";
    case ErrorCode::InvalidCredentials:
        return "invalid_credentials";
    case ErrorCode::SignInRequired:
        return "sign_in_required";
    case ErrorCode::DeviceRevoked:
        return "device_revoked";
    case ErrorCode::ClientTooOld:
        return "client_too_old";
    case ErrorCode::ServerTooOld:
        return "server_too_old";
    case ErrorCode::ClockSkew:
        return "clock_skew";
    case ErrorCode::Forbidden:
        return "forbidden";
    case ErrorCode::Rejected:
        return "rejected";
    case ErrorCode::Protocol:
        return "protocol";
    case ErrorCode::LocalStore:
        return "local_store";
    case ErrorCode::Config:
        return "config";
    }
    return "unknown";
}

const char *phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Connecting:
        return "connecting";
    case Phase::Pushing:
        return "pushing";
    case Phase::Pulling:
        return "pulling";
    case Phase::Resync:
        return "resync";
    case Phase::Attachments:
        return "attachments";
    case Phase::Done:
        return "done";
    }
    return "unknown";
}

struct SyncEngine::Impl
{
    std::string dbPath;
    SyncConfig config;
    RetryHooks hooks;
    std::unique_ptr<Store> store;
    std::unique_ptr<TokenStore> tokens;
    std::mutex countersMutex; ///< the request and byte counters of *summary
    std::unique_ptr<HttpClient> http;
    std::string blobDir;
    std::atomic<bool> cancelled {false};
    std::mutex mutex;
    std::condition_variable wake;
    std::mt19937_64 rng {std::random_device {}()};
    std::mutex rngMutex;
    /// A second connection, for the second of two pushes in flight (made on first use).
    std::unique_ptr<HttpClient> http2;

    // State of the running sync.
    SyncSummary *summary = nullptr;
    std::string lastRaw; ///< the body of the last raw (binary) exchange
    std::string lastContentRange; ///< its Content-Range header, if any
    const SyncCallbacks *callbacks = nullptr;
    Progress progress;
    /// Records whose push the server refused as outside the user's missions, in this sync:
    /// set aside after the pull (settleRefused), which may drop them first with a more precise
    /// reason (a mission left, a record moved).
    std::vector<Store::RecordRef> refused;
    /// The seq ranges of the pushes whose answers this sync stored (adjacent ones joined): the
    /// records this device created in them are in its store as the server holds them, so its
    /// pulls ask the server to leave them out (the "own" parameter). Only this sync's: the
    /// store has held them since, and a resync, which rebuilds the store, forgets them.
    std::vector<std::pair<std::int64_t, std::int64_t>> ownRanges;

    void noteOwnRange(std::int64_t from, std::int64_t to)
    {
        if (from <= 0 || to < from)
            return;
        for (auto &r : ownRanges) {
            if (from <= r.second + 1 && to + 1 >= r.first) {
                r = {std::min(r.first, from), std::max(r.second, to)};
                return;
            }
        }
        ownRanges.emplace_back(from, to);
    }

    /// The pull's "own" parameter (empty: none). The server takes at most kMaxOwnRanges ranges;
    /// past that the oldest are left out, and their records simply come back.
    std::string ownParameter() const
    {
        std::string out;
        const std::size_t first
            = ownRanges.size() > kMaxOwnRanges ? ownRanges.size() - kMaxOwnRanges : 0;
        for (std::size_t i = first; i < ownRanges.size(); ++i) {
            out += out.empty() ? "&own=" : ",";
            out += std::to_string(ownRanges[i].first) + "-" + std::to_string(ownRanges[i].second);
        }
        return out;
    }

    /// The outcome of one request after retries: a JSON body, or an error.
    struct Call
    {
        long status = 0;
        json body;
        SyncError error; ///< code None on success
    };

    double random01()
    {
        if (hooks.random)
            return hooks.random();
        std::lock_guard lock(rngMutex); // two pushes may retry at once
        return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    }

    bool sleepFor(milliseconds d)
    {
        if (hooks.sleep)
            return hooks.sleep(d) && !cancelled.load();
        std::unique_lock lock(mutex);
        return !wake.wait_for(lock, d, [this] { return cancelled.load(); });
    }

    void report(SyncError e)
    {
        log(e.retryable ? LogLevel::Info : LogLevel::Warning, kCategory,
            std::string(errorCodeName(e.code)) + ": " + e.message);
        if (callbacks && callbacks->error)
            callbacks->error(e);
        if (summary)
            summary->errors.push_back(std::move(e));
    }

    void emitProgress()
    {
        if (summary) {
            std::lock_guard lock(countersMutex);
            progress.bytesSent = summary->bytesSent;
            progress.bytesReceived = summary->bytesReceived;
        }
        if (callbacks && callbacks->progress)
            callbacks->progress(progress);
    }

    static SyncError storeError(const Error &e)
    {
        return SyncError {ErrorCode::LocalStore, e.code,
            "The data on this device could not be updated: " + e.message, false, {}, {}, {}};
    }

    SyncError cancelledError() const
    {
        return SyncError {ErrorCode::Cancelled, {},
            "Sync was cancelled. Everything saved so far is kept; the next sync continues.", false,
            {}, {}, {}};
    }

    SyncError transportError(const HttpResponse &r) const
    {
        SyncError e;
        e.retryable = true;
        e.code = ErrorCode::Network;
        switch (r.transport) {
        case HttpResponse::Transport::Tls:
            e.code = ErrorCode::TlsCertificate;
            e.retryable = false;
            e.message = "The server's certificate could not be verified (" + r.transportMessage
                + "). The connection may be intercepted (hotel or airport Wi-Fi): do not sync on "
                  "this network, and tell IT if it keeps happening.";
            return e;
        case HttpResponse::Transport::Timeout:
            e.message = "The connection to the server stalled (" + r.transportMessage
                + "). Sync will try again; nothing was lost.";
            return e;
        case HttpResponse::Transport::Resolve:
            e.message = "The server name could not be found (" + r.transportMessage
                + "). Check the Internet connection or the server address.";
            return e;
        default:
            e.message = "The server could not be reached (" + r.transportMessage
                + "). Sync will try again when the connection is back; nothing was lost.";
            return e;
        }
    }

    SyncError httpError(const HttpResponse &r, const json &body) const
    {
        SyncError e;
        e.serverCode = body.is_object() ? body.value("code", std::string()) : std::string();
        const std::string serverMessage
            = body.is_object() ? body.value("message", std::string()) : std::string();
        const std::string said = serverMessage.empty() ? "" : " The server said: " + serverMessage;
        if (body.is_object()) {
            e.kind = body.value("kind", std::string());
            e.id = body.value("id", std::string());
            e.reason = body.value("reason", std::string());
        }
        if (r.status == 429 || r.status >= 500) {
            e.code = ErrorCode::ServerBusy;
            e.retryable = true;
            e.message = "The server is busy or failing (HTTP " + std::to_string(r.status)
                + "). Sync will try again later; nothing was lost." + said;
        } else if (r.status == 401 && e.serverCode == "device_revoked") {
            e.code = ErrorCode::DeviceRevoked;
            e.message = "This device was reported lost and has been disconnected; its local data "
                        "was erased. Contact IT to sign in again.";
        } else if (r.status == 401 && e.serverCode == "invalid_credentials") {
            e.code = ErrorCode::InvalidCredentials;
            e.message = "Wrong user name or password.";
        } else if (r.status == 401) {
            e.code = ErrorCode::SignInRequired;
            e.message = "Your session has ended. Sign in again to sync; nothing on this device "
                        "is lost.";
        } else if (r.status == 426) {
            const std::int64_t minP = body.is_object() ? body.value("min_protocol", 0) : 0;
            if (kProtocolVersion < minP) {
                e.code = ErrorCode::ClientTooOld;
                e.message = "The server needs a newer version of this app. Update the app, then "
                            "sync; nothing on this device is lost.";
            } else {
                e.code = ErrorCode::ServerTooOld;
                e.message = "The server is older than this app. Ask IT to update the server; "
                            "your notes stay on this device meanwhile.";
            }
        } else if (r.status == 400 && e.serverCode == "clock_skew") {
            e.code = ErrorCode::ClockSkew;
            e.message = "The date and time of this device are wrong (more than a day ahead). Set "
                        "them correctly, then sync again.";
        } else if (r.status == 403) {
            e.code = ErrorCode::Forbidden;
            e.message = "A change is outside the missions you belong to, so the server refused "
                        "it. It stays on this device; ask the mission leader to add you."
                + said;
        } else if (r.status == 400 || r.status == 413 || r.status == 422) {
            e.code = ErrorCode::Rejected;
            e.message = "The server refused a record as invalid. It stays on this device; correct "
                        "it and sync again."
                + said;
        } else if (r.status == 404) {
            e.code = ErrorCode::Config;
            e.message = "The server address does not point to an Attaché server (HTTP 404). Check "
                        "the address in the settings.";
        } else {
            e.code = ErrorCode::Protocol;
            e.message = "The server answered HTTP " + std::to_string(r.status) + "." + said;
        }
        return e;
    }

    /// One request with retries on the backoff schedule for transient failures.
    Call call(const std::string &method, const std::string &path, const std::string &body,
        const std::string &token, const std::vector<std::string> &headers = {}, bool raw = false,
        bool retry429 = true, HttpClient *client = nullptr)
    {
        HttpClient &h = client ? *client : *http;
        Call out;
        const int attempts = std::max(1, config.retry.maxAttempts);
        for (int attempt = 0; attempt < attempts; ++attempt) {
            if (cancelled.load()) {
                out.error = cancelledError();
                return out;
            }
            HttpResponse r = h.request(method, path, body, token, headers, raw);
            if (raw) { // attachments: one request at a time
                lastRaw = r.status >= 200 && r.status < 300 ? r.body : std::string();
                lastContentRange
                    = r.headers.count("content-range") ? r.headers["content-range"] : "";
            }
            if (summary) {
                // A pull page may be fetched on another thread while emitProgress() reads these.
                std::lock_guard lock(countersMutex);
                ++summary->requests;
                summary->bytesSent += r.bytesSent;
                summary->bytesReceived += r.bytesReceived;
                summary->jsonBytesSent += r.jsonBytesSent;
                summary->jsonBytesReceived += std::int64_t(r.body.size());
            }
            if (r.transport == HttpResponse::Transport::Aborted || cancelled.load()) {
                out.error = cancelledError();
                return out;
            }
            out.status = r.status;
            if (r.transport != HttpResponse::Transport::Ok) {
                out.error = transportError(r);
            } else {
                json parsed = r.body.empty() ? json(nullptr) : json::parse(r.body, nullptr, false);
                if (r.status >= 200 && r.status < 300 && raw && method == "GET") {
                    out.error = SyncError {}; // binary answer: in lastRaw
                    return out;
                }
                if (r.status >= 200 && r.status < 300) {
                    if (parsed.is_discarded() || (parsed.is_null() && r.status != 204)) {
                        // A 200 with a cut-off body: the link broke mid-answer.
                        out.error = SyncError {ErrorCode::Network, {},
                            "The answer from the server was cut off. Sync will try again.", true,
                            {}, {}, {}};
                    } else {
                        out.body = std::move(parsed);
                        out.error = SyncError {};
                        return out;
                    }
                } else {
                    out.error = httpError(r, parsed.is_discarded() ? json(nullptr) : parsed);
                    out.body = parsed.is_discarded() ? json(nullptr) : parsed;
                    if (r.status == 429 && !retry429)
                        out.error.retryable = false;
                }
            }
            if (!out.error.retryable || attempt + 1 >= attempts)
                break;
            const milliseconds wait = config.retry.delay(attempt, random01(), r.retryAfter);
            log(LogLevel::Info, kCategory,
                "retrying " + method + " " + path.substr(0, path.find('?')) + " in "
                    + std::to_string(wait.count()) + " ms: " + out.error.message);
            if (!sleepFor(wait)) {
                out.error = cancelledError();
                return out;
            }
        }
        return out;
    }

    std::string loadToken(SyncError &error)
    {
        auto t = tokens->load();
        if (!t) {
            error = SyncError {
                ErrorCode::SignInRequired, t.error().code, t.error().message, false, {}, {}, {}};
            return {};
        }
        if (!*t) {
            error = SyncError {ErrorCode::SignInRequired, {},
                "This device is not signed in. Sign in to sync; nothing on this device is lost.",
                false, {}, {}, {}};
            return {};
        }
        return **t;
    }

    /// After a fatal answer: act on what the server asked (wipe on revocation).
    void onFatal(const SyncError &e)
    {
        if (e.code == ErrorCode::DeviceRevoked) {
            if (auto w = store->wipe(); !w)
                report(storeError(w.error()));
            (void)tokens->clear();
        } else if (e.code == ErrorCode::SignInRequired) {
            (void)tokens->clear();
        }
    }

    /// A push request's outcome, its answer decoded on the thread that sent it.
    struct Pushed
    {
        Call call;
        std::optional<Result<PushAnswer>> answer; ///< set when the call succeeded
    };

    Pushed sendPush(const std::string &body, const std::string &token, HttpClient *client = nullptr)
    {
        Pushed out {
            call("POST", "/api/v1/push", body, token, {}, false, true, client), std::nullopt};
        if (out.call.error.code == ErrorCode::None) {
            out.answer = decodePush(out.call.body);
            out.call.body = nullptr;
        }
        return out;
    }

    /// Pushes one slice; splits it to isolate records the server refuses, so one bad record
    /// never blocks the others. Returns false on an error that ends the sync.
    bool pushSlice(
        const std::vector<PendingRecord> &slice, const std::string &token, bool reports = false)
    {
        if (slice.empty())
            return true;
        return settlePush(slice, sendPush(encodePush(randomHex(12), slice), token), token, reports);
    }

    /// What the device does with a push's outcome: stores the acknowledgements, or splits the
    /// slice to isolate a refused record, or ends the sync. Nothing else may be on the HTTP
    /// client when this runs (it may send the halves of the slice).
    bool settlePush(const std::vector<PendingRecord> &slice, Pushed pushed,
        const std::string &token, bool reports)
    {
        Call &c = pushed.call;
        if (c.error.code == ErrorCode::None) {
            auto &answer = *pushed.answer;
            if (!answer) {
                report(SyncError {ErrorCode::Protocol, answer.error().code, answer.error().message,
                    false, {}, {}, {}});
                return false;
            }
            auto added = store->acknowledgePush(
                slice, answer->acknowledged, answer->conflicts, answer->changedOnly);
            if (!added) {
                report(storeError(added.error()));
                return false;
            }
            noteOwnRange(answer->seqFrom, answer->cursor);
            summary->conflicts += *added;
            summary->pushed += std::int64_t(slice.size());
            progress.done += std::int64_t(slice.size());
            emitProgress();
            return true;
        }
        const bool perRecord
            = c.error.code == ErrorCode::Forbidden || (c.error.code == ErrorCode::Rejected);
        if (perRecord && slice.size() > 1) {
            const auto mid = slice.begin() + std::ptrdiff_t(slice.size() / 2);
            return pushSlice({slice.begin(), mid}, token, reports)
                && pushSlice({mid, slice.end()}, token, reports);
        }
        if (perRecord && reports) {
            // A lost edit the server will not take (the record left our scope): the conflict
            // stays on this device, where the person still sees both values.
            if (auto k = store->keepConflictReportLocal(slice.front()); !k) {
                report(storeError(k.error()));
                return false;
            }
            progress.done += 1;
            return true;
        }
        if (c.error.code == ErrorCode::Forbidden && c.error.reason == "out_of_scope") {
            // The record is outside the user's missions now: it would be refused at every
            // sync. See settleRefused().
            refused.push_back({slice.front().kind, slice.front().id});
            progress.done += 1;
            return true;
        }
        if (perRecord) {
            c.error.kind = std::string(slice.front().kind->name);
            c.error.id = slice.front().id;
            report(c.error);
            progress.done += 1;
            return true; // the record stays pending; the others go on
        }
        onFatal(c.error);
        report(c.error);
        return false;
    }

    /// After the pull: the records the server refused as out of scope that are still here (no
    /// drop notice took them) leave the device, their unpushed edits set aside where the person
    /// sees and can copy them. Without a notice this is a role change that the resync applied.
    bool settleRefused()
    {
        if (refused.empty())
            return true;
        auto dropped = store->dropRecords(refused, "refused_out_of_scope");
        refused.clear();
        if (!dropped) {
            report(storeError(dropped.error()));
            return false;
        }
        summary->dropped += dropped->records;
        summary->droppedEdits += dropped->setAside;
        return true;
    }

    /// Pushes slices with the device and the server working at the same time: up to `depth`
    /// requests are in flight (each on its own connection, encoded on its sending thread), so
    /// that the server reads batch n + 1 while it writes batch n, and the device reads the next
    /// slice and stores the acknowledgements of the oldest answer meanwhile. The slices hold
    /// different records, so the order their answers are stored in does not matter; each is
    /// stored (one transaction) only once its answer is in. A failed request is settled (split
    /// to isolate a refused record, or the sync ended) only once nothing else is in flight:
    /// settling may send requests itself. `nextSlice` gives the slices in order, an empty one at
    /// the end.
    bool pushPipelined(const std::function<Result<std::vector<PendingRecord>>()> &nextSlice,
        const std::string &token, bool reports, std::size_t depth)
    {
        using Slice = std::shared_ptr<const std::vector<PendingRecord>>;
        struct Flight
        {
            Slice slice;
            HttpClient *client;
            std::future<Pushed> answer;
        };
        std::deque<Flight> flights;
        if (depth > 1 && !http2)
            http2 = http->sibling();
        bool more = true, readFailed = false;
        // Sends slices until `depth` are in flight or none remain.
        auto fill = [&] {
            while (more && flights.size() < std::max<std::size_t>(1, depth)) {
                auto read = nextSlice();
                if (!read) {
                    report(storeError(read.error()));
                    more = false;
                    readFailed = true;
                    return;
                }
                if (read->empty()) {
                    more = false;
                    return;
                }
                HttpClient *client = http.get();
                if (!flights.empty() && flights.front().client == client)
                    client = http2.get();
                Slice slice = std::make_shared<const std::vector<PendingRecord>>(std::move(*read));
                auto answer = std::async(
                    std::launch::async, [this, &token, slice, client, batchId = randomHex(12)] {
                        return sendPush(encodePush(batchId, *slice), token, client);
                    });
                flights.push_back({std::move(slice), client, std::move(answer)});
            }
        };
        auto succeeded
            = [](const Pushed &p) { return p.call.error.code == ErrorCode::None && *p.answer; };
        fill();
        while (!flights.empty()) {
            Flight oldest = std::move(flights.front());
            flights.pop_front();
            Pushed pushed = oldest.answer.get();
            if (succeeded(pushed)) {
                fill(); // the next request leaves before this answer is stored
                if (!settlePush(*oldest.slice, std::move(pushed), token, reports)) {
                    // Ending the sync: what was taken is still stored, so that its records
                    // are not pushed again.
                    for (auto &f : flights) {
                        Pushed last = f.answer.get();
                        if (succeeded(last))
                            (void)settlePush(*f.slice, std::move(last), token, reports);
                    }
                    return false;
                }
                continue;
            }
            // Nothing else may be on the wire while a failure is settled: the others' answers
            // are stored first (or settled one at a time if they failed too).
            std::vector<std::pair<Slice, Pushed>> failed;
            failed.emplace_back(std::move(oldest.slice), std::move(pushed));
            bool ok = true;
            for (auto &f : flights) {
                Pushed other = f.answer.get();
                if (succeeded(other))
                    ok = settlePush(*f.slice, std::move(other), token, reports) && ok;
                else
                    failed.emplace_back(std::move(f.slice), std::move(other));
            }
            flights.clear();
            for (auto &[slice, outcome] : failed)
                ok = ok && settlePush(*slice, std::move(outcome), token, reports);
            if (!ok)
                return false;
            fill();
        }
        return !readFailed;
    }

    bool pushAll(const std::string &token)
    {
        // Reports of lost edits first, in batches of their own: a batch then never holds a
        // lost edit and a newer pending edit of the same field. Then the pending edits, read a
        // batch at a time while the previous one is on its way, so that the first request
        // leaves at once however many are pending.
        auto reports = store->conflictReports();
        if (!reports) {
            report(storeError(reports.error()));
            return false;
        }
        auto total = store->pendingCount(); // the reports included
        if (!total) {
            report(storeError(total.error()));
            return false;
        }
        if (*total == 0)
            return true;
        progress = Progress {Phase::Pushing, 0, *total, 0, 0};
        emitProgress();
        const size_t batch = size_t(std::max(1, config.pushBatchSize));
        std::size_t reportsSent = 0;
        auto nextReports = [&]() -> Result<std::vector<PendingRecord>> {
            const auto from = reports->begin() + std::ptrdiff_t(reportsSent);
            reportsSent = std::min(reports->size(), reportsSent + batch);
            return std::vector<PendingRecord>(from, reports->begin() + std::ptrdiff_t(reportsSent));
        };
        // Reports one request at a time (a few, rarely); edits two at a time.
        if (!reports->empty() && !pushPipelined(nextReports, token, true, 1))
            return false;
        Store::PendingCursor cursor;
        return pushPipelined([&] { return store->pendingChanges(int(batch), cursor); }, token,
            false, std::size_t(std::clamp(config.pushesInFlight, 1, 2)));
    }

    std::string blobPath(const std::string &sha) const { return blobDir + "/" + sha; }

    /// Uploads the bytes of every attachment record this device has the file for and the
    /// server does not have complete yet. Returns false on an error that ends the sync.
    bool uploadAttachments(const std::string &token)
    {
        auto list = store->list("attachment");
        if (!list) {
            report(storeError(list.error()));
            return false;
        }
        std::vector<std::string> todo;
        for (const auto &r : *list) {
            const std::string sha = r.text("sha256");
            if (!isSha256(sha) || !std::filesystem::exists(blobPath(sha)))
                continue;
            auto done = store->syncValue("uploaded." + sha);
            if (done && *done)
                continue;
            if (std::find(todo.begin(), todo.end(), sha) == todo.end())
                todo.push_back(sha);
        }
        if (todo.empty())
            return true;
        progress = Progress {Phase::Attachments, 0, std::int64_t(todo.size()), 0, 0};
        emitProgress();
        for (const auto &sha : todo) {
            if (!uploadOne(sha, token))
                return false;
            ++progress.done;
            emitProgress();
        }
        return true;
    }

    bool uploadOne(const std::string &sha, const std::string &token)
    {
        const std::string path = blobPath(sha);
        std::error_code ec;
        const auto size = std::int64_t(std::filesystem::file_size(path, ec));
        if (ec)
            return true; // the file went away meanwhile: nothing to send
        Call st = call("GET", "/api/v1/attachments/" + sha + "/status", {}, token);
        std::int64_t received = 0;
        if (st.error.code == ErrorCode::None) {
            if (st.body.value("complete", false))
                return markUploaded(sha);
            received = st.body.value("received", std::int64_t(0));
        } else if (st.status != 404) {
            onFatal(st.error);
            report(st.error);
            return false;
        }
        std::ifstream in(path, std::ios::binary);
        std::string chunk;
        while (received < size) {
            const std::int64_t n = std::min(kChunkBytes, size - received);
            chunk.resize(size_t(n));
            in.clear();
            in.seekg(received);
            if (!in.read(chunk.data(), n)) {
                report(SyncError {ErrorCode::LocalStore, {},
                    "The attachment file " + path + " cannot be read.", false, {}, {}, {}});
                return true; // the others can still go
            }
            Call put = call("PUT",
                "/api/v1/attachments/" + sha + "?offset=" + std::to_string(received)
                    + "&size=" + std::to_string(size),
                chunk, token, {}, true);
            if (put.error.code == ErrorCode::None) {
                if (put.body.value("complete", false))
                    return markUploaded(sha);
                received = put.body.value("received", received + n);
            } else if (put.status == 409 && put.body.is_object() && put.body.contains("received")) {
                received = put.body.value("received", std::int64_t(0)); // resume where it is
            } else if (put.status == 422) {
                report(SyncError {ErrorCode::Rejected, put.error.serverCode,
                    "An attachment did not match its checksum on the server and was dropped; it "
                    "stays on this device and will be sent again.",
                    true, "attachment", sha, {}});
                return true;
            } else {
                onFatal(put.error);
                report(put.error);
                return false;
            }
        }
        return markUploaded(sha);
    }

    bool markUploaded(const std::string &sha)
    {
        if (auto r = store->setSyncValue("uploaded." + sha, "1"); !r) {
            report(storeError(r.error()));
            return false;
        }
        return true;
    }

    bool pullAll(const std::string &token, bool &resyncRequested)
    {
        auto cursorText = store->syncValue("cursor");
        if (!cursorText) {
            report(storeError(cursorText.error()));
            return false;
        }
        std::int64_t cursor = *cursorText ? std::atoll((*cursorText)->c_str()) : 0;
        progress = Progress {Phase::Pulling, 0, 0, 0, 0};
        // A page fetched and decoded (off the thread that applies pages, see below).
        struct Page
        {
            Call call;
            std::optional<Result<PullAnswer>> answer; ///< set when the call succeeded
        };
        auto fetch = [this, &token](std::int64_t from) {
            Page page {call("GET",
                           "/api/v1/pull?cursor=" + std::to_string(from)
                               + "&limit=" + std::to_string(config.pullLimit) + ownParameter(),
                           {}, token),
                std::nullopt};
            if (page.call.error.code == ErrorCode::None) {
                page.answer = decodePull(page.call.body);
                page.call.body = nullptr;
            }
            return page;
        };
        // The next page is fetched (server work, transfer, parsing, decoding) while this one is
        // applied, so that the server and the device do not take turns. One request at a time
        // is on the HTTP client; the page is used only once the one before it is stored.
        std::future<Page> prefetched;
        // The page applied before this one: freed (thousands of json values) on the fetching
        // thread, not on the one applying pages.
        std::vector<Store::RemoteChange> spent;
        Page page = fetch(cursor);
        for (;;) {
            const Call &c = page.call;
            if (c.error.code != ErrorCode::None) {
                if (c.status == 409 && c.error.serverCode == "resync_required") {
                    resyncRequested = true;
                    return true;
                }
                onFatal(c.error);
                report(c.error);
                return false;
            }
            auto &answer = *page.answer;
            if (!answer) {
                report(SyncError {ErrorCode::Protocol, answer.error().code, answer.error().message,
                    false, {}, {}, {}});
                return false;
            }
            if (answer->resync) {
                resyncRequested = true;
                return true;
            }
            const bool more = answer->remaining > 0 && answer->cursor != cursor;
            if (more) {
                prefetched = std::async(std::launch::async,
                    [&fetch, next = answer->cursor, old = std::move(spent)]() mutable {
                        {
                            const auto drop = std::move(old);
                        }
                        return fetch(next);
                    });
                spent.clear();
            }
            if (!answer->dropMissions.empty()) {
                auto dropped = store->dropMissions(answer->dropMissions);
                if (!dropped) {
                    report(storeError(dropped.error()));
                    return false;
                }
                summary->dropped += dropped->records;
                summary->droppedEdits += dropped->setAside;
            }
            if (!answer->dropRecords.empty()) {
                auto dropped = store->dropRecords(answer->dropRecords);
                if (!dropped) {
                    report(storeError(dropped.error()));
                    return false;
                }
                summary->dropped += dropped->records;
                summary->droppedEdits += dropped->setAside;
            }
            // The page and its cursor are one transaction (one commit, one fsync): the cursor is
            // never on disk without the page's records, and a crash before the commit pulls the
            // page again, which the merge makes harmless (same stamps are no change).
            auto tx = Transaction::begin(store->database());
            if (!tx) {
                report(storeError(tx.error()));
                return false;
            }
            // Conflicts first: a provisional one that the changes settle then finds the
            // server's version to hand a person's choice over to.
            auto added = store->recordConflicts(answer->conflicts);
            if (!added) {
                report(storeError(added.error()));
                return false;
            }
            auto applied = store->applyRemote(answer->changes);
            if (!applied) {
                report(storeError(applied.error()));
                return false;
            }
            if (answer->cursor != cursor) {
                if (auto s = store->setSyncValue("cursor", std::to_string(answer->cursor)); !s) {
                    report(storeError(s.error()));
                    return false;
                }
            }
            if (auto committed = tx->commit(); !committed) {
                report(storeError(committed.error()));
                return false;
            }
            summary->conflicts += applied->conflicts + *added;
            summary->pulled += std::int64_t(answer->changes.size());
            progress.done += std::int64_t(answer->changes.size());
            progress.total = progress.done + answer->remaining;
            emitProgress();
            if (!more)
                return true;
            cursor = answer->cursor;
            spent = std::move(answer->changes);
            page = prefetched.get();
        }
    }
};

SyncEngine::SyncEngine(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{ }

SyncEngine::~SyncEngine() = default;

Result<std::unique_ptr<SyncEngine>> SyncEngine::open(const std::string &dbPath, SyncConfig config)
{
    return open(dbPath, std::move(config), RetryHooks {});
}

Result<std::unique_ptr<SyncEngine>> SyncEngine::open(
    const std::string &dbPath, SyncConfig config, RetryHooks hooks)
{
    if (config.serverUrl.rfind("http://", 0) != 0 && config.serverUrl.rfind("https://", 0) != 0)
        return makeError("config",
            "The server address must start with https:// (for example "
            "https://attache.example.gov.vn).");
    auto store = Store::open(dbPath);
    if (!store)
        return store.error();
    auto impl = std::make_unique<Impl>();
    impl->dbPath = dbPath;
    impl->config = std::move(config);
    impl->hooks = std::move(hooks);
    impl->store = std::move(*store);
    impl->tokens = makeTokenStore(
        dbPath, impl->config.tokenPath.empty() ? dbPath + ".token" : impl->config.tokenPath);
    impl->http = std::make_unique<HttpClient>(impl->config, &impl->cancelled);
    impl->blobDir
        = impl->config.attachmentDir.empty() ? dbPath + ".files" : impl->config.attachmentDir;
    if (sodium_init() < 0)
        return makeError("config", "libsodium could not be initialised.");
    return std::unique_ptr<SyncEngine>(new SyncEngine(std::move(impl)));
}

Store &SyncEngine::store()
{
    return *d->store;
}

void SyncEngine::cancel()
{
    {
        std::lock_guard lock(d->mutex);
        d->cancelled.store(true);
    }
    d->wake.notify_all();
}

void SyncEngine::resetCancel()
{
    d->cancelled.store(false);
}

Result<LoginResult> SyncEngine::login(
    const std::string &username, const std::string &password, SyncError *failure)
{
    resetCancel();
    const json body
        = {{"username", username}, {"password", password}, {"device_id", d->store->deviceId()},
            {"device_name", d->config.deviceName.empty() ? "Attaché" : d->config.deviceName}};
    Impl::Call c = d->call("POST", "/api/v1/login", body.dump(), {}, {}, false, false);
    if (c.error.code != ErrorCode::None) {
        if (c.error.code == ErrorCode::DeviceRevoked)
            d->onFatal(c.error); // the server's order stands at sign-in too: wipe
        if (failure)
            *failure = c.error;
        return makeError(errorCodeName(c.error.code), c.error.message);
    }
    const json &u = c.body.value("user", json::object());
    const std::string token = c.body.value("token", std::string());
    if (token.empty() || !u.is_object())
        return makeError("protocol", "The server's answer to sign-in has no token.");
    LoginResult out;
    out.deviceId = c.body.value("device_id", d->store->deviceId());
    out.user.id = u.value("id", std::string());
    out.user.username = u.value("username", std::string());
    out.user.fullName = u.value("full_name", std::string());
    out.user.role = u.value("role", std::string());
    out.user.organisationId = u.value("organisation_id", std::string());
    if (auto s = d->tokens->save(token); !s)
        return s.error();
    if (auto s = d->store->setCurrentUser(out.user.id); !s)
        return s.error();
    if (auto s = d->store->setSyncValue("user", u.dump()); !s)
        return s.error();
    log(LogLevel::Info, kCategory, "signed in as " + out.user.username);
    return out;
}

Result<void> SyncEngine::logout()
{
    SyncError e;
    const std::string token = d->loadToken(e);
    if (!token.empty()) {
        // Best effort and quick: the local token goes either way.
        const int attempts = d->config.retry.maxAttempts;
        d->config.retry.maxAttempts = std::min(attempts, 2);
        (void)d->call("POST", "/api/v1/logout", "{}", token);
        d->config.retry.maxAttempts = attempts;
    }
    if (auto c = d->tokens->clear(); !c)
        return c.error();
    return d->store->setSyncValue("user", "");
}

SyncSummary SyncEngine::sync(const SyncCallbacks &callbacks)
{
    resetCancel();
    SyncSummary summary;
    d->summary = &summary;
    d->callbacks = &callbacks;
    d->progress = Progress {};
    d->refused.clear();
    d->ownRanges.clear();
    d->emitProgress();

    auto finish = [&](bool ok) {
        summary.ok = ok && summary.errors.empty();
        summary.cancelled = !summary.errors.empty()
            && std::any_of(summary.errors.begin(), summary.errors.end(),
                [](const SyncError &e) { return e.code == ErrorCode::Cancelled; });
        if (auto p = d->store->pendingCount())
            summary.pendingAfter = *p;
        const bool transient = std::any_of(summary.errors.begin(), summary.errors.end(),
            [](const SyncError &e) { return e.retryable; });
        auto failures = d->store->syncValue("failures");
        int n = failures && *failures ? std::atoi((*failures)->c_str()) : 0;
        if (summary.ok) {
            n = 0;
            (void)d->store->setSyncValue("last_success", std::to_string(wallMs()));
        } else if (transient) {
            // Keep trying on the schedule even when nothing new is written locally. Errors that
            // need a person (sign in, update, refused record) wait for them instead.
            ++n;
            summary.retryAfter = nextSyncDelay(n, d->random01());
        }
        if (!summary.cancelled)
            (void)d->store->setSyncValue("failures", std::to_string(n));
        d->progress.phase = Phase::Done;
        d->emitProgress();
        log(LogLevel::Info, kCategory,
            "sync " + std::string(summary.ok ? "done" : "incomplete") + ": pushed "
                + std::to_string(summary.pushed) + ", pulled " + std::to_string(summary.pulled)
                + ", conflicts " + std::to_string(summary.conflicts) + ", requests "
                + std::to_string(summary.requests));
        if (callbacks.finished)
            callbacks.finished(summary);
        d->summary = nullptr;
        d->callbacks = nullptr;
        return summary;
    };

    SyncError tokenError;
    const std::string token = d->loadToken(tokenError);
    if (token.empty()) {
        d->report(tokenError);
        return finish(false);
    }
    if (!d->pushAll(token))
        return finish(false);
    if (!d->uploadAttachments(token))
        return finish(false);
    bool resync = false;
    if (!d->pullAll(token, resync))
        return finish(false);
    if (resync) {
        log(LogLevel::Warning, kCategory, "the server asked for a resync");
        d->progress = Progress {Phase::Resync, 0, 0, 0, 0};
        d->emitProgress();
        d->ownRanges.clear(); // the store is rebuilt from the server: all of it comes back
        if (auto r = d->store->prepareResync(); !r) {
            d->report(Impl::storeError(r.error()));
            return finish(false);
        }
        summary.resynced = true;
        bool again = false;
        if (!d->pullAll(token, again))
            return finish(false);
        if (again) {
            d->report(SyncError {ErrorCode::Protocol, "resync_required",
                "The server asked for a resync twice in a row. Try again later or contact IT.",
                true, {}, {}, {}});
            return finish(false);
        }
        if (!d->pushAll(token))
            return finish(false);
        // A record refused before the resync (e.g. the server had lost it and got only the
        // changed fields) went up whole afterwards: its earlier error no longer applies.
        if (auto pending = d->store->pendingChanges(INT_MAX)) {
            std::erase_if(summary.errors, [&](const SyncError &e) {
                if (e.code != ErrorCode::Rejected && e.code != ErrorCode::Forbidden)
                    return false;
                return std::none_of(pending->begin(), pending->end(),
                    [&](const PendingRecord &p) { return p.id == e.id; });
            });
        }
    }
    if (!d->settleRefused())
        return finish(false);
    return finish(true);
}

Result<AttachmentFile> SyncEngine::importAttachment(const std::string &sourcePath)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(d->blobDir, ec);
    if (ec)
        return makeError("attachment_dir",
            "The attachment folder " + d->blobDir + " cannot be created (" + ec.message() + ").");
    // Copied first, hashed from the copy: what is uploaded is exactly what was hashed.
    const std::string tmp = d->blobDir + "/import-" + randomHex(8) + ".tmp";
    fs::copy_file(sourcePath, tmp, fs::copy_options::overwrite_existing, ec);
    if (ec)
        return makeError("attachment_unreadable",
            "The file " + sourcePath + " cannot be read (" + ec.message() + ").");
    AttachmentFile f;
    f.sha256 = sha256OfFile(tmp, f.size);
    if (f.sha256.empty()) {
        fs::remove(tmp, ec);
        return makeError("attachment_unreadable", "The file " + sourcePath + " cannot be read.");
    }
    if (f.size > 50LL * 1024 * 1024) {
        fs::remove(tmp, ec);
        return makeError("too_large", "Attachments are limited to 50 MiB.");
    }
    f.path = d->blobPath(f.sha256);
    fs::rename(tmp, f.path, ec);
    if (ec)
        return makeError("attachment_dir", "The attachment cannot be stored: " + ec.message());
    return f;
}

Result<AttachmentFile> SyncEngine::fetchAttachment(const std::string &sha)
{
    namespace fs = std::filesystem;
    if (!isSha256(sha))
        return makeError("invalid_value", "An attachment is named by its SHA-256 in hex.");
    AttachmentFile f;
    f.sha256 = sha;
    f.path = d->blobPath(sha);
    std::error_code ec;
    if (fs::exists(f.path)) {
        f.size = std::int64_t(fs::file_size(f.path, ec));
        return f;
    }
    resetCancel();
    SyncError tokenError;
    const std::string token = d->loadToken(tokenError);
    if (token.empty())
        return makeError(errorCodeName(tokenError.code), tokenError.message);
    fs::create_directories(d->blobDir, ec);
    const std::string part = f.path + ".part";
    for (int round = 0; round < 10000; ++round) {
        const std::int64_t have = fs::exists(part) ? std::int64_t(fs::file_size(part, ec)) : 0;
        const std::string range
            = "Range: bytes=" + std::to_string(have) + "-" + std::to_string(have + kChunkBytes - 1);
        Impl::Call c = d->call("GET", "/api/v1/attachments/" + sha, {}, token, {range}, true);
        if (c.status == 416)
            break; // nothing past what we have: complete
        if (c.error.code != ErrorCode::None) {
            d->onFatal(c.error);
            return makeError(errorCodeName(c.error.code), c.error.message);
        }
        // A range answer: 206, or (cpp-httplib) 200 with a Content-Range header.
        const bool partial = c.status == 206 || !d->lastContentRange.empty();
        std::ofstream out(
            part, partial ? std::ios::binary | std::ios::app : std::ios::binary | std::ios::trunc);
        out.write(d->lastRaw.data(), std::streamsize(d->lastRaw.size()));
        out.close();
        if (!out)
            return makeError("attachment_dir", "The attachment cannot be written to " + part + ".");
        if (!partial || std::int64_t(d->lastRaw.size()) < kChunkBytes)
            break;
    }
    std::int64_t size = 0;
    const std::string got = sha256OfFile(part, size);
    if (got != sha) {
        fs::remove(part, ec);
        return makeError("hash_mismatch",
            "The downloaded attachment did not match its checksum and was discarded. Try "
            "again.");
    }
    fs::rename(part, f.path, ec);
    if (ec)
        return makeError("attachment_dir", "The attachment cannot be stored: " + ec.message());
    f.size = size;
    return f;
}

Result<SyncStatus> SyncEngine::status()
{
    SyncStatus s;
    s.deviceId = d->store->deviceId();
    auto token = d->tokens->load();
    s.signedIn = token && *token;
    if (auto u = d->store->syncValue("user"); u && *u && !(*u)->empty()) {
        const json j = json::parse(**u, nullptr, false);
        if (j.is_object()) {
            s.user.id = j.value("id", std::string());
            s.user.username = j.value("username", std::string());
            s.user.fullName = j.value("full_name", std::string());
            s.user.role = j.value("role", std::string());
            s.user.organisationId = j.value("organisation_id", std::string());
        }
    }
    if (auto c = d->store->syncValue("cursor"); c && *c)
        s.cursor = std::atoll((*c)->c_str());
    if (auto l = d->store->syncValue("last_success"); l && *l)
        s.lastSuccessMs = std::atoll((*l)->c_str());
    if (auto f = d->store->syncValue("failures"); f && *f)
        s.consecutiveFailures = std::atoi((*f)->c_str());
    auto pending = d->store->pendingCount();
    if (!pending)
        return pending.error();
    s.pending = *pending;
    auto conflicts = d->store->openConflictCount();
    if (!conflicts)
        return conflicts.error();
    s.openConflicts = *conflicts;
    return s;
}

} // namespace attache::sync
