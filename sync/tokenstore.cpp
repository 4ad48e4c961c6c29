#include "tokenstore.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace attache::sync {

FileTokenStore::FileTokenStore(std::string path)
    : m_path(std::move(path))
{ }

Result<std::optional<std::string>> FileTokenStore::load()
{
    const int fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return std::optional<std::string>();
        return makeError("token_unreadable",
            "The sign-in token file " + m_path + " cannot be read (" + std::strerror(errno)
                + "). Sign in again.");
    }
    std::string token;
    char buf[256];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        token.append(buf, size_t(n));
    }
    ::close(fd);
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r'))
        token.pop_back();
    if (token.empty())
        return std::optional<std::string>();
    return std::optional<std::string>(token);
}

Result<void> FileTokenStore::save(const std::string &token)
{
    // Written to a private temporary file, flushed, then renamed over the old one: a crash
    // leaves either the old token or the new one, never half of one, and never a moment when
    // the file is readable by others.
    const std::string tmp = m_path + ".tmp";
    ::unlink(tmp.c_str());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return makeError("token_unwritable",
            "The sign-in token cannot be saved in " + tmp + " (" + std::strerror(errno) + ").");
    ::fchmod(fd, 0600); // whatever the umask
    const std::string data = token + "\n";
    const bool ok
        = ::write(fd, data.data(), data.size()) == ssize_t(data.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || ::rename(tmp.c_str(), m_path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        return makeError(
            "token_unwritable", "The sign-in token cannot be saved in " + m_path + ".");
    }
    return {};
}

Result<void> FileTokenStore::clear()
{
    if (::unlink(m_path.c_str()) != 0 && errno != ENOENT)
        return makeError("token_unwritable",
            "The sign-in token file " + m_path + " cannot be deleted (" + std::strerror(errno)
                + ").");
    return {};
}

} // namespace attache::sync
