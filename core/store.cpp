#include "store.h"

#include "log.h"
#include "migrations.h"
#include "text.h"
#include "uuid.h"

#include <algorithm>
#include <filesystem>

namespace attache {

using nlohmann::json;

namespace {

constexpr const char *kCategory = "attache.store";
// How many matches search() ranks with bm25, at most, in each of its two groups (see there).
constexpr int kTitleCandidates = 2000;
constexpr int kSearchCandidates = 500;
// Deferred durability: commits between checkpoints before the store flushes by itself (a
// caller that never calls flush() still gets a bounded WAL and a bounded loss window).
constexpr int kMaxUnflushedCommits = 1000;

json parseJson(const std::string &text, json fallback)
{
    json j = json::parse(text, nullptr, false);
    return j.is_discarded() ? fallback : j;
}

json readField(const Statement &s, const FieldDef &f)
{
    const std::string_view col = f.name;
    switch (f.type) {
    case FieldType::Integer:
        return s.isNull(col) ? json(nullptr) : json(s.integer(col));
    case FieldType::Bool:
        return s.isNull(col) ? json(nullptr) : json(s.integer(col) != 0);
    case FieldType::TextList:
    case FieldType::EnumList:
    case FieldType::RefList: {
        if (s.isNull(col))
            return json::array();
        // As the store writes them, lists of text: read without the JSON parser.
        const std::string text = s.text(col);
        std::vector<std::pair<std::string, std::string>> items;
        if (!readFlatStrings(text, FlatJson::List, items))
            return parseJson(text, json::array());
        json list = json::array();
        for (auto &item : items)
            list.push_back(std::move(item.first));
        return list;
    }
    case FieldType::Money: {
        const std::string amount = std::string(col) + "_amount",
                          currency = std::string(col) + "_currency";
        if (s.isNull(amount))
            return nullptr;
        return json {{"amount", s.integer(amount)}, {"currency", s.text(currency)}};
    }
    default:
        return s.isNull(col) ? json(nullptr) : json(s.text(col));
    }
}

using Marks = std::vector<std::pair<std::string, std::string>>;

// A row's sync marks (_stamps and _base: field → stamp; _pending: a list of fields) as pairs,
// read flat when they are as the store writes them, through the JSON library otherwise. A value
// that is not text is left out.
Marks marksOf(const std::string &text, bool list)
{
    Marks out;
    if (readFlatStrings(text, list ? FlatJson::List : FlatJson::Object, out))
        return out;
    out.clear();
    const json j = parseJson(text, list ? json::array() : json::object());
    if (list && j.is_array()) {
        for (const auto &item : j) {
            if (item.is_string())
                out.emplace_back(item.get<std::string>(), std::string());
        }
    } else if (!list && j.is_object()) {
        for (const auto &[name, v] : j.items()) {
            if (v.is_string())
                out.emplace_back(name, v.get<std::string>());
        }
    }
    return out;
}

// The stamp of `field` in marks read by marksOf(); the last one when a name repeats, as in a
// JSON tree; empty if absent.
std::string markOf(const Marks &marks, std::string_view field)
{
    for (auto it = marks.rbegin(); it != marks.rend(); ++it) {
        if (it->first == field)
            return it->second;
    }
    return {};
}

Record readRecord(const Statement &s, const KindDef &kind)
{
    Record r;
    r.kind = &kind;
    r.id = s.text("id");
    r.createdAt = s.integer("created_at");
    r.updatedAt = s.integer("updated_at");
    r.updatedBy = s.text("updated_by");
    r.updatedDevice = s.text("updated_device");
    r.deleted = s.integer("deleted") != 0;
    for (const auto &f : kind.fields)
        r.fields[std::string(f.name)] = readField(s, f);
    return r;
}

// Text for the search index: each value folded, lists flattened.
void appendSearchText(std::string &out, const json &v)
{
    if (v.is_string()) {
        if (!out.empty())
            out.push_back(' ');
        out += foldForSearch(v.get_ref<const std::string &>());
    } else if (v.is_array()) {
        for (const auto &item : v)
            appendSearchText(out, item);
    }
}

// For each kind, built once: "SELECT rowid AS _rowid, * FROM <table> WHERE id = ?1" (the whole
// row), or only its sync marks (what an acknowledgement rewrites).
const std::string &loadSql(const KindDef &kind, bool marksOnly = false)
{
    static const std::vector<std::string> all = [] {
        std::vector<std::string> out;
        for (const auto &k : allKinds()) {
            out.push_back(
                "SELECT rowid AS _rowid, * FROM " + std::string(k.table) + " WHERE id = ?1");
            out.push_back(
                "SELECT _stamps, _base, _pending FROM " + std::string(k.table) + " WHERE id = ?1");
        }
        return out;
    }();
    return all[2 * size_t(kindIndex(kind)) + (marksOnly ? 1 : 0)];
}

const std::string kSearchDelete = "DELETE FROM search_index WHERE rowid = ?1";
const std::string kSearchInsert
    = "INSERT INTO search_index(rowid, title, body) VALUES (?1, ?2, ?3)";

std::int64_t searchRowId(const KindDef &kind, std::int64_t rowid)
{
    return (std::int64_t(kindIndex(kind)) << 40) | rowid;
}

// An FTS5 query for every folded word of `query` as a prefix, in any column or only in `column`.
std::string ftsQuery(std::string_view query, std::string_view column = {})
{
    std::string q;
    for (const auto &token : searchTokens(query)) {
        if (!q.empty())
            q.push_back(' ');
        if (!column.empty()) {
            q += column;
            q += " : ";
        }
        // Quoted, so that FTS5 operators typed by a user (AND, NEAR, "-") are plain words.
        q += '"';
        for (char c : token) {
            if (c == '"')
                q += "\"\"";
            else
                q.push_back(c);
        }
        q += "\"*";
    }
    return q;
}

// The search rows (search id, bm25) matching `match`, best first, at most `limit`, ranked among
// the first `candidates` matches in row order. `s` is the statement of kRankedMatches.
Result<std::vector<std::pair<std::int64_t, double>>> rankedMatches(
    Statement &s, const std::string &match, std::int64_t candidates, std::int64_t limit)
{
    std::vector<std::pair<std::int64_t, double>> rows;
    s.bind(1, std::string_view(match));
    s.bind(2, limit);
    s.bind(3, candidates);
    if (auto r = s.forEachRow(
            [&](const Statement &row) { rows.emplace_back(row.integer("r"), row.real("rank")); });
        !r) {
        s.reset();
        return r.error();
    }
    return rows;
}

// Title matches weigh ten times body matches; ties in row order, so that a page is stable.
const std::string kRankedMatches
    = "SELECT r, rank FROM (SELECT rowid AS r, bm25(search_index, 10.0, 1.0) AS rank "
      "FROM search_index WHERE search_index MATCH ?1 LIMIT ?3) ORDER BY rank, r LIMIT ?2";

} // namespace

Result<const KindDef *> kindOrError(std::string_view name)
{
    if (const KindDef *k = findKind(name))
        return k;
    return makeError("unknown_kind", "“" + printable(name) + "” is not a kind of record.");
}

Store::Store(Database db, StoreOptions options)
    : m_db(std::move(db))
    , m_options(std::move(options))
    , m_clock(std::string(), m_options.clock)
{ }

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::open(const std::string &path, StoreOptions options)
{
    auto db = Database::open(path, options.mode);
    if (!db)
        return db.error();
    const std::vector<std::string> newFiles = db->newFiles();
    std::unique_ptr<Store> store(new Store(std::move(*db), std::move(options)));
    if (auto r = store->init(); !r) {
        // A new store that could not be set up (a full disk) leaves no file behind: an empty
        // one would open next time as an empty store. Closed first, then removed. Not when
        // another process holds it: it may have just created it too.
        store.reset();
        if (r.error().code != "busy") {
            for (const auto &file : newFiles) {
                std::error_code ec; // best effort: the error that matters is the one returned
                std::filesystem::remove(file, ec);
            }
        }
        return r.error();
    }
    return store;
}

Result<void> Store::init()
{
    // Ownership and version first: nothing may touch a file that is not ours (not even the
    // journal mode, which rewrites the header).
    if (auto r = migrations::checkCanOpen(m_db); !r)
        return r.error();
    auto version = m_db.queryInt("PRAGMA user_version");
    if (!version)
        return version.error();
    // Opened for writing on read-only storage: readable, and every write says why it fails.
    const bool readOnly = m_options.mode == Database::Mode::ReadOnly || m_db.isReadOnly();
    if (!readOnly) {
        auto mode = m_db.prepare("PRAGMA journal_mode = WAL");
        if (!mode)
            return mode.error();
        if (auto r = mode->step(); !r)
            return r.error();
    }
    const bool full = m_options.durability == Durability::Full;
    // Deferred: SQLite's automatic checkpoint would fsync inside an occasional save; flush()
    // checkpoints instead. Foreign keys are on so that any key a migration declares is
    // enforced. A record's references to other records (a lead's mission, a contact's meeting)
    // are ids inside its fields, checked for form by the schema and deliberately not declared
    // as keys: sync delivers records in any order, a device may hold a meeting whose mission it
    // may no longer see, and refusing such a record would lose what someone typed.
    if (auto r = m_db.exec(full ? "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
                                : "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; "
                                  "PRAGMA wal_autocheckpoint = 0;");
        !r)
        return r.error();
    // Full: the commit that takes the log past 1,000 pages would copy them into the database
    // itself, on the committing thread (a quarter of the CPU of applying a pulled page).
    if (full && !readOnly && !m_db.path().empty() && m_db.path() != ":memory:") {
        m_checkpointer = std::make_unique<WalCheckpointer>(m_db.path());
        m_checkpointer->attach(m_db.handle());
    }

    if (readOnly) {
        if (*version != migrations::kLatestVersion && m_options.mode == Database::Mode::ReadOnly)
            return makeError(
                "read_only", "The database is read-only and needs upgrading; open it writable.");
        if (*version != migrations::kLatestVersion)
            return makeError("read_only",
                "The storage holding " + m_db.path()
                    + " is read-only, and this database needs upgrading before this version of "
                      "Attaché can read it: copy it to a writable folder to open it; nothing was "
                      "changed.");
    } else if (auto r = migrations::migrate(m_db); !r) {
        return r.error();
    }
    if (auto r = migrations::checkSchemaMatchesDefinitions(m_db); !r)
        return r.error();
    m_schemaVersion = migrations::kLatestVersion;

    auto device = meta("device_id");
    if (!device)
        return device.error();
    if (*device) {
        m_deviceId = **device;
    } else if (!readOnly) {
        m_deviceId = randomHex(8);
        if (auto r = setMeta("device_id", m_deviceId); !r)
            return r.error();
    }
    m_clock = HlcClock(m_deviceId, m_options.clock);
    if (auto last = meta("hlc_last"); last && *last) {
        if (auto h = Hlc::parse(**last))
            m_clock.restore(*h);
    }
    if (auto user = meta("current_user"); user && *user)
        m_currentUser = **user;

    if (!readOnly) {
        if (auto r = tuneSearchIndex(); !r)
            return r.error();
        auto rebuild = meta("search_rebuild");
        if (!rebuild)
            return rebuild.error();
        if (*rebuild && **rebuild == "1") {
            if (auto r = rebuildSearchIndex(); !r)
                return r.error();
        }
    }

    auto journal = m_db.prepare("PRAGMA journal_mode");
    std::string journalMode = "?";
    if (journal && journal->step().ok())
        journalMode = journal->text("journal_mode");
    log(LogLevel::Info, kCategory,
        "opened " + m_db.path() + ": schema " + std::to_string(m_schemaVersion) + ", journal "
            + journalMode + ", synchronous " + (full ? "FULL" : "NORMAL (deferred flush)")
            + ", foreign_keys ON, device " + m_deviceId);
    return {};
}

Result<void> Store::tuneSearchIndex()
{
    // FTS5 keeps a transaction's new index entries in memory and writes them as one segment at
    // commit, or whenever they exceed 'hashsize' (1 MB by default). A pulled page of 2,000
    // contacts makes a few MB of entries, so the default wrote each page as several small
    // segments, which were then merged again and again ('automerge' 4: every 4 segments of a
    // level). 4 MB and 8 cut the CPU of applying a page by about a quarter (bench/core/
    // bench_apply), while search as you type over 100,000 pulled contacts stayed as fast.
    // The values live in the index's own config table: set once, not at every open.
    constexpr std::pair<const char *, std::int64_t> kSettings[]
        = {{"hashsize", 4 * 1024 * 1024}, {"automerge", 8}};
    for (const auto &[key, value] : kSettings) {
        auto current = cached("SELECT v FROM search_index_config WHERE k = ?1");
        if (!current)
            return current.error();
        (*current)->bind(1, key);
        auto row = (*current)->step();
        if (!row)
            return row.error();
        const bool same = *row && (*current)->integer("v") == value;
        (*current)->reset();
        if (same)
            continue;
        auto set = cached("INSERT INTO search_index(search_index, rank) VALUES (?1, ?2)");
        if (!set)
            return set.error();
        (*set)->bind(1, key);
        (*set)->bind(2, value);
        if (auto r = (*set)->exec(); !r)
            return r.error();
    }
    return {};
}

Result<Statement *> Store::cached(const std::string &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto stmt = m_db.prepare(sql);
        if (!stmt)
            return stmt.error();
        it = m_statements.emplace(sql, std::move(*stmt)).first;
    }
    it->second.reset();
    return &it->second;
}

