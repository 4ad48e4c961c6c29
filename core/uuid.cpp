#include "uuid.h"

#include <array>
#include <chrono>
#include <mutex>
#include <random>

namespace attache {

namespace {

std::mt19937_64 &rng()
{
    // Seeded once per thread from the OS; ids need uniqueness, not secrecy (tokens use libsodium).
    thread_local std::mt19937_64 engine {[] {
        std::random_device rd;
        std::seed_seq seq {rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
        return std::mt19937_64(seq);
    }()};
    return engine;
}

constexpr char kHex[] = "0123456789abcdef";

} // namespace

std::string makeUuidV7()
{
    using namespace std::chrono;
    return makeUuidV7(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

std::string makeUuidV7(std::int64_t unixMs)
{
    // RFC 9562, 6.2 method 1: the 12 bits after the version are a counter within one
    // millisecond, starting at a random value below 2048, so that ids made one after the other
    // in the same millisecond (a quick capture, an import) sort in the order they were made.
    // Per thread: ids from different threads need only be unique.
    thread_local std::uint64_t lastMs = 0;
    thread_local std::uint32_t counter = 0;
    auto ms = static_cast<std::uint64_t>(unixMs);
    // Up to 100 ms behind the last id (a burst that borrowed ahead, a small clock step back)
    // continues after it; further back is a deliberate older time and starts afresh.
    if (ms > lastMs || lastMs - ms > 100) {
        counter = std::uint32_t(rng()() & 0x7ff);
    } else { // the same millisecond, or one borrowed below
        ms = lastMs;
        if (++counter > 0xfff) { // 4,096 ids in one millisecond: borrow the next one
            ++ms;
            counter = std::uint32_t(rng()() & 0x7ff);
        }
    }
    lastMs = ms;

    std::array<std::uint8_t, 16> b {};
    for (int i = 0; i < 6; ++i)
        b[size_t(i)] = std::uint8_t(ms >> (40 - 8 * i));
    const std::uint64_t r2 = rng()();
    b[6] = std::uint8_t(counter >> 8);
    b[7] = std::uint8_t(counter & 0xff);
    for (int i = 0; i < 8; ++i)
        b[size_t(8 + i)] = std::uint8_t(r2 >> (8 * i));
    b[6] = std::uint8_t((b[6] & 0x0f) | 0x70); // version 7
    b[8] = std::uint8_t((b[8] & 0x3f) | 0x80); // variant 10

    std::string out;
    out.reserve(36);
    for (size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out.push_back('-');
        out.push_back(kHex[b[i] >> 4]);
        out.push_back(kHex[b[i] & 0xf]);
    }
    return out;
}

bool isUuid(std::string_view t)
{
    if (t.size() != 36)
        return false;
    for (size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

std::string randomHex(int bytes)
{
    std::string out;
    out.reserve(size_t(bytes) * 2);
    for (int i = 0; i < bytes; ++i) {
        const auto v = std::uint8_t(rng()());
        out.push_back(kHex[v >> 4]);
        out.push_back(kHex[v & 0xf]);
    }
    return out;
}

} // namespace attache
