#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace attache::server {

/// Content codings the server answers with.
enum class ContentCoding { Identity, Gzip, Brotli, Zstd };

/// Compression settings, chosen by measurement on pull pages (bench/README.md): zstd at level 1
/// is both the fastest and the smallest (about four times faster than gzip level 1 for two
/// thirds of its bytes); brotli at quality 1 comes next (cpp-httplib's own default, quality 11,
/// took 430 ms for one page); gzip level 1 (17.2 % of the page in 1.4 ms, against 15.6 % in
/// 2.4 ms at level 4) for clients that offer nothing else: the server's CPU per pull page is
/// what limits a burst of devices, and the wire stays far under the 40 % target.
inline constexpr int kGzipLevel = 1;
inline constexpr int kBrotliQuality = 1;
inline constexpr int kZstdLevel = 1;
/// The request codings the server reads, as it advertises them (RFC 7694) in every answer's
/// Accept-Encoding header so that a client knows it may send zstd.
inline constexpr const char *kAcceptedRequestCodings = "zstd, gzip, br";
/// Smaller bodies go uncompressed: the saving would not pay for the work.
inline constexpr std::size_t kMinCompressBytes = 1024;

/// The coding to answer with for a request's Accept-Encoding: zstd if offered, else brotli, else
/// gzip, else identity. Honours q-values ("br;q=0" refuses brotli) and "*".
ContentCoding chooseCoding(std::string_view acceptEncoding);

/// The Content-Encoding token ("gzip", "br", "zstd"); empty for identity.
const char *codingName(ContentCoding coding);

/// `body` compressed with `coding`; nullopt if the compressor failed (send it as is).
std::optional<std::string> compressBody(std::string_view body, ContentCoding coding);

/// Why a zstd request body could not be decoded.
enum class DecodeProblem { None, TooLarge, Corrupt };

/// A zstd request body decoded into `out`, refusing to produce more than `limit` bytes (a body of
/// a few kilobytes can expand to gigabytes) or to use a window over 8 MiB.
DecodeProblem zstdDecompress(std::string_view body, std::size_t limit, std::string &out);

} // namespace attache::server
