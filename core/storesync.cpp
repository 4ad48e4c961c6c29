// Store functions for the sync engine (the "Sync engine support" section of store.h): applying
// pulled records with the shared merge rule, conflicts, acknowledgements, resync, dropping a
// mission's records, and wiping a revoked device.

#include "log.h"
#include "merge.h"
#include "store.h"
#include "text.h"
#include "uuid.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace attache {

using nlohmann::json;

namespace {

constexpr const char *kCategory = "attache.store";

json parseJsonText(const std::string &text, json fallback)
{
    json j = json::parse(text, nullptr, false);
    return j.is_discarded() ? fallback : j;
}

/// The base marks of a pushed record once the server holds `held` (one stamp per pushed field):
/// its base as pendingChanges() read it with those fields set, as the JSON text nlohmann would
/// write (names in order, the last of a repeated name kept). Without a JSON tree: the common
/// case reads a flat object of stamps.
std::string baseAfterAcknowledgement(const PendingRecord &p, const std::vector<std::string> &held)
{
    std::vector<std::pair<std::string, std::string>> read; // none for an empty base
    if (!p.readBase.empty() && !readFlatStrings(p.readBase, FlatJson::Object, read)) {
        json base = parseJsonText(p.readBase, json::object());
        if (!base.is_object())
            base = json::object(); // not marks at all: rebuilt from what the server holds
        for (std::size_t i = 0; i < p.fields.size(); ++i)
            base[p.fields[i].field] = held[i];
        return base.dump();
    }
    std::map<std::string_view, std::string_view> marks;
    for (const auto &[name, stamp] : read)
        marks[name] = stamp;
    for (std::size_t i = 0; i < p.fields.size(); ++i)
        marks[p.fields[i].field] = held[i];
    std::string out = "{";
    for (const auto &[name, stamp] : marks) {
        if (out.size() > 1)
            out += ',';
        appendJsonString(out, name);
        out += ':';
        appendJsonString(out, stamp);
    }
    out += '}';
    return out;
}

// One field of a pulled change as the store keeps it: its definition (null for "deleted") and
// its value ("deleted" as a bool; a null value stays null, for the caller to treat as empty;
// anything else normalised). Nullopt, with a log line, for a field the kind does not have or an
// invalid value: the pull ignores that field. Shared by both paths of applyRemote, so that the
// fast insert and the general merge read a pulled field the same way.
struct PulledField
{
    const FieldDef *def = nullptr;
    json value;
};

std::optional<PulledField> readPulledField(
    const KindDef &kind, const std::string &name, const json &incoming)
{
    if (name == "deleted")
        return PulledField {nullptr, json(incoming.is_boolean() && incoming.get<bool>())};
    const FieldDef *def = kind.field(name);
    if (!def) {
        log(LogLevel::Warning, kCategory,
            "ignored unknown field " + name + " of a pulled " + std::string(kind.name));
        return std::nullopt;
    }
    if (incoming.is_null())
        return PulledField {def, json()};
    auto n = normaliseField(*def, incoming);
    if (!n) {
        log(LogLevel::Warning, kCategory,
            "ignored an invalid pulled value of " + std::string(kind.name) + "." + name + ": "
                + n.error().message);
        return std::nullopt;
    }
    return PulledField {def, std::move(*n)};
}

// Same binding as the store's own writes (store.cpp); kept here so that file stays untouched.
void bindFieldValue(Statement &s, int &index, const FieldDef &f, const json &v)
{
    if (f.type == FieldType::Money) {
        if (v.is_object() && v.contains("amount") && v["amount"].is_number_integer()
            && v.contains("currency") && v["currency"].is_string()) {
            s.bind(index++, v["amount"].get<std::int64_t>());
            s.bind(index++, std::string_view(v["currency"].get_ref<const std::string &>()));
        } else {
            s.bindNull(index++);
            s.bindNull(index++);
        }
        return;
    }
    if (v.is_null() || (v.is_array() && v.empty()))
        s.bindNull(index);
    else if (v.is_string())
        s.bind(index, std::string_view(v.get_ref<const std::string &>()));
    else if (v.is_boolean())
        s.bind(index, std::int64_t(v.get<bool>() ? 1 : 0));
    else if (v.is_number_integer())
        s.bind(index, v.get<std::int64_t>());
    else
        s.bind(index, std::string_view(v.dump()));
    ++index;
}

// The SQL of a kind's row writes, built once from its definition (not per record).
// Parameters: ?1 id, ?2 created_at, ?3 updated_at, ?4 updated_by, ?5 updated_device, ?6 deleted,
// ?7 _stamps, ?8 _base, ?9 _pending, then the field columns in definition order.
struct KindSql
{
    std::string insert;
    std::string update;
};

const KindSql &kindSql(const KindDef &kind)
{
    static const std::vector<KindSql> all = [] {
        std::vector<KindSql> out;
        for (const auto &k : allKinds()) {
            const std::string table(k.table);
            KindSql q;
            q.insert = "INSERT INTO " + table
                + " (id, created_at, updated_at, updated_by, updated_device, deleted, _stamps, "
                  "_base, _pending";
            q.update = "UPDATE " + table
                + " SET created_at = ?2, updated_at = ?3, updated_by = ?4, updated_device = ?5, "
                  "deleted = ?6, _stamps = ?7, _base = ?8, _pending = ?9";
            int i = 10;
            for (const auto &f : k.fields) {
                for (const auto &c : columnsOf(f)) {
                    q.insert += ", " + c;
                    q.update += ", " + c + " = ?" + std::to_string(i++);
                }
            }
            q.insert += ") VALUES (";
            for (int p = 1; p < i; ++p)
                q.insert += (p > 1 ? ", ?" : "?") + std::to_string(p);
            q.insert += ")";
            q.update += " WHERE id = ?1";
            out.push_back(std::move(q));
        }
        return out;
    }();
    return all[size_t(kindIndex(kind))];
}

void bindEmptyField(Statement &s, int &index, const FieldDef &f)
{
    s.bindNull(index++);
    if (f.type == FieldType::Money)
        s.bindNull(index++);
}

std::int64_t searchRowIdOf(const KindDef &kind, std::int64_t rowid)
{
    return (std::int64_t(kindIndex(kind)) << 40) | rowid;
}

bool isPending(const json &pending, const std::string &field)
{
    return std::find(pending.begin(), pending.end(), json(field)) != pending.end();
}

void erasePending(json &pending, const std::string &field)
{
    pending.erase(std::remove(pending.begin(), pending.end(), json(field)), pending.end());
}

std::string stampOf(const json &stamps, const std::string &field)
{
    auto it = stamps.find(field);
    return it != stamps.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

Result<void> Store::writeMerged(const KindDef &kind, Loaded &row, bool isNew)
{
    const Record &r = row.record;
    const KindSql &sql = kindSql(kind);
    auto s = cached(isNew ? sql.insert : sql.update);
    if (!s)
        return s.error();
    Statement &st = **s;
    st.bind(1, std::string_view(r.id));
    st.bind(2, r.createdAt);
    st.bind(3, r.updatedAt);
    st.bind(4, r.updatedBy.empty() ? std::optional<std::string>() : r.updatedBy);
    st.bind(5, std::string_view(r.updatedDevice));
    st.bind(6, std::int64_t(r.deleted ? 1 : 0));
    st.bind(7, std::string_view(row.stamps.dump()));
    st.bind(8, std::string_view(row.base.dump()));
    if (row.pending.empty())
        st.bindNull(9);
    else
        st.bind(9, std::string_view(row.pending.dump()));
    int index = 10;
    for (const auto &f : kind.fields)
        bindFieldValue(st, index, f, r.field(f.name));
    if (auto e = st.exec(); !e)
        return e.error();
    if (isNew)
        row.rowid = m_db.lastInsertRowId();
    return reindex(kind, r, row.rowid);
}

void Store::observePulled(const std::string &hlc, std::string &lastObserved)
{
    // Observing is idempotent, and a page's fields mostly share their record's stamp.
    if (hlc == lastObserved)
        return;
    if (auto h = Hlc::parse(hlc)) {
        if (auto o = m_clock.observe(*h); !o) {
            log(LogLevel::Warning, kCategory, o.error().message);
            return;
        }
        lastObserved = hlc;
    }
}

Result<bool> Store::insertPulled(
    const KindDef &kind, const RemoteChange &change, std::int64_t now, std::string &lastObserved)
{
    // mergeField against a record that is not here: no current stamp, so every stamped pulled
    // value is taken, nothing conflicts and nothing is pending; base = stamps.
    const size_t count = kind.fields.size();
    std::vector<nlohmann::json> values(count);
    std::vector<char> named(count + 1, 0); // [count]: "deleted"
    bool deleted = false;
    std::string stamps = "{";
    for (const auto &[name, incoming] : change.fields) {
        auto field = readPulledField(kind, name, incoming.value);
        if (!field)
            continue;
        const size_t index = field->def ? size_t(field->def - kind.fields.data()) : count;
        if (named[index] || incoming.hlc.empty())
            return false;
        named[index] = 1;
        if (!field->def)
            deleted = field->value.get<bool>();
        else
            values[index] = std::move(field->value);
        observePulled(incoming.hlc, lastObserved);
        if (stamps.size() > 1)
            stamps += ',';
        appendJsonString(stamps, name);
        stamps += ':';
        appendJsonString(stamps, incoming.hlc);
    }
    stamps += '}';

    auto s = cached(kindSql(kind).insert);
    if (!s)
        return s.error();
    Statement &st = **s;
    const std::int64_t at = change.updatedAt > 0 ? change.updatedAt : now;
    st.bind(1, std::string_view(change.id));
    st.bind(2, at);
    st.bind(3, at);
    if (change.updatedBy.empty())
        st.bindNull(4);
    else
        st.bind(4, std::string_view(change.updatedBy));
    st.bind(5, std::string_view(change.updatedDevice));
    st.bind(6, std::int64_t(deleted ? 1 : 0));
    st.bind(7, std::string_view(stamps));
    st.bind(8, std::string_view(stamps));
    st.bindNull(9);
    std::vector<const nlohmann::json *> present(count, nullptr);
    int index = 10;
    for (size_t i = 0; i < count; ++i) {
        const FieldDef &f = kind.fields[i];
        if (values[i].is_null()) {
            bindEmptyField(st, index, f);
        } else {
            bindFieldValue(st, index, f, values[i]);
            present[i] = &values[i];
        }
    }
    if (auto e = st.exec(); !e)
        return e.error();
    if (deleted)
        return true;
    if (auto r = addSearchEntry(kind, m_db.lastInsertRowId(), present); !r)
        return r.error();
    return true;
}

Result<Store::ApplyStats> Store::applyRemote(const std::vector<RemoteChange> &changes)
{
    ApplyStats stats;
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    const std::int64_t now = nowMs();
    std::string lastObserved;
    for (const auto &change : changes) {
        if (!change.kind)
            return makeError("unknown_kind", "A pulled record has no kind.");
        const KindDef &kind = *change.kind;
        auto loaded = load(kind, change.id);
        if (!loaded)
            return loaded.error();
        const bool isNew = !loaded->has_value();
        if (isNew) {
            auto inserted = insertPulled(kind, change, now, lastObserved);
            if (!inserted)
                return inserted.error();
            if (*inserted) {
                ++stats.records;
                continue;
            }
        }
        Loaded row;
        if (isNew) {
            row.record.kind = &kind;
            row.record.id = change.id;
            for (const auto &f : kind.fields)
                row.record.fields[std::string(f.name)] = emptyValue(f);
            row.stamps = json::object();
            row.base = json::object();
            row.pending = json::array();
        } else {
            row = std::move(**loaded);
        }

        bool changed = isNew;
        for (const auto &[name, incoming] : change.fields) {
            auto field = readPulledField(kind, name, incoming.value);
            if (!field)
                continue;
            const bool isDeleted = !field->def;
            json value = !isDeleted && field->value.is_null() ? emptyValue(*field->def)
                                                              : std::move(field->value);
            observePulled(incoming.hlc, lastObserved);
            const json current = isDeleted ? json(row.record.deleted) : row.record.field(name);
            const std::string currentHlc = stampOf(row.stamps, name);
            const std::string base = stampOf(row.base, name);
            const bool pending = isPending(row.pending, name);
            const FieldMerge m = mergeField(current, currentHlc, value, incoming.hlc, base);

            // Only an unpushed edit of ours can collide here: a value this device already
            // pushed, or got from the server, is in the server's history, where any conflict
            // about it was recorded (our base may even be ahead of it: an acknowledgement can
            // name a newer stamp than the value we still hold, which this pull brings).
            if (m.conflict && pending) {
                Conflict c;
                c.kind = &kind;
                c.recordId = change.id;
                c.field = name;
                c.detectedAt = now;
                const std::string &localBy = m_currentUser;
                if (m.takeIncoming) {
                    c.winnerValue = value, c.winnerHlc = incoming.hlc,
                    c.winnerBy = change.updatedBy;
                    c.loserValue = current, c.loserHlc = currentHlc, c.loserBy = localBy;
                } else {
                    c.winnerValue = current, c.winnerHlc = currentHlc, c.winnerBy = localBy;
                    c.loserValue = value, c.loserHlc = incoming.hlc, c.loserBy = change.updatedBy;
                }
                // Provisional until the server has seen our side. A pending edit of ours that
                // loses is never pushed as the field's value; it is reported instead, so that
                // the server records this conflict for every device.
                c.provisional = true;
                const bool oursLost = m.takeIncoming;
                auto added
                    = insertConflict(c, oursLost ? std::optional<std::string>(base) : std::nullopt);
                if (!added)
                    return added.error();
                stats.conflicts += *added;
            }
            if (currentHlc == incoming.hlc) {
                // The server already holds exactly this change: nothing left to push.
                if (pending) {
                    erasePending(row.pending, name);
                    changed = true;
                    if (auto r = settleProvisional(kind, change.id, name, incoming.hlc); !r)
                        return r.error();
                }
                if (base != incoming.hlc) {
                    row.base[name] = incoming.hlc;
                    changed = true;
                }
            } else if (m.takeIncoming) {
                if (isDeleted)
                    row.record.deleted = value.get<bool>();
                else
                    row.record.fields[name] = value;
                row.stamps[name] = incoming.hlc;
                row.base[name] = incoming.hlc;
                erasePending(row.pending, name);
                changed = true;
            } else if (!pending) {
                // Our value is newer than the server's, yet nothing of ours is unpushed: the
                // server has lost it (tombstones purged, a backup restored). It goes up again,
                // so that every device converges on it, with the server's stamp as its base.
                row.base[name] = incoming.hlc;
                row.pending.push_back(name);
                changed = true;
            }
            // A pending local value that wins keeps its old base, so that the server, too, sees
            // that it was written without knowing this remote value.
        }
        // A delete of ours the server no longer knows of at all (its tombstone purged, the
        // record since recreated by another device's resync) goes up again, like any value of
        // ours the server has lost (above).
        if (!isNew && row.record.deleted && !stampOf(row.stamps, "deleted").empty()
            && !isPending(row.pending, "deleted")
            && std::none_of(change.fields.begin(), change.fields.end(),
                [](const auto &f) { return f.first == "deleted"; })) {
            row.pending.push_back("deleted");
            changed = true;
        }
        if (!changed)
            continue;
        if (isNew) {
            row.record.createdAt = change.updatedAt > 0 ? change.updatedAt : now;
        }
        row.record.updatedAt = change.updatedAt > 0 ? change.updatedAt : now;
        row.record.updatedBy = change.updatedBy;
        row.record.updatedDevice = change.updatedDevice;
        if (auto w = writeMerged(kind, row, isNew); !w)
            return w.error();
        ++stats.records;
    }
    if (auto r = setMeta("hlc_last", m_clock.last().toString()); !r)
        return r.error();
    if (auto c = tx->commit(); !c)
        return c.error();
    return stats;
}

Result<std::int64_t> Store::acknowledgePush(const std::vector<PendingRecord> &pushed,
    const std::vector<PendingRecord> &serverStamps, const std::vector<Conflict> &serverConflicts,
    bool unlistedAsPushed)
{
    // A batch acknowledges hundreds of records: look them up by id, not by scanning.
    std::unordered_multimap<std::string_view, const PendingRecord *> byId;
    byId.reserve(serverStamps.size());
    for (const auto &s : serverStamps)
        byId.emplace(s.id, &s);
    auto serverStamp = [&](const PendingRecord &p, const PendingField &pushedField) -> std::string {
        const auto [from, to] = byId.equal_range(p.id);
        bool listed = false;
        for (auto it = from; it != to; ++it) {
            if (it->second->kind != p.kind)
                continue;
            listed = true;
            for (const auto &f : it->second->fields) {
                if (f.field == pushedField.field)
                    return f.hlc;
            }
        }
        return !listed && unlistedAsPushed ? pushedField.hlc : std::string();
    };
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    std::int64_t added = 0;
    for (const auto &c : serverConflicts) {
        auto r = insertConflict(c);
        if (!r)
            return r.error();
        added += *r;
    }
    auto anyProvisional
        = m_db.queryInt("SELECT EXISTS (SELECT 1 FROM conflicts WHERE provisional)");
    if (!anyProvisional)
        return anyProvisional.error();
    std::vector<std::string> held;
    for (const auto &p : pushed) {
        if (!p.kind)
            return makeError("unknown_kind", "Acknowledged a record of no kind.");
        held.clear();
        bool allHeld = true;
        for (const auto &f : p.fields) {
            held.push_back(serverStamp(p, f)); // empty: not acknowledged, stays pending
            allHeld = allHeld && !held.back().empty();
            if (*anyProvisional && !held.back().empty()) {
                if (auto r = settleProvisional(*p.kind, p.id, f.field, f.hlc); !r)
                    return r.error();
            }
        }
        if (allHeld && !p.readPending.empty()) {
            // Every field acknowledged and, if the row's marks are as pendingChanges() read
            // them (not edited, pulled or acknowledged since), all of them were pushed at their
            // current stamps: the record is clean, its base at the stamps the server holds.
            const std::string base = baseAfterAcknowledgement(p, held);
            auto s = cached("UPDATE " + std::string(p.kind->table)
                + " SET _base = ?2, _pending = NULL WHERE id = ?1 AND _stamps = ?3 AND "
                  "_pending = ?4");
            if (!s)
                return s.error();
            (*s)->bind(1, std::string_view(p.id));
            (*s)->bind(2, std::string_view(base));
            (*s)->bind(3, std::string_view(p.readStamps));
            (*s)->bind(4, std::string_view(p.readPending));
            if (auto r = (*s)->exec(); !r)
                return r.error();
            if (m_db.changes() == 1)
                continue;
        }
        // The general case: field by field, against the row as it is now.
        auto loaded = loadMarks(*p.kind, p.id);
        if (!loaded)
            return loaded.error();
        if (!*loaded)
            continue; // gone meanwhile: its conflicts settled above
        Loaded &row = **loaded;
        bool changed = false;
        for (std::size_t i = 0; i < p.fields.size(); ++i) {
            const auto &f = p.fields[i];
            if (held[i].empty() || stampOf(row.stamps, f.field) != f.hlc)
                continue; // not acknowledged, or edited again since it was pushed (or a lost
                          // edit's report)
            // The server holds our stamp or a newer one (which the pull brings next).
            row.base[f.field] = held[i];
            erasePending(row.pending, f.field);
            changed = true;
        }
        if (changed) {
            if (auto r = writeSyncMarks(*p.kind, p.id, row); !r)
                return r.error();
        }
    }
    if (auto c = tx->commit(); !c)
        return c.error();
    return added;
}

Result<void> Store::settleProvisional(const KindDef &kind, const std::string &recordId,
    const std::string &field, const std::string &pushedHlc)
{
    // The server now holds our stamp pushedHlc for this field: it has seen our side of every
    // conflict this device found on the field (that side was this stamp or an older pending one
    // it supersedes), except lost edits not yet reported. What the server recorded, if anything,
    // came with its answer or comes with a later pull (its conflicts feed starts after our
    // cursor). A choice the person already made carries over to the server's version.
    auto resolved = cached("SELECT max(resolved_at) AS at FROM conflicts WHERE kind = ?1 AND "
                           "record_id = ?2 AND field = ?3 AND provisional = 1 AND "
                           "(report_base IS NULL OR loser_hlc = ?4)");
    if (!resolved)
        return resolved.error();
    Statement &q = **resolved;
    q.bind(1, kind.name);
    q.bind(2, std::string_view(recordId));
    q.bind(3, std::string_view(field));
    q.bind(4, std::string_view(pushedHlc));
    auto row = q.step();
    if (!row)
        return row.error();
    const std::int64_t resolvedAt = q.isNull("at") ? 0 : q.integer("at");
    q.reset();
    if (resolvedAt > 0) {
        auto carry = cached("UPDATE conflicts SET resolved_at = ?5 WHERE kind = ?1 AND "
                            "record_id = ?2 AND field = ?3 AND provisional = 0 AND "
                            "resolved_at IS NULL AND (winner_hlc = ?4 OR loser_hlc = ?4)");
        if (!carry)
            return carry.error();
        (*carry)->bind(1, kind.name);
        (*carry)->bind(2, std::string_view(recordId));
        (*carry)->bind(3, std::string_view(field));
        (*carry)->bind(4, std::string_view(pushedHlc));
        (*carry)->bind(5, resolvedAt);
        if (auto r = (*carry)->exec(); !r)
            return r.error();
    }
    auto drop = cached("DELETE FROM conflicts WHERE kind = ?1 AND record_id = ?2 AND field = ?3 "
                       "AND provisional = 1 AND (report_base IS NULL OR loser_hlc = ?4)");
    if (!drop)
        return drop.error();
    (*drop)->bind(1, kind.name);
    (*drop)->bind(2, std::string_view(recordId));
    (*drop)->bind(3, std::string_view(field));
    (*drop)->bind(4, std::string_view(pushedHlc));
    return (*drop)->exec();
}

Result<std::vector<PendingRecord>> Store::conflictReports()
{
    auto s = cached("SELECT kind, record_id, field, loser_value, loser_hlc, report_base "
                    "FROM conflicts WHERE report_base IS NOT NULL ORDER BY id");
    if (!s)
        return s.error();
    std::vector<PendingRecord> out;
    auto read = (*s)->forEachRow([&](const Statement &st) {
        const KindDef *kind = findKind(st.text("kind"));
        if (!kind)
            return;
        PendingField f {st.text("field"), parseJsonText(st.text("loser_value"), nullptr),
            st.text("loser_hlc"), st.text("report_base")};
        // One change per record, unless the same field lost twice (then one change each).
        auto into = std::find_if(out.begin(), out.end(), [&](const PendingRecord &p) {
            return p.kind == kind && p.id == st.text("record_id")
                && std::none_of(p.fields.begin(), p.fields.end(),
                    [&](const PendingField &g) { return g.field == f.field; });
        });
        if (into == out.end())
            out.push_back(PendingRecord {kind, st.text("record_id"), {std::move(f)}});
        else
            into->fields.push_back(std::move(f));
    });
    if (!read)
        return read.error();
    return out;
}

Result<void> Store::keepConflictReportLocal(const PendingRecord &report)
{
    if (!report.kind)
        return makeError("unknown_kind", "A conflict report names no kind of record.");
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    for (const auto &f : report.fields) {
        auto s = cached("UPDATE conflicts SET provisional = 0, report_base = NULL WHERE kind = ?1 "
                        "AND record_id = ?2 AND field = ?3 AND loser_hlc = ?4");
        if (!s)
            return s.error();
        (*s)->bind(1, report.kind->name);
        (*s)->bind(2, std::string_view(report.id));
        (*s)->bind(3, std::string_view(f.field));
        (*s)->bind(4, std::string_view(f.hlc));
        if (auto r = (*s)->exec(); !r)
            return r.error();
    }
    return tx->commit();
}

Result<std::int64_t> Store::insertConflict(
    const Conflict &c, const std::optional<std::string> &reportBase)
{
    if (!c.kind)
        return makeError("unknown_kind", "A conflict names no kind of record.");
    if (!c.provisional) {
        // The server's verdict on a conflict this device found itself: it is settled now.
        auto confirm = cached("UPDATE conflicts SET provisional = 0, report_base = NULL "
                              "WHERE kind = ?1 AND record_id = ?2 AND field = ?3 "
                              "AND winner_hlc = ?4 AND loser_hlc = ?5 AND provisional = 1");
        if (!confirm)
            return confirm.error();
        (*confirm)->bind(1, c.kind->name);
        (*confirm)->bind(2, std::string_view(c.recordId));
        (*confirm)->bind(3, std::string_view(c.field));
        (*confirm)->bind(4, std::string_view(c.winnerHlc));
        (*confirm)->bind(5, std::string_view(c.loserHlc));
        if (auto r = (*confirm)->exec(); !r)
            return r.error();
    }
    auto s = cached("INSERT INTO conflicts(kind, record_id, field, winner_value, winner_hlc, "
                    "winner_by, loser_value, loser_hlc, loser_by, detected_at, provisional, "
                    "report_base) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                    "ON CONFLICT DO NOTHING");
    if (!s)
        return s.error();
    Statement &st = **s;
    st.bind(1, c.kind->name);
    st.bind(2, std::string_view(c.recordId));
    st.bind(3, std::string_view(c.field));
    st.bind(4, std::string_view(c.winnerValue.dump()));
    st.bind(5, std::string_view(c.winnerHlc));
    st.bind(6, std::string_view(c.winnerBy));
    st.bind(7, std::string_view(c.loserValue.dump()));
    st.bind(8, std::string_view(c.loserHlc));
    st.bind(9, std::string_view(c.loserBy));
    st.bind(10, c.detectedAt);
    st.bind(11, std::int64_t(c.provisional ? 1 : 0));
    if (reportBase)
        st.bind(12, std::string_view(*reportBase));
    else
        st.bindNull(12);
    if (auto r = st.exec(); !r)
        return r.error();
    return std::int64_t(m_db.changes());
}

Result<std::int64_t> Store::recordConflicts(const std::vector<Conflict> &list)
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    std::int64_t added = 0;
    for (const auto &c : list) {
        auto r = insertConflict(c);
        if (!r)
            return r.error();
        added += *r;
    }
    if (auto c = tx->commit(); !c)
        return c.error();
    return added;
}

Result<std::vector<Store::Conflict>> Store::conflicts(bool openOnly)
{
    auto s = cached(std::string("SELECT * FROM conflicts")
        + (openOnly ? " WHERE resolved_at IS NULL" : "") + " ORDER BY detected_at, id");
    if (!s)
        return s.error();
    std::vector<Conflict> out;
    auto read = (*s)->forEachRow([&](const Statement &st) {
        Conflict c;
        c.id = st.integer("id");
        c.kind = findKind(st.text("kind"));
        c.recordId = st.text("record_id");
        c.field = st.text("field");
        c.winnerValue = parseJsonText(st.text("winner_value"), nullptr);
        c.winnerHlc = st.text("winner_hlc");
        c.winnerBy = st.text("winner_by");
        c.loserValue = parseJsonText(st.text("loser_value"), nullptr);
        c.loserHlc = st.text("loser_hlc");
        c.loserBy = st.text("loser_by");
        c.detectedAt = st.integer("detected_at");
        c.resolvedAt = st.isNull("resolved_at") ? 0 : st.integer("resolved_at");
        c.provisional = st.integer("provisional") != 0;
        if (c.kind)
            out.push_back(std::move(c));
    });
    if (!read)
        return read.error();
    return out;
}

Result<std::int64_t> Store::openConflictCount()
{
    return m_db.queryInt("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL");
}

Result<Record> Store::resolveConflict(std::int64_t conflictId, bool keepWinner)
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    auto s = cached("SELECT * FROM conflicts WHERE id = ?1");
    if (!s)
        return s.error();
    (*s)->bind(1, conflictId);
    auto found = (*s)->step();
    if (!found)
        return found.error();
    if (!*found)
        return makeError("not_found", "This conflict does not exist.");
    const KindDef *kind = findKind((*s)->text("kind"));
    const std::string recordId = (*s)->text("record_id");
    const std::string field = (*s)->text("field");
    const json chosen
        = parseJsonText((*s)->text(keepWinner ? "winner_value" : "loser_value"), nullptr);
    // The person chose knowing both values: neither is news to this choice, so the server must
    // not see it as written without knowing the other (which would be a new conflict).
    const std::string sawUpTo = std::max((*s)->text("winner_hlc"), (*s)->text("loser_hlc"));
    (*s)->reset();
    if (!kind)
        return makeError("unknown_kind", "This conflict is about an unknown kind of record.");

    auto loaded = load(*kind, recordId);
    if (!loaded)
        return loaded.error();
    if (!*loaded)
        return makeError("not_found", "The record of this conflict is no longer on this device.");
    Loaded &row = **loaded;
    if (stampOf(row.base, field) < sawUpTo)
        row.base[field] = sawUpTo;
    if (field == "deleted") {
        row.record.deleted = chosen.is_boolean() && chosen.get<bool>();
    } else {
        const FieldDef *def = kind->field(field);
        if (!def)
            return makeError("unknown_field", "“" + field + "” is not a field of this record.");
        auto n = chosen.is_null() ? Result<json>(emptyValue(*def)) : normaliseField(*def, chosen);
        if (!n)
            return n.error();
        row.record.fields[field] = *n;
        if (auto v = validateRecord(*kind, row.record.fields); !v)
            return v.error();
    }
    // Even when the chosen value is already there, stamp it again: the choice must reach every
    // device and win over the value that lost.
    auto saved = write(*kind, row, false, {field});
    if (!saved)
        return saved.error();
    auto close = cached("UPDATE conflicts SET resolved_at = ?4 WHERE kind = ?1 AND record_id = ?2 "
                        "AND field = ?3 AND resolved_at IS NULL");
    if (!close)
        return close.error();
    (*close)->bind(1, kind->name);
    (*close)->bind(2, std::string_view(recordId));
    (*close)->bind(3, std::string_view(field));
    (*close)->bind(4, nowMs());
    if (auto r = (*close)->exec(); !r)
        return r.error();
    if (auto c = tx->commit(); !c)
        return c.error();
    return saved;
}

Result<std::optional<std::string>> Store::syncValue(const std::string &key)
{
    return meta("sync." + key);
}

Result<void> Store::setSyncValue(const std::string &key, const std::string &value)
{
    return setMeta("sync." + key, value);
}

Result<std::int64_t> Store::prepareResync()
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    std::int64_t kept = 0;
    for (const auto &kind : allKinds()) {
        const std::string table(kind.table);
        if (kind.searchable()) {
            const std::string prefix = std::to_string(std::int64_t(kindIndex(kind)) << 40);
            if (auto r = m_db.exec("DELETE FROM search_index WHERE rowid IN (SELECT " + prefix
                    + " | rowid FROM " + table + " WHERE _pending IS NULL)");
                !r)
                return r.error();
        }
        if (auto r = m_db.exec("DELETE FROM " + table + " WHERE _pending IS NULL"); !r)
            return r.error();
        // Every field of a kept record goes up again, so the server gets the whole record even
        // if it lost it (restored backup); stamps decide, so nothing newer is overwritten.
        auto s = m_db.prepare("SELECT id, _stamps, _pending FROM " + table);
        if (!s)
            return s.error();
        std::vector<std::pair<std::string, std::string>> updates;
        for (;;) {
            auto row = s->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            json stamps = parseJsonText(s->text("_stamps"), json::object());
            json pending = parseJsonText(s->text("_pending"), json::array());
            for (const auto &[field, stamp] : stamps.items()) {
                if (!isPending(pending, field))
                    pending.push_back(field);
            }
            updates.emplace_back(s->text("id"), pending.dump());
            ++kept;
        }
        for (const auto &[id, pending] : updates) {
            auto u = cached("UPDATE " + table + " SET _pending = ?2 WHERE id = ?1");
            if (!u)
                return u.error();
            (*u)->bind(1, std::string_view(id));
            (*u)->bind(2, std::string_view(pending));
            if (auto r = (*u)->exec(); !r)
                return r.error();
        }
    }
    if (auto r = setMeta("sync.cursor", "0"); !r)
        return r.error();
    if (auto c = tx->commit(); !c)
        return c.error();
    log(LogLevel::Info, kCategory,
        "resync: kept " + std::to_string(kept) + " records with unpushed edits");
    return kept;
}

