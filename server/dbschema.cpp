#include "dbschema.h"

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
-- {"name": {"value": …, "hlc": "…", "by": user, "dev": device}}, validated against core/schema;
-- `wire` is the same without by/dev, as pulls send it (kept ready so pulls only concatenate).
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
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_device TEXT NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS records_seq ON records (seq);
CREATE INDEX IF NOT EXISTS records_mission ON records (mission_id, seq);
CREATE INDEX IF NOT EXISTS records_org ON records (org_id, seq);
CREATE INDEX IF NOT EXISTS records_org_mission ON records (org_id, mission_id, seq);
CREATE INDEX IF NOT EXISTS records_sha ON records (sha256);

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

CREATE TABLE IF NOT EXISTS audit (
  id {SERIAL},
  at BIGINT NOT NULL,
  user_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  batch_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  field TEXT NOT NULL,
  old_value TEXT,
  old_hlc TEXT,
  new_value TEXT NOT NULL,
  new_hlc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_record ON audit (kind, record_id, id);

CREATE TABLE IF NOT EXISTS login_failures (
  key TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures (key, at);

CREATE TABLE IF NOT EXISTS uploads (
  sha256 TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  received BIGINT NOT NULL,
  complete INTEGER NOT NULL,
  org_id TEXT NOT NULL,
  created_at BIGINT NOT NULL
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
    // Two processes starting at once on a new PostgreSQL database: serialise the creation.
    if (pg) {
        if (auto r = conn.script("BEGIN; SELECT pg_advisory_xact_lock(6967238434873158);"); !r)
            return r;
        if (auto r = conn.script(sql); !r) {
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
    return conn.script("COMMIT");
}

} // namespace attache::server
