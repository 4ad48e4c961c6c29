#pragma once

#include "result.h"

#include <nlohmann/json.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace attache {

/// How a field's value looks in JSON and in SQLite.
enum class FieldType {
    Text, ///< one line of text: JSON string, TEXT column
    LongText, ///< paragraphs of text
    Integer, ///< JSON integer, INTEGER column
    Bool, ///< JSON boolean, INTEGER 0/1
    Date, ///< "YYYY-MM-DD"
    DateTime, ///< "YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]", local time of the place where it happened
    Enum, ///< one of FieldDef::values
    EnumList, ///< JSON array of FieldDef::values, stored as JSON text
    TextList, ///< JSON array of strings, stored as JSON text
    Ref, ///< the UUID of a record of FieldDef::refKind
    RefList, ///< JSON array of such UUIDs
    Money, ///< {"amount": minor units (integer), "currency": ISO 4217}; two columns
};

/// Extra checks on text values.
enum class Format { None, Email, Phone, Url, Country, Sha256, Mime, KindName };

struct FieldDef
{
    std::string_view name; ///< JSON key and SQL column (Money: <name>_amount, <name>_currency)
    FieldType type = FieldType::Text;
    bool required = false;
    std::string_view refKind = {};
    std::span<const std::string_view> values = {};
    Format format = Format::None;
    int searchWeight = 0; ///< 0: not searched; 1: body text; 2: title text
    std::string_view defaultValue = {}; ///< for Enum fields left empty on create
};

/// "start must not be after end", for records with a period.
struct DateOrderRule
{
    std::string_view start;
    std::string_view end;
};

/// One record kind, defined once: the store builds its SQL from this, the sync protocol its
/// JSON, and the server its validation. Adding a field is one line here plus a migration.
struct KindDef
{
    std::string_view name; ///< protocol name: "contact"
    std::string_view table; ///< SQLite table: "contacts"
    std::span<const FieldDef> fields;
    std::string_view titleField; ///< what lists and search results show
    std::string_view missionField; ///< the mission a record belongs to ("" none, "id" itself)
    std::span<const DateOrderRule> dateRules = {};

    const FieldDef *field(std::string_view fieldName) const;
    bool searchable() const;
};

std::span<const KindDef> allKinds();
const KindDef *findKind(std::string_view name);
/// Stable index of a kind (used to build search-index row ids); -1 if unknown.
int kindIndex(const KindDef &kind);

/// The SQL columns a field occupies.
std::vector<std::string> columnsOf(const FieldDef &field);

/// The value a field has when nothing was entered: null, or [] for lists.
nlohmann::json emptyValue(const FieldDef &field);
bool isEmptyValue(const FieldDef &field, const nlohmann::json &value);

/// Checks and normalises one field's value (trims text, upper-cases country and currency
/// codes, de-duplicates lists). Errors name the field.
Result<nlohmann::json> normaliseField(const FieldDef &field, const nlohmann::json &value);

/// Checks a whole record's fields: unknown names, types, formats, required fields, date order.
/// `fields` must hold every field (store merges a patch over the stored record first).
Result<void> validateRecord(const KindDef &kind, const nlohmann::json &fields);

/// A date "YYYY-MM-DD" that exists in the calendar.
bool isValidDate(std::string_view text);
bool isValidDateTime(std::string_view text);

} // namespace attache