Result<std::optional<std::string>> Store::meta(const std::string &key)
{
    auto s = cached("SELECT value FROM meta WHERE key = ?1");
    if (!s)
        return s.error();
    (*s)->bind(1, std::string_view(key));
    auto row = (*s)->step();
    if (!row)
        return row.error();
    std::optional<std::string> value;
    if (*row)
        value = (*s)->text("value");
    (*s)->reset();
    return value;
}

Result<void> Store::setMeta(const std::string &key, const std::string &value)
{
    auto s = cached("INSERT INTO meta(key, value) VALUES (?1, ?2) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!s)
        return s.error();
    (*s)->bind(1, std::string_view(key));
    (*s)->bind(2, std::string_view(value));
    return (*s)->exec();
}

Result<void> Store::flush()
{
    m_unflushedCommits = 0;
    // Nothing was committed through a read-only connection: nothing to flush.
    if (m_db.isReadOnly())
        return {};
    // A checkpoint writes the WAL into the database file and fsyncs both. PASSIVE never waits
    // for readers (the UI may be reading); what it could not copy waits for the next flush.
    return m_db.exec("PRAGMA wal_checkpoint(PASSIVE)");
}

Result<void> Store::committed()
{
    // Inside a caller's outer transaction nothing is on disk yet, and a checkpoint could not
    // run anyway: the caller's commit is the moment that counts.
    if (m_options.durability != Durability::Deferred || m_db.inTransaction())
        return {};
    if (++m_unflushedCommits >= kMaxUnflushedCommits)
        return flush();
    return {};
}

Result<void> Store::setCurrentUser(const std::string &userId)
{
    if (!userId.empty() && !isUuid(userId))
        return makeError("invalid_reference", "A user id must be a UUID.");
    if (auto r = setMeta("current_user", userId); !r)
        return r.error();
    m_currentUser = userId;
    return {};
}

Result<std::optional<Store::Loaded>> Store::load(const KindDef &kind, std::string_view id)
{
    return loadRow(kind, id, false);
}

Result<std::optional<Store::Loaded>> Store::loadMarks(const KindDef &kind, std::string_view id)
{
    return loadRow(kind, id, true);
}

Result<std::optional<Store::Loaded>> Store::loadRow(
    const KindDef &kind, std::string_view id, bool marksOnly)
{
    auto s = cached(loadSql(kind, marksOnly));
    if (!s)
        return s.error();
    (*s)->bind(1, id);
    auto row = (*s)->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Loaded>();
    const Statement &st = **s;
    Loaded l;
    if (!marksOnly) {
        l.record = readRecord(st, kind);
        l.rowid = st.integer("_rowid");
    }
    l.stamps = parseJson(st.text("_stamps"), json::object());
    l.base = parseJson(st.text("_base"), json::object());
    l.pending
        = st.isNull("_pending") ? json::array() : parseJson(st.text("_pending"), json::array());
    (*s)->reset();
    return std::optional<Loaded>(std::move(l));
}

Result<Record> Store::write(
    const KindDef &kind, Loaded &row, bool isNew, const std::vector<std::string> &changed)
{
    // Another connection on this file (the sync engine's, or another window's) may have
    // written or observed newer stamps: start from the persisted clock, read inside this
    // write transaction, so a later edit always orders after everything already stored.
    auto persisted = meta("hlc_last");
    if (!persisted)
        return persisted.error();
    if (*persisted) {
        if (auto h = Hlc::parse(**persisted))
            m_clock.restore(*h);
    }
    const Hlc stamp = m_clock.now();
    const std::string stampText = stamp.toString();
    for (const auto &field : changed) {
        row.stamps[field] = stampText;
        if (std::find(row.pending.begin(), row.pending.end(), field) == row.pending.end())
            row.pending.push_back(field);
    }
    Record &r = row.record;
    r.updatedAt = nowMs();
    if (isNew)
        r.createdAt = r.updatedAt;
    r.updatedBy = m_currentUser;
    r.updatedDevice = m_deviceId;

    // One row writer for local edits and pulled changes alike (storesync.cpp); it also
    // updates the search index.
    if (auto e = writeMerged(kind, row, isNew); !e)
        return e.error();
    if (auto e = setMeta("hlc_last", stampText); !e)
        return e.error();
    return r;
}

Result<void> Store::reindex(const KindDef &kind, const Record &record, std::int64_t rowid)
{
    if (!kind.searchable())
        return {};
    auto del = cached(kSearchDelete);
    if (!del)
        return del.error();
    (*del)->bind(1, searchRowId(kind, rowid));
    if (auto r = (*del)->exec(); !r)
        return r.error();
    if (record.deleted)
        return {};
    std::vector<const json *> values;
    values.reserve(kind.fields.size());
    for (const auto &f : kind.fields)
        values.push_back(f.searchWeight > 0 ? &record.field(f.name) : nullptr);
    return addSearchEntry(kind, rowid, values);
}

Result<void> Store::addSearchEntry(
    const KindDef &kind, std::int64_t rowid, const std::vector<const json *> &values)
{
    if (!kind.searchable())
        return {};
    std::string title, body;
    for (size_t i = 0; i < kind.fields.size() && i < values.size(); ++i) {
        const FieldDef &f = kind.fields[i];
        if (!values[i])
            continue;
        if (f.searchWeight == 2)
            appendSearchText(title, *values[i]);
        else if (f.searchWeight == 1)
            appendSearchText(body, *values[i]);
    }
    auto ins = cached(kSearchInsert);
    if (!ins)
        return ins.error();
    (*ins)->bind(1, searchRowId(kind, rowid));
    (*ins)->bind(2, std::string_view(title));
    (*ins)->bind(3, std::string_view(body));
    return (*ins)->exec();
}

Result<void> Store::rebuildSearchIndex()
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    if (auto r = m_db.exec("DELETE FROM search_index"); !r)
        return r.error();
    for (const auto &kind : allKinds()) {
        if (!kind.searchable())
            continue;
        auto s = m_db.prepare(
            "SELECT rowid AS _rowid, * FROM " + std::string(kind.table) + " WHERE deleted = 0");
        if (!s)
            return s.error();
        for (;;) {
            auto row = s->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            if (auto r = reindex(kind, readRecord(*s, kind), s->integer("_rowid")); !r)
                return r.error();
        }
    }
    if (auto r = setMeta("search_rebuild", "0"); !r)
        return r.error();
    if (auto r = tx->commit(); !r)
        return r.error();
    log(LogLevel::Info, kCategory, "rebuilt the search index");
    return {};
}

