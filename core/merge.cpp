#include "merge.h"

namespace attache {

FieldMerge mergeField(const nlohmann::json &currentValue, std::string_view currentHlc,
    const nlohmann::json &incomingValue, std::string_view incomingHlc, std::string_view base)
{
    return mergeStamps(
        currentHlc, incomingHlc, base, [&] { return currentValue != incomingValue; });
}

FieldMerge mergeFieldText(std::string_view currentValue, std::string_view currentHlc,
    std::string_view incomingValue, std::string_view incomingHlc, std::string_view base)
{
    return mergeStamps(
        currentHlc, incomingHlc, base, [&] { return currentValue != incomingValue; });
}

} // namespace attache
