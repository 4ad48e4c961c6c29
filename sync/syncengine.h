#pragma once

// The public API of the sync engine: what the Qt app (and the attache-sync CLI) call.
// Qt-free and QObject-free: the app wraps SyncEngine in a QObject on a worker thread and turns
// the callbacks below into signals. Protocol: docs/sync-protocol.md.

#include "result.h"
#include "retry.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace attache {
class Store;
}

namespace attache::sync {

class HttpClient;
class TokenStore;

/// Stable error codes of the engine. The app switches on these (never on message text) to
/// decide what to show and whether to offer "Sign in", "Update the app" or nothing at all.
enum class ErrorCode {
    None,
    Cancelled, ///< cancel() was called; the store is consistent, the next sync resumes
    Network, ///< refused, reset, DNS, timeout, stalled connection: retried on the backoff schedule
    ServerBusy, ///< 5xx or 429: retried on the backoff schedule (honouring Retry-After)
    TlsCertificate, ///< certificate invalid, expired, wrong host, or not the pinned key
    InvalidCredentials, ///< wrong user name or password (login only)
    SignInRequired, ///< no token, token expired or logged out: sign in again
    DeviceRevoked, ///< reported lost by an admin: the engine has wiped the local data
    ClientTooOld, ///< the server needs a newer app: update the app
    ServerTooOld, ///< the server is older than this app: ask IT to update it
    ClockSkew, ///< the device clock is more than 24 h ahead: fix the date and time
    Forbidden, ///< a change is outside the user's missions; it stays pending, others went
    Rejected, ///< the server refused a record as invalid; it stays pending, others went
    Protocol, ///< the server answered something this client does not understand
    LocalStore, ///< the local database failed (disk full, read-only, corrupt)
    Config, ///< bad server URL or options
};

/// A stable name for each code ("network", "sign_in_required"…), for logs and the CLI.
const char *errorCodeName(ErrorCode code);

struct SyncError
{
    ErrorCode code = ErrorCode::None;
    std::string serverCode; ///< the protocol's "code" when the server sent one
    std::string message; ///< a sentence a person can act on (English; the app translates by code)
    bool retryable = false; ///< true: the app should try again after SyncSummary::retryAfter
    std::string kind, id; ///< the record concerned, when there is one
    /// A refusal's reason when the server gave one (403: "out_of_scope" or "not_allowed").
    std::string reason;
};

enum class Phase { Connecting, Pushing, Pulling, Resync, Attachments, Done };
const char *phaseName(Phase phase);

/// Progress of a running sync, reported often (at least once per request).
struct Progress
{
    Phase phase = Phase::Connecting;
    std::int64_t done = 0; ///< records pushed or pulled so far in this phase
    std::int64_t total = 0; ///< records expected in this phase (0: unknown yet)
    std::int64_t bytesSent = 0; ///< bytes on the wire (compressed) since the sync started
    std::int64_t bytesReceived = 0;
};

/// What one sync() did. ok is true only when everything pending went up and the pull caught up.
struct SyncSummary
{
    bool ok = false;
    bool cancelled = false;
    std::int64_t pushed = 0; ///< records acknowledged by the server
    std::int64_t pulled = 0; ///< records received and applied
    std::int64_t conflicts = 0; ///< new conflicts stored locally (from push answers and pulls)
    std::int64_t dropped = 0; ///< records removed because the user left a mission
    std::int64_t droppedEdits = 0; ///< unpushed edits set aside by such a drop (see Store)
    std::int64_t pendingAfter = 0; ///< records still waiting for upload
    std::int64_t requests = 0; ///< HTTP requests made (retries included)
    std::int64_t bytesSent = 0, bytesReceived = 0; ///< on the wire (compressed, headers included)
    /// The same exchanges as uncompressed JSON bodies, to judge compression.
    std::int64_t jsonBytesSent = 0, jsonBytesReceived = 0;
    bool resynced = false; ///< the server asked for a resync and it was done
    std::vector<SyncError> errors;
    /// When !ok and the failure is transient: wait this long, then call sync() again, even if
    /// nothing new was written locally (exponential backoff with jitter across failed syncs,
    /// persisted in the store, so the upload queue never wedges). Zero after a success.
    std::chrono::milliseconds retryAfter {0};
};

/// An attachment's bytes kept on this device, content-addressed by SHA-256.
struct AttachmentFile
{
    std::string sha256; ///< lower-case hex: the "sha256" field of an attachment record
    std::int64_t size = 0;
    std::string path; ///< where the bytes are on this device
};

struct UserInfo
{
    std::string id, username, fullName, role, organisationId;
};

struct LoginResult
{
    UserInfo user;
    std::string deviceId;
};

/// Connection settings. Defaults suit a phone on hotel Wi-Fi: a dead or stalled link fails within
/// seconds, not minutes, and is retried with backoff.
struct SyncConfig
{
    std::string serverUrl; ///< "https://attache.example.gov.vn" (no trailing /api/v1)
    bool verifyTls = true; ///< never turn off outside tests
    std::string caFile; ///< extra CA bundle (PEM) for a department CA; empty: system store
    /// Pins the server's public key, as CURLOPT_PINNEDPUBLICKEY takes it:
    /// "sha256//<base64 of the SHA-256 of the DER public key>" (several joined by ';'), or a
    /// path to a PEM/DER public key file. A connection to any other key fails with
    /// ErrorCode::TlsCertificate.
    std::string pinnedPublicKey;
    std::chrono::milliseconds connectTimeout {5000};
    /// A transfer slower than lowSpeedBytesPerSec for lowSpeedTime is abandoned (stalled link).
    long lowSpeedBytesPerSec = 64;
    std::chrono::seconds lowSpeedTime {8};
    /// Hard cap on one request, a safety net for links that trickle just above the low-speed limit.
    std::chrono::seconds requestTimeout {120};
    int pushBatchSize = 500; ///< records per push request (bodies stay well under 8 MiB)
    /// Push requests in flight at once (1 or 2), each on its own connection: with 2 the server
    /// reads one batch while it writes the previous one.
    int pushesInFlight = 2;
    int pullLimit = 2000; ///< records per pull request (the protocol's maximum)
    RetryPolicy retry; ///< retries within one sync() for transient failures
    std::string deviceName; ///< shown to admins ("Hạnh's phone")
    /// The sign-in token is kept in the session's keyring; where there is none (or with
    /// ATTACHE_TOKEN_STORE=file), in this private file; empty: "<database path>.token"
    /// (see KeyringTokenStore).
    std::string tokenPath;
    /// Attachment bytes, one file per SHA-256; empty: "<database path>.files".
    std::string attachmentDir;
};

/// Callbacks, all called on the thread running sync()/login(). Any may be empty.
struct SyncCallbacks
{
    std::function<void(const Progress &)> progress;
    /// Each error as it happens (the same errors also end up in SyncSummary::errors).
    std::function<void(const SyncError &)> error;
    std::function<void(const SyncSummary &)> finished;
};

/// What the app shows on its sync page without touching the network.
struct SyncStatus
{
    bool signedIn = false;
    UserInfo user;
    std::string deviceId;
    std::int64_t cursor = 0; ///< the server sequence number the device has caught up to
    std::int64_t pending = 0; ///< records waiting for upload
    std::int64_t openConflicts = 0;
    std::int64_t lastSuccessMs = 0; ///< Unix ms of the last successful sync, 0 if never
    int consecutiveFailures = 0;
};

/// Reconciles one device database with the server.
///
/// Owns its own Store connection on the database file (open by path), so it can run on a
/// worker thread while the UI thread uses another Store on the same file (SQLite WAL).
/// One SyncEngine is used from one thread at a time, except cancel(), which any thread may call
/// at any moment: the running request is aborted at once, every local write already made is a
/// complete transaction, and the next sync() resumes where this one stopped.
///
/// A sync is: push pending changes in batches (gzip, idempotent batch ids), store conflicts the
/// server reports, then pull the changes feed until `remaining` is 0, merging each field with
/// attache::mergeField so a local edit newer than the remote value survives and is still pushed.
/// A 409 resync_required keeps unsynced edits, rebuilds from the server, then pushes them.
/// A 401 device_revoked wipes the local database (the server's order) and the token.
class SyncEngine
{
public:
    /// Opens (and migrates) the database at `dbPath`.
    static Result<std::unique_ptr<SyncEngine>> open(const std::string &dbPath, SyncConfig config);
    /// For tests: inject the sleeper and random source of the retry schedule (no real sleeps).
    static Result<std::unique_ptr<SyncEngine>> open(
        const std::string &dbPath, SyncConfig config, RetryHooks hooks);
    ~SyncEngine();
    SyncEngine(const SyncEngine &) = delete;
    SyncEngine &operator=(const SyncEngine &) = delete;

