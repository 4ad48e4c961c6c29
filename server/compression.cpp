#include "compression.h"

#include <brotli/encode.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

namespace attache::server {

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool equalsLower(std::string_view s, std::string_view lower)
{
    return s.size() == lower.size()
        && std::equal(s.begin(), s.end(), lower.begin(),
            [](char a, char b) { return char(std::tolower(static_cast<unsigned char>(a))) == b; });
}

} // namespace

ContentCoding chooseCoding(std::string_view accept)
{
    // -1: not mentioned; otherwise the q-value in thousandths.
    int br = -1, gzip = -1, zstd = -1, star = -1;
    while (!accept.empty()) {
        const auto comma = accept.find(',');
        std::string_view item = trim(accept.substr(0, comma));
        accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
        int q = 1000;
        if (const auto semi = item.find(';'); semi != std::string_view::npos) {
            std::string_view param = trim(item.substr(semi + 1));
            item = trim(item.substr(0, semi));
            if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
                const std::string value(param.substr(2));
                q = int(std::strtod(value.c_str(), nullptr) * 1000 + 0.5);
            }
        }
        if (equalsLower(item, "br"))
            br = q;
        else if (equalsLower(item, "zstd"))
            zstd = q;
        else if (equalsLower(item, "gzip") || equalsLower(item, "x-gzip"))
            gzip = q;
        else if (item == "*")
            star = q;
    }
    if (br < 0)
        br = star;
    if (gzip < 0)
        gzip = star;
    if (zstd < 0)
        zstd = star;
    if (zstd > 0)
        return ContentCoding::Zstd;
    if (br > 0)
        return ContentCoding::Brotli;
    if (gzip > 0)
        return ContentCoding::Gzip;
    return ContentCoding::Identity;
}

const char *codingName(ContentCoding coding)
{
    switch (coding) {
    case ContentCoding::Gzip:
        return "gzip";
    case ContentCoding::Brotli:
        return "br";
    case ContentCoding::Zstd:
        return "zstd";
    case ContentCoding::Identity:
        break;
    }
    return "";
}

namespace {

// Compresses into an uninitialised buffer of the worst case's size and copies out what was
// written: zero-filling that bound (ten times a pull page's compressed size, in fresh pages)
// cost more than compressing. `compress` returns the bytes written, nullopt on failure.
template<typename Compress>
std::optional<std::string> viaScratch(std::size_t bound, Compress compress)
{
    const std::unique_ptr<char[]> buffer(new char[bound]);
    const std::optional<std::size_t> n = compress(buffer.get(), bound);
    if (!n)
        return std::nullopt;
    return std::string(buffer.get(), *n);
}

// zstd compression contexts, reused: ZSTD_compress() makes a context for each body, and
// allocating and clearing its tables (in fresh pages) was a sixth of compressing a pull page.
// At most kMaxIdle wait in the pool (about 0.6 MB each at level 1); more at once are made and
// freed as before.
class ZstdContexts
{
public:
    using Context = std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)>;

    Context take()
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_free.empty()) {
                Context c = std::move(m_free.back());
                m_free.pop_back();
                return c;
            }
        }
        return Context(ZSTD_createCCtx(), ZSTD_freeCCtx);
    }
    void give(Context c)
    {
        std::lock_guard lock(m_mutex);
        if (m_free.size() < kMaxIdle)
            m_free.push_back(std::move(c));
    }

private:
    static constexpr std::size_t kMaxIdle = 8;
    std::mutex m_mutex;
    std::vector<Context> m_free;
};

ZstdContexts &zstdContexts()
{
    static ZstdContexts pool;
    return pool;
}

} // namespace

