#pragma once

#include "result.h"

#include <memory>
#include <optional>
#include <string>

namespace attache::sync {

/// Keeps the sign-in token on the device.
///
/// The token is a bearer secret: whoever holds it can sync as this user from this device until
/// an admin revokes the device. It is never written into the database (which users copy, back
/// up and send to IT). KeyringTokenStore keeps it in the platform keyring, encrypted by the
/// user's session; FileTokenStore, only where no keyring exists (a headless machine), in its own
/// private file. Both forget it on logout, on revocation and on wipe.
class TokenStore
{
public:
    virtual ~TokenStore() = default;
    virtual Result<std::optional<std::string>> load() = 0;
    virtual Result<void> save(const std::string &token) = 0;
    virtual Result<void> clear() = 0;
};

/// A private file, "<db>.token", created with mode 0600 (owner read/write only), rewritten
/// atomically (temporary file + rename). Encrypting it with a key kept on the same disk would
/// add nothing: this is the fallback for machines without a keyring, and it says so in the log.
class FileTokenStore : public TokenStore
{
public:
    explicit FileTokenStore(std::string path);
    Result<std::optional<std::string>> load() override;
    Result<void> save(const std::string &token) override;
    Result<void> clear() override;
    const std::string &path() const { return m_path; }

private:
    std::string m_path;
};

/// The Secret Service of the user's session (GNOME Keyring, KWallet, KeePassXC…) through
/// libsecret, the freedesktop.org standard every Linux desktop provides: the token is stored in
/// the user's default keyring, encrypted at rest and unlocked with the session, under the
/// attributes application = "attache" and database = the device database's path (one token per
/// device database). A token left in the fallback file by an earlier version, or while no
/// keyring was running, moves into the keyring at the next load.
///
/// Without a keyring (no session bus, no Secret Service: servers, CI, containers) it falls back
/// to `fallback`, with a warning in the log. Calls may block while the keyring asks the user to
/// unlock it: call them off the UI thread (the sync engine's are).
class KeyringTokenStore : public TokenStore
{
public:
    KeyringTokenStore(std::string databasePath, std::unique_ptr<TokenStore> fallback);
    Result<std::optional<std::string>> load() override;
    Result<void> save(const std::string &token) override;
    Result<void> clear() override;
    /// Whether the last operation reached the keyring (false: the fallback was used).
    bool usedKeyring() const { return m_usedKeyring; }

private:
    std::string m_database;
    std::unique_ptr<TokenStore> m_fallback;
    bool m_usedKeyring = false;
};

/// The store the sync engine uses: KeyringTokenStore over FileTokenStore(filePath), or the file
/// alone when the environment says ATTACHE_TOKEN_STORE=file (headless installations, tests).
std::unique_ptr<TokenStore> makeTokenStore(
    const std::string &databasePath, const std::string &filePath);

} // namespace attache::sync
