#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

namespace attache {

/// The field-level merge rule, the one place it is written down in code: the server applies it
/// to pushed changes and the sync engine to pulled ones, so both sides always agree.
///
/// Each field carries the HLC stamp of its value. For one field:
/// - the value with the greater stamp wins (a missing current stamp loses to anything), so the
///   result is the same in any order and under any duplication of deliveries;
/// - it is a conflict when both sides changed the field since the common base (the stamp the
///   incoming side last saw), the values differ, and the stamps differ. Equal values are never a
///   conflict, and re-applying the same change (equal stamps) is neither a change nor a conflict.
struct FieldMerge
{
    bool takeIncoming = false;
    bool conflict = false;
};

/// The rule on stamps; `valuesDiffer()` is asked only when the stamps make a conflict possible.
template<typename ValuesDiffer>
FieldMerge mergeStamps(std::string_view currentHlc, std::string_view incomingHlc,
    std::string_view base, ValuesDiffer valuesDiffer)
{
    FieldMerge m;
    if (currentHlc == incomingHlc)
        return m; // the same change again
    // Stamps are fixed-width text up to the node id, so text order is stamp order.
    m.takeIncoming = currentHlc.empty() || incomingHlc > currentHlc;
    m.conflict = !currentHlc.empty() && currentHlc != base && incomingHlc != base && valuesDiffer();
    return m;
}

FieldMerge mergeField(const nlohmann::json &currentValue, std::string_view currentHlc,
    const nlohmann::json &incomingValue, std::string_view incomingHlc, std::string_view base);

/// The same rule on values given as JSON text (`nlohmann::json::dump()` of normalised values:
/// for those, equal text is equal value and the reverse; an absent value is "null").
FieldMerge mergeFieldText(std::string_view currentValue, std::string_view currentHlc,
    std::string_view incomingValue, std::string_view incomingHlc, std::string_view base);

} // namespace attache
