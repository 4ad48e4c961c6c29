#pragma once

#include "sql.h"

#include <string>
#include <vector>

namespace attache::server {

/// `attache-server admin <command> [options]`: what a department's IT staff do by hand.
/// Commands that create something print its id on stdout; errors go to stderr with exit code 1.
int runAdmin(SqlConnection &conn, const std::vector<std::string> &args);

/// The usage text of the admin commands.
const char *adminUsage();

} // namespace attache::server
