// The agencies' signing keys on disk (docs/e-results.md §2). One folder, `signing_keys_dir` in
// the configuration, never in the database or its dumps:
//
//   trusted/*.pem                 authorities whose certificates verification trusts
//   ca/ca.key.pem, ca/ca.cert.pem the demo authority `motcua demo` makes (absent in production,
//                                 where certificates come from a licensed CA and are imported)
//   agencies/<agency>/<n>.key.pem (0600) and <n>.cert.pem, n = 1, 2, …; `current` names the n
//                                 that signs now
//
// Rotation adds a key and makes it current; the old ones stay, so what they signed still verifies.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/outcome.hpp"
#include "signing/signing_key.hpp"

namespace motcua::signing {

struct KeyEntry {
    std::string agency;
    int number = 0;
    bool current = false;
    CertificateInfo certificate;
};

struct CurrentKey {
    int number = 0;
    SigningKey key;
};

class KeyStore {
public:
    explicit KeyStore(std::filesystem::path root) : root_(std::move(root)) {}

    /// Makes the demo authority (RSA-3072, ten years from `now`) and trusts it; kConflict
    /// "file_exists" when there is one.
    Outcome<CertificateInfo> CreateDemoAuthority(const std::string& name, std::int64_t now);

    /// A new key for `agency` (RSA-2048), certified by the demo authority for five years from
    /// `now` with `agency_name` as its common name, made current. Errors: kNotFound
    /// "no_authority" without a demo authority.
    Outcome<KeyEntry> Create(const std::string& agency, const std::string& agency_name,
                             std::int64_t now);

    /// Takes `key_file` and `cert_file` (with its chain) as `agency`'s new current key, after
    /// checking that they belong together; the files are copied, the key with mode 0600.
    Outcome<KeyEntry> Import(const std::string& agency, const std::filesystem::path& key_file,
                             const std::filesystem::path& cert_file);

    /// Every key of every agency (or of `agency`), oldest first.
    Outcome<std::vector<KeyEntry>> List(const std::string& agency = {}) const;

    /// The key `agency` signs with now: kNotFound "no_signing_key" when it has none.
    Outcome<CurrentKey> Current(const std::string& agency) const;

    /// The trusted authorities (trusted/*.pem).
    Outcome<std::vector<CertPtr>> Trusted() const;

    const std::filesystem::path& Root() const { return root_; }

private:
    Outcome<KeyEntry> Install(const std::string& agency, const std::string& key_pem,
                              const std::string& cert_pem);

    std::filesystem::path root_;
};

/// An agency code as a folder name: letters, digits, '.', '-' and '_' only (kInvalid
/// "invalid_parameter" agency otherwise).
Outcome<std::string> AgencyFolder(const std::string& agency);

}  // namespace motcua::signing
