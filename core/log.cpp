#include "log.h"

#include <cstdio>
#include <mutex>

namespace attache {

namespace {
std::mutex g_mutex;
LogSink &sink()
{
    static LogSink s;
    return s;
}
} // namespace

void setLogSink(LogSink s)
{
    std::lock_guard lock(g_mutex);
    sink() = std::move(s);
}

void log(LogLevel level, std::string_view category, std::string_view message)
{
    std::lock_guard lock(g_mutex);
    if (sink()) {
        sink()(level, category, message);
        return;
    }
    if (level >= LogLevel::Warning) {
        std::fprintf(stderr, "%.*s: %.*s\n", int(category.size()), category.data(),
            int(message.size()), message.data());
    }
}

} // namespace attache
