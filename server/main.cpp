// attache-server: the department's sync server (docs/sync-protocol.md, docs/operations.md).
#include "admin.h"
#include "auth.h"
#include "dbschema.h"
#include "http.h"
#include "log.h"
#include "sql.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace attache::server;

namespace {

const char *kUsage
    = "attache-server (--data-dir DIR | --database postgresql://… [--schema NAME])\n"
      "               [--listen HOST:PORT] [--cert FILE --key FILE] [--threads N] [--pool N]\n"
      "               [--group-commit N]\n"
      "attache-server admin (--data-dir DIR | --database URL [--schema NAME]) COMMAND …\n";

int usage(const char *why)
{
    std::fprintf(stderr, "attache-server: %s\n%s", why, kUsage);
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    attache::setLogSink(
        [](attache::LogLevel level, std::string_view category, std::string_view message) {
            static const char *names[] = {"debug", "info", "warning", "error"};
            if (level >= attache::LogLevel::Info)
                std::fprintf(stderr, "%s [%.*s] %.*s\n", names[int(level)], int(category.size()),
                    category.data(), int(message.size()), message.data());
        });
    std::vector<std::string> args(argv + 1, argv + argc);
    const bool admin = !args.empty() && args[0] == "admin";
    if (admin)
        args.erase(args.begin());

    StorageConfig storage;
    ServeOptions serve;
    int poolSize = 0;
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        auto value
            = [&]() -> const std::string * { return i + 1 < args.size() ? &args[++i] : nullptr; };
        const std::string *v = nullptr;
        if (a == "--help" || a == "-h") {
            std::printf("%s\n%s", kUsage, adminUsage());
            return 0;
        } else if (a == "--data-dir" && (v = value())) {
            storage.dataDir = *v;
        } else if (a == "--database" && (v = value())) {
            storage.databaseUrl = *v;
        } else if (a == "--schema" && (v = value())) {
            storage.schema = *v;
        } else if (!admin && a == "--listen" && (v = value())) {
            const auto colon = v->rfind(':');
            if (colon == std::string::npos)
                return usage("--listen takes HOST:PORT");
            serve.host = v->substr(0, colon);
            serve.port = std::atoi(v->c_str() + colon + 1);
        } else if (!admin && a == "--cert" && (v = value())) {
            serve.certFile = *v;
        } else if (!admin && a == "--key" && (v = value())) {
            serve.keyFile = *v;
        } else if (!admin && a == "--threads" && (v = value())) {
            serve.threads = std::max(1, std::atoi(v->c_str()));
        } else if (!admin && a == "--group-commit" && (v = value())) {
            serve.groupCommit = std::max(1, std::atoi(v->c_str()));
        } else if (!admin && a == "--pool" && (v = value())) {
            poolSize = std::max(1, std::atoi(v->c_str()));
        } else if (admin) {
            rest.push_back(a);
        } else {
            return usage(("unknown option " + a).c_str());
        }
    }
    if (storage.dataDir.empty() == storage.databaseUrl.empty())
        return usage("give exactly one of --data-dir and --database");
    if (serve.certFile.empty() != serve.keyFile.empty())
        return usage("--cert and --key go together");
    if (!initCrypto()) {
        std::fprintf(stderr, "attache-server: libsodium failed to initialise\n");
        return 1;
    }
    auto conn = openConnection(storage);
    if (!conn) {
        std::fprintf(stderr, "attache-server: %s\n", conn.error().message.c_str());
        return 1;
    }
    if (auto r = migrate(**conn); !r) {
        std::fprintf(
            stderr, "attache-server: cannot prepare the database: %s\n", r.error().message.c_str());
        return 1;
    }
    if (admin)
        return runAdmin(**conn, rest);
    if (auto r = gatherMissingStatistics(**conn); !r) {
        // Only slower queries until autovacuum gathers them: serve all the same.
        attache::log(attache::LogLevel::Warning, "attache.server",
            "cannot gather the database's statistics: " + r.error().message);
    }
    conn->reset();

    attache::log(attache::LogLevel::Info, "attache.server",
        std::string("storage: ")
            + (storage.postgres() ? "PostgreSQL" : "SQLite in " + storage.dataDir)
            + ", schema version " + std::to_string(kServerSchemaVersion));
    // SQLite connections are cheap and readers run in parallel (WAL); PostgreSQL connections
    // cost a backend process each, so fewer by default.
    if (poolSize == 0)
        poolSize = storage.postgres() ? 16 : serve.threads;
    Pool pool(storage, std::size_t(poolSize));
    return attache::server::serve(pool, serve);
}
