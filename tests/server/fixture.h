#pragma once

#include "apiclient.h"
#include "testserver.h"
#include "uuid.h"

#include <QtTest>

#include <memory>

namespace attache::test {

/// The backend a server test executable runs on: ATTACHE_TEST_BACKEND=sqlite|postgres (CTest
/// registers each server test once per backend).
inline Backend backendUnderTest()
{
    return qEnvironmentVariable("ATTACHE_TEST_BACKEND") == "postgres" ? Backend::Postgres
                                                                      : Backend::Sqlite;
}

/// Two organisations: A (manager "mgr", leader "lead", members "ann" and "bob"; mission M1 led
/// by lead with ann, mission M2 led by lead with bob) and B (manager "mgrb", member "carl",
/// mission M3). Every user is signed in on one device.
struct World
{
    std::unique_ptr<TestServer> server;
    std::string orgA, orgB, mgr, lead, ann, bob, mgrb, carl, m1, m2, m3;
    std::map<std::string, std::unique_ptr<ApiClient>> clients;
    static constexpr const char *kPassword = "correct-horse-1";

    ApiClient &as(const std::string &name) { return *clients.at(name); }
    std::unique_ptr<ApiClient> newClient() const
    {
        return std::make_unique<ApiClient>("127.0.0.1", server->port());
    }

    /// Empty string on success, else what failed.
    std::string build()
    {
        server = std::make_unique<TestServer>(backendUnderTest());
        if (auto r = server->start(); !r)
            return r.error().message;
        auto id = [&](Result<std::string> r, std::string &out) {
            if (!r)
                return false;
            out = *r;
            return true;
        };
        if (!id(server->createOrg("Sở Ngoại vụ A"), orgA) || !id(server->createOrg("Sở B"), orgB)
            || !id(server->createUser(orgA, "mgr", kPassword, "manager"), mgr)
            || !id(server->createUser(orgA, "lead", kPassword, "leader"), lead)
            || !id(server->createUser(orgA, "ann", kPassword, "member"), ann)
            || !id(server->createUser(orgA, "bob", kPassword, "member"), bob)
            || !id(server->createUser(orgB, "mgrb", kPassword, "manager"), mgrb)
            || !id(server->createUser(orgB, "carl", kPassword, "member"), carl)
            || !id(server->createMission(orgA, "M1 Nhật Bản", lead, {ann}), m1)
            || !id(server->createMission(orgA, "M2 Hàn Quốc", lead, {bob}), m2)
            || !id(server->createMission(orgB, "M3 Lào", "", {carl}), m3))
            return "fixture admin commands failed: " + server->log();
        for (const char *name : {"mgr", "lead", "ann", "bob", "mgrb", "carl"}) {
            auto c = newClient();
            const Reply r
                = c->login(name, kPassword, std::string("dev_") + name + "_" + randomHex(4));
            if (r.status != 200)
                return std::string("login failed for ") + name + ": " + r.raw;
            clients[name] = std::move(c);
        }
        return {};
    }
};

/// A contact change with every field the caller wants, stamped `hlc`.
inline nlohmann::json contactChange(const std::string &id, const std::string &missionId,
    const std::string &name, const std::string &hlc, const std::string &base = {})
{
    nlohmann::json fields {{"full_name", fieldAt(name, hlc, base)}};
    if (!missionId.empty())
        fields["mission_id"] = fieldAt(missionId, hlc, base);
    return {{"kind", "contact"}, {"id", id}, {"fields", fields}};
}

/// Finds a record in a list of pulled changes; null if absent.
inline nlohmann::json findChange(const nlohmann::json &changes, const std::string &id)
{
    nlohmann::json found;
    for (const auto &c : changes) {
        if (c["id"] == id)
            found = c; // the later one wins
    }
    return found;
}

} // namespace attache::test
