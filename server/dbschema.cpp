#include "dbschema.h"

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace attache::server {

namespace {

// Portable SQL with two substitutions: {BLOB} and {SERIAL}.
constexpr std::string_view kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta (key, value) VALUES ('seq', '0') ON CONFLICT (key) DO NOTHING;
INSERT INTO meta (key, value) VALUES ('purge_horizon', '0') ON CONFLICT (key) DO NOTHING;
INSERT INTO meta (key, value) VALUES ('schema_version', '1') ON CONFLICT (key) DO NOTHING;

-- Every synced record, whatever its kind: the fields with their stamps are JSON
-- {"name": {"value": …, "hlc": "…", "by": user, "dev": device}}, validated against core/schema
-- ("by" and "dev" left out where they are the row's updated_by and updated_device);
-- `wire` is the same without by/dev, as pulls send it (kept ready so pulls only concatenate),
-- or '' where that is exactly `fields` (no field names another author than the row's).
CREATE TABLE IF NOT EXISTS records (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  org_id TEXT NOT NULL,
  mission_id TEXT,
  created_by TEXT NOT NULL,
  fields TEXT NOT NULL,
  wire TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  deleted_at BIGINT,
  sha256 TEXT,
  seq BIGINT NOT NULL,
  -- The seq of the push that created the row; equal to seq while no later write touched it (0:
  -- not created by a push, or created before schema 5). See pull's "own" ranges.
  created_seq BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_device TEXT NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS records_seq ON records (seq);
CREATE INDEX IF NOT EXISTS records_mission ON records (mission_id, seq);
CREATE INDEX IF NOT EXISTS records_org ON records (org_id, seq);
-- The records of no mission (the organisation, its users, contacts met outside any mission), in
-- each member's pull: a small index of their own, which no planner mistakes for a walk through
-- the organisation's other changes, whatever its statistics say. It replaces (org_id,
-- mission_id, seq), which a member's pull no longer needs (it reads each mission by
-- records_mission) and every new record paid for.
CREATE INDEX IF NOT EXISTS records_org_unassigned ON records (org_id, seq) WHERE mission_id IS NULL;
DROP INDEX IF EXISTS records_org_mission;
-- Attachments by their content's hash; only attachments have one, and no other record pays for
-- an entry (it replaces records_sha, which had one for every record).
CREATE INDEX IF NOT EXISTS records_attachment_sha ON records (sha256) WHERE sha256 IS NOT NULL;
DROP INDEX IF EXISTS records_sha;

CREATE TABLE IF NOT EXISTS accounts (
  user_id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  org_id TEXT NOT NULL,
  role TEXT NOT NULL,
  resync_before BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS devices (
  device_id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  name TEXT NOT NULL,
  token_hash TEXT UNIQUE,
  created_at BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX IF NOT EXISTS devices_user ON devices (user_id);

CREATE TABLE IF NOT EXISTS mission_members (
  mission_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  PRIMARY KEY (mission_id, user_id)
);
CREATE INDEX IF NOT EXISTS mission_members_user ON mission_members (user_id);

CREATE TABLE IF NOT EXISTS mission_drops (
  user_id TEXT NOT NULL,
  mission_id TEXT NOT NULL,
  seq BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS mission_drops_user ON mission_drops (user_id, seq);

-- A record that changed missions: the devices of the mission it left (or of its creator, for a
-- contact that had none) that can no longer see it are told to drop it (pull's drop_records).
CREATE TABLE IF NOT EXISTS record_moves (
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  org_id TEXT NOT NULL,
  from_mission TEXT,
  created_by TEXT NOT NULL,
  seq BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS record_moves_seq ON record_moves (seq);
-- purge-tombstones keeps the newest move of a record out of each mission it left.
CREATE INDEX IF NOT EXISTS record_moves_record ON record_moves (kind, record_id, seq);

CREATE TABLE IF NOT EXISTS conflicts (
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  field TEXT NOT NULL,
  winner_hlc TEXT NOT NULL,
  loser_hlc TEXT NOT NULL,
  body TEXT NOT NULL,
  org_id TEXT NOT NULL,
  mission_id TEXT,
  created_by TEXT NOT NULL,
  detected_at BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (kind, record_id, field, winner_hlc, loser_hlc)
);
CREATE INDEX IF NOT EXISTS conflicts_seq ON conflicts (seq);

CREATE TABLE IF NOT EXISTS batches (
  device_id TEXT NOT NULL,
  batch_id TEXT NOT NULL,
  response TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (device_id, batch_id)
);

-- The audit trail: one row per accepted record change, `changes` a JSON object of the fields it
-- changed: {"field": {"o": old value, "oh": old stamp, "n": new value, "nh": new stamp}} ("o"
-- and "oh" absent where the record had no value). The view `audit` (created by migrate())
-- shows it one row per field, as the history endpoint and the admin command read it.
CREATE TABLE IF NOT EXISTS audit_log (
  id {SERIAL},
  at BIGINT NOT NULL,
  user_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  batch_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  changes TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_record ON audit_log (kind, record_id, id);

CREATE TABLE IF NOT EXISTS login_failures (
  key TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures (key, at);

-- An attachment's bytes as they arrive. `last_activity` is when the last chunk came (schema 3):
-- admin purge-uploads removes incomplete uploads that have had none for a long time.
CREATE TABLE IF NOT EXISTS uploads (
  sha256 TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  received BIGINT NOT NULL,
  complete INTEGER NOT NULL,
  org_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_activity BIGINT NOT NULL DEFAULT 0
);
-- Who sent bytes of an upload: before the attachment record is pushed, only they may ask how
-- far it got (GET …/status).
CREATE TABLE IF NOT EXISTS upload_owners (
  sha256 TEXT NOT NULL,
  user_id TEXT NOT NULL,
  PRIMARY KEY (sha256, user_id)
);
CREATE TABLE IF NOT EXISTS upload_chunks (
  sha256 TEXT NOT NULL,
  offset_bytes BIGINT NOT NULL,
  data {BLOB} NOT NULL,
  PRIMARY KEY (sha256, offset_bytes)
);
)SQL";

// One row per field change, ordered by `id` as the changes were written and, within one, as its
// fields were (json_each's ids grow in document order and stay far below 1,000,000 in one
// change; PostgreSQL's ordinality counts fields, fewer than 1,000).
constexpr std::string_view kSqliteAuditView = R"SQL(
CREATE VIEW audit AS SELECT l.id * 1000000 + j.id AS id, l.at AS at, l.user_id AS user_id,
  l.device_id AS device_id, l.batch_id AS batch_id, l.kind AS kind, l.record_id AS record_id,
  j.key AS field,
  CASE WHEN j.value ->> '$.oh' IS NULL THEN NULL ELSE j.value -> '$.o' END AS old_value,
  j.value ->> '$.oh' AS old_hlc, j.value -> '$.n' AS new_value, j.value ->> '$.nh' AS new_hlc
FROM audit_log l, json_each(l.changes) j
)SQL";
// `json`, not `jsonb`: values keep their text exactly as written.
constexpr std::string_view kPostgresAuditView = R"SQL(
CREATE VIEW audit AS SELECT l.id * 1000 + j.ord AS id, l.at, l.user_id, l.device_id,
  l.batch_id, l.kind, l.record_id, j.key AS field,
  CASE WHEN j.value -> 'oh' IS NULL THEN NULL ELSE (j.value -> 'o')::text END AS old_value,
  j.value ->> 'oh' AS old_hlc, (j.value -> 'n')::text AS new_value, j.value ->> 'nh' AS new_hlc
FROM audit_log l CROSS JOIN LATERAL json_each(l.changes::json) WITH ORDINALITY AS j(key, value, ord)
)SQL";

// Schema 1 kept one `audit` row per field: its rows move to audit_log (one entry each, in the
// same order) and `audit` becomes the view over audit_log.
Result<void> migrateAudit(SqlConnection &conn, bool pg)
{
    auto type = conn.query(pg ? "SELECT table_type AS type FROM information_schema.tables WHERE "
                                "table_schema = current_schema() AND table_name = 'audit'"
                              : "SELECT type FROM sqlite_master WHERE name = 'audit'");
    if (!type)
        return type.error();
    const std::string t = type->empty() ? std::string() : type->text(0, "type");
    if (t == "view" || t == "VIEW")
        return {};
    if (!t.empty()) {
        const std::string entry = pg
            ? "json_build_object(field, CASE WHEN old_hlc IS NULL THEN json_build_object('n', "
              "new_value::json, 'nh', new_hlc) ELSE json_build_object('o', old_value::json, "
              "'oh', old_hlc, 'n', new_value::json, 'nh', new_hlc) END)::text"
            : "json_object(field, CASE WHEN old_hlc IS NULL THEN json_object('n', "
              "json(new_value), 'nh', new_hlc) ELSE json_object('o', json(old_value), 'oh', "
              "old_hlc, 'n', json(new_value), 'nh', new_hlc) END)";
        if (auto r = conn.script("INSERT INTO audit_log (at, user_id, device_id, batch_id, kind, "
                                 "record_id, changes) SELECT at, user_id, device_id, batch_id, "
                                 "kind, record_id, "
                + entry + " FROM audit ORDER BY id; DROP TABLE audit;");
            !r)
            return r;
    }
    if (auto r = conn.script(pg ? kPostgresAuditView : kSqliteAuditView); !r)
        return r;
    return conn.script("UPDATE meta SET value = '2' WHERE key = 'schema_version'");
}

// Adds `column` (with its SQL `definition`) to `table` unless it is there already; true when
// it added it. Names and definitions come from the caller, never from input.
Result<bool> addColumnIfMissing(SqlConnection &conn, bool pg, const std::string &table,
    const std::string &column, const std::string &definition)
{
    auto n = conn.query(pg ? "SELECT COUNT(*) AS n FROM information_schema.columns WHERE "
                             "table_schema = current_schema() AND table_name = ? AND "
                             "column_name = ?"
                           : "SELECT COUNT(*) AS n FROM pragma_table_info(?) WHERE name = ?",
        {SqlValue(table), SqlValue(column)});
    if (!n)
        return n.error();
    if (n->integer(0, "n") > 0)
        return false;
    if (auto r = conn.script("ALTER TABLE " + table + " ADD COLUMN " + column + " " + definition);
        !r)
        return r.error();
    return true;
}

// Schema 2 did not record when an upload last received a chunk. Nobody knows when the chunks of
// an upload already there arrived, so they count from the upgrade: a purge takes them only once
// they have been idle for its whole period after it, never one a device was still sending.
Result<void> migrateUploadActivity(SqlConnection &conn, bool pg, std::int64_t nowMs)
{
    auto added
        = addColumnIfMissing(conn, pg, "uploads", "last_activity", "BIGINT NOT NULL DEFAULT 0");
    if (!added)
        return added.error();
    if (*added) {
        if (auto r = conn.query("UPDATE uploads SET last_activity = ?", {SqlValue(nowMs)}); !r)
            return r.error();
    }
    // Schema 4 changed no table (see kServerSchemaVersion): only the version moves.
    return conn.script("UPDATE meta SET value = '4' WHERE key = 'schema_version' AND value IN "
                       "('1', '2', '3')");
}

// Schema 4 did not know which push created a record. Rows already there count as created by
// none: a pull never leaves them out for being a device's own (see SyncService::pull).
Result<void> migrateCreatedSeq(SqlConnection &conn, bool pg)
{
    if (auto added
        = addColumnIfMissing(conn, pg, "records", "created_seq", "BIGINT NOT NULL DEFAULT 0");
        !added)
        return added.error();
    return conn.script("UPDATE meta SET value = '" + std::to_string(kServerSchemaVersion)
        + "' WHERE key = 'schema_version' AND value IN ('1', '2', '3', '4')");
}

// A database a newer attache-server has used: refused before anything is changed.
Result<void> refuseNewerSchema(SqlConnection &conn)
{
    auto v = conn.query("SELECT value FROM meta WHERE key = 'schema_version'");
    if (!v)
        return v.error();
    const std::string text = v->empty() ? std::string("1") : v->text(0, "value");
    char *end = nullptr;
    const long version = std::strtol(text.c_str(), &end, 10);
    if (end == text.c_str() || *end != '\0' || version > kServerSchemaVersion) {
        return makeError("newer_schema",
            "This database was last used by a newer attache-server (schema " + text
                + "); this one knows schema " + std::to_string(kServerSchemaVersion)
                + " and would misread it. Run the newer attache-server, or restore a backup "
                  "made before the upgrade.");
    }
    return {};
}

void replaceAll(std::string &s, std::string_view from, std::string_view to)
{
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

} // namespace

Result<void> migrate(SqlConnection &conn)
{
    std::string sql(kSchema);
    const bool pg = conn.dialect() == Dialect::Postgres;
    replaceAll(sql, "{BLOB}", pg ? "BYTEA" : "BLOB");
    replaceAll(sql, "{SERIAL}", pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT");
    const std::int64_t nowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch())
                                   .count();
    // Two processes starting at once on a new PostgreSQL database: serialise the creation.
    if (pg) {
        if (auto r = conn.script("BEGIN; SELECT pg_advisory_xact_lock(6967238434873158);"); !r)
            return r;
        if (auto r = conn.script(sql); !r) {
            conn.rollback();
            return r;
        }
        if (auto r = refuseNewerSchema(conn); !r) {
            conn.rollback();
            return r;
        }
        if (auto r = migrateAudit(conn, pg); !r) {
            conn.rollback();
            return r;
        }
        if (auto r = migrateUploadActivity(conn, pg, nowMs); !r) {
            conn.rollback();
            return r;
        }
        if (auto r = migrateCreatedSeq(conn, pg); !r) {
            conn.rollback();
            return r;
        }
        return conn.script("COMMIT");
    }
    if (auto r = conn.script("BEGIN IMMEDIATE"); !r)
        return r;
    if (auto r = conn.script(sql); !r) {
        conn.rollback();
        return r;
    }
    if (auto r = refuseNewerSchema(conn); !r) {
        conn.rollback();
        return r;
    }
    if (auto r = migrateAudit(conn, pg); !r) {
        conn.rollback();
        return r;
    }
    if (auto r = migrateUploadActivity(conn, pg, nowMs); !r) {
        conn.rollback();
        return r;
    }
    if (auto r = migrateCreatedSeq(conn, pg); !r) {
        conn.rollback();
        return r;
    }
    return conn.script("COMMIT");
}

Result<void> gatherMissingStatistics(SqlConnection &conn)
{
    if (conn.dialect() != Dialect::Postgres)
        return {};
    auto rows = conn.query("SELECT relname FROM pg_stat_user_tables WHERE schemaname = "
                           "current_schema() AND last_analyze IS NULL AND last_autoanalyze IS NULL "
                           "ORDER BY relname");
    if (!rows)
        return rows.error();
    for (std::size_t i = 0; i < rows->size(); ++i) {
        // Table names come from the catalogue of our own schema; quoted all the same.
        if (auto r = conn.script("ANALYZE \"" + rows->text(i, "relname") + "\""); !r)
            return r;
    }
    return {};
}

} // namespace attache::server