std::optional<std::string> compressBody(std::string_view body, ContentCoding coding)
{
    if (coding == ContentCoding::Zstd) {
        ZstdContexts::Context ctx = zstdContexts().take();
        if (!ctx)
            return std::nullopt;
        auto out = viaScratch(ZSTD_compressBound(body.size()),
            [&](char *out, std::size_t size) -> std::optional<std::size_t> {
                // Compresses at this level whatever the context was set to before: only the
                // context's memory is reused.
                const std::size_t n
                    = ZSTD_compressCCtx(ctx.get(), out, size, body.data(), body.size(), kZstdLevel);
                if (ZSTD_isError(n))
                    return std::nullopt;
                return n;
            });
        zstdContexts().give(std::move(ctx));
        return out;
    }
    if (coding == ContentCoding::Brotli) {
        const std::size_t bound = BrotliEncoderMaxCompressedSize(body.size());
        if (bound == 0)
            return std::nullopt;
        return viaScratch(bound, [&](char *out, std::size_t size) -> std::optional<std::size_t> {
            if (!BrotliEncoderCompress(kBrotliQuality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT,
                    body.size(), reinterpret_cast<const std::uint8_t *>(body.data()), &size,
                    reinterpret_cast<std::uint8_t *>(out)))
                return std::nullopt;
            return size;
        });
    }
    if (coding == ContentCoding::Gzip) {
        z_stream z {};
        // windowBits 15 + 16: the gzip wrapper that Content-Encoding: gzip means.
        if (deflateInit2(&z, kGzipLevel, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            return std::nullopt;
        auto out = viaScratch(deflateBound(&z, uLong(body.size())),
            [&](char *buffer, std::size_t size) -> std::optional<std::size_t> {
                z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.data()));
                z.avail_in = uInt(body.size());
                z.next_out = reinterpret_cast<Bytef *>(buffer);
                z.avail_out = uInt(size);
                if (deflate(&z, Z_FINISH) != Z_STREAM_END)
                    return std::nullopt;
                return std::size_t(z.total_out);
            });
        deflateEnd(&z);
        return out;
    }
    return std::nullopt;
}

DecodeProblem zstdDecompress(std::string_view body, std::size_t limit, std::string &out)
{
    out.clear();
    std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> ctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
    // Window log 23: 8 MiB, the largest body the server takes; a frame asking for more would make
    // the decoder allocate it before producing a byte.
    if (!ctx || ZSTD_isError(ZSTD_DCtx_setParameter(ctx.get(), ZSTD_d_windowLogMax, 23)))
        return DecodeProblem::Corrupt;
    // The device's bodies are one frame that says its size: read at once into exactly that,
    // when it is within the limit (a frame that lies about it fails to decode). Anything else
    // (several frames, no size) is read a piece at a time below.
    const unsigned long long declared = ZSTD_getFrameContentSize(body.data(), body.size());
    if (declared != ZSTD_CONTENTSIZE_ERROR && declared != ZSTD_CONTENTSIZE_UNKNOWN
        && declared <= limit
        && ZSTD_findFrameCompressedSize(body.data(), body.size()) == body.size()) {
        const std::unique_ptr<char[]> buffer(new char[std::max<std::size_t>(1, declared)]);
        const std::size_t n = ZSTD_decompressDCtx(
            ctx.get(), buffer.get(), std::size_t(declared), body.data(), body.size());
        if (ZSTD_isError(n) || n != declared)
            return DecodeProblem::Corrupt;
        out.assign(buffer.get(), n);
        return DecodeProblem::None;
    }
    ZSTD_inBuffer in {body.data(), body.size(), 0};
    std::size_t produced = 0;
    for (;;) {
        if (produced == out.size()) {
            // Grows to limit + 1 at most: producing that byte proves the body too large.
            out.resize(
                std::min(limit + 1, std::max<std::size_t>(out.size() * 2, ZSTD_DStreamOutSize())));
        }
        ZSTD_outBuffer o {out.data() + produced, out.size() - produced, 0};
        const std::size_t rc = ZSTD_decompressStream(ctx.get(), &o, &in);
        produced += o.pos;
        if (ZSTD_isError(rc) || produced > limit) {
            out.clear();
            return ZSTD_isError(rc) ? DecodeProblem::Corrupt : DecodeProblem::TooLarge;
        }
        if (rc == 0 && in.pos == in.size) {
            out.resize(produced);
            return DecodeProblem::None;
        }
        if (rc != 0 && in.pos == in.size && o.pos < o.size) {
            // Every byte read, room left, and the frame not finished: the body was cut short.
            out.clear();
            return DecodeProblem::Corrupt;
        }
    }
}

} // namespace attache::server
