#pragma once

#include <functional>
#include <string>

struct sqlite3_vfs;

namespace testsupport {

/// Makes SQLite's default file system behave as a read-only or full disk does, for tests that
/// need no privileges. While installed it is SQLite's default VFS, wrapping the one that was
/// (on Linux "unix"); every connection must be closed before it goes.
///
/// ReadOnly acts as a disk remounted read-only: a file opened for writing opens for reading
/// (a new one cannot be created: SQLITE_CANTOPEN, errno EROFS), nothing can be deleted, files
/// are reported not writable, a -shm file that does not exist cannot be created, and files
/// opened before keep their handles but every write, truncate and sync fails with EROFS. Full
/// acts as a full disk: every write fails with SQLITE_FULL (ENOSPC).
class FaultyDisk
{
public:
    enum class Fault { None, ReadOnly, Full };

    FaultyDisk();
    ~FaultyDisk();
    FaultyDisk(const FaultyDisk &) = delete;
    FaultyDisk &operator=(const FaultyDisk &) = delete;

    void set(Fault fault);
};

/// What a child process run by runWithOwnMounts() said.
struct ChildResult
{
    /// The child could not get a user and mount namespace of its own (unprivileged user
    /// namespaces disabled, a seccomp filter…): `output` says why.
    bool unavailable = false;
    bool exitedCleanly = false;
    std::string output;
};

/// Runs `body` in a forked child that is root of a user and mount namespace of its own, where
/// it may mount file systems (mountTmpfs, remountReadOnly) that no other process sees and that
/// vanish with it. Returns what `body` returned. Call it while the test is single-threaded
/// (no store open): only the calling thread survives a fork.
ChildResult runWithOwnMounts(const std::function<std::string()> &body);

/// In runWithOwnMounts' child: mounts a tmpfs (`options` such as "size=1m") on `dir`. Returns
/// an empty string, or why it failed.
std::string mountTmpfs(const std::string &dir, const std::string &options);
/// In runWithOwnMounts' child: remounts `dir`'s file system read-only ("" or why not).
std::string remountReadOnly(const std::string &dir);

} // namespace testsupport