Result<Record> Store::create(std::string_view kindName, const json &fields, const std::string &id)
{
    auto kind = kindOrError(kindName);
    if (!kind)
        return kind.error();
    const KindDef &k = **kind;
    if (!fields.is_object())
        return makeError("wrong_type", "A record's fields must be a JSON object.");
    if (!id.empty() && !isUuid(id))
        return makeError("invalid_id", "A record id must be a UUID.");

    Loaded row;
    row.record.kind = &k;
    row.record.id = id.empty() ? makeUuidV7(nowMs()) : id;
    row.stamps = json::object();
    row.base = json::object();
    row.pending = json::array();
    std::vector<std::string> changed;
    for (const auto &f : k.fields) {
        const std::string name(f.name);
        json value = emptyValue(f);
        if (auto it = fields.find(name); it != fields.end()) {
            auto n = normaliseField(f, *it);
            if (!n)
                return n.error();
            value = std::move(*n);
        }
        if (value.is_null() && !f.defaultValue.empty())
            value = std::string(f.defaultValue);
        if (!isEmptyValue(f, value))
            changed.push_back(name);
        row.record.fields[name] = std::move(value);
    }
    for (const auto &[key, value] : fields.items()) {
        if (!k.field(key))
            return makeError("unknown_field",
                "“" + printable(key) + "” is not a field of " + std::string(k.name) + ".",
                printable(key));
    }
    if (auto v = validateRecord(k, row.record.fields); !v)
        return v.error();

    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    if (auto existing = load(k, row.record.id); !existing) {
        return existing.error();
    } else if (*existing) {
        return makeError("duplicate_id", "A record with this id already exists.");
    }
    auto saved = write(k, row, true, changed);
    if (!saved)
        return saved.error();
    if (auto c = tx->commit(); !c)
        return c.error();
    if (auto f = committed(); !f)
        log(LogLevel::Warning, kCategory, "flush failed: " + f.error().message);
    return saved;
}

