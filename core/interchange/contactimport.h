#pragma once

#include "contactdata.h"
#include "result.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attache {
class Store;
}

namespace attache::interchange {

enum class FileFormat { Unknown, VCard, Csv };

/// vCard or CSV, from the content (BEGIN:VCARD) rather than the file name.
FileFormat detectFormat(std::string_view bytes);
/// Parses a contacts file of either format.
ParseResult parseContactsFile(std::string_view bytes);

/// What to do with one contact of a file.
enum class ImportAction {
    Create, ///< a new contact
    Merge, ///< fill the existing contact `duplicateOf` with `merged`
    Skip, ///< leave it out (the caller decided, or the same person appears earlier in the file)
};

/// One contact of the file and what the import proposes for it. The caller shows the plan,
/// may change `action` (confirm or refuse each merge), then calls applyImport().
struct PlannedContact
{
    ParsedContact contact;
    ImportAction action = ImportAction::Create;
    std::string duplicateOf; ///< id of the stored contact it matches ("" if none)
    /// Why it matches a stored contact or an earlier contact of the file: SameEmail,
    /// SamePhone (with the value) or SameNameAndOrganisation; none when it matches nothing.
    std::optional<Notice> matchReason;
    /// The line of the earlier contact of the same file it was combined with (action Skip);
    /// 0 when it matches a stored contact or nothing.
    int matchedLine = 0;
    nlohmann::json fields; ///< fields of the new contact (Create)
    nlohmann::json merged; ///< fields that change on the stored contact (Merge)
};

struct ImportPlan
{
    std::vector<PlannedContact> items;
    std::vector<Skipped> skipped; ///< cards/records of the file that could not be read
    std::vector<Notice> warnings; ///< about the whole file
};

struct ImportOptions
{
    std::string missionId; ///< new contacts belong to this mission
};

/// Matches each contact of the file against the store's contacts (same e-mail; same phone by
/// its digits, ignoring a leading country or trunk prefix; same accent-folded name and
/// organisation) and against earlier contacts of the same file. A match proposes Merge: the
/// stored values stay, empty fields are filled, lists are united, differing values are added to
/// the notes. Nothing is written.
Result<ImportPlan> planImport(Store &store, ParseResult parsed, const ImportOptions &options);

struct ImportReport
{
    int created = 0;
    int merged = 0;
    int skipped = 0; ///< Skip actions
    std::vector<Skipped> failed; ///< contacts the store refused (each rolled back whole)
    std::vector<std::string> createdIds;
    /// The index in plan.items of each contact written: created or merged, with the id of
    /// the contact it became or went into (e.g. to keep its photo as an attachment).
    std::vector<std::pair<std::size_t, std::string>> written;
};

/// Writes the plan, one transaction per contact: a contact the store refuses is reported with
/// its line and leaves nothing behind; the others are imported.
ImportReport applyImport(Store &store, const ImportPlan &plan, const ImportOptions &options);

/// A readable account of a plan or an import, one line per fact, with line numbers (English).
std::string describePlan(const ImportPlan &plan);
/// Why a contact matches, in English: "same e-mail an@x.vn", "same phone 0912… as line 3 of
/// the file; merged into it"; "" when it matches nothing.
std::string matchText(const PlannedContact &item);

} // namespace attache::interchange
