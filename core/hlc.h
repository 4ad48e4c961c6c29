#pragma once

#include "result.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace attache {

/// A hybrid logical clock stamp: physical milliseconds, a counter for events within (or
/// behind) the same millisecond, and the node (device) that made it. Stamps are totally
/// ordered; their text form sorts the same way, so SQL and JSON can compare them as strings.
struct Hlc
{
    std::int64_t wallMs = 0;
    std::uint32_t counter = 0;
    std::string node;

    /// "0000018f3a2b4c5d-0001-<node>": 16 hex digits of ms, 4 of counter, then the node id.
    std::string toString() const;
    static std::optional<Hlc> parse(std::string_view text);

    friend auto operator<=>(const Hlc &a, const Hlc &b) = default;
    friend bool operator==(const Hlc &a, const Hlc &b) = default;
};

/// Issues monotonic stamps for one node. The wall clock may jump back (officials cross time
/// zones, phones resync with the network): stamps keep increasing regardless, by carrying the
/// last wall time forward and bumping the counter. Remote stamps are folded in with observe()
/// so that a local edit made after seeing a remote one always orders after it.
class HlcClock
{
public:
    using PhysicalClock = std::function<std::int64_t()>;

    explicit HlcClock(std::string node, PhysicalClock physical = {});

    /// The next stamp for a local event.
    Hlc now();
    /// Folds a remote stamp in. Refuses one more than maxDriftMs ahead of the physical clock
    /// (a device whose clock is years ahead must not poison everyone's merges).
    Result<void> observe(const Hlc &remote);
    /// Restores the last stamp issued (persisted across restarts).
    void restore(const Hlc &last);

    const Hlc &last() const { return m_last; }
    const std::string &node() const { return m_last.node; }
    std::int64_t physicalNow() const;

    static constexpr std::int64_t kMaxDriftMs = 24LL * 3600 * 1000;

private:
    PhysicalClock m_physical;
    Hlc m_last;
};

} // namespace attache
