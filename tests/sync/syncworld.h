#pragma once

// The sync tests' "FakeFolder": a real attache-server (tests/support) with one organisation, a
// few users and a mission, and any number of devices, each its own SQLite file and SyncEngine,
// optionally behind a FaultProxy. Helpers compare every device's records and conflicts.

#include "loopback.h"
#include "store.h"
#include "syncengine.h"
#include "testserver.h"
#include <QtCore/qfloat16.h>

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace attache::test {

struct TestDevice
{
    std::string name;
    std::string dbPath;
    std::string user;
    std::unique_ptr<sync::SyncEngine> engine;
    Store &store() { return engine->store(); }
};

/// Field values and stamps of every record (deleted ones included), by "kind/id".
using StoreState = std::map<std::string, nlohmann::json>;
/// Conflicts as (kind/id/field, winner stamp, loser stamp).
using ConflictSet = std::set<std::string>;

inline StoreState stateOf(Store &store)
{
    StoreState out;
    for (const auto &kind : allKinds()) {
        if (kind.name == "user" || kind.name == "organisation")
            continue; // admin-managed, pulled read-only
        auto s = store.database().prepare(
            "SELECT id, _stamps FROM " + std::string(kind.table) + " ORDER BY id");
        if (!s)
            continue;
        while (*s->step()) {
            const std::string id = s->text("id");
            auto r = store.get(kind.name, id);
            nlohmann::json j = (*r)->fields;
            j["deleted"] = (*r)->deleted;
            j["_stamps"] = nlohmann::json::parse(s->text("_stamps"));
            out[std::string(kind.name) + "/" + id] = j;
        }
    }
    return out;
}

inline ConflictSet conflictsOf(Store &store)
{
    ConflictSet out;
    auto list = store.conflicts(false);
    if (list) {
        for (const auto &c : *list)
            out.insert(std::string(c.kind->name) + "/" + c.recordId + "/" + c.field + " "
                + c.winnerHlc + " > " + c.loserHlc + (c.provisional ? " (provisional)" : ""));
    }
    return out;
}

inline std::string describeDiff(const StoreState &a, const StoreState &b)
{
    std::string out;
    for (const auto &[k, v] : a) {
        auto it = b.find(k);
        if (it == b.end())
            out += "only in first: " + k + " " + v.dump() + "\n";
        else if (it->second != v)
            out += "differs: " + k + "\n  " + v.dump() + "\n  " + it->second.dump() + "\n";
    }
    for (const auto &[k, v] : b) {
        if (!a.count(k))
            out += "only in second: " + k + " " + v.dump() + "\n";
    }
    return out.substr(0, 4000);
}

class SyncWorld
{
public:
    explicit SyncWorld(Backend backend = Backend::Sqlite)
        : server(backend)
    { }

    /// Starts the server and makes an organisation, `users` members and one mission of them all.
    Result<void> start(int users = 3)
    {
        if (auto r = server.start(); !r)
            return r;
        auto o = server.createOrg("Sở Ngoại vụ Hà Tĩnh");
        if (!o)
            return o.error();
        org = *o;
        for (int i = 0; i < users; ++i) {
            const std::string name = "user" + std::to_string(i);
            auto u = server.createUser(org, name, password, "member", "Cán bộ " + name);
            if (!u)
                return u.error();
            userIds[name] = *u;
        }
        std::vector<std::string> members;
        for (const auto &[name, id] : userIds) {
            if (name != "user0")
                members.push_back(id);
        }
        auto m = server.createMission(org, "Xúc tiến đầu tư Nhật Bản", userIds["user0"], members);
        if (!m)
            return m.error();
        mission = *m;
        return {};
    }

    /// A new device signed in as `user`, talking to `url` (the server, or a proxy).
    Result<TestDevice *> addDevice(const std::string &user, const std::string &url = {},
        sync::SyncConfig config = {}, sync::RetryHooks hooks = {})
    {
        auto d = std::make_unique<TestDevice>();
        d->name = "device" + std::to_string(devices.size());
        d->dbPath = dir.filePath(QString::fromStdString(d->name + ".db")).toStdString();
        d->user = user;
        config.serverUrl = url.empty() ? server.baseUrl() : url;
        config.deviceName = d->name;
        if (!hooks.sleep) // no real waits: the faults in these tests are immediate
            hooks.sleep = [](std::chrono::milliseconds) { return true; };
        auto e = sync::SyncEngine::open(d->dbPath, config, hooks);
        if (!e)
            return e.error();
        d->engine = std::move(*e);
        auto login = d->engine->login(user, password);
        if (!login)
            return login.error();
        devices.push_back(std::move(d));
        return devices.back().get();
    }

    std::string url() const { return server.baseUrl(); }

    TestServer server;
    QTemporaryDir dir;
    std::string password = "correct horse battery";
    std::string org, mission;
    std::map<std::string, std::string> userIds;
    std::vector<std::unique_ptr<TestDevice>> devices;
};

} // namespace attache::test