    /// Signs in; keeps the token in the TokenStore and the user in the store's meta table.
    /// Later records are attributed to this user. Where sign-in fails on the server's answer or
    /// the connection, `failure` (if given) gets the whole SyncError, the server's code
    /// ("storage_full"…) included.
    Result<LoginResult> login(
        const std::string &username, const std::string &password, SyncError *failure = nullptr);
    /// Tells the server to forget the token (best effort) and deletes it locally. Local records
    /// and pending edits stay.
    Result<void> logout();

    /// Runs one full sync. Never throws; errors are in the summary.
    SyncSummary sync(const SyncCallbacks &callbacks = {});

    /// Copies a file into the device's attachment directory (content-addressed by SHA-256) and
    /// returns its hash and size for an "attachment" record. sync() uploads the bytes of every
    /// attachment record after the records themselves, resuming a broken upload from the last
    /// byte the server acknowledged.
    Result<AttachmentFile> importAttachment(const std::string &sourcePath);
    /// The bytes of an attachment on this device, downloading them first when missing (on
    /// demand: sync() never downloads attachments). A broken download resumes; the SHA-256 is
    /// verified before the file is used.
    Result<AttachmentFile> fetchAttachment(const std::string &sha256);

    /// Thread-safe; makes a running login()/sync() stop as soon as possible with Cancelled.
    void cancel();
    /// Clears a previous cancel() (sync() does this itself when it starts).
    void resetCancel();

    Result<SyncStatus> status();

    /// The engine's store connection, for the CLI and tests (same thread as sync()).
    Store &store();

private:
    struct Impl;
    explicit SyncEngine(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace attache::sync
