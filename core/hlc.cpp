#include "hlc.h"

#include <chrono>
#include <cstdio>

namespace attache {

std::string Hlc::toString() const
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%016llx-%04x-", static_cast<unsigned long long>(wallMs),
        static_cast<unsigned>(counter));
    return std::string(buf) + node;
}

std::optional<Hlc> Hlc::parse(std::string_view t)
{
    if (t.size() < 23 || t[16] != '-' || t[21] != '-')
        return std::nullopt;
    auto hex = [](std::string_view s, std::uint64_t &out) {
        out = 0;
        for (char c : s) {
            int v;
            if (c >= '0' && c <= '9')
                v = c - '0';
            else if (c >= 'a' && c <= 'f')
                v = c - 'a' + 10;
            else
                return false;
            out = out * 16 + std::uint64_t(v);
        }
        return true;
    };
    std::uint64_t ms = 0, counter = 0;
    if (!hex(t.substr(0, 16), ms) || !hex(t.substr(17, 4), counter))
        return std::nullopt;
    if (ms > std::uint64_t(INT64_MAX))
        return std::nullopt;
    Hlc h;
    h.wallMs = std::int64_t(ms);
    h.counter = std::uint32_t(counter);
    h.node = std::string(t.substr(22));
    for (char c : h.node) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '_'))
            return std::nullopt;
    }
    return h;
}

HlcClock::HlcClock(std::string node, PhysicalClock physical)
    : m_physical(std::move(physical))
{
    m_last.node = std::move(node);
}

std::int64_t HlcClock::physicalNow() const
{
    if (m_physical)
        return m_physical();
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Hlc HlcClock::now()
{
    const std::int64_t pt = physicalNow();
    if (pt > m_last.wallMs) {
        m_last.wallMs = pt;
        m_last.counter = 0;
    } else if (m_last.counter < 0xffff) {
        ++m_last.counter;
    } else {
        // Counter exhausted within one millisecond: borrow the next millisecond.
        ++m_last.wallMs;
        m_last.counter = 0;
    }
    return m_last;
}

Result<void> HlcClock::observe(const Hlc &remote)
{
    const std::int64_t pt = physicalNow();
    if (remote.wallMs > pt + kMaxDriftMs) {
        return makeError("clock_skew",
            "A change is stamped too far in the future; the device clock that "
            "made it is wrong. Set the date and time correctly and sync again.");
    }
    if (remote.wallMs > m_last.wallMs
        || (remote.wallMs == m_last.wallMs && remote.counter > m_last.counter)) {
        m_last.wallMs = remote.wallMs;
        m_last.counter = remote.counter;
    }
    return {};
}

void HlcClock::restore(const Hlc &last)
{
    if (last.wallMs > m_last.wallMs
        || (last.wallMs == m_last.wallMs && last.counter > m_last.counter)) {
        m_last.wallMs = last.wallMs;
        m_last.counter = last.counter;
    }
}

} // namespace attache
