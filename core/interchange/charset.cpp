#include "charset.h"

#include "text.h"

#include <iconv.h>

#include <cerrno>
#include <utility>
#include <vector>

namespace attache::interchange {

namespace {

/// iconv_t with RAII.
class Converter
{
public:
    Converter(const std::string &to, const std::string &from)
        : m_cd(iconv_open(to.c_str(), from.c_str()))
    { }
    ~Converter()
    {
        if (valid())
            iconv_close(m_cd);
    }
    Converter(const Converter &) = delete;
    Converter &operator=(const Converter &) = delete;
    bool valid() const { return m_cd != reinterpret_cast<iconv_t>(-1); }

    // false on an invalid or incomplete sequence.
    bool convert(std::string_view in, std::string &out)
    {
        std::vector<char> input(in.begin(), in.end());
        char *inPtr = input.data();
        size_t inLeft = input.size();
        std::vector<char> buffer(in.size() * 4 + 16);
        while (inLeft > 0) {
            char *outPtr = buffer.data();
            size_t outLeft = buffer.size();
            const size_t rc = iconv(m_cd, &inPtr, &inLeft, &outPtr, &outLeft);
            out.append(buffer.data(), buffer.size() - outLeft);
            if (rc == static_cast<size_t>(-1) && errno != E2BIG)
                return false;
        }
        char *outPtr = buffer.data();
        size_t outLeft = buffer.size();
        iconv(m_cd, nullptr, nullptr, &outPtr, &outLeft);
        out.append(buffer.data(), buffer.size() - outLeft);
        return true;
    }

private:
    iconv_t m_cd;
};

std::string canonical(std::string_view charset)
{
    std::string c;
    for (char ch : charset) {
        if (ch >= 'a' && ch <= 'z')
            ch = char(ch - 'a' + 'A');
        if (ch != '"' && ch != ' ')
            c += ch;
    }
    // Names that mail clients and phones write but iconv does not know under that spelling.
    static constexpr std::pair<std::string_view, std::string_view> kAliases[] = {{"UTF8", "UTF-8"},
        {"LATIN1", "ISO-8859-1"}, {"ISO8859-1", "ISO-8859-1"}, {"ISO_8859-1", "ISO-8859-1"},
        {"CP1252", "WINDOWS-1252"}, {"WINDOWS1252", "WINDOWS-1252"}, {"ANSI", "WINDOWS-1252"},
        {"CP1258", "WINDOWS-1258"}, {"WINDOWS1258", "WINDOWS-1258"}};
    for (const auto &[alias, name] : kAliases) {
        if (c == alias)
            return std::string(name.data(), name.size());
    }
    return c;
}

} // namespace

Result<std::string> toUtf8(std::string_view bytes, std::string_view charset)
{
    const std::string name = canonical(charset);
    if (name == "UTF-8" || name == "US-ASCII" || name == "ASCII") {
        if (!isValidUtf8(bytes))
            return makeError("invalid_text", "The text is not valid " + name + ".");
        return std::string(bytes);
    }
    Converter cv("UTF-8", name);
    if (!cv.valid())
        return makeError(
            "unknown_charset", "The character set “" + std::string(charset) + "” is not known.");
    std::string out;
    if (!cv.convert(bytes, out))
        return makeError("invalid_text", "The text is not valid " + name + ".");
    return out;
}

std::string bytesToUtf8(std::string_view bytes, bool &guessed)
{
    guessed = false;
    if (isValidUtf8(bytes))
        return std::string(bytes);
    guessed = true;
    auto r = toUtf8(bytes, "WINDOWS-1252");
    if (r)
        return *r;
    // windows-1252 leaves five bytes undefined; ISO-8859-1 maps every byte.
    auto latin = toUtf8(bytes, "ISO-8859-1");
    return latin ? *latin : std::string();
}

std::string utf8ToUtf16le(std::string_view utf8)
{
    Converter cv("UTF-16LE", "UTF-8");
    std::string out;
    if (!cv.valid() || !cv.convert(utf8, out))
        return {};
    return out;
}

} // namespace attache::interchange
