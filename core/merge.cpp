#include "merge.h"

namespace attache {

FieldMerge mergeField(const nlohmann::json &currentValue, std::string_view currentHlc,
    const nlohmann::json &incomingValue, std::string_view incomingHlc, std::string_view base)
{
    FieldMerge m;
    if (currentHlc == incomingHlc)
        return m; // the same change again
    // Stamps are fixed-width text up to the node id, so text order is stamp order.
    m.takeIncoming = currentHlc.empty() || incomingHlc > currentHlc;
    m.conflict = !currentHlc.empty() && currentHlc != base && incomingHlc != base
        && currentValue != incomingValue;
    return m;
}

} // namespace attache
