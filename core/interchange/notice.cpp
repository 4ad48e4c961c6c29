#include "notice.h"

namespace attache::interchange {

namespace {

std::string quoted(const std::string &s)
{
    return "“" + s + "”";
}

std::string body(const Notice &n)
{
    // A notice read back from somewhere else may lack values: never index past them.
    auto arg = [&](std::size_t i) { return i < n.args.size() ? n.args[i] : std::string(); };
    switch (n.code) {
    case NoticeCode::FileReadAsUtf16:
        return "the file is UTF-16; read as such";
    case NoticeCode::FileUtf16WithoutBom:
        return "the file has no byte-order mark; read as UTF-16LE";
    case NoticeCode::FileReadAsWindows1252:
        return "the file is not UTF-8; read as windows-1252";
    case NoticeCode::NotValidUtf16:
        return "the file looks like UTF-16 but is not valid UTF-16; nothing imported";
    case NoticeCode::NotPartOfAnyCard:
        return "not part of any vCard";
    case NoticeCode::CardWithoutEnd:
        return "card has no END:VCARD before the next card; card skipped";
    case NoticeCode::CardCutOff:
        return "card is cut off (the file ends before END:VCARD); card skipped";
    case NoticeCode::QuotedPrintableCutOff:
        return "broken quoted-printable in " + arg(0) + " (" + quoted(arg(1))
            + " is cut off); card skipped";
    case NoticeCode::QuotedPrintableBadEscape:
        return "broken quoted-printable in " + arg(0) + " (" + quoted(arg(1))
            + " is not a quoted-printable escape); card skipped";
    case NoticeCode::Base64Broken:
        return "broken base64 in " + arg(0) + "; card skipped";
    case NoticeCode::TextNotInCharset:
        return arg(0) + " is not valid " + arg(1) + " text; card skipped";
    case NoticeCode::CardWithoutName:
        return "the card has no name, organisation or e-mail address; card skipped";
    case NoticeCode::QuotedFieldNotClosed:
        return "a quoted field is never closed (the file ends inside it); record skipped";
    case NoticeCode::NotAContactsHeader:
        return "the first line is not a contacts header (no name or e-mail column); file skipped";
    case NoticeCode::RecordCutOff:
        return "the file ends in the middle of this record (fewer values than columns, no line "
               "end); record skipped";
    case NoticeCode::RecordWithoutName:
        return "the record has no name, organisation or e-mail address; record skipped";
    case NoticeCode::NotAContactsFile:
        return "the file is neither vCard nor CSV; nothing imported";
    case NoticeCode::StoreRefused:
        return arg(1) + (arg(2).empty() ? "" : " [" + arg(2) + "]") + "; contact not imported";
    case NoticeCode::NotAnEmail:
        return quoted(arg(0)) + " is not an e-mail address; kept in the notes";
    case NoticeCode::NotAPhone:
        return quoted(arg(0)) + " is not a phone number; kept in the notes";
    case NoticeCode::NotAWebAddress:
        return quoted(arg(0)) + " is not a web address; kept in the notes";
    case NoticeCode::UnknownCountry:
        return "country " + quoted(arg(0)) + " is not one Attaché knows; kept in the notes";
    case NoticeCode::NotAProperty:
        return "not a vCard property; kept in the notes";
    case NoticeCode::CardReadAsWindows1252:
        return "text without a character set was not UTF-8; read as windows-1252";
    case NoticeCode::UnknownCharset:
        return "unknown character set " + quoted(arg(0)) + "; guessed";
    case NoticeCode::PhotoUndecodable:
        return "the photo could not be decoded; left out";
    case NoticeCode::ExtraValues:
        return "more values than columns; the extra value is kept in the notes";
    case NoticeCode::PhotoNotStored:
        return "the photo (" + (arg(0).empty() ? std::string("image") : arg(0)) + ", " + arg(1)
            + " bytes) is not stored: contacts have no photo field";
    case NoticeCode::SameEmail:
        return "same e-mail " + arg(0);
    case NoticeCode::SamePhone:
        return "same phone " + arg(0);
    case NoticeCode::SameNameAndOrganisation:
        return "same name and organisation";
    }
    return "notice " + std::to_string(int(n.code));
}

} // namespace

std::string noticeText(const Notice &notice)
{
    const std::string text = body(notice);
    return notice.line > 0 ? "line " + std::to_string(notice.line) + ": " + text : text;
}

} // namespace attache::interchange
