#pragma once

#include "result.h"

#include <span>

namespace attache {

class Database;

/// The local schema's history. Each step runs in its own transaction and bumps
/// PRAGMA user_version, so a crash between steps leaves a file at a known version.
/// Steps are frozen once released: a new field is a new step, never an edit of an old one.
namespace migrations {

inline constexpr int kLatestVersion = 6;
/// PRAGMA application_id of Attaché files ("ATTC").
inline constexpr int kApplicationId = 0x41545443;

/// Refuses, without writing anything, a file that is not an Attaché database or comes from a
/// newer version. Called before any PRAGMA that could change the file.
Result<void> checkCanOpen(Database &db);

/// Brings the file forward to `target`. Refuses a file from a newer version, and a SQLite file
/// that belongs to another application.
Result<void> migrate(Database &db, int target = kLatestVersion);

/// The SQL of every step, steps()[v - 1] bringing a file to version v. Read by the test that
/// pins released steps, so that an edit of one fails there instead of in users' files.
std::span<const char *const> steps();

/// Checks that every field of every record kind has its column: a field added to schema.cpp
/// without a migration is caught here (and by the tests) instead of failing at the first save.
Result<void> checkSchemaMatchesDefinitions(Database &db);

} // namespace migrations
} // namespace attache
