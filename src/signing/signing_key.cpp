#include "signing/signing_key.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <openssl/asn1.h>
#include <openssl/pem.h>
#include <sys/stat.h>
#include <unistd.h>

namespace motcua::signing {
namespace {

Error Unreadable(const std::filesystem::path& file, const std::string& why) {
    return MakeError(ErrorKind::kInvalid, "signing_key_unreadable", file.string(), why);
}

Outcome<std::string> ReadFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return Unreadable(file, "cannot open");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string NameText(const X509_NAME* name) {
    BioPtr out(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(out.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    const long size = BIO_get_mem_data(out.get(), &data);
    return {data, static_cast<std::size_t>(size)};
}

std::string TimeText(const ASN1_TIME* time) {
    struct tm parts {};
    if (ASN1_TIME_to_tm(time, &parts) != 1) {
        return {};
    }
    std::array<char, 32> text{};
    std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text.data();
}

std::string Hex(const unsigned char* bytes, std::size_t size) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (std::size_t i = 0; i < size; ++i) {
        hex += kDigits[bytes[i] >> 4];
        hex += kDigits[bytes[i] & 0x0f];
    }
    return hex;
}

}  // namespace

Outcome<std::vector<CertPtr>> LoadCertificates(const std::filesystem::path& file) {
    MOTCUA_ASSIGN_OR_RETURN(const auto text, ReadFile(file));
    const auto in = MemoryReader(text);
    std::vector<CertPtr> certificates;
    while (X509* certificate = PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr)) {
        certificates.emplace_back(certificate);
    }
    TakeOpenSslError();  // The end of the file reads as an error.
    if (certificates.empty()) {
        return Unreadable(file, "no PEM certificate");
    }
    return certificates;
}

Outcome<SigningKey> LoadSigningKey(const std::filesystem::path& key_file,
                                   const std::filesystem::path& cert_file) {
    struct stat status {};
    if (::stat(key_file.c_str(), &status) != 0) {
        return Unreadable(key_file, "missing");
    }
    if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        return MakeError(ErrorKind::kForbidden, "signing_key_exposed", key_file.string(),
                         "the private key file must have mode 0600");
    }
    MOTCUA_ASSIGN_OR_RETURN(const auto key_text, ReadFile(key_file));
    const auto in = MemoryReader(key_text);
    SigningKey loaded;
    loaded.key.reset(PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr));
    if (!loaded.key) {
        return Unreadable(key_file, "not a PEM private key: " + TakeOpenSslError());
    }
    MOTCUA_ASSIGN_OR_RETURN(auto certificates, LoadCertificates(cert_file));
    loaded.certificate = std::move(certificates.front());
    for (std::size_t i = 1; i < certificates.size(); ++i) {
        loaded.chain.push_back(std::move(certificates[i]));
    }
    if (X509_check_private_key(loaded.certificate.get(), loaded.key.get()) != 1) {
        TakeOpenSslError();
        return Unreadable(cert_file, "the certificate is not the key's");
    }
    return loaded;
}

CertificateInfo DescribeCertificate(X509* certificate) {
    CertificateInfo info;
    info.subject = NameText(X509_get_subject_name(certificate));
    info.issuer = NameText(X509_get_issuer_name(certificate));
    if (BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr)) {
        if (char* hex = BN_bn2hex(serial)) {
            info.serial = hex;
            OPENSSL_free(hex);
        }
        BN_free(serial);
    }
    info.not_before = TimeText(X509_get0_notBefore(certificate));
    info.not_after = TimeText(X509_get0_notAfter(certificate));
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    X509_digest(certificate, EVP_sha256(), digest.data(), &size);
    info.sha256 = Hex(digest.data(), size);
    return info;
}

Outcome<Done> WritePrivateFile(const std::filesystem::path& file, const std::string& text) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return MakeError(errno == EEXIST ? ErrorKind::kConflict : ErrorKind::kUnavailable,
                         errno == EEXIST ? "file_exists" : "unavailable", file.string());
    }
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t step = ::write(fd, text.data() + written, text.size() - written);
        if (step <= 0) {
            ::close(fd);
            return MakeError(ErrorKind::kUnavailable, "unavailable", file.string());
        }
        written += static_cast<std::size_t>(step);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) {
        return MakeError(ErrorKind::kUnavailable, "unavailable", file.string());
    }
    return Done{};
}

}  // namespace motcua::signing
