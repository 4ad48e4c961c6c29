#pragma once

#include "schema.h"

#include <cstdint>
#include <string>

namespace attache {

/// One stored record: its kind, id, bookkeeping, and every field of its kind (empty fields as
/// null or []). JSON form: {"kind", "id", "created_at", "updated_at", "updated_by",
/// "updated_device", "deleted", "fields": {...}}.
struct Record
{
    const KindDef *kind = nullptr;
    std::string id;
    std::int64_t createdAt = 0; ///< Unix ms
    std::int64_t updatedAt = 0; ///< Unix ms
    std::string updatedBy; ///< user id, empty before sign-in
    std::string updatedDevice;
    bool deleted = false;
    nlohmann::json fields = nlohmann::json::object();

    const nlohmann::json &field(std::string_view name) const;
    std::string text(std::string_view name) const;
    std::string title() const { return kind ? text(kind->titleField) : std::string(); }

    nlohmann::json toJson() const;
};

} // namespace attache
