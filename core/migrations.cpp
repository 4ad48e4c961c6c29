#include "migrations.h"

#include "database.h"
#include "log.h"
#include "schema.h"

#include <set>
#include <string>

namespace attache::migrations {

namespace {

// Columns every record table has. _stamps maps each field (and "deleted") to the HLC of its
// current value; _base maps fields to the last stamp received from the server; _pending lists
// the fields changed locally and not yet acknowledged by the server (NULL when clean).
#define ATTACHE_RECORD_COLUMNS                                                                     \
    "id TEXT PRIMARY KEY NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, "     \
    "updated_by TEXT, updated_device TEXT, deleted INTEGER NOT NULL DEFAULT 0, "                   \
    "_stamps TEXT NOT NULL DEFAULT '{}', _base TEXT NOT NULL DEFAULT '{}', _pending TEXT, "

#define ATTACHE_PENDING_INDEX(t)                                                                   \
    "CREATE INDEX " t "_pending ON " t "(id) WHERE _pending IS NOT NULL;"

// v1: the record tables. Frozen.
constexpr const char *kV1 = R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
CREATE TABLE organisations ()SQL" ATTACHE_RECORD_COLUMNS R"SQL(
  name TEXT, short_name TEXT, country TEXT, address TEXT);
CREATE TABLE users ()SQL" ATTACHE_RECORD_COLUMNS R"SQL(
  full_name TEXT, title TEXT, role TEXT, organisation_id TEXT, email TEXT);
CREATE TABLE missions ()SQL" ATTACHE_RECORD_COLUMNS R"SQL(
  organisation_id TEXT, title TEXT, purpose TEXT, decision_number TEXT, decision_date TEXT,
  countries TEXT, cities TEXT, start_date TEXT, end_date TEXT, leader_id TEXT, member_ids TEXT,
  status TEXT, notes TEXT);
CREATE TABLE meetings ()SQL" ATTACHE_RECORD_COLUMNS R"SQL(
  mission_id TEXT, starts_at TEXT, place TEXT, counterpart TEXT, counterpart_country TEXT,
  contact_ids TEXT, participant_ids TEXT, topics TEXT, outcome TEXT, notes TEXT);
CREATE TABLE agreements ()SQL" ATTACHE_RECORD_COLUMNS R"SQL(
  mission_id TEXT, meeting_id TEXT, title TEXT, kind TEXT, parties TEXT, signed_date TEXT,
  signed_place TEXT, signatories TEXT, fields TEXT, status TEXT, valid_until TEXT,
  committed_value_amount INTEGER, committed_value_currency TEXT, notes TEXT);
CREATE TABLE events ()SQL" ATTACHE_RECORD_COLUMNS R"SQL(
  mission_id TEXT, name TEXT, kind TEXT, city TEXT, country TEXT, start_date TEXT,
  end_date TEXT, booth TEXT, notes TEXT);
CREATE TABLE contacts ()SQL" ATTACHE_RECORD_COLUMNS R"SQL(
  full_name TEXT, title TEXT, organisation TEXT, country TEXT, emails TEXT, phones TEXT,
  website TEXT, languages TEXT, interests TEXT, notes TEXT, mission_id TEXT, event_id TEXT,
  meeting_id TEXT, tags TEXT, consent_noted INTEGER);
CREATE TABLE leads ()SQL" ATTACHE_RECORD_COLUMNS R"SQL(
  mission_id TEXT, company TEXT, country TEXT, sector TEXT, pledged_capital_amount INTEGER,
  pledged_capital_currency TEXT, status TEXT, contact_id TEXT, notes TEXT);
CREATE TABLE followups ()SQL" ATTACHE_RECORD_COLUMNS R"SQL(
  mission_id TEXT, title TEXT, owner_id TEXT, due_date TEXT, status TEXT, linked_kind TEXT,
  linked_id TEXT, notes TEXT);
CREATE TABLE attachments ()SQL" ATTACHE_RECORD_COLUMNS R"SQL(
  mission_id TEXT, record_kind TEXT, record_id TEXT, file_name TEXT, mime_type TEXT,
  size INTEGER, sha256 TEXT);
CREATE TABLE reviews ()SQL" ATTACHE_RECORD_COLUMNS R"SQL(
  mission_id TEXT, reviewer_id TEXT, decision TEXT, comment TEXT);
CREATE INDEX missions_start ON missions(start_date);
CREATE INDEX meetings_mission ON meetings(mission_id);
CREATE INDEX agreements_mission ON agreements(mission_id);
CREATE INDEX events_mission ON events(mission_id);
CREATE INDEX contacts_mission ON contacts(mission_id);
CREATE INDEX contacts_name ON contacts(full_name);
CREATE INDEX leads_mission ON leads(mission_id);
CREATE INDEX followups_mission ON followups(mission_id);
CREATE INDEX attachments_mission ON attachments(mission_id);
CREATE INDEX reviews_mission ON reviews(mission_id);
)SQL" ATTACHE_PENDING_INDEX("organisations") ATTACHE_PENDING_INDEX("users")
    ATTACHE_PENDING_INDEX("missions") ATTACHE_PENDING_INDEX("meetings")
        ATTACHE_PENDING_INDEX("agreements") ATTACHE_PENDING_INDEX("events")
            ATTACHE_PENDING_INDEX("contacts") ATTACHE_PENDING_INDEX("leads")
                ATTACHE_PENDING_INDEX("followups") ATTACHE_PENDING_INDEX("attachments")
                    ATTACHE_PENDING_INDEX("reviews");

// v2: accent-folded full-text search. Text is folded by the store before it is indexed
// (SQLite's remove_diacritics does not turn đ into d); rows are rebuilt after migrating.
constexpr const char *kV2 = R"SQL(
CREATE VIRTUAL TABLE search_index USING fts5(title, body,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
INSERT INTO meta(key, value) VALUES ('search_rebuild', '1')
  ON CONFLICT(key) DO UPDATE SET value = '1';
)SQL";

// v3: conflicts found by sync, kept until a person chooses a value.
constexpr const char *kV3 = R"SQL(
CREATE TABLE conflicts (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL,
  winner_value TEXT, winner_hlc TEXT NOT NULL, winner_by TEXT,
  loser_value TEXT, loser_hlc TEXT NOT NULL, loser_by TEXT,
  detected_at INTEGER NOT NULL, resolved_at INTEGER,
  UNIQUE (kind, record_id, field, winner_hlc, loser_hlc));
CREATE INDEX conflicts_open ON conflicts(kind, record_id) WHERE resolved_at IS NULL;
)SQL";

