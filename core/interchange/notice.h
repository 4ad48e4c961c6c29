#pragma once

#include <string>
#include <vector>

namespace attache::interchange {

/// What a notice says. The codes are stable: front ends word each one in their own language
/// (the app with tr(), the command line with noticeText()); the values it is about travel in
/// Notice::args, in the order given here.
enum class NoticeCode {
    // About the whole file (ParseResult::warnings).
    FileReadAsUtf16, ///< a vCard file with a UTF-16 byte-order mark
    FileUtf16WithoutBom, ///< a CSV file recognised as UTF-16LE by its zero bytes
    FileReadAsWindows1252, ///< a CSV file that is not UTF-8

    // Why a card, a record or a run of lines was not imported (Skipped::reason).
    NotValidUtf16, ///< the file looks like UTF-16 but is not valid UTF-16
    NotPartOfAnyCard, ///< lines outside BEGIN:VCARD … END:VCARD
    CardWithoutEnd, ///< a card with no END:VCARD before the next card
    CardCutOff, ///< the file ends inside a card
    QuotedPrintableCutOff, ///< args: property, the escape that is cut off ("=A")
    QuotedPrintableBadEscape, ///< args: property, the bad escape ("=G5")
    Base64Broken, ///< args: property
    TextNotInCharset, ///< args: property, charset named by the card
    CardWithoutName, ///< no name, organisation or e-mail address
    QuotedFieldNotClosed, ///< a CSV file that ends inside a quoted field
    NotAContactsHeader, ///< a CSV file whose first line has no name or e-mail column
    RecordCutOff, ///< a CSV file that ends in the middle of its last record
    RecordWithoutName, ///< a CSV record with no name, organisation or e-mail address
    NotAContactsFile, ///< neither vCard nor CSV
    StoreRefused, ///< args: the store's error code, its English message, the field ("" none)

    // About one contact (ParsedContact::warnings): something kept in the notes or left out.
    NotAnEmail, ///< args: value
    NotAPhone, ///< args: value
    NotAWebAddress, ///< args: value
    UnknownCountry, ///< args: value
    NotAProperty, ///< a line of a card that is not "NAME:value"
    CardReadAsWindows1252, ///< text without a CHARSET that is not UTF-8
    UnknownCharset, ///< args: charset
    PhotoUndecodable,
    ExtraValues, ///< a CSV record with more values than columns
    PhotoNotStored, ///< args: MIME type ("" unknown), size in bytes

    // Why a contact of the file matches another (PlannedContact::matchReason).
    SameEmail, ///< args: e-mail address
    SamePhone, ///< args: phone number as the file writes it
    SameNameAndOrganisation,
};

/// Something a reader or the import reports about part of a file.
struct Notice
{
    NoticeCode code = NoticeCode::NotAContactsFile;
    int line = 0; ///< the line of the file it is about (0: none in particular)
    std::vector<std::string> args;

    bool operator==(const Notice &) const = default;
};

/// The notice in English, with its line ("line 4: “call me” is not a phone number; kept in
/// the notes"), for the command-line tools and logs.
std::string noticeText(const Notice &notice);

} // namespace attache::interchange
