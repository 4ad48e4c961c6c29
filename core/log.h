#pragma once

#include <functional>
#include <string_view>

namespace attache {

enum class LogLevel { Debug, Info, Warning, Error };

/// The core's one logging hook: the app routes it into Q_LOGGING_CATEGORY, the server to
/// stderr. With no sink installed, warnings and errors go to stderr and the rest is dropped.
using LogSink = std::function<void(LogLevel, std::string_view category, std::string_view message)>;

void setLogSink(LogSink sink);
void log(LogLevel level, std::string_view category, std::string_view message);

} // namespace attache
