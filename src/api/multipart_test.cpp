#include "api/multipart.hpp"

#include <gtest/gtest.h>

namespace motcua::api {
namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=XyZ";

std::string Body(std::initializer_list<std::string_view> lines) {
    std::string body;
    for (const auto line : lines) {
        body += line;
        body += "\r\n";
    }
    return body;
}

std::string ErrorDetail(std::string_view type, std::string_view body) {
    auto parsed = ParseMultipart(type, body);
    if (parsed) {
        return "parsed";
    }
    EXPECT_EQ(parsed.GetError().kind, ErrorKind::kInvalid);
    return parsed.GetError().code + ": " + parsed.GetError().detail;
}

TEST(MultipartTest, ParsesFieldsAndFilesWithBinaryContent) {
    constexpr char kBinary[] = "%PDF-\r\n\0\x01--XyZ not a delimiter\r\n";
    const std::string binary(kBinary, sizeof kBinary - 1);
    const std::string body =
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"component\"\r\n"
        "\r\n"
        "TP1\r\n"
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"file\"; filename=\"a b.pdf\"\r\n"
        "Content-Type: application/pdf\r\n"
        "\r\n" +
        binary +
        "\r\n--XyZ\r\n"
        "content-disposition: form-data; name=file; filename=\"\"\r\n"
        "\r\n"
        "\r\n--XyZ--\r\nepilogue is ignored";
    auto parsed = ParseMultipart(kType, body);
    ASSERT_TRUE(parsed.HasValue()) << parsed.GetError().detail;
    const auto& parts = parsed.Value();
    ASSERT_EQ(parts.size(), 3u);
    EXPECT_EQ(parts[0].name, "component");
    EXPECT_FALSE(parts[0].filename.has_value());
    EXPECT_EQ(parts[0].body, "TP1");
    EXPECT_EQ(parts[1].name, "file");
    EXPECT_EQ(parts[1].filename, "a b.pdf");
    EXPECT_EQ(parts[1].content_type, "application/pdf");
    EXPECT_EQ(parts[1].body, binary);
    EXPECT_EQ(parts[2].filename, "");
    EXPECT_EQ(parts[2].body, "");
    EXPECT_EQ(parts[2].headers.at(0).first, "content-disposition");
}

TEST(MultipartTest, AcceptsQuotedBoundaryPreamblePaddingAndUtf8FileNames) {
    const std::string body =
        "preamble\r\n--a:b=c\t \r\n"
        "Content-Disposition: form-data; name=\"f\"; filename=\"x.pdf\"; "
        "filename*=UTF-8''gi%E1%BA%A5y%20t%E1%BB%9D.pdf\r\n"
        "\r\n"
        "data\r\n--a:b=c--";
    auto parsed = ParseMultipart("Multipart/Form-Data ; boundary=\"a:b=c\"", body);
    ASSERT_TRUE(parsed.HasValue()) << parsed.GetError().detail;
    EXPECT_EQ(parsed.Value().at(0).filename, "giấy tờ.pdf");
    EXPECT_EQ(parsed.Value().at(0).body, "data");
}

TEST(MultipartTest, BoundaryComesFromAMultipartFormDataContentType) {
    EXPECT_EQ(ParseMultipartBoundary("multipart/form-data; boundary=abc").Value(), "abc");
    for (const auto* const type :
         {"application/json", "multipart/mixed; boundary=abc", "", "text/plain"}) {
        auto boundary = ParseMultipartBoundary(type);
        ASSERT_FALSE(boundary.HasValue()) << type;
        EXPECT_EQ(boundary.GetError().code, "multipart_required");
        EXPECT_EQ(boundary.GetError().param, "content-type");
    }
    for (const auto* const type :
         {"multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary",
          "multipart/form-data; boundary=\"ends with space \"",
          "multipart/form-data; boundary=\"unterminated",
          "multipart/form-data; boundary=a; boundary=b",
          "multipart/form-data; boundary=\"bad\x01\""}) {
        auto boundary = ParseMultipartBoundary(type);
        ASSERT_FALSE(boundary.HasValue()) << type;
        EXPECT_EQ(boundary.GetError().code, "invalid_multipart") << type;
    }
    EXPECT_FALSE(ParseMultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'a')));
    EXPECT_TRUE(ParseMultipartBoundary("multipart/form-data; boundary=" + std::string(70, 'a')));
}

