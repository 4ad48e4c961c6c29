#pragma once

#include "contactdata.h"

#include <string>
#include <string_view>
#include <vector>

namespace attache::interchange {

/// One record of a CSV file and the line it starts on.
struct CsvRow
{
    int line = 0;
    std::vector<std::string> fields;
    bool terminated = true; ///< false for a last record the file ends inside of (no line end)
};

struct CsvTable
{
    std::vector<CsvRow> rows; ///< header included
    std::vector<Skipped> skipped;
    std::vector<Notice> warnings;
};

/// Reads RFC 4180 CSV as spreadsheets and address books export it: UTF-8 (with or without
/// BOM), UTF-16LE (with BOM, or recognised by its zero bytes), windows-1252 otherwise; comma,
/// semicolon or tab separated (guessed from the header line); quoted fields that span lines.
CsvTable readCsv(std::string_view bytes);

/// Reads contacts from a Google Contacts or Outlook CSV export (or Attaché's own). Columns are
/// found by their header names, in any order; columns the store has no field for go into the
/// notes as "Header: value", so nothing in the file is dropped silently.
ParseResult parseContactsCsv(std::string_view bytes);

/// Writes contacts as CSV for Excel and Google Contacts: UTF-8 with BOM, comma, CRLF.
std::string writeContactsCsv(const std::vector<ContactData> &contacts);

/// One CSV field, quoted when it must be.
std::string csvField(std::string_view value);

} // namespace attache::interchange
