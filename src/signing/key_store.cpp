#include "signing/key_store.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

namespace motcua::signing {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kDay = 86400;

std::string BioText(BIO* bio) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return {data, static_cast<std::size_t>(size)};
}

std::string KeyPem(EVP_PKEY* key) {
    BioPtr out(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(out.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return BioText(out.get());
}

std::string CertPem(X509* certificate) {
    BioPtr out(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(out.get(), certificate);
    return BioText(out.get());
}

Outcome<std::string> ReadText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return MakeError(ErrorKind::kInvalid, "signing_key_unreadable", file.string(),
                         "cannot open");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Outcome<Done> WritePublicFile(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", file.string());
    }
    return Done{};
}

void AddName(X509_NAME* name, const char* field, const std::string& value) {
    X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(value.data()),
                               static_cast<int>(value.size()), -1, 0);
}

void AddExtension(X509* certificate, X509* issuer, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    if (X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value)) {
        X509_add_ext(certificate, extension, -1);
        X509_EXTENSION_free(extension);
    }
}

// A certificate for `key` named `common_name`, signed by `issuer_key` (itself when `issuer` is
// null: a self-signed authority).
Outcome<CertPtr> Certify(EVP_PKEY* key, const std::string& common_name, X509* issuer,
                         EVP_PKEY* issuer_key, std::int64_t now, std::int64_t days,
                         bool authority) {
    CertPtr certificate(X509_new());
    std::array<unsigned char, 16> serial{};
    RAND_bytes(serial.data(), serial.size());
    serial[0] &= 0x7f;  // A positive serial number.
    BIGNUM* number = BN_bin2bn(serial.data(), serial.size(), nullptr);
    BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate.get()));
    BN_free(number);
    X509_set_version(certificate.get(), 2);
    ASN1_TIME_set(X509_getm_notBefore(certificate.get()), static_cast<std::time_t>(now - kDay));
    ASN1_TIME_set(X509_getm_notAfter(certificate.get()),
                  static_cast<std::time_t>(now + days * kDay));
    X509_NAME* subject = X509_get_subject_name(certificate.get());
    AddName(subject, "C", "VN");
    AddName(subject, "O", authority ? "MotCua demo" : "MotCua");
    AddName(subject, "CN", common_name);
    X509_set_issuer_name(certificate.get(),
                         issuer != nullptr ? X509_get_subject_name(issuer) : subject);
    X509_set_pubkey(certificate.get(), key);
    X509* signer = issuer != nullptr ? issuer : certificate.get();
    AddExtension(certificate.get(), signer, NID_basic_constraints,
                 authority ? "critical,CA:TRUE" : "critical,CA:FALSE");
    AddExtension(
        certificate.get(), signer, NID_key_usage,
        authority ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature,nonRepudiation");
    AddExtension(certificate.get(), signer, NID_subject_key_identifier, "hash");
    AddExtension(certificate.get(), signer, NID_authority_key_identifier, "keyid:always");
    if (X509_sign(certificate.get(), issuer_key, EVP_sha256()) <= 0) {
        return MakeError(ErrorKind::kUnavailable, "signing_failed", "", TakeOpenSslError());
    }
    return certificate;
}

int CurrentNumber(const fs::path& folder) {
    std::ifstream in(folder / "current");
    int number = 0;
    in >> number;
    return number;
}

}  // namespace

Outcome<std::string> AgencyFolder(const std::string& agency) {
    const bool plain = !agency.empty() && agency.size() <= 64 &&
                       std::all_of(agency.begin(), agency.end(),
                                   [](char c) {
                                       return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                              (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                                              c == '_';
                                   }) &&
                       agency != "." && agency != "..";
    if (!plain) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "agency");
    }
    return agency;
}

Outcome<CertificateInfo> KeyStore::CreateDemoAuthority(const std::string& name, std::int64_t now) {
    std::error_code ignored;
    fs::create_directories(root_ / "ca", ignored);
    fs::create_directories(root_ / "trusted", ignored);
    KeyPtr key(EVP_RSA_gen(3072));
    if (!key) {
        return MakeError(ErrorKind::kUnavailable, "signing_failed", "", TakeOpenSslError());
    }
    MOTCUA_ASSIGN_OR_RETURN(auto certificate,
                            Certify(key.get(), name, nullptr, key.get(), now, 3650, true));
    MOTCUA_RETURN_IF_ERROR(WritePrivateFile(root_ / "ca" / "ca.key.pem", KeyPem(key.get())));
    const std::string pem = CertPem(certificate.get());
    MOTCUA_RETURN_IF_ERROR(WritePublicFile(root_ / "ca" / "ca.cert.pem", pem));
    MOTCUA_RETURN_IF_ERROR(WritePublicFile(root_ / "trusted" / "demo-ca.pem", pem));
    return DescribeCertificate(certificate.get());
}

