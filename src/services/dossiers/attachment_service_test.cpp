#include "services/dossiers/attachment_service.hpp"

#include <algorithm>
#include <fstream>

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include "common/time_format.hpp"
#include "support/fake_clock.hpp"
#include "support/sample_files.hpp"
#include "support/temp_sqlite_database.hpp"

namespace motcua::services {
namespace {

using domain::DossierAction;

constexpr const char* kAgencies = R"({"agencies": [
  {"code": "H32", "name_vi": "Ủy ban nhân dân tỉnh Khánh Hòa", "kind": "province",
   "parent": null, "valid_from": "2025-07-01"},
  {"code": "H32.22333", "name_vi": "Ủy ban nhân dân phường Bắc Nha Trang", "kind": "commune",
   "parent": "H32", "valid_from": "2025-07-01"},
  {"code": "H32.22334", "name_vi": "Ủy ban nhân dân phường Nam Nha Trang", "kind": "commune",
   "parent": "H32", "valid_from": "2025-07-01"}
]})";

constexpr const char* kProcedures = R"({"fields": [{"code": "civil_status", "name_vi": "Hộ tịch",
  "name_en": "Civil status"}], "procedures": [{"code": "P1", "national_code": "1.001193",
  "name_vi": "Đăng ký khai sinh", "field": "civil_status", "level": "commune",
  "competent_agency": null, "receiving_agency": null, "online_level": "full",
  "processing_time": {"amount": 3, "unit": "working_days"}, "fees": [],
  "components": [{"code": "TP1", "name_vi": "Tờ khai", "originals": 1, "copies": 0,
                  "required": true, "result_of_procedure": null},
                 {"code": "TP2", "name_vi": "Giấy chứng sinh", "originals": 1, "copies": 0,
                  "required": true, "result_of_procedure": null}],
  "steps": [{"name_vi": "Tiếp nhận", "role": "clerk", "share_percent": 20},
            {"name_vi": "Xử lý", "role": "specialist", "share_percent": 80}],
  "result": {"kind": "document", "name_vi": "Giấy khai sinh"}, "applicant_kinds": ["citizen"],
  "legal_basis": [], "version": 1, "effective_from": "2025-07-01"}]})";

const std::string kPdf = testing::BlankPdf(1, " a scanned page");

domain::Actor Officer(std::int64_t id, const char* login, domain::Role role, const char* agency) {
    domain::Actor actor;
    actor.account_id = id;
    actor.kind = domain::AccountKind::kOfficer;
    actor.login = login;
    actor.name = login;
    actor.grants = {{role, agency}};
    return actor;
}

domain::Actor Citizen(std::int64_t id, const char* id_number) {
    domain::Actor actor;
    actor.account_id = id;
    actor.kind = domain::AccountKind::kCitizen;
    actor.login = id_number;
    actor.name = "Nguyễn Văn An";
    actor.grants = {{domain::Role::kCitizen, ""}};
    return actor;
}

// A ZIP holding only a central directory naming `entries`: enough for detection by content.
std::string Zip(std::initializer_list<std::string_view> entries) {
    auto le = [](std::uint32_t value, int size) {
        std::string bytes;
        for (int i = 0; i < size; ++i) {
            bytes += static_cast<char>((value >> (8 * i)) & 0xFF);
        }
        return bytes;
    };
    std::string zip = std::string("PK\x03\x04", 4) + std::string(26, '\0');
    const auto directory_at = zip.size();
    for (const auto name : entries) {
        zip += std::string("PK\x01\x02", 4) + std::string(24, '\0');
        zip += le(static_cast<std::uint32_t>(name.size()), 2) + le(0, 2) + le(0, 2);
        zip += std::string(12, '\0');
        zip += name;
    }
    const auto directory_size = zip.size() - directory_at;
    zip += std::string("PK\x05\x06", 4) + std::string(4, '\0');
    zip += le(static_cast<std::uint32_t>(entries.size()), 2) +
           le(static_cast<std::uint32_t>(entries.size()), 2);
    zip += le(static_cast<std::uint32_t>(directory_size), 4) +
           le(static_cast<std::uint32_t>(directory_at), 4) + le(0, 2);
    return zip;
}

