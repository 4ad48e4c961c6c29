#pragma once

#include "result.h"

#include <optional>
#include <string>

namespace attache::sync {

/// Keeps the sign-in token on the device.
///
/// The token is a bearer secret: whoever holds it can sync as this user from this device until
/// an admin revokes the device. It is never written into the database (which users copy, back
/// up and send to IT). FileTokenStore keeps it in its own file next to the database,
/// "<db>.token", created with mode 0600 (owner read/write only) in a directory that the app
/// keeps private; it is rewritten atomically (temporary file + rename) and deleted on logout,
/// on revocation and on wipe. Encrypting it with a key kept on the same disk would add nothing,
/// so this is the honest baseline; the app may subclass TokenStore to use the platform keychain
/// (Android Keystore, macOS/iOS Keychain, Windows DPAPI, libsecret) where one exists.
class TokenStore
{
public:
    virtual ~TokenStore() = default;
    virtual Result<std::optional<std::string>> load() = 0;
    virtual Result<void> save(const std::string &token) = 0;
    virtual Result<void> clear() = 0;
};

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

} // namespace attache::sync