// v4 (sync engine): unpushed edits of records removed from the device because the user left
// their mission; they can no longer be pushed, so they are kept here and shown to the user.
constexpr const char *kV4 = R"SQL(
CREATE TABLE set_aside_edits (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL, record_id TEXT NOT NULL, mission_id TEXT, reason TEXT NOT NULL,
  record TEXT NOT NULL, pending TEXT NOT NULL, set_aside_at INTEGER NOT NULL);
)SQL";

// v5: lists page through records in title order (case-insensitive) without sorting the
// whole table for every page: one index per list the app shows.
constexpr const char *kV5 = R"SQL(
CREATE INDEX missions_list ON missions(title COLLATE NOCASE, id);
CREATE INDEX contacts_list ON contacts(full_name COLLATE NOCASE, id);
CREATE INDEX contacts_mission_list ON contacts(mission_id, full_name COLLATE NOCASE, id);
CREATE INDEX meetings_mission_list ON meetings(mission_id, counterpart COLLATE NOCASE, id);
CREATE INDEX agreements_mission_list ON agreements(mission_id, title COLLATE NOCASE, id);
CREATE INDEX events_mission_list ON events(mission_id, name COLLATE NOCASE, id);
CREATE INDEX leads_mission_list ON leads(mission_id, company COLLATE NOCASE, id);
CREATE INDEX followups_mission_list ON followups(mission_id, title COLLATE NOCASE, id);
CREATE INDEX attachments_mission_list ON attachments(mission_id, file_name COLLATE NOCASE, id);
)SQL";