Outcome<KeyEntry> KeyStore::Create(const std::string& agency, const std::string& agency_name,
                                   std::int64_t now) {
    MOTCUA_RETURN_IF_ERROR(AgencyFolder(agency));
    if (!fs::exists(root_ / "ca" / "ca.key.pem")) {
        return MakeError(ErrorKind::kNotFound, "no_authority", "", (root_ / "ca").string());
    }
    MOTCUA_ASSIGN_OR_RETURN(
        auto authority, LoadSigningKey(root_ / "ca" / "ca.key.pem", root_ / "ca" / "ca.cert.pem"));
    KeyPtr key(EVP_RSA_gen(2048));
    if (!key) {
        return MakeError(ErrorKind::kUnavailable, "signing_failed", "", TakeOpenSslError());
    }
    MOTCUA_ASSIGN_OR_RETURN(
        auto certificate,
        Certify(key.get(), agency_name.empty() ? agency : agency_name, authority.certificate.get(),
                authority.key.get(), now, std::int64_t{5} * 365, false));
    return Install(agency, KeyPem(key.get()),
                   CertPem(certificate.get()) + CertPem(authority.certificate.get()));
}

Outcome<KeyEntry> KeyStore::Import(const std::string& agency, const fs::path& key_file,
                                   const fs::path& cert_file) {
    MOTCUA_RETURN_IF_ERROR(AgencyFolder(agency));
    MOTCUA_RETURN_IF_ERROR(LoadSigningKey(key_file, cert_file));
    MOTCUA_ASSIGN_OR_RETURN(const auto key_pem, ReadText(key_file));
    MOTCUA_ASSIGN_OR_RETURN(const auto cert_pem, ReadText(cert_file));
    return Install(agency, key_pem, cert_pem);
}

Outcome<KeyEntry> KeyStore::Install(const std::string& agency, const std::string& key_pem,
                                    const std::string& cert_pem) {
    const fs::path folder = root_ / "agencies" / agency;
    std::error_code ignored;
    fs::create_directories(folder, ignored);
    int number = 1;
    while (fs::exists(folder / (std::to_string(number) + ".key.pem"))) {
        ++number;
    }
    const std::string base = std::to_string(number);
    MOTCUA_RETURN_IF_ERROR(WritePrivateFile(folder / (base + ".key.pem"), key_pem));
    MOTCUA_RETURN_IF_ERROR(WritePublicFile(folder / (base + ".cert.pem"), cert_pem));
    // The pointer is replaced in one rename, so a reader sees the old key or the new one.
    MOTCUA_RETURN_IF_ERROR(WritePublicFile(folder / "current.tmp", base + "\n"));
    fs::rename(folder / "current.tmp", folder / "current", ignored);
    if (ignored) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", (folder / "current").string());
    }
    MOTCUA_ASSIGN_OR_RETURN(auto entries, List(agency));
    return entries.back();
}

Outcome<std::vector<KeyEntry>> KeyStore::List(const std::string& agency) const {
    std::vector<KeyEntry> entries;
    const fs::path agencies = root_ / "agencies";
    std::error_code missing;
    std::vector<fs::path> folders;
    for (const auto& item : fs::directory_iterator(agencies, missing)) {
        if (item.is_directory() && (agency.empty() || item.path().filename() == agency)) {
            folders.push_back(item.path());
        }
    }
    std::sort(folders.begin(), folders.end());
    for (const auto& folder : folders) {
        const int current = CurrentNumber(folder);
        for (int number = 1; fs::exists(folder / (std::to_string(number) + ".cert.pem"));
             ++number) {
            MOTCUA_ASSIGN_OR_RETURN(
                auto certificates,
                LoadCertificates(folder / (std::to_string(number) + ".cert.pem")));
            entries.push_back({folder.filename().string(), number, number == current,
                               DescribeCertificate(certificates.front().get())});
        }
    }
    return entries;
}

Outcome<CurrentKey> KeyStore::Current(const std::string& agency) const {
    MOTCUA_RETURN_IF_ERROR(AgencyFolder(agency));
    const fs::path folder = root_ / "agencies" / agency;
    const int number = CurrentNumber(folder);
    if (number <= 0) {
        return MakeError(ErrorKind::kNotFound, "no_signing_key", agency);
    }
    const std::string base = std::to_string(number);
    MOTCUA_ASSIGN_OR_RETURN(
        auto key, LoadSigningKey(folder / (base + ".key.pem"), folder / (base + ".cert.pem")));
    return CurrentKey{number, std::move(key)};
}

Outcome<std::vector<CertPtr>> KeyStore::Trusted() const {
    std::vector<CertPtr> trusted;
    std::error_code missing;
    std::vector<fs::path> files;
    for (const auto& item : fs::directory_iterator(root_ / "trusted", missing)) {
        if (item.path().extension() == ".pem") {
            files.push_back(item.path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        MOTCUA_ASSIGN_OR_RETURN(auto certificates, LoadCertificates(file));
        for (auto& certificate : certificates) {
            trusted.push_back(std::move(certificate));
        }
    }
    return trusted;
}

}  // namespace motcua::signing