Result<Record> Store::update(std::string_view kindName, std::string_view id, const json &patch)
{
    auto kind = kindOrError(kindName);
    if (!kind)
        return kind.error();
    const KindDef &k = **kind;
    if (!patch.is_object())
        return makeError("wrong_type", "A record's fields must be a JSON object.");

    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    auto loaded = load(k, id);
    if (!loaded)
        return loaded.error();
    if (!*loaded)
        return makeError("not_found", "This " + std::string(k.name) + " does not exist.");
    Loaded &row = **loaded;
    if (row.record.deleted)
        return makeError(
            "deleted", "This " + std::string(k.name) + " was deleted; restore it to edit it.");

    std::vector<std::string> changed;
    for (const auto &[key, value] : patch.items()) {
        const FieldDef *f = k.field(key);
        if (!f)
            return makeError("unknown_field",
                "“" + printable(key) + "” is not a field of " + std::string(k.name) + ".",
                printable(key));
        auto n = normaliseField(*f, value);
        if (!n)
            return n.error();
        if (*n != row.record.fields[key]) {
            row.record.fields[key] = std::move(*n);
            changed.push_back(key);
        }
    }
    if (auto v = validateRecord(k, row.record.fields); !v)
        return v.error();
    if (changed.empty())
        return row.record;
    auto saved = write(k, row, false, changed);
    if (!saved)
        return saved.error();
    if (auto c = tx->commit(); !c)
        return c.error();
    if (auto f = committed(); !f)
        log(LogLevel::Warning, kCategory, "flush failed: " + f.error().message);
    return saved;
}

