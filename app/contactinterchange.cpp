#include "contactinterchange.h"

#include "interchange/contactcsv.h"
#include "interchange/contactimport.h"
#include "interchange/vcard.h"
#include "logging.h"
#include "store.h"
#include "texts.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QSaveFile>

namespace ix = attache::interchange;

namespace {

/// Files bigger than this are not address books (a phone's whole vCard export with photos is
/// a few MB); refusing early keeps the worker from reading a film into memory.
constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

/// What core/interchange says about part of the file (NoticeCode and its values), in the
/// user's language, without the line the notice is about.
QString noticeBody(const ix::Notice &n)
{
    using C = ix::NoticeCode;
    const auto arg
        = [&](std::size_t i) { return i < n.args.size() ? fromStd(n.args[i]) : QString(); };
    switch (n.code) {
    case C::FileReadAsUtf16:
        return ContactInterchange::tr("The file is UTF-16 text; it was read as such.");
    case C::FileUtf16WithoutBom:
        return ContactInterchange::tr(
            "The file has no byte-order mark; it was read as UTF-16LE text.");
    case C::FileReadAsWindows1252:
        return ContactInterchange::tr("The file is not UTF-8; it was read as windows-1252 text. "
                                      "Check the accented letters of the imported contacts.");
    case C::NotValidUtf16:
        return ContactInterchange::tr(
            "the file looks like UTF-16 text but is not valid UTF-16; nothing imported");
    case C::NotPartOfAnyCard:
        return ContactInterchange::tr("not part of any vCard");
    case C::CardWithoutEnd:
        return ContactInterchange::tr(
            "the card has no END:VCARD before the next card; card skipped");
    case C::CardCutOff:
        return ContactInterchange::tr(
            "the card is cut off (the file ends before END:VCARD); card skipped");
    case C::QuotedPrintableCutOff:
        //: %1 is a vCard property such as N or NOTE, %2 the escape as written ("=C")
        return ContactInterchange::tr("broken quoted-printable in %1 (“%2” is cut off); card "
                                      "skipped")
            .arg(arg(0), arg(1));
    case C::QuotedPrintableBadEscape:
        //: %1 is a vCard property such as N or NOTE, %2 the escape as written ("=G5")
        return ContactInterchange::tr("broken quoted-printable in %1 (“%2” is not a "
                                      "quoted-printable escape); card skipped")
            .arg(arg(0), arg(1));
    case C::Base64Broken:
        //: %1 is a vCard property such as NOTE
        return ContactInterchange::tr("broken base64 in %1; card skipped").arg(arg(0));
    case C::TextNotInCharset:
        //: %1 is a vCard property such as FN, %2 a character set such as ISO-8859-1
        return ContactInterchange::tr("%1 is not valid %2 text; card skipped").arg(arg(0), arg(1));
    case C::CardWithoutName:
        return ContactInterchange::tr(
            "the card has no name, organisation or e-mail address; card skipped");
    case C::QuotedFieldNotClosed:
        return ContactInterchange::tr(
            "a quoted field is never closed (the file ends inside it); record skipped");
    case C::NotAContactsHeader:
        return ContactInterchange::tr("the first line is not a contacts header (no name or "
                                      "e-mail column); file skipped");
    case C::RecordCutOff:
        return ContactInterchange::tr("the file ends in the middle of this record (fewer "
                                      "values than columns, no line end); record skipped");
    case C::RecordWithoutName:
        return ContactInterchange::tr(
            "the record has no name, organisation or e-mail address; record skipped");
    case C::NotAContactsFile:
        return ContactInterchange::tr("the file is neither vCard nor CSV; nothing imported");
    case C::StoreRefused: {
        const attache::Error error {n.args.size() > 0 ? n.args[0] : std::string(),
            n.args.size() > 1 ? n.args[1] : std::string(),
            n.args.size() > 2 ? n.args[2] : std::string()};
        //: %1 is why the local store refused the contact, a sentence ("Full name: This text is
        //: too long.")
        return ContactInterchange::tr("%1 The contact is not imported.")
            .arg(Texts::errorText(error, QStringLiteral("contact")));
    }
    case C::NotAnEmail:
        return ContactInterchange::tr("“%1” is not an e-mail address; kept in the notes")
            .arg(arg(0));
    case C::NotAPhone:
        return ContactInterchange::tr("“%1” is not a phone number; kept in the notes").arg(arg(0));
    case C::NotAWebAddress:
        return ContactInterchange::tr("“%1” is not a web address; kept in the notes").arg(arg(0));
    case C::UnknownCountry:
        return ContactInterchange::tr("the country “%1” is not one Attaché knows; kept in the "
                                      "notes")
            .arg(arg(0));
    case C::NotAProperty:
        return ContactInterchange::tr("not a vCard property; kept in the notes");
    case C::CardReadAsWindows1252:
        return ContactInterchange::tr(
            "text without a character set is not UTF-8; read as windows-1252");
    case C::UnknownCharset:
        return ContactInterchange::tr("unknown character set “%1”; the text was read as UTF-8 "
                                      "or windows-1252")
            .arg(arg(0));
    case C::PhotoUndecodable:
        return ContactInterchange::tr("the photo could not be decoded; left out");
    case C::ExtraValues:
        return ContactInterchange::tr(
            "more values than columns; the extra value is kept in the notes");
    case C::PhotoNotStored:
        // The app keeps a photo as an attachment of the contact (see apply()).
        return ContactInterchange::tr(
            "the photo will be attached to the contact (only if it belongs to a mission)");
    case C::SameEmail:
        return ContactInterchange::tr("same e-mail %1").arg(arg(0));
    case C::SamePhone:
        return ContactInterchange::tr("same phone %1").arg(arg(0));
    case C::SameNameAndOrganisation:
        return ContactInterchange::tr("same name and organisation");
    }
    return fromStd(ix::noticeText(n));
}

/// A notice with the line it is about, if any ("Line 4: “call me” is not a phone number…").
QString noticeLine(const ix::Notice &n)
{
    if (n.line <= 0)
        return noticeBody(n);
    return ContactInterchange::tr("Line %1: %2").arg(n.line).arg(noticeBody(n));
}

/// Why a contact of the file matches, in the user's language ("" when it matches nothing).
QString matchReasonText(const ix::PlannedContact &item)
{
    if (!item.matchReason)
        return {};
    const QString why = noticeBody(*item.matchReason);
    if (item.matchedLine <= 0)
        return why;
    //: %1 is a reason such as "same e-mail an@x.vn", %2 a line number of the file
    return ContactInterchange::tr("%1 as line %2 of the file: combined with it")
        .arg(why, QString::number(item.matchedLine)); // one pass: the value may hold a "%2"
}

/// A skipped card, record or range of lines and why; the reason's own line, when it has one,
/// is where in the range the problem is.
QString skippedText(const ix::Skipped &s)
{
    QString reason = noticeBody(s.reason);
    if (s.reason.line > 0 && s.reason.line != s.line)
        reason = ContactInterchange::tr("line %1: %2").arg(s.reason.line).arg(reason);
    if (s.lastLine > s.line)
        return ContactInterchange::tr("Lines %1–%2: %3").arg(s.line).arg(s.lastLine).arg(reason);
    return ContactInterchange::tr("Line %1: %2").arg(s.line).arg(reason);
}

/// A contact's photo from the file, kept as an attachment of the contact (contacts have no
/// photo field): the bytes stored under their SHA-256 in the app's attachment directory
/// (written aside, then renamed), then the attachment record, which syncs like a business-card
/// photo taken in the app. Attachments belong to a mission: false (nothing kept) for a contact
/// without one.
attache::Result<bool> keepPhoto(attache::Store &store, const QString &dir,
    const std::string &contactId, const ix::Photo &photo, int line)
{
    auto contact = store.get("contact", contactId);
    if (!contact)
        return contact.error();
    if (!*contact)
        return false;
    const std::string mission = (*contact)->text("mission_id");
    if (mission.empty())
        return false;
    const QByteArray bytes = QByteArray::fromStdString(photo.bytes);
    const std::string sha
        = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString();
    // The same photo imported again into the same contact is not attached twice.
    attache::ListQuery q;
    q.missionId = mission;
    auto existing = store.list("attachment", q);
    if (!existing)
        return existing.error();
    for (const auto &a : *existing) {
        if (a.text("record_id") == contactId && a.text("sha256") == sha)
            return true;
    }
    QDir().mkpath(dir);
    const QString target = dir + QLatin1Char('/') + QString::fromStdString(sha);
    if (!QFile::exists(target)) {
        QFile out(target + QStringLiteral(".part"));
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.flush())
            return attache::makeError("disk_full", "Cannot store the photo.");
        out.close();
        if (!QFile::rename(out.fileName(), target))
            return attache::makeError("disk_full", "Cannot store the photo.");
    }
    QMimeDatabase mimes;
    QString mime = QString::fromStdString(photo.mimeType);
    if (!mimes.mimeTypeForName(mime).isValid())
        mime = mimes.mimeTypeForData(bytes).name();
    const QString extension = mimes.mimeTypeForName(mime).preferredSuffix();
    const QString name = QStringLiteral("photo-line-%1").arg(line)
        + (extension.isEmpty() ? QString() : QLatin1Char('.') + extension);
    auto created = store.create("attachment",
        {{"mission_id", mission}, {"record_kind", "contact"}, {"record_id", contactId},
            {"file_name", name.toStdString()}, {"mime_type", mime.toStdString()},
            {"size", qint64(bytes.size())}, {"sha256", sha}});
    if (!created)
        return created.error();
    return true;
}

} // namespace

