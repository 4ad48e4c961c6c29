#pragma once

#include "result.h"

#include <string>
#include <string_view>

namespace attache::interchange {

/// Converts text in a named character set (as vCard CHARSET parameters and CSV exports name
/// them: "UTF-8", "windows-1252", "ISO-8859-1", "UTF-16LE", "Shift_JIS"…) to UTF-8 with glibc
/// iconv. Errors: "unknown_charset", "invalid_text" (bytes that are not in that charset).
Result<std::string> toUtf8(std::string_view bytes, std::string_view charset);

/// Text that claims no charset: UTF-8 if it is valid UTF-8, otherwise windows-1252 (what
/// Outlook and older Windows tools write). `guessed` is set when the fallback was used.
std::string bytesToUtf8(std::string_view bytes, bool &guessed);

/// UTF-8 → UTF-16LE (no BOM), for tests and for exports to old Outlook versions.
std::string utf8ToUtf16le(std::string_view utf8);

} // namespace attache::interchange
