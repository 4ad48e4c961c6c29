#pragma once

#include "contactdata.h"

#include <string>
#include <string_view>
#include <vector>

namespace attache::interchange {

enum class VCardVersion { V3, V4 };

/// Reads every vCard (2.1, 3.0 or 4.0) in a file as phones, Outlook and Google Contacts write
/// them: folded lines, quoted-printable with soft line breaks, CHARSET parameters, 2.1 bare
/// TYPE parameters, escaped values, base64 and data: URI photos. A card that cannot be read
/// whole (cut off, no END, broken quoted-printable, no name) is skipped and reported with its
/// line; stray lines between cards are reported as skipped ranges. Values the store would
/// refuse and properties it has no field for go into the contact's notes with a warning.
ParseResult parseVCards(std::string_view bytes);

/// Writes contacts as vCards (CRLF line ends, lines folded at 75 octets, UTF-8).
std::string writeVCards(const std::vector<ContactData> &contacts, VCardVersion version);

/// Base64 helpers shared with the CSV reader (Google's "Photo" column is a URL, not data).
std::string base64Encode(std::string_view bytes);
bool base64Decode(std::string_view text, std::string &out);

} // namespace attache::interchange
