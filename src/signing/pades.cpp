#include "signing/pades.hpp"

#include <array>
#include <cstdio>
#include <ctime>
#include <exception>
#include <memory>

#include <openssl/asn1.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "signing/timestamp.hpp"

namespace motcua::signing {
namespace {

// Room for the CMS in the file: an RSA-4096 signature with a chain of three certificates and
// a timestamp token fits in 16 KiB.
constexpr std::size_t kReservedBytes = 16384;
constexpr const char* kPlaceholderNumber = "9999999999";
constexpr std::int64_t kVietnamOffset =
    std::int64_t{7} * 3600;  // Asia/Ho_Chi_Minh has no summer time.

// "D:20261207093000+07'00'", the PDF date of `unix_seconds` in Vietnam.
std::string PdfDate(std::int64_t unix_seconds) {
    const auto local = static_cast<std::time_t>(unix_seconds + kVietnamOffset);
    struct tm parts {};
    gmtime_r(&local, &parts);
    std::array<char, 40> text{};
    std::strftime(text.data(), text.size(), "D:%Y%m%d%H%M%S+07'00'", &parts);
    return text.data();
}

// "D:20261207093000+07'00'" → "2026-12-07T02:30:00Z" and its Unix seconds; nothing when the
// date is not of that shape.
bool ParsePdfDate(const std::string& date, std::string& rfc3339, std::time_t& unix_seconds) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, off_h = 0, off_m = 0;
    char sign = 'Z';
    const int read = std::sscanf(date.c_str(), "D:%4d%2d%2d%2d%2d%2d%c%2d'%2d", &year, &month, &day,
                                 &hour, &minute, &second, &sign, &off_h, &off_m);
    if (read < 6) {
        return false;
    }
    struct tm parts {};
    parts.tm_year = year - 1900;
    parts.tm_mon = month - 1;
    parts.tm_mday = day;
    parts.tm_hour = hour;
    parts.tm_min = minute;
    parts.tm_sec = second;
    std::time_t utc = timegm(&parts);
    if (read >= 8 && (sign == '+' || sign == '-')) {
        const std::time_t offset = std::time_t{off_h} * 3600 + std::time_t{off_m} * 60;
        utc += sign == '+' ? -offset : offset;
    }
    struct tm out {};
    gmtime_r(&utc, &out);
    std::array<char, 32> text{};
    std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &out);
    rfc3339 = text.data();
    unix_seconds = utc;
    return true;
}

std::string Hex(const unsigned char* bytes, std::size_t size, bool upper) {
    const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string hex;
    hex.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        hex += digits[bytes[i] >> 4];
        hex += digits[bytes[i] & 0x0f];
    }
    return hex;
}

// The detached CMS SignedData over `data`: SHA-256, signing-certificate-v2, signing time.
Outcome<std::string> SignCms(const std::string& data, const SigningKey& key,
                             const SignatureRequest& request) {
    const std::int64_t signing_time = request.signing_time;
    const int flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
    CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags));
    CMS_SignerInfo* signer = cms ? CMS_add1_signer(cms.get(), key.certificate.get(), key.key.get(),
                                                   EVP_sha256(), flags | CMS_CADES)
                                 : nullptr;
    if (signer == nullptr) {
        return MakeError(ErrorKind::kUnavailable, "signing_failed", "", TakeOpenSslError());
    }
    for (const auto& issuer : key.chain) {
        CMS_add1_cert(cms.get(), issuer.get());
    }
    ASN1_TIME* when = ASN1_TIME_set(nullptr, static_cast<std::time_t>(signing_time));
    const bool timed =
        when != nullptr && CMS_signed_add1_attr_by_NID(signer, NID_pkcs9_signingTime,
                                                       ASN1_STRING_type(when), when, -1) == 1;
    ASN1_TIME_free(when);
    const auto content = MemoryReader(data);
    if (!timed || CMS_final(cms.get(), content.get(), nullptr, flags) != 1) {
        return MakeError(ErrorKind::kUnavailable, "signing_failed", "", TakeOpenSslError());
    }
    if (request.timestamp) {
        // The signature-time-stamp over the signature value (ETSI EN 319 122-1 §5.3).
        const ASN1_OCTET_STRING* value = CMS_SignerInfo_get0_signature(signer);
        const std::string signature(reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)),
                                    static_cast<std::size_t>(ASN1_STRING_length(value)));
        MOTCUA_ASSIGN_OR_RETURN(const auto token, request.timestamp(signature));
        if (CMS_unsigned_add1_attr_by_NID(signer, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE,
                                          token.data(), static_cast<int>(token.size())) != 1) {
            return MakeError(ErrorKind::kUnavailable, "signing_failed", "", TakeOpenSslError());
        }
    }
    unsigned char* der = nullptr;
    const int size = i2d_CMS_ContentInfo(cms.get(), &der);
    if (size <= 0) {
        return MakeError(ErrorKind::kUnavailable, "signing_failed", "", TakeOpenSslError());
    }
    std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(size));
    OPENSSL_free(der);
    return out;
}

