#pragma once

#include "sql.h"

namespace attache::server {

/// The server's tables, created on start (idempotent; both dialects). Every server process and
/// the admin command call it, so the first one to reach a new database creates it. A database
/// of a newer schema than kServerSchemaVersion is refused, untouched: this binary would misread
/// what a newer one wrote.
Result<void> migrate(SqlConnection &conn);

/// On PostgreSQL, gathers the planner's statistics of the server's tables that have none (a new
/// or restored database: pg_restore carries no statistics, and autovacuum gathers them only a
/// minute or more after the first changes). Without them, the planner can walk every change of
/// the organisation for each member's pull. Nothing to do on SQLite.
Result<void> gatherMissingStatistics(SqlConnection &conn);

/// The current schema version, stored in `meta` (2: the audit trail as audit_log; 3: uploads
/// record their last activity; 4: a record's `fields` may leave out "by" and "dev" where they
/// are the row's updated_by / updated_device, which a binary before 4 would read as unknown, and
/// `wire` is empty where it would be the same text as `fields`; 5: records.created_seq, the
/// seq of the push that created a record, which a binary before 5 would leave stale on update).
inline constexpr int kServerSchemaVersion = 5;

} // namespace attache::server