Result<Record> Store::remove(std::string_view kindName, std::string_view id)
{
    return setDeleted(kindName, id, true);
}

Result<Record> Store::restore(std::string_view kindName, std::string_view id)
{
    return setDeleted(kindName, id, false);
}

Result<Record> Store::setDeleted(std::string_view kindName, std::string_view id, bool deleted)
{
    auto kind = kindOrError(kindName);
    if (!kind)
        return kind.error();
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    auto loaded = load(**kind, id);
    if (!loaded)
        return loaded.error();
    if (!*loaded)
        return makeError("not_found", "This " + std::string((*kind)->name) + " does not exist.");
    if ((*loaded)->record.deleted == deleted)
        return (*loaded)->record;
    (*loaded)->record.deleted = deleted;
    auto saved = write(**kind, **loaded, false, {"deleted"});
    if (!saved)
        return saved.error();
    if (auto c = tx->commit(); !c)
        return c.error();
    if (auto f = committed(); !f)
        log(LogLevel::Warning, kCategory, "flush failed: " + f.error().message);
    return saved;
}

Result<std::optional<Record>> Store::get(std::string_view kindName, std::string_view id)
{
    auto kind = kindOrError(kindName);
    if (!kind)
        return kind.error();
    auto loaded = load(**kind, id);
    if (!loaded)
        return loaded.error();
    if (!*loaded)
        return std::optional<Record>();
    return std::optional<Record>(std::move((*loaded)->record));
}

