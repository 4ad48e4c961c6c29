#include "record.h"

namespace attache {

const nlohmann::json &Record::field(std::string_view name) const
{
    static const nlohmann::json kNull;
    auto it = fields.find(std::string(name));
    return it == fields.end() ? kNull : *it;
}

std::string Record::text(std::string_view name) const
{
    const auto &v = field(name);
    return v.is_string() ? v.get<std::string>() : std::string();
}

nlohmann::json Record::toJson() const
{
    return {{"kind", kind ? std::string(kind->name) : std::string()}, {"id", id},
        {"created_at", createdAt}, {"updated_at", updatedAt}, {"updated_by", updatedBy},
        {"updated_device", updatedDevice}, {"deleted", deleted}, {"fields", fields}};
}

} // namespace attache
