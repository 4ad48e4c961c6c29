#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace attache::server {

/// Content codings the server answers with.
enum class ContentCoding { Identity, Gzip, Brotli };

/// Compression settings, chosen by measurement on a 390 KB pull page (bench/README.md): brotli
/// at quality 1 is both smaller and faster than gzip at any level (cpp-httplib's own default,
/// quality 11, took 430 ms for that page); gzip level 1 (17.2 % of the page in 1.4 ms, against
/// 15.6 % in 2.4 ms at level 4) since the app asks for gzip only and the server's CPU per pull
/// page is what limits a burst of devices (the wire stays far under the 40 % target).
inline constexpr int kGzipLevel = 1;
inline constexpr int kBrotliQuality = 1;
/// Smaller bodies go uncompressed: the saving would not pay for the work.
inline constexpr std::size_t kMinCompressBytes = 1024;

/// The coding to answer with for a request's Accept-Encoding: brotli if offered, else gzip, else
/// identity. Honours q-values ("br;q=0" refuses brotli) and "*".
ContentCoding chooseCoding(std::string_view acceptEncoding);

/// The Content-Encoding token ("gzip", "br"); empty for identity.
const char *codingName(ContentCoding coding);

/// `body` compressed with `coding`; nullopt if the compressor failed (send it as is).
std::optional<std::string> compressBody(std::string_view body, ContentCoding coding);

} // namespace attache::server
