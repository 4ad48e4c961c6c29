// attache-pushbench: the server's half of a first push, alone. One device signs in to a running
// attache-server (bench/server/run-push.sh starts one and makes the user), then pushes N new
// contact-sized records (the same ten fields as bench/sync's contacts) in batches of B, one
// after the other on one keep-alive connection, gzip-compressed as the app sends them. The
// bodies are encoded before the clock starts, so the figure is the server's (HTTP, gunzip,
// parse, merge, write, answer) plus loopback; the script adds the server's CPU time.
#include "hlc.h"
#include "uuid.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

json field(const json &value, const std::string &hlc)
{
    return json {{"value", value}, {"hlc", hlc}, {"base", ""}};
}

json contactChange(int i, const std::string &mission, attache::HlcClock &clock)
{
    const std::string h = clock.now().toString();
    return {{"kind", "contact"}, {"id", attache::makeUuidV7()},
        {"fields",
            {{"full_name", field("Nguyễn Văn Khách " + std::to_string(i), h)},
                {"title", field("Trưởng phòng Hợp tác Quốc tế", h)},
                {"organisation", field("Tập đoàn Đầu tư Mekong", h)}, {"country", field("VN", h)},
                {"emails", field(json::array({"khach" + std::to_string(i) + "@example.com"}), h)},
                {"phones",
                    field(json::array({"+84 90 123 " + std::to_string(1000 + i % 9000)}), h)},
                {"interests",
                    field("Năng lượng tái tạo, logistics cảng biển, chế biến nông sản", h)},
                {"notes",
                    field(
                        "Gặp tại hội chợ; quan tâm khu kinh tế Vũng Áng, hẹn gửi hồ sơ dự án.", h)},
                {"tags", field(json::array({"investor", "energy"}), h)},
                {"mission_id", field(mission, h)}}}};
}

} // namespace

int main(int argc, char **argv)
{
    int port = 0, records = 10000, batch = 500;
    std::string user = "push0", password = "push-password";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        const std::string v = argv[i + 1];
        if (a == "--port")
            port = std::stoi(v);
        else if (a == "--records")
            records = std::stoi(v);
        else if (a == "--batch")
            batch = std::stoi(v);
        else if (a == "--user")
            user = v;
        else if (a == "--password")
            password = v;
    }
    if (port <= 0 || records <= 0 || batch <= 0) {
        std::fprintf(
            stderr, "usage: attache-pushbench --port PORT [--records 10000] [--batch 500]\n");
        return 2;
    }
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(300);
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);
    httplib::Headers headers {{"Attache-Protocol", "1"}, {"Accept-Encoding", "gzip"}};
    const std::string deviceId = "pushbench" + attache::randomHex(4);
    auto login = client.Post("/api/v1/login", headers,
        json {{"username", user}, {"password", password}, {"device_id", deviceId}}.dump(),
        "application/json");
    if (!login || login->status != 200) {
        std::fprintf(stderr, "sign-in failed\n");
        return 1;
    }
    headers.emplace(
        "Authorization", "Bearer " + json::parse(login->body)["token"].get<std::string>());
    std::string mission;
    std::int64_t cursor = 0;
    for (int guard = 0; guard < 100 && mission.empty(); ++guard) {
        auto p
            = client.Get("/api/v1/pull?cursor=" + std::to_string(cursor) + "&limit=2000", headers);
        if (!p || p->status != 200)
            return 1;
        const json b = json::parse(p->body);
        for (const auto &c : b["changes"]) {
            if (c["kind"] == "mission")
                mission = c["id"];
        }
        cursor = b["cursor"];
        if (b["remaining"] == 0)
            break;
    }
    if (mission.empty()) {
        std::fprintf(stderr, "no mission\n");
        return 1;
    }
    attache::HlcClock clock(deviceId);
    std::vector<std::string> bodies;
    std::size_t jsonBytes = 0;
    for (int from = 0; from < records; from += batch) {
        json changes = json::array();
        for (int i = from; i < std::min(records, from + batch); ++i)
            changes.push_back(contactChange(i, mission, clock));
        const json body {
            {"batch_id", attache::randomHex(8)}, {"acknowledge", "changed"}, {"changes", changes}};
        bodies.push_back(body.dump());
        jsonBytes += bodies.back().size();
    }
    client.set_compress(true); // gzip request bodies, as the app does
    std::fprintf(stderr, "attache-pushbench: setup done, timed phase starts\n");
    std::vector<double> ms;
    const auto t0 = Clock::now();
    for (const auto &body : bodies) {
        const auto t = Clock::now();
        auto r = client.Post("/api/v1/push", headers, body, "application/json");
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
        if (!r || r->status != 200) {
            std::fprintf(stderr, "push failed: %s\n",
                r ? r->body.substr(0, 500).c_str() : httplib::to_string(r.error()).c_str());
            return 1;
        }
    }
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    std::sort(ms.begin(), ms.end());
    std::printf("pushed %d records in %zu batches of %d: %.3f s, %.0f records/s, batch p50 %.1f "
                "ms, max %.1f ms, %.1f MB of JSON\n",
        records, bodies.size(), batch, s, records / s, ms[ms.size() / 2], ms.back(),
        double(jsonBytes) / 1e6);
    return 0;
}