struct ContactInterchange::Outcome
{
    ix::ImportReport report;
    int photos = 0; ///< photos kept as attachments
    QStringList photoProblems;
};

struct ContactInterchange::Plan
{
    ix::ImportPlan plan;
    std::vector<QString> duplicateNames; ///< per item: the stored contact's name
};

ContactInterchange::ContactInterchange(QObject *parent)
    : QAbstractListModel(parent)
{ }

ContactInterchange::~ContactInterchange() = default;

int ContactInterchange::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_plan ? 0 : int(m_plan->plan.items.size());
}

QHash<int, QByteArray> ContactInterchange::roleNames() const
{
    return {{NameRole, "name"}, {OrganisationRole, "organisation"}, {DetailRole, "detail"},
        {LineRole, "line"}, {ActionRole, "plannedAction"}, {ActionLabelRole, "actionLabel"},
        {IsDuplicateRole, "isDuplicate"}, {DuplicateIdRole, "duplicateId"},
        {DuplicateNameRole, "duplicateName"}, {MatchReasonRole, "matchReason"},
        {MergedFieldsRole, "mergedFields"}};
}

QVariant ContactInterchange::data(const QModelIndex &index, int role) const
{
    if (!m_plan
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const std::size_t row = std::size_t(index.row());
    const ix::PlannedContact &item = m_plan->plan.items[row];
    const ix::ContactData &c = item.contact.data;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return c.fullName.empty() ? tr("(no name)") : fromStd(c.fullName);
    case OrganisationRole:
        return fromStd(c.organisation);
    case DetailRole: {
        QStringList parts;
        for (const auto &e : c.emails)
            parts.append(fromStd(e));
        for (const auto &p : c.phones)
            parts.append(fromStd(p));
        return parts.join(QStringLiteral(", "));
    }
    case LineRole:
        return item.contact.line;
    case ActionRole:
        switch (item.action) {
        case ix::ImportAction::Create:
            return QStringLiteral("create");
        case ix::ImportAction::Merge:
            return QStringLiteral("merge");
        case ix::ImportAction::Skip:
            return QStringLiteral("skip");
        }
        return {};
    case ActionLabelRole:
        switch (item.action) {
        case ix::ImportAction::Create:
            return item.duplicateOf.empty() ? tr("New contact") : tr("Separate new contact");
        case ix::ImportAction::Merge:
            return tr("Merge into %1").arg(m_plan->duplicateNames[row]);
        case ix::ImportAction::Skip:
            return item.matchedLine > 0 ? tr("Combined with an earlier contact of the file")
                                        : tr("Left out");
        }
        return {};
    case IsDuplicateRole:
        return !item.duplicateOf.empty();
    case DuplicateIdRole:
        return fromStd(item.duplicateOf);
    case DuplicateNameRole:
        return m_plan->duplicateNames[row];
    case MatchReasonRole:
        return matchReasonText(item);
    case MergedFieldsRole: {
        QStringList fields;
        if (item.merged.is_object()) {
            for (const auto &[key, value] : item.merged.items())
                fields.append(Texts::fieldLabel(QStringLiteral("contact"), fromStd(key)));
        }
        return fields.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

void ContactInterchange::setBackend(Backend *backend)
{
    if (m_backend == backend)
        return;
    m_backend = backend;
    resetPlan();
    Q_EMIT configChanged();
}

void ContactInterchange::setMissionId(const QString &id)
{
    if (m_missionId == id)
        return;
    m_missionId = id;
    // The plan was made for another mission: plan again rather than write it elsewhere.
    resetPlan();
    Q_EMIT configChanged();
}

int ContactInterchange::createCount() const
{
    int n = 0;
    if (m_plan) {
        for (const auto &item : m_plan->plan.items)
            n += item.action == ix::ImportAction::Create;
    }
    return n;
}

int ContactInterchange::mergeCount() const
{
    int n = 0;
    if (m_plan) {
        for (const auto &item : m_plan->plan.items)
            n += item.action == ix::ImportAction::Merge;
    }
    return n;
}

int ContactInterchange::duplicateCount() const
{
    int n = 0;
    if (m_plan) {
        for (const auto &item : m_plan->plan.items)
            n += !item.duplicateOf.empty();
    }
    return n;
}

void ContactInterchange::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void ContactInterchange::setResult(const QString &text)
{
    m_result = text;
    Q_EMIT resultChanged();
}

void ContactInterchange::resetPlan()
{
    if (!m_plan && m_skipped.isEmpty() && m_warnings.isEmpty() && m_fileUrl.isEmpty())
        return;
    beginResetModel();
    m_plan.reset();
    m_skipped.clear();
    m_warnings.clear();
    m_fileUrl.clear();
    endResetModel();
    Q_EMIT planChanged();
}

void ContactInterchange::load(const QUrl &file)
{
    if (!m_backend || m_busy)
        return;
    resetPlan();
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        setResult(tr("Could not read %1.").arg(path));
        Q_EMIT errorMessage(m_result);
        return;
    }
    if (f.size() > kMaxFileBytes) {
        setResult(tr("%1 is too big for a contacts file.").arg(path));
        Q_EMIT errorMessage(m_result);
        return;
    }
    auto bytes = std::make_shared<std::string>(f.readAll().toStdString());
    setBusy(true);
    setResult({});
    ix::ImportOptions options;
    options.missionId = m_missionId.toStdString();
    m_backend->run(
        this,
        [bytes, options](attache::Store &store) -> attache::Result<std::shared_ptr<Plan>> {
            auto plan = ix::planImport(store, ix::parseContactsFile(*bytes), options);
            if (!plan)
                return plan.error();
            auto out = std::make_shared<Plan>();
            out->plan = std::move(*plan);
            for (const auto &item : out->plan.items) {
                QString name;
                if (!item.duplicateOf.empty()) {
                    auto rec = store.get("contact", item.duplicateOf);
                    if (rec && *rec)
                        name = fromStd((*rec)->text("full_name"));
                }
                out->duplicateNames.push_back(name);
            }
            return out;
        },
        [this, file](attache::Result<std::shared_ptr<Plan>> r) {
            setBusy(false);
            if (!r) {
                qCWarning(lcApp) << "planning the import failed:" << r.error().message.c_str();
                setResult(Texts::errorText(r.error(), QStringLiteral("contact")));
                Q_EMIT errorMessage(m_result);
                return;
            }
            beginResetModel();
            m_plan = std::move(*r);
            m_fileUrl = file;
            for (const auto &s : m_plan->plan.skipped)
                m_skipped.append(skippedText(s));
            for (const auto &w : m_plan->plan.warnings)
                m_warnings.append(noticeLine(w));
            for (const auto &item : m_plan->plan.items) {
                for (const auto &w : item.contact.warnings)
                    m_warnings.append(noticeLine(w));
            }
            endResetModel();
            Q_EMIT planChanged();
        });
}

bool ContactInterchange::setAction(int row, const QString &action)
{
    if (!m_plan || m_busy || row < 0 || row >= rowCount())
        return false;
    auto &item = m_plan->plan.items[std::size_t(row)];
    if (item.matchedLine > 0)
        return false; // already combined with the earlier contact of the file
    ix::ImportAction next;
    if (action == QLatin1String("create"))
        next = ix::ImportAction::Create;
    else if (action == QLatin1String("merge") && !item.duplicateOf.empty())
        next = ix::ImportAction::Merge;
    else if (action == QLatin1String("skip"))
        next = ix::ImportAction::Skip;
    else
        return false;
    if (item.action != next) {
        item.action = next;
        if (next == ix::ImportAction::Create && !item.fields.is_object())
            item.fields = ix::toFields(item.contact.data);
        Q_EMIT dataChanged(index(row), index(row));
        Q_EMIT planChanged();
    }
    return true;
}

void ContactInterchange::cancel()
{
    resetPlan();
}

void ContactInterchange::apply()
{
    if (!m_backend || !m_plan || m_busy)
        return;
    setBusy(true);
    ix::ImportOptions options;
    options.missionId = m_missionId.toStdString();
    auto plan = m_plan;
    const QString attachmentDir = m_backend->attachmentDir();
    m_backend->run(
        this,
        [plan, options, attachmentDir](attache::Store &store) -> attache::Result<Outcome> {
            Outcome out;
            out.report = ix::applyImport(store, plan->plan, options);
            for (const auto &[index, contactId] : out.report.written) {
                const ix::ParsedContact &c = plan->plan.items[index].contact;
                if (!c.data.photo || c.data.photo->bytes.empty())
                    continue;
                auto kept = keepPhoto(store, attachmentDir, contactId, *c.data.photo, c.line);
                if (!kept) {
                    out.photoProblems.append(tr("Line %1: the contact is imported, but its photo "
                                                "could not be kept (%2)")
                                                 .arg(c.line)
                                                 .arg(Texts::errorText(kept.error())));
                } else if (*kept) {
                    ++out.photos;
                } else {
                    out.photoProblems.append(tr("Line %1: the photo is not kept: only a contact "
                                                "of a mission can have files attached")
                                                 .arg(c.line));
                }
            }
            return out;
        },
        [this, plan](attache::Result<Outcome> outcome) {
            setBusy(false);
            if (!outcome) {
                setResult(Texts::errorText(outcome.error(), QStringLiteral("contact")));
                Q_EMIT errorMessage(m_result);
                return;
            }
            const ix::ImportReport &report = outcome->report; // failures are per contact
            QStringList failed;
            for (const auto &s : report.failed)
                failed.append(skippedText(s));
            QString text = tr("%n new contact(s)", "", report.created) + QStringLiteral(", ")
                + tr("%n merged", "", report.merged) + QStringLiteral(", ")
                + tr("%n left out", "", report.skipped);
            const int unreadable = int(plan->plan.skipped.size()) + int(report.failed.size());
            if (unreadable > 0)
                text
                    += QStringLiteral(", ") + tr("%n not imported (see the lines)", "", unreadable);
            if (outcome->photos > 0)
                text += QStringLiteral(", ") + tr("%n photo(s) attached", "", outcome->photos);
            failed.append(outcome->photoProblems);
            // What was not imported stays listed with its line, after the plan is gone.
            beginResetModel();
            m_plan.reset();
            m_skipped.append(failed);
            endResetModel();
            Q_EMIT planChanged();
            setResult(text);
            if (m_backend && (report.created > 0 || report.merged > 0))
                m_backend->notifyChanged(QStringLiteral("contact"));
            if (m_backend && outcome->photos > 0)
                m_backend->notifyChanged(QStringLiteral("attachment"));
            Q_EMIT imported(report.created, report.merged, int(report.failed.size()));
        });
}

void ContactInterchange::exportTo(const QUrl &file, const QString &format)
{
    if (!m_backend || m_busy)
        return;
    if (format != QLatin1String("vcard4") && format != QLatin1String("vcard3")
        && format != QLatin1String("csv")) {
        return;
    }
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    setBusy(true);
    const std::string mission = m_missionId.toStdString();
    m_backend->run(
        this,
        [mission, format](attache::Store &store) -> attache::Result<std::pair<std::string, int>> {
            attache::ListQuery q;
            q.missionId = mission;
            auto records = store.list("contact", q);
            if (!records)
                return records.error();
            std::vector<ix::ContactData> contacts;
            contacts.reserve(records->size());
            for (const auto &r : *records)
                contacts.push_back(ix::fromRecord(r));
            std::string bytes = format == QLatin1String("csv")
                ? ix::writeContactsCsv(contacts)
                : ix::writeVCards(contacts,
                    format == QLatin1String("vcard3") ? ix::VCardVersion::V3
                                                      : ix::VCardVersion::V4);
            return std::make_pair(std::move(bytes), int(contacts.size()));
        },
        [this, path](attache::Result<std::pair<std::string, int>> r) {
            setBusy(false);
            if (!r) {
                setResult(Texts::errorText(r.error(), QStringLiteral("contact")));
                Q_EMIT errorMessage(m_result);
                return;
            }
            // All or nothing: a half-written file never replaces a good one.
            QSaveFile out(path);
            if (!out.open(QIODevice::WriteOnly)
                || out.write(r->first.data(), qint64(r->first.size())) != qint64(r->first.size())
                || !out.commit()) {
                setResult(tr("Could not write %1.").arg(path));
                Q_EMIT errorMessage(m_result);
                return;
            }
            setResult(tr("%n contact(s) saved to %1", "", r->second).arg(path));
            Q_EMIT exported(r->second);
        });
}
