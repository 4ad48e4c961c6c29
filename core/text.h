#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attache {

/// True when the bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool isValidUtf8(std::string_view s);

/// `s` fit to quote in an error message: as it is when well-formed UTF-8, otherwise with each
/// byte that is not part of a well-formed character replaced by U+FFFD, so that a message about
/// bad input is itself valid text (for JSON, for the UI, for logs).
std::string printable(std::string_view s);

/// Folds text for searching as people type it: Vietnamese (and other Latin) letters lose their
/// diacritics ("Hà Tĩnh" → "ha tinh", "Đắk Lắk" → "dak lak"), combining marks are dropped so
/// that decomposed input folds the same as precomposed, and letters are lower-cased.
/// Invalid UTF-8 bytes are dropped.
std::string foldForSearch(std::string_view s);

/// The words of a search box query after folding, in order, without punctuation.
std::vector<std::string> searchTokens(std::string_view query);

/// Trims ASCII and Unicode white space at both ends.
std::string trimmed(std::string_view s);

/// Appends `s` as a JSON string: quotes, and escapes for quotes, backslashes and control
/// characters; UTF-8 passes through as it is (as nlohmann writes it). For JSON written as text
/// where a DOM would cost more than the text (push bodies, pull pages, stored rows).
void appendJsonString(std::string &out, std::string_view s);

/// The shape of JSON text that readFlatStrings() reads.
enum class FlatJson {
    Object, ///< {"a":"x","b":"y"}: members that are all strings
    List, ///< ["a","b"]: items that are all strings
};

/// Reads JSON text of the given shape, as the store writes its sync marks and lists, into `out`
/// (name, value pairs; for a list, the items with empty values), in document order. Returns
/// false, with `out` in no particular state, for anything else (another shape, other values,
/// \u escapes): the caller then parses the text in full. Reading a row's marks this way skips
/// building a JSON tree for a few stamps.
bool readFlatStrings(
    std::string_view text, FlatJson shape, std::vector<std::pair<std::string, std::string>> &out);

} // namespace attache
