// KeyringTokenStore: the sign-in token in the session's Secret Service, through libsecret.

#include "log.h"
#include "tokenstore.h"

#include <libsecret/secret.h>

#include <cstdlib>
#include <filesystem>

namespace attache::sync {

namespace {

constexpr const char *kCategory = "sync.token";

const SecretSchema *schema()
{
    static const SecretSchema s = {"vn.attache.SyncToken", SECRET_SCHEMA_NONE,
        {
            {"application", SECRET_SCHEMA_ATTRIBUTE_STRING},
            {"database", SECRET_SCHEMA_ATTRIBUTE_STRING},
            {nullptr, SecretSchemaAttributeType(0)},
        },
        0, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};
    return &s;
}

/// Owns a GError and says whether the keyring was unreachable (as opposed to refusing).
struct GErrorHolder
{
    GError *error = nullptr;
    ~GErrorHolder()
    {
        if (error)
            g_error_free(error);
    }
    std::string message() const { return error && error->message ? error->message : ""; }
};

std::string absolute(const std::string &path)
{
    std::error_code ec;
    auto p = std::filesystem::absolute(path, ec);
    return ec ? path : p.lexically_normal().string();
}

} // namespace

KeyringTokenStore::KeyringTokenStore(std::string databasePath, std::unique_ptr<TokenStore> fallback)
    : m_database(absolute(databasePath))
    , m_fallback(std::move(fallback))
{ }

Result<std::optional<std::string>> KeyringTokenStore::load()
{
    GErrorHolder e;
    gchar *secret = secret_password_lookup_sync(schema(), nullptr, &e.error, "application",
        "attache", "database", m_database.c_str(), nullptr);
    if (e.error) {
        m_usedKeyring = false;
        log(LogLevel::Warning, kCategory,
            "no keyring (" + e.message() + "): the sign-in token is read from its private file");
        return m_fallback->load();
    }
    m_usedKeyring = true;
    if (secret) {
        std::string token(secret);
        secret_password_free(secret);
        // A copy left in the file (a keyring that was not running at sign-in) goes away.
        (void)m_fallback->clear();
        return std::optional<std::string>(std::move(token));
    }
    // Not in the keyring: a token saved while no keyring ran, or by an earlier version, moves in.
    auto fromFile = m_fallback->load();
    if (!fromFile || !*fromFile)
        return fromFile;
    if (auto s = save(**fromFile); !s)
        log(LogLevel::Warning, kCategory,
            "the sign-in token stays in its file: " + s.error().message);
    return fromFile;
}

Result<void> KeyringTokenStore::save(const std::string &token)
{
    GErrorHolder e;
    const gboolean ok = secret_password_store_sync(schema(), SECRET_COLLECTION_DEFAULT,
        "Attaché sign-in token", token.c_str(), nullptr, &e.error, "application", "attache",
        "database", m_database.c_str(), nullptr);
    if (ok && !e.error) {
        m_usedKeyring = true;
        return m_fallback->clear();
    }
    m_usedKeyring = false;
    log(LogLevel::Warning, kCategory,
        "no keyring (" + e.message()
            + "): the sign-in token is kept in a private file readable only by this user");
    return m_fallback->save(token);
}

Result<void> KeyringTokenStore::clear()
{
    GErrorHolder e;
    (void)secret_password_clear_sync(schema(), nullptr, &e.error, "application", "attache",
        "database", m_database.c_str(), nullptr);
    m_usedKeyring = !e.error;
    if (e.error)
        log(LogLevel::Warning, kCategory,
            "the keyring could not be asked to forget the sign-in token: " + e.message());
    // The file too: it may hold a copy from a time without a keyring.
    return m_fallback->clear();
}

std::unique_ptr<TokenStore> makeTokenStore(
    const std::string &databasePath, const std::string &filePath)
{
    auto file = std::make_unique<FileTokenStore>(filePath);
    const char *choice = std::getenv("ATTACHE_TOKEN_STORE");
    if (choice && std::string_view(choice) == "file")
        return file;
    return std::make_unique<KeyringTokenStore>(databasePath, std::move(file));
}

} // namespace attache::sync
