#include "auth.h"

#include <sodium.h>

#include <condition_variable>
#include <mutex>

namespace attache::server {

namespace {

std::string toHex(const unsigned char *data, std::size_t size)
{
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

class Semaphore
{
public:
    explicit Semaphore(int n)
        : m_free(n)
    { }
    void acquire()
    {
        std::unique_lock lock(m_mutex);
        m_cond.wait(lock, [&] { return m_free > 0; });
        --m_free;
    }
    void release()
    {
        {
            std::lock_guard lock(m_mutex);
            ++m_free;
        }
        m_cond.notify_one();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cond;
    int m_free;
};

Semaphore &hashSlots()
{
    static Semaphore s(2);
    return s;
}

} // namespace

bool initCrypto()
{
    return sodium_init() >= 0;
}

std::string hashPassword(std::string_view password)
{
    char out[crypto_pwhash_STRBYTES];
    hashSlots().acquire();
    const int rc = crypto_pwhash_str(out, password.data(), password.size(),
        crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
    hashSlots().release();
    return rc == 0 ? std::string(out) : std::string();
}

bool verifyPassword(std::string_view password, const std::string &hash)
{
    if (hash.empty())
        return false;
    hashSlots().acquire();
    const bool ok = crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
    hashSlots().release();
    return ok;
}

std::string newToken()
{
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return toHex(bytes, sizeof bytes);
}

std::string sha256Hex(std::string_view bytes)
{
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(out, reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size());
    return toHex(out, sizeof out);
}

} // namespace attache::server