TEST(DetectFileTypeTest, RecognisesFilesByTheirBytesOnly) {
    EXPECT_STREQ(DetectFileType(kPdf)->media_type, "application/pdf");
    EXPECT_STREQ(DetectFileType(std::string("\x89PNG\r\n\x1a\n....", 12))->extension, "png");
    EXPECT_STREQ(DetectFileType("\xFF\xD8\xFF\xE0 JFIF")->media_type, "image/jpeg");
    EXPECT_STREQ(
        DetectFileType(Zip({"[Content_Types].xml", "_rels/.rels", "word/document.xml"}))->extension,
        "docx");
    EXPECT_STREQ(DetectFileType(Zip({"[Content_Types].xml", "xl/workbook.xml"}))->extension,
                 "xlsx");
    EXPECT_FALSE(DetectFileType(Zip({"word/document.xml"})));  // No [Content_Types].xml.
    EXPECT_FALSE(DetectFileType(Zip({"[Content_Types].xml", "ppt/presentation.xml"})));
    EXPECT_FALSE(DetectFileType(std::string("PK\x03\x04", 4) + "truncated"));
    EXPECT_FALSE(DetectFileType("<html>%PDF-"));
    EXPECT_FALSE(DetectFileType(""));
    EXPECT_FALSE(DetectFileType("GIF89a"));
}

class AttachmentServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(catalog_.Load().HasValue());
        ASSERT_TRUE(catalog_.ImportAgencies(system_, kAgencies).HasValue());
        ASSERT_TRUE(catalog_.ImportProcedures(system_, kProcedures).HasValue());
    }

    std::string Receive() {
        NewDossier request;
        request.procedure_code = "P1";
        request.agency = "H32.22333";
        request.channel = domain::Channel::kDesk;
        request.applicant = {"citizen", "012345678901", "Nguyễn Văn An", "", "", ""};
        auto view = dossiers_.Submit(clerk_, request);
        EXPECT_TRUE(view.HasValue()) << (view ? "" : view.GetError().code);
        return view.Value().dossier.code;
    }

    const domain::ComponentState& ComponentOf(const DossierView& view, const char* code) {
        return *std::find_if(view.dossier.components.begin(), view.dossier.components.end(),
                             [&](const auto& c) { return c.code == code; });
    }

    testing::TempSqliteDatabase database_;
    testing::FakeClock clock_{ParseRfc3339("2026-03-10T09:00:00+07:00").value()};
    CatalogService catalog_{database_.Get(), clock_};
    StaticDeadlineSource deadlines_;
    DossierService dossiers_{database_.Get(), catalog_, deadlines_, clock_, {}};
    storage::DirectoryFileStore files_{database_.GetFolder() / "files"};
    AttachmentService attachments_{dossiers_, files_, {}};
    const domain::Actor system_ = domain::Actor::System("test");
    const domain::Actor clerk_ = Officer(7, "clerk1", domain::Role::kClerk, "H32.22333");
    const domain::Actor other_clerk_ = Officer(8, "clerk2", domain::Role::kClerk, "H32.22334");
};