namespace {
std::string listWhere(const KindDef &kind, const ListQuery &q)
{
    std::string where = q.includeDeleted ? "1" : "deleted = 0";
    if (!q.missionId.empty() && !kind.missionField.empty())
        where += " AND " + std::string(kind.missionField) + " = ?1";
    return where;
}
} // namespace

Result<std::vector<Record>> Store::list(std::string_view kindName, const ListQuery &q)
{
    auto kind = kindOrError(kindName);
    if (!kind)
        return kind.error();
    const KindDef &k = **kind;
    auto s = cached("SELECT * FROM " + std::string(k.table) + " WHERE " + listWhere(k, q)
        + " ORDER BY " + std::string(k.titleField) + " COLLATE NOCASE, id LIMIT ?2 " + "OFFSET ?3");
    if (!s)
        return s.error();
    if (!q.missionId.empty())
        (*s)->bind(1, std::string_view(q.missionId));
    (*s)->bind(2, std::int64_t(q.limit));
    (*s)->bind(3, std::int64_t(q.offset));
    std::vector<Record> out;
    for (;;) {
        auto row = (*s)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        out.push_back(readRecord(**s, k));
    }
    (*s)->reset();
    return out;
}

Result<std::int64_t> Store::count(std::string_view kindName, const ListQuery &q)
{
    auto kind = kindOrError(kindName);
    if (!kind)
        return kind.error();
    auto s = cached("SELECT count(*) AS n FROM " + std::string((*kind)->table) + " WHERE "
        + listWhere(**kind, q));
    if (!s)
        return s.error();
    if (!q.missionId.empty())
        (*s)->bind(1, std::string_view(q.missionId));
    auto row = (*s)->step();
    if (!row)
        return row.error();
    const std::int64_t n = (*s)->integer("n");
    (*s)->reset();
    return n;
}