Result<void> Store::setAside(const KindDef &kind, const Loaded &row, const std::string &missionId,
    const char *reason, std::int64_t now)
{
    auto ins = cached("INSERT INTO set_aside_edits(kind, record_id, mission_id, reason, record, "
                      "pending, set_aside_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!ins)
        return ins.error();
    Statement &st = **ins;
    st.bind(1, kind.name);
    st.bind(2, std::string_view(row.record.id));
    st.bind(3, std::string_view(missionId));
    st.bind(4, reason);
    st.bind(5, std::string_view(row.record.toJson().dump()));
    st.bind(6, std::string_view(row.pending.dump()));
    st.bind(7, now);
    return st.exec();
}

Result<void> Store::removeLocally(
    const KindDef &kind, std::int64_t rowid, const std::string &id, const std::string &missionId)
{
    // Lost edits not yet reported (see conflictReports()) can no longer be pushed either: they
    // are set aside with the record's other unpushed edits, as {field: the value typed here}.
    auto lost
        = cached("SELECT field, loser_value FROM conflicts WHERE kind = ?1 AND record_id = ?2 "
                 "AND report_base IS NOT NULL ORDER BY id");
    if (!lost)
        return lost.error();
    (*lost)->bind(1, kind.name);
    (*lost)->bind(2, std::string_view(id));
    json values = json::object();
    json fields = json::array();
    for (;;) {
        auto row = (*lost)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const std::string field = (*lost)->text("field");
        values[field] = parseJsonText((*lost)->text("loser_value"), nullptr);
        fields.push_back(field);
    }
    (*lost)->reset();
    if (!fields.empty()) {
        auto ins
            = cached("INSERT INTO set_aside_edits(kind, record_id, mission_id, reason, record, "
                     "pending, set_aside_at) VALUES (?1, ?2, ?3, 'lost_edit_not_reported', "
                     "?4, ?5, ?6)");
        if (!ins)
            return ins.error();
        (*ins)->bind(1, kind.name);
        (*ins)->bind(2, std::string_view(id));
        (*ins)->bind(3, std::string_view(missionId));
        (*ins)->bind(4, std::string_view(json {{"id", id}, {"fields", values}}.dump()));
        (*ins)->bind(5, std::string_view(fields.dump()));
        (*ins)->bind(6, nowMs());
        if (auto r = (*ins)->exec(); !r)
            return r.error();
    }
    if (kind.searchable()) {
        auto d = cached("DELETE FROM search_index WHERE rowid = ?1");
        if (!d)
            return d.error();
        (*d)->bind(1, searchRowIdOf(kind, rowid));
        if (auto r = (*d)->exec(); !r)
            return r.error();
    }
    auto d = cached("DELETE FROM " + std::string(kind.table) + " WHERE rowid = ?1");
    if (!d)
        return d.error();
    (*d)->bind(1, rowid);
    if (auto r = (*d)->exec(); !r)
        return r.error();
    auto dc = cached("DELETE FROM conflicts WHERE kind = ?1 AND record_id = ?2");
    if (!dc)
        return dc.error();
    (*dc)->bind(1, kind.name);
    (*dc)->bind(2, std::string_view(id));
    return (*dc)->exec();
}

Result<Store::DropStats> Store::dropMissions(const std::vector<std::string> &missionIds)
{
    DropStats stats;
    if (missionIds.empty())
        return stats;
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    const std::int64_t now = nowMs();
    for (const auto &kind : allKinds()) {
        if (kind.missionField.empty())
            continue;
        const std::string table(kind.table);
        const std::string column(kind.missionField);
        for (const auto &missionId : missionIds) {
            auto s = cached("SELECT rowid AS _rowid, id, _pending FROM " + table + " WHERE "
                + column + " = ?1");
            if (!s)
                return s.error();
            (*s)->bind(1, std::string_view(missionId));
            std::vector<std::pair<std::int64_t, std::string>> rows;
            std::vector<std::string> withPending;
            auto read = (*s)->forEachRow([&](const Statement &st) {
                rows.emplace_back(st.integer("_rowid"), st.text("id"));
                if (!st.isNull("_pending"))
                    withPending.push_back(st.text("id"));
            });
            if (!read)
                return read.error();
            for (const auto &id : withPending) {
                auto loaded = load(kind, id);
                if (!loaded)
                    return loaded.error();
                if (!*loaded)
                    continue;
                if (auto r = setAside(kind, **loaded, missionId, "removed_from_mission", now); !r)
                    return r.error();
                ++stats.setAside;
            }
            for (const auto &[rowid, id] : rows) {
                if (auto r = removeLocally(kind, rowid, id, missionId); !r)
                    return r.error();
                ++stats.records;
            }
        }
    }
    if (auto c = tx->commit(); !c)
        return c.error();
    if (stats.setAside > 0)
        log(LogLevel::Warning, kCategory,
            std::to_string(stats.setAside)
                + " records with unpushed edits were set aside: the user left their mission");
    return stats;
}

Result<Store::DropStats> Store::dropRecords(
    const std::vector<RecordRef> &records, const char *reason)
{
    DropStats stats;
    if (records.empty())
        return stats;
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    const std::int64_t now = nowMs();
    for (const auto &ref : records) {
        if (!ref.kind)
            return makeError("unknown_kind", "A record to drop has no kind.");
        auto loaded = load(*ref.kind, ref.id);
        if (!loaded)
            return loaded.error();
        if (!*loaded)
            continue;
        const Loaded &row = **loaded;
        const json mission
            = ref.kind->missionField.empty() ? json() : row.record.field(ref.kind->missionField);
        const std::string missionId = mission.is_string() ? mission.get<std::string>() : "";
        if (!row.pending.empty()) {
            if (auto r = setAside(*ref.kind, row, missionId, reason, now); !r)
                return r.error();
            ++stats.setAside;
        }
        if (auto r = removeLocally(*ref.kind, row.rowid, ref.id, missionId); !r)
            return r.error();
        ++stats.records;
    }
    if (auto c = tx->commit(); !c)
        return c.error();
    if (stats.setAside > 0)
        log(LogLevel::Warning, kCategory,
            std::to_string(stats.setAside)
                + " records with unpushed edits were set aside: they are out of the user's "
                  "missions ("
                + reason + ")");
    return stats;
}

Result<std::vector<Store::SetAsideEdit>> Store::setAsideEdits()
{
    auto s = cached("SELECT * FROM set_aside_edits ORDER BY id");
    if (!s)
        return s.error();
    std::vector<SetAsideEdit> out;
    auto read = (*s)->forEachRow([&](const Statement &st) {
        SetAsideEdit e;
        e.id = st.integer("id");
        e.kind = findKind(st.text("kind"));
        e.recordId = st.text("record_id");
        e.missionId = st.text("mission_id");
        e.reason = st.text("reason");
        e.record = parseJsonText(st.text("record"), json::object());
        for (const auto &f : parseJsonText(st.text("pending"), json::array()))
            e.pendingFields.push_back(f.get<std::string>());
        e.setAsideAt = st.integer("set_aside_at");
        out.push_back(std::move(e));
    });
    if (!read)
        return read.error();
    return out;
}

Result<void> Store::wipe()
{
    // Overwrite freed pages with zeros: the data of a lost phone must really be gone.
    if (auto r = m_db.exec("PRAGMA secure_delete = ON"); !r)
        return r.error();
    {
        auto tx = Transaction::begin(m_db);
        if (!tx)
            return tx.error();
        for (const auto &kind : allKinds()) {
            if (auto r = m_db.exec("DELETE FROM " + std::string(kind.table)); !r)
                return r.error();
        }
        if (auto r = m_db.exec("DELETE FROM search_index; DELETE FROM conflicts; "
                               "DELETE FROM set_aside_edits; DELETE FROM meta WHERE key LIKE "
                               "'sync.%' OR key = 'current_user' OR key = 'device_id'");
            !r)
            return r.error();
        // A new identity: the old device id is revoked on the server for good. Taken in memory
        // only once stored: a wipe that fails (a full or read-only disk) leaves the store as
        // it was, under the id its file holds.
        const std::string newId = randomHex(8);
        if (auto r = setMeta("device_id", newId); !r)
            return r.error();
        if (auto c = tx->commit(); !c)
            return c.error();
        m_deviceId = newId;
    }
    const Hlc last = m_clock.last();
    m_clock = HlcClock(m_deviceId, m_options.clock);
    m_clock.restore(last);
    m_currentUser.clear();
    m_statements.clear();
    if (auto r = m_db.exec("VACUUM"); !r)
        return r.error();
    if (auto r = m_db.exec("PRAGMA wal_checkpoint(TRUNCATE)"); !r)
        return r.error();
    log(LogLevel::Warning, kCategory, "wiped every record: this device was revoked");
    return {};
}

} // namespace attache