TEST_F(AttachmentServiceTest, DeskScanIsStoredAndLinkedAsADigitizeFact) {
    const auto code = Receive();
    auto uploaded = attachments_.Upload(clerk_, code, "TP1", {{"scan.pdf", kPdf}});
    ASSERT_TRUE(uploaded.HasValue()) << uploaded.GetError().code;
    const auto& result = uploaded.Value();
    ASSERT_EQ(result.files.size(), 1u);
    const auto& file = result.files[0];
    EXPECT_EQ(file.sha256, storage::Sha256Hex(kPdf));
    EXPECT_EQ(file.size, kPdf.size());
    EXPECT_STREQ(file.type.media_type, "application/pdf");
    EXPECT_EQ(file.file_name, "scan.pdf");
    EXPECT_TRUE(files_.Contains(file.sha256).Value());
    const auto& component = ComponentOf(result.view, "TP1");
    EXPECT_TRUE(component.digitized);
    EXPECT_EQ(component.files, std::vector<std::string>{file.sha256});

    auto events = dossiers_.GetEvents(clerk_, code);
    ASSERT_TRUE(events.HasValue());
    const auto& last = events.Value().back();
    EXPECT_EQ(last.action, DossierAction::kDigitize);
    EXPECT_EQ(last.actor_login, "clerk1");
    EXPECT_NE(last.payload_json.find(file.sha256), std::string::npos);

    // The same content again links nothing new.
    auto again = attachments_.Upload(clerk_, code, "TP1", {{"copy.pdf", kPdf}});
    ASSERT_TRUE(again.HasValue());
    EXPECT_EQ(again.Value().view.dossier.event_count, result.view.dossier.event_count);
    EXPECT_EQ(ComponentOf(again.Value().view, "TP1").files.size(), 1u);
}

TEST_F(AttachmentServiceTest, SeveralFilesBecomeOneFactEach) {
    const auto code = Receive();
    const std::string png = testing::PngHeader(1240, 1754) + "IDAT";
    auto uploaded = attachments_.Upload(clerk_, code, "TP2", {{"a.pdf", kPdf}, {"b.png", png}});
    ASSERT_TRUE(uploaded.HasValue()) << uploaded.GetError().code;
    EXPECT_EQ(ComponentOf(uploaded.Value().view, "TP2").files.size(), 2u);
    EXPECT_STREQ(uploaded.Value().files[1].type.extension, "png");
}

TEST_F(AttachmentServiceTest, RejectsBadUploadsBeforeStoringAnything) {
    const auto code = Receive();
    const std::string text = "just text, named scan.pdf";
    auto wrong_type = attachments_.Upload(clerk_, code, "TP1", {{"scan.pdf", text}});
    ASSERT_FALSE(wrong_type.HasValue());
    EXPECT_EQ(wrong_type.GetError().code, "unsupported_file_type");
    EXPECT_FALSE(files_.Contains(storage::Sha256Hex(text)).Value());

    // One bad file rejects the whole upload.
    auto mixed = attachments_.Upload(clerk_, code, "TP1", {{"a.pdf", kPdf}, {"b.txt", text}});
    ASSERT_FALSE(mixed.HasValue());
    EXPECT_FALSE(files_.Contains(storage::Sha256Hex(kPdf)).Value());

    auto unknown_component = attachments_.Upload(clerk_, code, "TP9", {{"a.pdf", kPdf}});
    ASSERT_FALSE(unknown_component.HasValue());
    EXPECT_EQ(unknown_component.GetError().param, "component");

    auto none = attachments_.Upload(clerk_, code, "TP1", {});
    ASSERT_FALSE(none.HasValue());
    EXPECT_EQ(none.GetError().param, "file");

    AttachmentService small{dossiers_, files_, {10, 20}};
    auto too_large = small.Upload(clerk_, code, "TP1", {{"a.pdf", kPdf}});
    ASSERT_FALSE(too_large.HasValue());
    EXPECT_EQ(too_large.GetError().kind, ErrorKind::kTooLarge);
    EXPECT_EQ(too_large.GetError().code, "file_too_large");
}

// A one-page PDF with a Flate stream of `zeros` zero bytes (a bomb when they are many).
std::string PdfOfZeros(std::size_t zeros) {
    const std::vector<unsigned char> plain(zeros, 0);
    std::vector<unsigned char> packed(compressBound(plain.size()));
    uLongf size = packed.size();
    EXPECT_EQ(compress2(packed.data(), &size, plain.data(), plain.size(), 9), Z_OK);
    auto objects = testing::BlankPageObjects(1);
    objects.push_back(testing::StreamObject(
        "/Filter /FlateDecode", std::string(reinterpret_cast<const char*>(packed.data()), size)));
    return testing::PdfOf(objects);
}