Result<std::vector<SearchHit>> Store::search(std::string_view query, int limit)
{
    std::vector<SearchHit> hits;
    const std::string match = ftsQuery(query);
    if (match.empty() || limit <= 0)
        return hits;
    auto s = cached(kRankedMatches);
    if (!s)
        return s.error();
    // Two groups, so that no number of body matches can push a title match off the page:
    // first the rows whose titles (names) hold every word, then, if they do not fill the page,
    // the other matches. Ranking every match of a one- or two-letter prefix over 100,000
    // contacts with bm25 takes tens of milliseconds (the 68,000 names holding a "t" word:
    // 54 ms), so each group ranks its first candidates in row order: all the title matches up
    // to kTitleCandidates (past that, the query is a prefix that thousands of names share, and
    // they rank nearly equal), and kSearchCandidates of the others.
    auto rows
        = rankedMatches(**s, ftsQuery(query, "title"), std::max(kTitleCandidates, limit), limit);
    if (!rows)
        return rows.error();
    if (rows->size() < size_t(limit)) {
        // Every title match is in `rows`: the other group is every match but those.
        const auto titleMatches = std::int64_t(rows->size());
        auto rest = rankedMatches(
            **s, match, std::max(kSearchCandidates, limit) + titleMatches, limit + titleMatches);
        if (!rest)
            return rest.error();
        for (const auto &row : *rest) {
            if (rows->size() == size_t(limit))
                break;
            const auto first = rows->begin();
            const auto last = first + titleMatches;
            if (std::none_of(first, last, [&](const auto &t) { return t.first == row.first; }))
                rows->push_back(row);
        }
    }
    const auto kinds = allKinds();
    for (const auto &[searchId, rank] : *rows) {
        const auto index = size_t(searchId >> 40);
        if (index >= kinds.size())
            continue;
        const KindDef &k = kinds[index];
        const std::string missionCol
            = k.missionField.empty() ? "NULL" : std::string(k.missionField);
        auto r = cached("SELECT id, " + std::string(k.titleField) + " AS title, " + missionCol
            + " AS mission FROM " + std::string(k.table) + " WHERE rowid = ?1");
        if (!r)
            return r.error();
        (*r)->bind(1, searchId & ((std::int64_t(1) << 40) - 1));
        auto row = (*r)->step();
        if (!row)
            return row.error();
        if (*row) {
            hits.push_back(
                SearchHit {&k, (*r)->text("id"), (*r)->text("title"), (*r)->text("mission"), rank});
        }
        (*r)->reset();
    }
    return hits;
}

