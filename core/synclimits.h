#pragma once

// Limits of the sync protocol (docs/sync-protocol.md) that the server enforces and the sync
// engine keeps to: written once, for both sides.

#include <cstddef>

namespace attache {

/// At most this many "own" ranges in one pull (`own=FROM-TO,…`); more is refused with 400.
inline constexpr std::size_t kMaxOwnRanges = 32;

} // namespace attache