// The time of the signer's signature-time-stamp, when it carries one ("" otherwise).
std::string TimestampOf(CMS_ContentInfo* cms) {
    STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(cms);
    CMS_SignerInfo* signer = signers != nullptr && sk_CMS_SignerInfo_num(signers) > 0
                                 ? sk_CMS_SignerInfo_value(signers, 0)
                                 : nullptr;
    const int index = signer != nullptr
                          ? CMS_unsigned_get_attr_by_NID(signer, NID_id_smime_aa_timeStampToken, -1)
                          : -1;
    X509_ATTRIBUTE* attribute = index >= 0 ? CMS_unsigned_get_attr(signer, index) : nullptr;
    ASN1_TYPE* value = attribute != nullptr ? X509_ATTRIBUTE_get0_type(attribute, 0) : nullptr;
    if (value == nullptr || value->type != V_ASN1_SEQUENCE) {
        return {};
    }
    const ASN1_STRING* der = value->value.sequence;
    return TimestampTime(std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(der)),
                                     static_cast<std::size_t>(ASN1_STRING_length(der))));
}

QPDFObjectHandle Name(const char* name) { return QPDFObjectHandle::newName(name); }

// Adds the signature field with its placeholders to `document`'s first page and AcroForm.
void AddSignatureField(QPDF& document, const SignatureRequest& request) {
    auto signature = QPDFObjectHandle::newDictionary();
    signature.replaceKey("/Type", Name("/Sig"));
    signature.replaceKey("/Filter", Name("/Adobe.PPKLite"));
    signature.replaceKey("/SubFilter", Name("/ETSI.CAdES.detached"));
    auto range = QPDFObjectHandle::newArray();
    for (int i = 0; i < 4; ++i) {
        range.appendItem(QPDFObjectHandle::newInteger(9999999999LL));
    }
    signature.replaceKey("/ByteRange", range);
    signature.replaceKey("/Contents",
                         QPDFObjectHandle::newString(std::string(kReservedBytes, '\0')));
    signature.replaceKey("/M", QPDFObjectHandle::newString(PdfDate(request.signing_time)));
    signature.replaceKey("/Name", QPDFObjectHandle::newUnicodeString(request.signer_name));
    signature.replaceKey("/Reason", QPDFObjectHandle::newUnicodeString(request.reason));
    signature.replaceKey("/Location", QPDFObjectHandle::newUnicodeString(request.location));
    signature = document.makeIndirectObject(signature);

    auto page = QPDFPageDocumentHelper(document).getAllPages().front().getObjectHandle();
    auto widget = QPDFObjectHandle::newDictionary();
    widget.replaceKey("/Type", Name("/Annot"));
    widget.replaceKey("/Subtype", Name("/Widget"));
    widget.replaceKey("/FT", Name("/Sig"));
    widget.replaceKey("/T", QPDFObjectHandle::newUnicodeString("Chữ ký số 1"));
    widget.replaceKey("/F", QPDFObjectHandle::newInteger(132));  // Print, locked.
    auto rect = QPDFObjectHandle::newArray();
    for (const double corner : request.rect) {
        rect.appendItem(QPDFObjectHandle::newReal(corner, 2));
    }
    widget.replaceKey("/Rect", rect);
    widget.replaceKey("/V", signature);
    widget.replaceKey("/P", page);
    widget = document.makeIndirectObject(widget);

    auto annotations = page.getKey("/Annots");
    if (!annotations.isArray()) {
        annotations = QPDFObjectHandle::newArray();
        page.replaceKey("/Annots", annotations);
    }
    annotations.appendItem(widget);
    auto root = document.getRoot();
    auto form = root.getKey("/AcroForm");
    if (!form.isDictionary()) {
        form = QPDFObjectHandle::newDictionary();
        root.replaceKey("/AcroForm", form);
    }
    auto fields = form.getKey("/Fields");
    if (!fields.isArray()) {
        fields = QPDFObjectHandle::newArray();
        form.replaceKey("/Fields", fields);
    }
    fields.appendItem(widget);
    form.replaceKey("/SigFlags", QPDFObjectHandle::newInteger(3));
}

}  // namespace

