#pragma once

#include "hlc.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <string>

namespace attache::test {

/// An HTTP answer: status, parsed JSON body (null if not JSON), raw body and headers.
struct Reply
{
    int status = 0;
    nlohmann::json body;
    std::string raw;
    httplib::Headers headers;
    std::string code() const { return body.is_object() ? body.value("code", "") : std::string(); }
    /// Every error must be {code, message}.
    bool isJsonError() const
    {
        return body.is_object() && body.contains("code") && body["code"].is_string()
            && body.contains("message") && body["message"].is_string()
            && !body["message"].get<std::string>().empty();
    }
};

/// A minimal protocol-v1 client for the server tests: one device with its token.
class ApiClient
{
public:
    ApiClient(const std::string &host, int port)
        : m_client(host, port)
    {
        m_client.set_read_timeout(30);
        m_client.set_tcp_nodelay(true);
    }

    std::string token;
    std::string deviceId;
    std::string userId;

    httplib::Headers headers(const httplib::Headers &extra = {}) const
    {
        httplib::Headers h;
        if (extra.find("Attache-Protocol") == extra.end())
            h.emplace("Attache-Protocol", "1");
        if (!token.empty())
            h.emplace("Authorization", "Bearer " + token);
        for (const auto &e : extra)
            h.insert(e);
        return h;
    }

    static Reply wrap(const httplib::Result &res)
    {
        Reply r;
        if (!res)
            return r;
        r.status = res->status;
        r.raw = res->body;
        r.headers = res->headers;
        r.body = nlohmann::json::parse(res->body, nullptr, false);
        if (r.body.is_discarded())
            r.body = nullptr;
        return r;
    }

    Reply get(const std::string &path, const httplib::Headers &extra = {})
    {
        return wrap(m_client.Get(path, headers(extra)));
    }
    Reply postRaw(
        const std::string &path, const std::string &body, const httplib::Headers &extra = {})
    {
        return wrap(m_client.Post(path, headers(extra), body, "application/json"));
    }
    Reply post(const std::string &path, const nlohmann::json &body)
    {
        return postRaw(path, body.dump());
    }
    Reply put(const std::string &path, const std::string &bytes)
    {
        return wrap(m_client.Put(path, headers(), bytes, "application/octet-stream"));
    }

    Reply login(const std::string &username, const std::string &password, const std::string &device)
    {
        Reply r = post("/api/v1/login",
            {{"username", username}, {"password", password}, {"device_id", device},
                {"device_name", "test " + device}});
        if (r.status == 200) {
            token = r.body["token"].get<std::string>();
            deviceId = device;
            userId = r.body["user"]["id"].get<std::string>();
        }
        return r;
    }

    Reply push(const std::string &batchId, const nlohmann::json &changes)
    {
        return post("/api/v1/push", {{"batch_id", batchId}, {"changes", changes}});
    }
    Reply pull(std::int64_t cursor, int limit = 500)
    {
        return get(
            "/api/v1/pull?cursor=" + std::to_string(cursor) + "&limit=" + std::to_string(limit));
    }

    /// Pulls until nothing remains; returns every change (later ones last) and the final cursor.
    nlohmann::json pullAll(std::int64_t &cursor)
    {
        nlohmann::json all = nlohmann::json::array();
        for (int guard = 0; guard < 1000; ++guard) {
            Reply r = pull(cursor);
            if (r.status != 200)
                return r.body;
            for (auto &c : r.body["changes"])
                all.push_back(c);
            cursor = r.body["cursor"].get<std::int64_t>();
            if (r.body["remaining"].get<std::int64_t>() == 0)
                break;
        }
        return all;
    }

private:
    httplib::Client m_client;
};

/// HLC stamps for tests: `offsetMs` from now on device `node`.
inline std::string stamp(std::int64_t offsetMs, const std::string &node, std::uint32_t counter = 0)
{
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch())
                         .count();
    return Hlc {now + offsetMs, counter, node}.toString();
}

/// One field entry of a change.
inline nlohmann::json fieldAt(
    const nlohmann::json &value, const std::string &hlc, const std::string &base = {})
{
    return {{"value", value}, {"hlc", hlc}, {"base", base}};
}

} // namespace attache::test
