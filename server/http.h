#pragma once

#include "sql.h"

#include <string>

namespace attache::server {

struct ServeOptions
{
    std::string host = "127.0.0.1";
    int port = 8080; ///< 0: the OS chooses (printed on stdout)
    std::string certFile; ///< both set: serve HTTPS
    std::string keyFile;
    int threads = 64; ///< HTTP worker threads (each serves one connection at a time)
    /// Pushes written together in one transaction at most (group commit); 0: the storage's
    /// default (64 on SQLite; 1, i.e. off, on PostgreSQL: see docs/operations.md).
    int groupCommit = 0;
};

/// Serves protocol v1 over HTTP(S) until SIGINT/SIGTERM; returns the exit code.
int serve(Pool &pool, const ServeOptions &options);

} // namespace attache::server