std::string Sha256Hex(const std::string& bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr);
    return Hex(digest.data(), size, false);
}

Outcome<std::string> SignPdf(const std::string& pdf, const SigningKey& key,
                             const SignatureRequest& request) {
    std::string out;
    try {
        QPDF document;
        document.setSuppressWarnings(true);
        document.processMemoryFile("document.pdf", pdf.data(), pdf.size());
        if (QPDFPageDocumentHelper(document).getAllPages().empty()) {
            return MakeError(ErrorKind::kInvalid, "invalid_pdf", "", "no page");
        }
        AddSignatureField(document, request);
        QPDFWriter writer(document);
        writer.setOutputMemory();
        writer.setObjectStreamMode(qpdf_o_disable);  // The placeholders must stay in the clear.
        writer.setDeterministicID(true);
        writer.write();
        const auto buffer = writer.getBufferSharedPointer();
        out.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    } catch (const std::exception& error) {
        return MakeError(ErrorKind::kInvalid, "invalid_pdf", "", error.what());
    }
    const std::string contents = "/Contents <" + std::string(2 * kReservedBytes, '0') + ">";
    std::string range_text = "/ByteRange [";
    for (int i = 0; i < 4; ++i) {
        range_text.append(" ").append(kPlaceholderNumber);
    }
    range_text += " ]";
    const auto contents_at = out.find(contents);
    const auto range_at = out.find(range_text);
    if (contents_at == std::string::npos || range_at == std::string::npos) {
        return MakeError(ErrorKind::kUnavailable, "signing_failed", "", "placeholders not found");
    }
    const std::size_t hole_start = contents_at + std::string_view("/Contents ").size();
    const std::size_t hole_end = hole_start + 2 * kReservedBytes + 2;  // Past the '>'.
    std::string actual = "/ByteRange [ 0 " + std::to_string(hole_start) + " " +
                         std::to_string(hole_end) + " " + std::to_string(out.size() - hole_end) +
                         " ]";
    actual.resize(range_text.size(), ' ');
    out.replace(range_at, range_text.size(), actual);
    const std::string signed_bytes = out.substr(0, hole_start) + out.substr(hole_end);
    MOTCUA_ASSIGN_OR_RETURN(const auto cms, SignCms(signed_bytes, key, request));
    if (cms.size() > kReservedBytes) {
        return MakeError(ErrorKind::kUnavailable, "signing_failed", "", "signature too large");
    }
    const std::string hex =
        Hex(reinterpret_cast<const unsigned char*>(cms.data()), cms.size(), true);
    out.replace(hole_start + 1, hex.size(), hex);
    return out;
}

