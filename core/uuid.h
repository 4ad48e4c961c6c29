#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace attache {

/// A UUIDv7 (RFC 9562) as its 36-character lower-case text: 48 bits of Unix milliseconds, then
/// random bits, so that ids made offline on many devices never collide and sort by creation.
std::string makeUuidV7();
std::string makeUuidV7(std::int64_t unixMs);

/// True for any canonical 8-4-4-4-12 hexadecimal UUID text.
bool isUuid(std::string_view text);

/// Random bytes as lower-case hex (device ids, batch ids).
std::string randomHex(int bytes);

} // namespace attache
