#include "interchange/dossier_json.hpp"

#include <gtest/gtest.h>

#include "common/time_format.hpp"

namespace motcua::interchange {
namespace {

domain::Dossier WithFiles() {
    domain::Dossier dossier;
    dossier.code = "H32.22333.01-250303-0001";
    dossier.procedure_code = "P";
    dossier.receiving_agency = dossier.competent_agency = dossier.current_agency = "H32.22333.01";
    dossier.applicant = {"citizen", "056095001234", "An"};
    dossier.components = {{"TK", true, "", {std::string(64, 'a'), std::string(64, 'b')}},
                          {"GT", false, "", {std::string(64, 'a')}}};
    dossier.e_result_sha256 = std::string(64, 'c');
    return dossier;
}

TEST(DossierJson, TheUploadedFilesTravelWithTheStoredDocument) {
    auto dossier = WithFiles();
    dossier.uploaded_files = {std::string(64, 'b'), std::string(64, 'd')};
    const auto parsed = DossierFromJson(DossierToJson(dossier, FormatUtc));
    ASSERT_TRUE(parsed) << parsed.GetError().detail;
    EXPECT_EQ(parsed.Value().uploaded_files, dossier.uploaded_files);
}

TEST(DossierJson, ADocumentWrittenBeforeTheListTakesTheFilesItNamesAsItsUploads) {
    // Before uploaded_files existed, the upload route was the only way a file came to a dossier.
    auto json = DossierToJson(WithFiles(), FormatUtc);
    json.erase("uploaded_files");
    const auto parsed = DossierFromJson(json);
    ASSERT_TRUE(parsed) << parsed.GetError().detail;
    EXPECT_EQ(parsed.Value().uploaded_files,
              (std::vector<std::string>{std::string(64, 'a'), std::string(64, 'b'),
                                        std::string(64, 'c')}));
}

}  // namespace
}  // namespace motcua::interchange
