#include "readonlystorage.h"

#include <sqlite3.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <string>

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

namespace testsupport {

namespace {

using Fault = FaultyDisk::Fault;

struct Shim
{
    sqlite3_vfs vfs {};
    sqlite3_vfs *real = nullptr;
    std::atomic<Fault> fault {Fault::None};
};
Shim g_shim;

// The real file's methods follow this struct in the memory SQLite allocates (szOsFile).
struct ShimFile
{
    sqlite3_file base;
    const char *name; // valid until xClose
    bool openedReadOnly;
    sqlite3_file *real() { return reinterpret_cast<sqlite3_file *>(this + 1); }
};

ShimFile *shim(sqlite3_file *f)
{
    return reinterpret_cast<ShimFile *>(f);
}

int fail(int err, int rc)
{
    errno = err;
    return rc;
}

bool fileExists(const char *path)
{
    return path && ::access(path, F_OK) == 0;
}

int shimClose(sqlite3_file *f)
{
    return shim(f)->real()->pMethods->xClose(shim(f)->real());
}
int shimRead(sqlite3_file *f, void *buf, int amount, sqlite3_int64 offset)
{
    return shim(f)->real()->pMethods->xRead(shim(f)->real(), buf, amount, offset);
}
int shimWrite(sqlite3_file *f, const void *buf, int amount, sqlite3_int64 offset)
{
    switch (g_shim.fault.load()) {
    case Fault::ReadOnly:
        return fail(EROFS, SQLITE_IOERR_WRITE);
    case Fault::Full:
        return fail(ENOSPC, SQLITE_FULL);
    case Fault::None:
        break;
    }
    return shim(f)->real()->pMethods->xWrite(shim(f)->real(), buf, amount, offset);
}
int shimTruncate(sqlite3_file *f, sqlite3_int64 size)
{
    if (g_shim.fault.load() == Fault::ReadOnly)
        return fail(EROFS, SQLITE_IOERR_TRUNCATE);
    return shim(f)->real()->pMethods->xTruncate(shim(f)->real(), size);
}
int shimSync(sqlite3_file *f, int flags)
{
    if (g_shim.fault.load() == Fault::ReadOnly)
        return fail(EROFS, SQLITE_IOERR_FSYNC);
    return shim(f)->real()->pMethods->xSync(shim(f)->real(), flags);
}
int shimFileSize(sqlite3_file *f, sqlite3_int64 *size)
{
    return shim(f)->real()->pMethods->xFileSize(shim(f)->real(), size);
}
int shimLock(sqlite3_file *f, int lock)
{
    return shim(f)->real()->pMethods->xLock(shim(f)->real(), lock);
}
int shimUnlock(sqlite3_file *f, int lock)
{
    return shim(f)->real()->pMethods->xUnlock(shim(f)->real(), lock);
}
int shimCheckReservedLock(sqlite3_file *f, int *out)
{
    return shim(f)->real()->pMethods->xCheckReservedLock(shim(f)->real(), out);
}
int shimFileControl(sqlite3_file *f, int op, void *arg)
{
    return shim(f)->real()->pMethods->xFileControl(shim(f)->real(), op, arg);
}
int shimSectorSize(sqlite3_file *f)
{
    return shim(f)->real()->pMethods->xSectorSize(shim(f)->real());
}
int shimDeviceCharacteristics(sqlite3_file *f)
{
    return shim(f)->real()->pMethods->xDeviceCharacteristics(shim(f)->real());
}
int shimShmMap(sqlite3_file *f, int page, int pageSize, int extend, void volatile **out)
{
    // The unix VFS creates a missing -shm file next to the database; a read-only disk refuses.
    if (shim(f)->openedReadOnly && g_shim.fault.load() == Fault::ReadOnly
        && !fileExists((std::string(shim(f)->name) + "-shm").c_str()))
        return fail(EROFS, SQLITE_CANTOPEN);
    return shim(f)->real()->pMethods->xShmMap(shim(f)->real(), page, pageSize, extend, out);
}
int shimShmLock(sqlite3_file *f, int offset, int n, int flags)
{
    return shim(f)->real()->pMethods->xShmLock(shim(f)->real(), offset, n, flags);
}
void shimShmBarrier(sqlite3_file *f)
{
    shim(f)->real()->pMethods->xShmBarrier(shim(f)->real());
}
int shimShmUnmap(sqlite3_file *f, int deleteFlag)
{
    return shim(f)->real()->pMethods->xShmUnmap(shim(f)->real(), deleteFlag);
}
int shimFetch(sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
    return shim(f)->real()->pMethods->xFetch(shim(f)->real(), offset, amount, out);
}
int shimUnfetch(sqlite3_file *f, sqlite3_int64 offset, void *p)
{
    return shim(f)->real()->pMethods->xUnfetch(shim(f)->real(), offset, p);
}

const sqlite3_io_methods kMethods = {3, shimClose, shimRead, shimWrite, shimTruncate, shimSync,
    shimFileSize, shimLock, shimUnlock, shimCheckReservedLock, shimFileControl, shimSectorSize,
    shimDeviceCharacteristics, shimShmMap, shimShmLock, shimShmBarrier, shimShmUnmap, shimFetch,
    shimUnfetch};

int shimOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *f, int flags, int *outFlags)
{
    ShimFile *file = shim(f);
    file->base.pMethods = nullptr;
    file->name = name;
    file->openedReadOnly = false;
    if (g_shim.fault.load() == Fault::ReadOnly && name && (flags & SQLITE_OPEN_READWRITE)) {
        if (!fileExists(name))
            return fail(EROFS, SQLITE_CANTOPEN);
        // What the unix VFS does when open(O_RDWR) fails: it opens the file for reading.
        flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;
        file->openedReadOnly = true;
    }
    const int rc = g_shim.real->xOpen(g_shim.real, name, file->real(), flags, outFlags);
    if (file->real()->pMethods)
        file->base.pMethods = &kMethods;
    return rc;
}

int shimDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    if (g_shim.fault.load() == Fault::ReadOnly)
        return fail(EROFS, SQLITE_IOERR_DELETE);
    return g_shim.real->xDelete(g_shim.real, name, syncDir);
}

int shimAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    if (flags == SQLITE_ACCESS_READWRITE && g_shim.fault.load() == Fault::ReadOnly) {
        *out = 0;
        return SQLITE_OK;
    }
    return g_shim.real->xAccess(g_shim.real, name, flags, out);
}

int shimFullPathname(sqlite3_vfs *, const char *name, int size, char *out)
{
    return g_shim.real->xFullPathname(g_shim.real, name, size, out);
}
int shimRandomness(sqlite3_vfs *, int size, char *out)
{
    return g_shim.real->xRandomness(g_shim.real, size, out);
}
int shimSleep(sqlite3_vfs *, int micros)
{
    return g_shim.real->xSleep(g_shim.real, micros);
}
int shimCurrentTime(sqlite3_vfs *, double *out)
{
    return g_shim.real->xCurrentTime(g_shim.real, out);
}
int shimGetLastError(sqlite3_vfs *, int size, char *out)
{
    return g_shim.real->xGetLastError(g_shim.real, size, out);
}
int shimCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out)
{
    return g_shim.real->xCurrentTimeInt64(g_shim.real, out);
}

bool writeFile(const char *path, const std::string &text)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, text.data(), text.size()) == ssize_t(text.size());
    ::close(fd);
    return ok;
}

std::string why(const char *what)
{
    return std::string(what) + ": " + std::strerror(errno);
}

// Root of a user namespace of its own, with a mount namespace whose mounts stay in it.
std::string enterNamespaces()
{
    const uid_t uid = ::getuid();
    const gid_t gid = ::getgid();
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
        return why("unshare(CLONE_NEWUSER | CLONE_NEWNS)");
    if (!writeFile("/proc/self/setgroups", "deny") && errno != ENOENT)
        return why("/proc/self/setgroups");
    if (!writeFile("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1"))
        return why("/proc/self/uid_map");
    if (!writeFile("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1"))
        return why("/proc/self/gid_map");
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return why("making / private");
    return {};
}

} // namespace

FaultyDisk::FaultyDisk()
{
    g_shim.real = sqlite3_vfs_find(nullptr);
    g_shim.fault = Fault::None;
    sqlite3_vfs &v = g_shim.vfs;
    v = sqlite3_vfs {};
    v.iVersion = 2;
    v.szOsFile = int(sizeof(ShimFile)) + g_shim.real->szOsFile;
    v.mxPathname = g_shim.real->mxPathname;
    v.zName = "attache-faulty-disk";
    v.xOpen = shimOpen;
    v.xDelete = shimDelete;
    v.xAccess = shimAccess;
    v.xFullPathname = shimFullPathname;
    v.xRandomness = shimRandomness;
    v.xSleep = shimSleep;
    v.xCurrentTime = shimCurrentTime;
    v.xGetLastError = shimGetLastError;
    v.xCurrentTimeInt64 = shimCurrentTimeInt64;
    sqlite3_vfs_register(&v, 1);
}

FaultyDisk::~FaultyDisk()
{
    sqlite3_vfs_register(g_shim.real, 1);
    sqlite3_vfs_unregister(&g_shim.vfs);
}

void FaultyDisk::set(Fault fault)
{
    g_shim.fault = fault;
}

ChildResult runWithOwnMounts(const std::function<std::string()> &body)
{
    ChildResult result;
    int fds[2];
    if (::pipe(fds) != 0) {
        result.output = why("pipe");
        return result;
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        result.output = why("fork");
        return result;
    }
    if (pid == 0) {
        ::close(fds[0]);
        std::string out;
        int status = 0;
        if (out = enterNamespaces(); !out.empty()) {
            status = 77;
        } else {
            try {
                out = body();
            } catch (const std::exception &e) {
                out = std::string("exception: ") + e.what();
                status = 1;
            }
        }
        for (std::size_t done = 0; done < out.size();) {
            const ssize_t n = ::write(fds[1], out.data() + done, out.size() - done);
            if (n <= 0)
                break;
            done += std::size_t(n);
        }
        ::_exit(status); // no atexit handlers, no Qt teardown: that belongs to the parent
    }
    ::close(fds[1]);
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        result.output.append(buf, std::size_t(n));
    }
    ::close(fds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    result.unavailable = WIFEXITED(status) && WEXITSTATUS(status) == 77;
    result.exitedCleanly = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return result;
}

std::string mountTmpfs(const std::string &dir, const std::string &options)
{
    if (::mount("attache-test", dir.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) != 0)
        return why(("mount -t tmpfs " + dir).c_str());
    return {};
}

std::string remountReadOnly(const std::string &dir)
{
    if (::mount(
            nullptr, dir.c_str(), nullptr, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, nullptr)
        != 0)
        return why(("mount -o remount,ro " + dir).c_str());
    return {};
}

} // namespace testsupport
