#include "services/catalog/catalog_snapshot.hpp"

#include <algorithm>
#include <functional>

#include "domain/search/vietnamese_text.hpp"

namespace motcua::services {
namespace {

// Search weights: codes are exact keys; names dominate, English names and descriptions help.
constexpr double kNameWeight = 3.0;
constexpr double kEnglishNameWeight = 1.0;
constexpr double kSecondaryWeight = 0.5;

void IndexAgencies(CatalogSnapshot& snapshot) {
    for (std::size_t i = 0; i < snapshot.agencies.size(); ++i) {
        const auto& agency = snapshot.agencies[i];
        snapshot.agency_by_code.emplace(agency.code, i);
        if (!agency.legacy_code.empty()) {
            snapshot.agency_by_code.emplace(agency.legacy_code, i);
        }
        std::vector<std::string> keys{agency.code};
        if (!agency.legacy_code.empty()) {
            keys.push_back(agency.legacy_code);
        }
        if (!agency.admin_unit_code.empty()) {
            keys.push_back(agency.admin_unit_code);
        }
        snapshot.agency_index.Add({{agency.name_vi, kNameWeight},
                                   {agency.name_en, kEnglishNameWeight},
                                   {agency.address, kSecondaryWeight}},
                                  keys);
    }
    snapshot.agency_children.assign(snapshot.agencies.size(), {});
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < snapshot.agencies.size(); ++i) {
        const auto parent = snapshot.agency_by_code.find(snapshot.agencies[i].parent_code);
        if (parent == snapshot.agency_by_code.end()) {
            roots.push_back(i);
        } else {
            snapshot.agency_children[parent->second].push_back(i);
        }
    }
    std::function<void(std::size_t)> visit = [&](std::size_t index) {
        snapshot.agency_order.push_back(index);
        for (const auto child : snapshot.agency_children[index]) {
            visit(child);
        }
    };
    for (const auto root : roots) {
        visit(root);
    }
}

void IndexProcedures(CatalogSnapshot& snapshot) {
    snapshot.field_procedure_counts.assign(snapshot.fields.size(), 0);
    std::vector<std::string> folded_names;
    for (std::size_t i = 0; i < snapshot.procedures.size(); ++i) {
        const auto& procedure = snapshot.procedures[i];
        snapshot.procedure_by_code.emplace(procedure.code, i);
        const auto field = snapshot.field_by_code.find(procedure.field_code);
        std::string field_name;
        if (field != snapshot.field_by_code.end()) {
            ++snapshot.field_procedure_counts[field->second];
            field_name = snapshot.fields[field->second].name_vi;
        }
        snapshot.procedure_index.Add({{procedure.name_vi, kNameWeight},
                                      {procedure.name_en, kEnglishNameWeight},
                                      {field_name, kSecondaryWeight},
                                      {procedure.result.name_vi, kSecondaryWeight}},
                                     {procedure.code, procedure.national_code});
        folded_names.push_back(domain::search::FoldForSearch(procedure.name_vi));
    }
    snapshot.procedure_order.resize(snapshot.procedures.size());
    for (std::size_t i = 0; i < snapshot.procedure_order.size(); ++i) {
        snapshot.procedure_order[i] = i;
    }
    std::stable_sort(
        snapshot.procedure_order.begin(), snapshot.procedure_order.end(),
        [&](std::size_t a, std::size_t b) { return folded_names[a] < folded_names[b]; });
}

}  // namespace

const domain::Agency* CatalogSnapshot::FindAgency(const std::string& code) const {
    const auto found = agency_by_code.find(code);
    return found == agency_by_code.end() ? nullptr : &agencies[found->second];
}

const domain::Field* CatalogSnapshot::FindField(const std::string& code) const {
    const auto found = field_by_code.find(code);
    return found == field_by_code.end() ? nullptr : &fields[found->second];
}

const domain::Procedure* CatalogSnapshot::FindProcedure(const std::string& code) const {
    const auto found = procedure_by_code.find(code);
    return found == procedure_by_code.end() ? nullptr : &procedures[found->second];
}

bool CatalogSnapshot::IsWithin(const std::string& code, const std::string& ancestor) const {
    const domain::Agency* cursor = FindAgency(code);
    const domain::Agency* target = FindAgency(ancestor);
    for (std::size_t depth = 0; cursor != nullptr && target != nullptr && depth <= agencies.size();
         ++depth) {
        if (cursor == target) {
            return true;
        }
        cursor = FindAgency(cursor->parent_code);
    }
    return false;
}

std::string CatalogSnapshot::GetRootCode() const {
    return agency_order.empty() ? std::string{} : agencies[agency_order.front()].code;
}

std::vector<std::string> CatalogSnapshot::SubtreeCodes(const std::string& ancestor) const {
    std::vector<std::string> codes;
    const auto found = agency_by_code.find(ancestor);
    if (found == agency_by_code.end()) {
        return codes;
    }
    std::vector<std::size_t> pending{found->second};
    while (!pending.empty()) {
        const std::size_t position = pending.back();
        pending.pop_back();
        codes.push_back(agencies[position].code);
        pending.insert(pending.end(), agency_children[position].begin(),
                       agency_children[position].end());
    }
    return codes;
}

domain::IsWithinAgency MakeIsWithin(std::shared_ptr<const CatalogSnapshot> snapshot) {
    return [snapshot = std::move(snapshot)](std::string_view code, std::string_view ancestor) {
        return snapshot->IsWithin(std::string(code), std::string(ancestor));
    };
}

std::shared_ptr<const CatalogSnapshot> BuildCatalogSnapshot(
    std::int64_t revision, std::vector<domain::Agency> agencies, std::vector<domain::Field> fields,
    std::vector<domain::Procedure> procedures) {
    auto snapshot = std::make_shared<CatalogSnapshot>();
    snapshot->revision = revision;
    snapshot->agencies = std::move(agencies);
    snapshot->fields = std::move(fields);
    snapshot->procedures = std::move(procedures);
    for (std::size_t i = 0; i < snapshot->fields.size(); ++i) {
        snapshot->field_by_code.emplace(snapshot->fields[i].code, i);
    }
    IndexAgencies(*snapshot);
    IndexProcedures(*snapshot);
    return snapshot;
}

}  // namespace motcua::services
