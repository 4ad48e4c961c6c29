#pragma once

#include <chrono>
#include <functional>
#include <optional>

namespace attache::sync {

/// The exponential backoff schedule for transient failures (refused, reset, timeout, 5xx, 429).
///
/// Attempt n (0-based) waits min(maxDelay, initialDelay * multiplier^n), then "full jitter"
/// scales it into [(1 - jitter) * d, d], so that a hundred phones coming back online in the same
/// hotel lobby do not hammer the server in lock-step. A server's Retry-After (429, 503) replaces
/// the computed delay when it is longer, capped at maxRetryAfter.
struct RetryPolicy
{
    int maxAttempts = 5; ///< attempts per request within one sync (1 = no retry)
    std::chrono::milliseconds initialDelay {500};
    std::chrono::milliseconds maxDelay {30000};
    double multiplier = 2.0;
    double jitter = 0.5; ///< 0: no jitter; 1: anywhere in [0, d]
    std::chrono::milliseconds maxRetryAfter {120000};

    /// The delay before retry number `attempt` (0 = the first retry), with `random01` in [0, 1).
    std::chrono::milliseconds delay(int attempt, double random01,
        std::optional<std::chrono::milliseconds> retryAfter = std::nullopt) const;
};

/// The delay the app waits before the next sync() after `failures` failed syncs in a row
/// (1 = one failure): 5 s, 10 s, 20 s … capped at 15 min, jittered like RetryPolicy.
std::chrono::milliseconds nextSyncDelay(int failures, double random01);

/// Injection points for the retry loop, so tests check the schedule without sleeping.
struct RetryHooks
{
    /// Waits `d`; returns false when cancelled meanwhile. Default: a cancellable real wait.
    std::function<bool(std::chrono::milliseconds d)> sleep;
    /// Uniform in [0, 1). Default: std::random_device-seeded generator.
    std::function<double()> random;
};

} // namespace attache::sync