SignatureCheck VerifyPdf(const std::string& pdf, const std::vector<X509*>& trusted) {
    SignatureCheck check;
    check.signed_sha256 = Sha256Hex(pdf);
    std::string contents;
    std::int64_t range[4] = {0, 0, 0, 0};
    std::time_t signed_at = 0;
    try {
        QPDF document;
        document.setSuppressWarnings(true);
        document.processMemoryFile("document.pdf", pdf.data(), pdf.size());
        QPDFObjectHandle signature;
        for (auto& field : QPDFAcroFormDocumentHelper(document).getFormFields()) {
            auto value = field.getObjectHandle().getKey("/V");
            if (field.getFieldType() == "/Sig" && value.isDictionary()) {
                signature = value;
            }
        }
        if (!signature.isDictionary()) {
            check.reason = "not_signed";
            return check;
        }
        auto sub_filter = signature.getKey("/SubFilter");
        check.sub_filter = sub_filter.isName() ? sub_filter.getName().substr(1) : std::string();
        auto byte_range = signature.getKey("/ByteRange");
        auto signature_bytes = signature.getKey("/Contents");
        if (!byte_range.isArray() || byte_range.getArrayNItems() != 4 ||
            !signature_bytes.isString()) {
            check.reason = "bad_signature";
            check.detail = "no /ByteRange or /Contents";
            return check;
        }
        for (int i = 0; i < 4; ++i) {
            auto item = byte_range.getArrayItem(i);
            range[i] = item.isInteger() ? item.getIntValue() : -1;
        }
        contents = signature_bytes.getStringValue();
        auto when = signature.getKey("/M");
        if (when.isString()) {
            ParsePdfDate(when.getStringValue(), check.signing_time, signed_at);
        }
    } catch (const std::exception& error) {
        check.reason = "invalid_pdf";
        check.detail = error.what();
        return check;
    }
    if (check.sub_filter != "ETSI.CAdES.detached") {
        check.reason = "not_pades";
        return check;
    }
    const auto size = static_cast<std::int64_t>(pdf.size());
    // The signed bytes must be the whole file but the signature's own hex string.
    if (range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || range[3] < 0 ||
        range[2] + range[3] != size || pdf[static_cast<std::size_t>(range[1])] != '<' ||
        pdf[static_cast<std::size_t>(range[2] - 1)] != '>') {
        check.reason = "modified";
        check.detail = "the signed byte range is not the whole file";
        return check;
    }
    const std::string signed_bytes =
        pdf.substr(0, static_cast<std::size_t>(range[1])) +
        pdf.substr(static_cast<std::size_t>(range[2]), static_cast<std::size_t>(range[3]));
    const auto* der = reinterpret_cast<const unsigned char*>(contents.data());
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &der, static_cast<long>(contents.size())));
    if (!cms) {
        check.reason = "bad_signature";
        check.detail = TakeOpenSslError();
        return check;
    }
    StorePtr store(X509_STORE_new());
    for (X509* authority : trusted) {
        X509_STORE_add_cert(store.get(), authority);
    }
    if (signed_at != 0) {
        X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store.get()), signed_at);
    }
    X509_VERIFY_PARAM_set_purpose(X509_STORE_get0_param(store.get()), X509_PURPOSE_ANY);
    auto content = MemoryReader(signed_bytes);
    if (CMS_verify(cms.get(), nullptr, store.get(), content.get(), nullptr,
                   CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) != 1) {
        check.reason = "bad_signature";
        check.detail = TakeOpenSslError();
        return check;
    }
    if (STACK_OF(X509)* signers = CMS_get0_signers(cms.get())) {
        if (sk_X509_num(signers) > 0) {
            check.signer = DescribeCertificate(sk_X509_value(signers, 0));
        }
        sk_X509_free(signers);
    }
    content = MemoryReader(signed_bytes);
    if (CMS_verify(cms.get(), nullptr, store.get(), content.get(), nullptr, CMS_BINARY) != 1) {
        check.reason = "untrusted_signer";
        check.detail = TakeOpenSslError();
        return check;
    }
    check.timestamp_time = TimestampOf(cms.get());
    check.valid = true;
    return check;
}

}  // namespace motcua::signing
