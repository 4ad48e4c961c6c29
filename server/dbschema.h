#pragma once

#include "sql.h"

namespace attache::server {

/// The server's tables, created on start (idempotent; both dialects). Every server process and
/// the admin command call it, so the first one to reach a new database creates it.
Result<void> migrate(SqlConnection &conn);

/// The current schema version, stored in `meta` (2: the audit trail as audit_log; 3: uploads
/// record their last activity).
inline constexpr int kServerSchemaVersion = 3;

} // namespace attache::server