TEST(MultipartTest, RejectsMalformedBodiesWithAClearReason) {
    const std::string part = "Content-Disposition: form-data; name=\"a\"\r\n\r\nv";
    struct Case {
        std::string body;
        std::string reason;
    };
    const Case cases[] = {
        {"", "does not start with the boundary"},
        {"--XyZ--", "no parts"},
        {"--XyZ\r\n" + part, "no closing boundary"},
        {"--XyZ\r\n" + part + "\r\n--XyZ", "must end with CRLF"},
        {"--XyZ\r\n" + part + "\r\n--XyZjunk\r\n", "must end with CRLF"},
        {"--XyZ\nContent-Disposition: form-data; name=a\n\nv\n--XyZ--", "must end with CRLF"},
        {"--XyZ\r\nContent-Disposition: form-data; name=a\nX: y\r\n\r\nv\r\n--XyZ--",
         "bare CR or LF"},
        {"--XyZ\r\nContent-Disposition: form-data;\r\n name=a\r\n\r\nv\r\n--XyZ--",
         "a parameter must be name=value"},
        {"--XyZ\r\nX: 1\r\n folded\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n--XyZ--",
         "folded"},
        {"--XyZ\r\n\r\nv\r\n--XyZ--", "no Content-Disposition"},
        {"--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\nv\r\n--XyZ--", "form-data"},
        {"--XyZ\r\nContent-Disposition: form-data; filename=x\r\n\r\nv\r\n--XyZ--", "needs a name"},
        {"--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nv\r\n--XyZ--", "needs a name"},
        {"--XyZ\r\nContent-Disposition: form-data; name=a\r\nContent-Disposition: form-data; "
         "name=b\r\n\r\nv\r\n--XyZ--",
         "repeated part header"},
        {"--XyZ\r\nContent-Disposition: form-data; name=a; name=b\r\n\r\nv\r\n--XyZ--",
         "repeated parameter"},
        {"--XyZ\r\nContent-Disposition: form-data; name=a\r\nContent-Transfer-Encoding: base64"
         "\r\n\r\nv\r\n--XyZ--",
         "Content-Transfer-Encoding"},
        {"--XyZ\r\nContent-Disposition: form-data; name=a; filename*=latin1''x\r\n\r\nv\r\n--XyZ--",
         "filename*"},
        {"--XyZ\r\nContent-Disposition: form-data; name=a; "
         "filename*=UTF-8''%zz\r\n\r\nv\r\n--XyZ--",
         "percent-encoding"},
        {"--XyZ\r\nNo colon here\r\n\r\nv\r\n--XyZ--", "malformed part header"},
        {"--XyZ\r\nContent-Disposition: form-data; name=a", "not terminated"},
    };
    for (const auto& [body, reason] : cases) {
        const auto detail = ErrorDetail(kType, body);
        EXPECT_NE(detail.find("invalid_multipart"), std::string::npos) << body << " → " << detail;
        EXPECT_NE(detail.find(reason), std::string::npos) << body << " → " << detail;
    }
}

TEST(MultipartTest, EnforcesItsLimits) {
    std::string many;
    for (int i = 0; i < 3; ++i) {
        many += "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n";
    }
    many += "--XyZ--";
    EXPECT_TRUE(ParseMultipart(kType, many).HasValue());
    MultipartLimits limits;
    limits.max_parts = 2;
    auto parsed = ParseMultipart(kType, many, limits);
    ASSERT_FALSE(parsed.HasValue());
    EXPECT_NE(parsed.GetError().detail.find("too many parts"), std::string::npos);

    limits = {};
    limits.max_header_bytes = 40;
    parsed = ParseMultipart(
        kType,
        Body({"--XyZ", "Content-Disposition: form-data; name=a; filename=\"long-name.pdf\"", "",
              "v", "--XyZ--"}),
        limits);
    ASSERT_FALSE(parsed.HasValue());
    EXPECT_NE(parsed.GetError().detail.find("too long"), std::string::npos);

    limits = {};
    limits.max_headers_per_part = 1;
    parsed = ParseMultipart(
        kType,
        Body({"--XyZ", "Content-Disposition: form-data; name=a", "X-A: 1", "", "v", "--XyZ--"}),
        limits);
    ASSERT_FALSE(parsed.HasValue());
    EXPECT_NE(parsed.GetError().detail.find("too many part headers"), std::string::npos);
}

}  // namespace
}  // namespace motcua::api
