#include "retry.h"

#include <algorithm>
#include <cmath>

namespace attache::sync {

using std::chrono::milliseconds;

milliseconds RetryPolicy::delay(
    int attempt, double random01, std::optional<milliseconds> retryAfter) const
{
    const double base = double(initialDelay.count()) * std::pow(multiplier, std::max(0, attempt));
    const double capped = std::min(base, double(maxDelay.count()));
    const double r = std::clamp(random01, 0.0, 1.0);
    const double j = std::clamp(jitter, 0.0, 1.0);
    milliseconds d(std::int64_t(capped * (1.0 - j * r)));
    if (retryAfter && *retryAfter > d)
        d = std::min(*retryAfter, maxRetryAfter);
    return d;
}

milliseconds nextSyncDelay(int failures, double random01)
{
    if (failures <= 0)
        return milliseconds(0);
    RetryPolicy p;
    p.initialDelay = milliseconds(5000);
    p.maxDelay = milliseconds(15 * 60 * 1000);
    return p.delay(failures - 1, random01);
}

} // namespace attache::sync
