#pragma once

#include "notice.h"
#include "record.h"
#include "result.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace attache::interchange {

/// A picture carried by a vCard (PHOTO), decoded: raw bytes and their MIME type.
struct Photo
{
    std::string mimeType; ///< "image/jpeg"; "" when the card did not say
    std::string bytes;

    bool operator==(const Photo &) const = default;
};

/// One contact as it travels in and out of files, in the store's terms (contact kind) plus
/// what the store has no field for (the photo). Text is UTF-8; `country` is an ISO code.
struct ContactData
{
    std::string fullName;
    std::string title;
    std::string organisation;
    std::string country;
    std::vector<std::string> emails;
    std::vector<std::string> phones;
    std::string website;
    std::vector<std::string> languages;
    std::vector<std::string> tags;
    std::string interests;
    std::string notes;
    std::optional<Photo> photo;

    bool operator==(const ContactData &) const = default;
};

/// A contact read from a file: where it started and what was adjusted while reading it
/// (NotAnEmail on line 12: “abc” kept in the notes), each notice with the line it is about.
struct ParsedContact
{
    ContactData data;
    int line = 0; ///< 1-based line where the card / CSV record starts
    std::vector<Notice> warnings;
};

/// A card or CSV record (or a run of stray lines) that was not imported, and why.
struct Skipped
{
    int line = 0; ///< first line
    int lastLine = 0; ///< last line (== line for one line)
    Notice reason; ///< its own line, if any, is where in the range the problem is
};

struct ParseResult
{
    std::vector<ParsedContact> contacts;
    std::vector<Skipped> skipped;
    std::vector<Notice> warnings; ///< about the whole file (encoding guessed…)
};

/// The store fields of a contact (kind "contact"), without mission/event/meeting links.
nlohmann::json toFields(const ContactData &c);
/// A stored contact record as ContactData (no photo).
ContactData fromRecord(const Record &record);

/// Adds a value to a contact, checking it the way the store will: a value the store would
/// refuse (not an e-mail, not a phone number, not a web address) goes into the notes
/// instead, with a warning, so that nothing the file held is lost.
void addEmail(ParsedContact &c, const std::string &value, int line);
void addPhone(ParsedContact &c, const std::string &value, int line);
void setWebsite(ParsedContact &c, const std::string &value, int line);
/// Maps a country name or code; unknown names go into the notes with a warning.
void setCountry(ParsedContact &c, const std::string &value, int line, const std::string &context);
void appendNote(ContactData &c, const std::string &text);
void addUnique(std::vector<std::string> &list, const std::string &value);

/// Digits of a phone number, for duplicate detection ("+84 912-345 678" → "84912345678").
std::string phoneDigits(std::string_view phone);

} // namespace attache::interchange