Result<ReportFigures> Store::report(const ReportFilter &filter)
{
    return computeReport(m_db, filter);
}

Result<std::int64_t> Store::pendingCount()
{
    std::int64_t total = 0;
    for (const auto &k : allKinds()) {
        auto s = cached(
            "SELECT count(*) AS n FROM " + std::string(k.table) + " WHERE _pending IS NOT NULL");
        if (!s)
            return s.error();
        auto row = (*s)->step();
        if (!row)
            return row.error();
        total += (*s)->integer("n");
        (*s)->reset();
    }
    // Lost edits waiting to be reported to the server (see conflictReports()).
    auto reports = m_db.queryInt("SELECT count(*) FROM conflicts WHERE report_base IS NOT NULL");
    if (!reports)
        return reports.error();
    return total + *reports;
}

Result<std::vector<PendingRecord>> Store::pendingChanges(int limit, PendingCursor &cursor)
{
    std::vector<PendingRecord> out;
    const auto &kinds = allKinds();
    for (; cursor.kind < kinds.size() && int(out.size()) < limit;
         ++cursor.kind, cursor.afterId.clear()) {
        const KindDef &k = kinds[cursor.kind];
        // Served by the partial index <table>_pending (id) in id order: no sort, and no scan of
        // the records already in sync.
        auto s = cached("SELECT * FROM " + std::string(k.table)
            + " WHERE _pending IS NOT NULL AND id > ?2 ORDER BY id LIMIT ?1");
        if (!s)
            return s.error();
        const int want = limit - int(out.size());
        (*s)->bind(1, std::int64_t(want));
        (*s)->bind(2, std::string_view(cursor.afterId));
        int read = 0;
        auto rows = (*s)->forEachRow([&](const Statement &st) {
            PendingRecord p {&k, st.text("id"), {}};
            p.readStamps = st.text("_stamps");
            p.readBase = st.text("_base");
            p.readPending = st.text("_pending");
            const auto stamps = marksOf(p.readStamps, false);
            const auto base = marksOf(p.readBase, false);
            // Only the pending fields' values are read (a new record's are all of them).
            for (auto &[name, unused] : marksOf(p.readPending, true)) {
                json value;
                if (name == "deleted")
                    value = json(st.integer("deleted") != 0);
                else if (const FieldDef *def = k.field(name))
                    value = readField(st, *def);
                p.fields.push_back(PendingField {
                    name, std::move(value), markOf(stamps, name), markOf(base, name)});
            }
            out.push_back(std::move(p));
            ++read;
        });
        if (!rows)
            return rows.error();
        if (read == want) { // the page is full: this kind may have more
            cursor.afterId = out.back().id;
            break;
        }
    }
    return out;
}

Result<void> Store::writeSyncMarks(const KindDef &kind, const std::string &id, const Loaded &row)
{
    auto s = cached(
        "UPDATE " + std::string(kind.table) + " SET _base = ?2, _pending = ?3 WHERE id = ?1");
    if (!s)
        return s.error();
    (*s)->bind(1, std::string_view(id));
    (*s)->bind(2, std::string_view(row.base.dump()));
    if (row.pending.empty())
        (*s)->bindNull(3);
    else
        (*s)->bind(3, std::string_view(row.pending.dump()));
    return (*s)->exec();
}

Result<void> Store::acknowledge(const std::vector<PendingRecord> &pushed)
{
    // The server holds exactly the pushed stamps: the engine's acknowledgement, one rule.
    auto r = acknowledgePush(pushed, pushed);
    if (!r)
        return r.error();
    return {};
}

} // namespace attache
