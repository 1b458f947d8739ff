#include "api/json/dossier_responses.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "common/time_format.hpp"
#include "interchange/dossier_json.hpp"

namespace motcua::api::json {
namespace {

std::set<std::string> Keys(const boost::json::object& json) {
    std::set<std::string> keys;
    for (const auto& entry : json) {
        keys.emplace(entry.key());
    }
    return keys;
}

services::DossierView SampleView() {
    services::DossierView view;
    auto& dossier = view.dossier;
    dossier.id = 7;
    dossier.code = "H32.01-261204-0001";
    dossier.owner_account_id = 42;
    dossier.applicant.name = "Nguyễn Văn An";
    dossier.steps.push_back(domain::StepState{});
    dossier.components.push_back(domain::ComponentState{});
    dossier.metadata_json = R"({"source":"test"})";
    view.allowed_actions = {domain::DossierAction::kAccept};
    return view;
}

// The answer is an explicit list: a field added to the dossier's stored document must be
// placed in the API answer or named internal here, deliberately.
TEST(DossierViewJson, NamesEveryStoredFieldButTheInternalOnes) {
    const auto snapshot = services::BuildCatalogSnapshot(1, {}, {}, {});
    const auto view = SampleView();
    const auto answer = DossierViewToJson(*snapshot, view);
    auto stored = Keys(interchange::DossierToJson(view.dossier, FormatUtc));
    stored.erase("owner_account_id");  // Internal: account ids are never shown.
    // Internal: the files a dossier may serve; each is shown where it is used (a component's
    // files, the electronic result).
    stored.erase("uploaded_files");
    const auto shown = Keys(answer);
    for (const auto& key : stored) {
        EXPECT_TRUE(shown.contains(key)) << key << " is stored but neither shown nor internal";
    }
    EXPECT_FALSE(shown.contains("owner_account_id"));
    EXPECT_FALSE(shown.contains("uploaded_files"));
    const std::set<std::string> added = {"status_name_vi",
                                         "status_name",
                                         "due_state",
                                         "procedure_name_vi",
                                         "receiving_agency_name_vi",
                                         "current_agency_name_vi",
                                         "allowed_actions"};
    for (const auto& key : shown) {
        EXPECT_TRUE(stored.contains(key) || added.contains(key)) << key << " is unexpected";
    }
    EXPECT_EQ(answer.at("id").as_int64(), 7);
    EXPECT_EQ(answer.at("metadata").at("source").as_string(), "test");
    EXPECT_EQ(answer.at("allowed_actions").as_array().at(0).as_string(), "accept");
    EXPECT_TRUE(answer.at("steps").as_array().at(0).as_object().contains("agency_name_vi"));
}

}  // namespace
}  // namespace motcua::api::json