// v6 (sync): a conflict this device found while pulling is provisional until the server has seen
// this device's side of it (the server's verdict then replaces it, so that every device holds the
// same conflicts). A local edit that lost such a conflict keeps the stamp it was based on in
// report_base: it is pushed all the same, so that the server records the conflict for everyone.
constexpr const char *kV6 = R"SQL(
ALTER TABLE conflicts ADD COLUMN provisional INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conflicts ADD COLUMN report_base TEXT;
CREATE INDEX conflicts_to_report ON conflicts(id) WHERE report_base IS NOT NULL;
)SQL";

constexpr const char *kSteps[] = {kV1, kV2, kV3, kV4, kV5, kV6};
static_assert(std::size(kSteps) == kLatestVersion);

} // namespace

std::span<const char *const> steps()
{
    return kSteps;
}

Result<void> checkCanOpen(Database &db)
{
    auto version = db.queryInt("PRAGMA user_version");
    if (!version)
        return version.error();
    auto appId = db.queryInt("PRAGMA application_id");
    if (!appId)
        return appId.error();

    if (*version == 0) {
        // A new file, or someone else's SQLite database: never write into the latter.
        auto tables = db.queryInt("SELECT count(*) FROM sqlite_schema");
        if (!tables)
            return tables.error();
        if (*tables > 0 || (*appId != 0 && *appId != kApplicationId))
            return makeError("not_attache_database",
                "This file is a SQLite database of another program, not an Attaché "
                "database. It was left untouched.");
    } else if (*appId != kApplicationId) {
        return makeError("not_attache_database",
            "This file is a SQLite database of another program, not an Attaché "
            "database. It was left untouched.");
    }
    if (*version > kLatestVersion) {
        return makeError("newer_schema",
            "This database was written by a newer version of Attaché (schema "
                + std::to_string(*version) + "; this version knows up to "
                + std::to_string(kLatestVersion)
                + "). Update the app to open it; the file was left untouched.");
    }

    return {};
}

Result<void> migrate(Database &db, int target)
{
    if (auto r = checkCanOpen(db); !r)
        return r;
    auto version = db.queryInt("PRAGMA user_version");
    if (!version)
        return version.error();
    for (int v = int(*version) + 1; v <= target; ++v) {
        auto tx = Transaction::begin(db);
        if (!tx)
            return tx.error();
        if (auto r = db.exec(kSteps[v - 1]); !r)
            return r.error();
        if (auto r = db.exec("PRAGMA application_id = " + std::to_string(kApplicationId)); !r)
            return r.error();
        if (auto r = db.exec("PRAGMA user_version = " + std::to_string(v)); !r)
            return r.error();
        if (auto r = tx->commit(); !r)
            return r.error();
        log(LogLevel::Info, "attache.store", "migrated schema to version " + std::to_string(v));
    }
    return {};
}

Result<void> checkSchemaMatchesDefinitions(Database &db)
{
    for (const auto &kind : allKinds()) {
        auto stmt = db.prepare("SELECT name FROM pragma_table_info(?1)");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, kind.table);
        std::set<std::string> columns;
        for (;;) {
            auto row = stmt->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            columns.insert(stmt->text("name"));
        }
        for (const auto &field : kind.fields) {
            for (const auto &column : columnsOf(field)) {
                if (!columns.count(column))
                    return makeError("schema_mismatch",
                        "Column " + std::string(kind.table) + "." + column
                            + " is missing: a field was added without a "
                              "migration.");
            }
        }
    }
    return {};
}

} // namespace attache::migrations