TEST_F(AttachmentServiceTest, RefusesFilesAgainstTheDigitisationRulesBeforeStoringAnything) {
    const auto code = Receive();
    const auto before = dossiers_.GetEvents(clerk_, code).Value().size();
    AttachmentService strict{dossiers_,
                             files_,
                             {.max_pdf_pages = 3,
                              .max_expanded_bytes = std::uint64_t{1} << 20,
                              .max_image_pixels = 4'000'000}};
    const std::string bomb = PdfOfZeros(std::size_t{8} << 20);
    ASSERT_LT(bomb.size(), 20'000u);
    struct Refused {
        std::string content;
        const char* code;
    };
    const std::vector<Refused> refused = {
        {bomb, "decompression_bomb"},
        {testing::BlankPdf(4), "too_many_pages"},
        {testing::BlankPdf(0), "unreadable_file"},
        {"%PDF-1.7\n% no objects\n%%EOF\n", "unreadable_file"},
        {testing::PngHeader(2001, 2000), "decompression_bomb"},
        {testing::JpegHeader(2000, 2001), "decompression_bomb"},
        {std::string("\x89PNG\r\n\x1a\n", 8) + "truncated", "unreadable_file"},
        {std::string("\xFF\xD8\xFF\xD9", 4), "unreadable_file"},
    };
    for (const auto& file : refused) {
        // With a good file beside it: one refused file refuses the upload.
        auto uploaded = strict.Upload(clerk_, code, "TP1", {{"ok.pdf", kPdf}, {"x", file.content}});
        ASSERT_FALSE(uploaded.HasValue()) << file.code;
        EXPECT_EQ(uploaded.GetError().kind, ErrorKind::kInvalid);
        EXPECT_EQ(uploaded.GetError().code, file.code) << uploaded.GetError().detail;
        EXPECT_EQ(uploaded.GetError().param, "file");
        EXPECT_FALSE(files_.Contains(storage::Sha256Hex(file.content)).Value()) << file.code;
        EXPECT_FALSE(files_.Contains(storage::Sha256Hex(kPdf)).Value()) << file.code;
    }
    EXPECT_EQ(dossiers_.GetEvents(clerk_, code).Value().size(), before);

    // Within the limits: a three-page scan, and images of exactly 4 000 000 pixels.
    auto accepted = strict.Upload(clerk_, code, "TP1",
                                  {{"scan.pdf", testing::BlankPdf(3)},
                                   {"page.png", testing::PngHeader(2000, 2000)},
                                   {"page.jpg", testing::JpegHeader(2000, 2000)}});
    ASSERT_TRUE(accepted.HasValue()) << accepted.GetError().code << accepted.GetError().detail;
    EXPECT_EQ(ComponentOf(accepted.Value().view, "TP1").files.size(), 3u);
}

TEST_F(AttachmentServiceTest, ChecksSpooledUploadsWhereTheyLie) {
    const auto code = Receive();
    const std::filesystem::path spool =
        database_.GetFolder() / ("upload-" + std::to_string(::getpid()) + ".spool");
    const std::string good = testing::BlankPdf(2, " spooled");
    const std::string bomb = PdfOfZeros(std::size_t{2} << 20);
    const std::string image = testing::PngHeader(20'000, 20'000);
    {
        std::ofstream out(spool, std::ios::binary);
        out << "--b\r\n" << good << "\r\n--b\r\n" << bomb << "\r\n--b\r\n" << image << "--b--";
    }
    const std::uint64_t at_bomb = 5 + good.size() + 7;
    const std::uint64_t at_image = at_bomb + bomb.size() + 7;
    AttachmentService strict{dossiers_, files_, {.max_expanded_bytes = std::uint64_t{1} << 20}};
    auto refused = strict.Upload(clerk_, code, "TP1",
                                 {{"bomb.pdf", "", FileSlice{spool, at_bomb, bomb.size()}}});
    ASSERT_FALSE(refused.HasValue());
    EXPECT_EQ(refused.GetError().code, "decompression_bomb");
    auto large = strict.Upload(clerk_, code, "TP1",
                               {{"huge.png", "", FileSlice{spool, at_image, image.size()}}});
    ASSERT_FALSE(large.HasValue());
    EXPECT_EQ(large.GetError().code, "decompression_bomb");
    auto uploaded =
        strict.Upload(clerk_, code, "TP1", {{"scan.pdf", "", FileSlice{spool, 5, good.size()}}});
    ASSERT_TRUE(uploaded.HasValue()) << uploaded.GetError().code << uploaded.GetError().detail;
    EXPECT_EQ(uploaded.Value().files[0].sha256, storage::Sha256Hex(good));
    std::filesystem::remove(spool);
}

TEST_F(AttachmentServiceTest, OnlyThoseWhoMayDigitizeUpload) {
    const auto code = Receive();
    auto outsider = attachments_.Upload(other_clerk_, code, "TP1", {{"a.pdf", kPdf}});
    ASSERT_FALSE(outsider.HasValue());
    EXPECT_EQ(outsider.GetError().code, "dossier_not_found");
    EXPECT_FALSE(files_.Contains(storage::Sha256Hex(kPdf)).Value());

    auto stranger = attachments_.Upload(Citizen(10, "012345678902"), code, "TP1", {{"a", kPdf}});
    ASSERT_FALSE(stranger.HasValue());
    EXPECT_EQ(stranger.GetError().kind, ErrorKind::kNotFound);

    // A received dossier takes the desk's scans only: the applicant's own upload (attach) is
    // allowed while submitting and supplementing, so here it is a refused transition.
    const auto applicant = Citizen(9, "012345678901");
    auto uploaded = attachments_.Upload(applicant, code, "TP1", {{"a.pdf", kPdf}});
    ASSERT_FALSE(uploaded.HasValue());
    EXPECT_EQ(uploaded.GetError().kind, ErrorKind::kInvalidTransition);
    EXPECT_FALSE(uploaded.GetError().allowed_actions.empty());
}

TEST_F(AttachmentServiceTest, ApplicantAttachmentsAreLinkedButNotCountedAsDigitised) {
    const auto applicant = Citizen(9, "012345678901");
    NewDossier request;
    request.procedure_code = "P1";
    request.agency = "H32.22333";
    auto submitted = dossiers_.Submit(applicant, request);
    ASSERT_TRUE(submitted.HasValue()) << submitted.GetError().code;
    const auto code = submitted.Value().dossier.code;
    auto uploaded = attachments_.Upload(applicant, code, "TP1", {{"a.pdf", kPdf}});
    ASSERT_TRUE(uploaded.HasValue()) << uploaded.GetError().code;
    const auto& component = uploaded.Value().view.dossier.components.front();
    EXPECT_EQ(component.files, std::vector<std::string>{storage::Sha256Hex(kPdf)});
    EXPECT_FALSE(component.digitized);  // The index counts the desk's digitisation only.
    auto events = dossiers_.GetEvents(applicant, code);
    ASSERT_TRUE(events.HasValue());
    EXPECT_EQ(events.Value().back().action, DossierAction::kAttach);
}

TEST_F(AttachmentServiceTest, FinishedStatusesRefuseUploadsAsTransitions) {
    const auto code = Receive();
    domain::ActionInput stop;
    stop.action = DossierAction::kStop;
    ASSERT_TRUE(dossiers_.Act(clerk_, code, stop).HasValue());
    auto uploaded = attachments_.Upload(clerk_, code, "TP1", {{"a.pdf", kPdf}});
    ASSERT_FALSE(uploaded.HasValue());
    EXPECT_EQ(uploaded.GetError().kind, ErrorKind::kInvalidTransition);
}

TEST_F(AttachmentServiceTest, DownloadsOnlyFilesUploadedToTheDossierForItsReaders) {
    const auto code = Receive();
    auto uploaded = attachments_.Upload(clerk_, code, "TP1", {{"a.pdf", kPdf}});
    ASSERT_TRUE(uploaded.HasValue());
    const auto sha256 = uploaded.Value().files[0].sha256;

    auto file = attachments_.Download(clerk_, sha256, code);
    ASSERT_TRUE(file.HasValue()) << file.GetError().code;
    EXPECT_EQ(file.Value().content, kPdf);
    EXPECT_STREQ(file.Value().type.media_type, "application/pdf");

    auto by_applicant = attachments_.Download(Citizen(9, "012345678901"), sha256, code);
    EXPECT_TRUE(by_applicant.HasValue());

    auto outsider = attachments_.Download(other_clerk_, sha256, code);
    ASSERT_FALSE(outsider.HasValue());
    EXPECT_EQ(outsider.GetError().code, "dossier_not_found");

    // Stored, but not uploaded to this dossier.
    const auto stray = files_.Put("%PDF-other");
    ASSERT_TRUE(stray.HasValue());
    auto unreferenced = attachments_.Download(clerk_, stray.Value(), code);
    ASSERT_FALSE(unreferenced.HasValue());
    EXPECT_EQ(unreferenced.GetError().code, "file_not_found");

    auto malformed = attachments_.Download(clerk_, "../../motcua.db", code);
    ASSERT_FALSE(malformed.HasValue());
    EXPECT_EQ(malformed.GetError().code, "file_not_found");

    auto no_dossier = attachments_.Download(clerk_, sha256, "");
    ASSERT_FALSE(no_dossier.HasValue());
    EXPECT_EQ(no_dossier.GetError().param, "dossier");
}

TEST_F(AttachmentServiceTest, AResultNamesOnlyAFileOfItsOwnDossier) {
    // Dossier A's scan must not become dossier B's result, nor be served through B.
    const auto first = Receive();
    const auto second = Receive();
    auto scan = attachments_.Upload(clerk_, first, "TP1", {{"cccd.pdf", kPdf}});
    ASSERT_TRUE(scan.HasValue());
    const auto foreign = scan.Value().files[0].sha256;
    domain::ActionInput forward;
    forward.action = DossierAction::kForward;
    ASSERT_TRUE(dossiers_.Act(clerk_, second, forward).HasValue());
    domain::ActionInput issue;
    issue.action = DossierAction::kIssueEResult;
    issue.file_sha256 = foreign;
    auto refused = dossiers_.Act(clerk_, second, issue);
    ASSERT_FALSE(refused.HasValue());
    EXPECT_EQ(refused.GetError().code, "file_not_in_dossier");
    EXPECT_EQ(attachments_.Download(clerk_, foreign, second).GetError().code, "file_not_found");

    const std::string result_pdf = testing::BlankPdf(1, " result");
    auto result = attachments_.UploadEResult(clerk_, second, {"ket-qua.pdf", result_pdf});
    ASSERT_TRUE(result.HasValue()) << result.GetError().code;
    const auto sha256 = result.Value().files[0].sha256;
    EXPECT_EQ(result.Value().view.dossier.e_result_sha256, sha256);
    EXPECT_EQ(result.Value().view.dossier.uploaded_files, std::vector<std::string>{sha256});
    auto served = attachments_.Download(Citizen(9, "012345678901"), sha256, second);
    ASSERT_TRUE(served.HasValue()) << served.GetError().code;
    EXPECT_EQ(served.Value().content, result_pdf);
    // Named through an action, a file of the dossier is accepted.
    issue.file_sha256 = sha256;
    EXPECT_TRUE(dossiers_.Act(clerk_, second, issue).HasValue());
    // Not the applicant's to issue.
    auto by_applicant =
        attachments_.UploadEResult(Citizen(9, "012345678901"), second, {"x.pdf", kPdf});
    ASSERT_FALSE(by_applicant.HasValue());
    EXPECT_EQ(by_applicant.GetError().code, "forbidden");
}

}  // namespace
}  // namespace motcua::services
