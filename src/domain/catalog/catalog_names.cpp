// Wire names of the catalogue enums: one table per enum, used both ways.
#include "common/name_table.hpp"
#include "domain/catalog/agency.hpp"
#include "domain/catalog/procedure.hpp"

namespace motcua::domain {
namespace {

constexpr NameTable<AgencyKind, 5> kAgencyKinds{{
    {AgencyKind::kProvince, "province"},
    {AgencyKind::kDepartment, "department"},
    {AgencyKind::kProvincialServiceCentre, "provincial_service_centre"},
    {AgencyKind::kCommune, "commune"},
    {AgencyKind::kCommuneServiceCentre, "commune_service_centre"},
}};
constexpr NameTable<ProcedureLevel, 2> kLevels{{
    {ProcedureLevel::kProvince, "province"},
    {ProcedureLevel::kCommune, "commune"},
}};
constexpr NameTable<OnlineLevel, 3> kOnlineLevels{{
    {OnlineLevel::kFull, "full"},
    {OnlineLevel::kPartial, "partial"},
    {OnlineLevel::kNone, "none"},
}};
constexpr NameTable<TimeUnit, 3> kTimeUnits{{
    {TimeUnit::kWorkingDays, "working_days"},
    {TimeUnit::kWorkingHours, "working_hours"},
    {TimeUnit::kCalendarDays, "calendar_days"},
}};
constexpr NameTable<FeeKind, 2> kFeeKinds{{{FeeKind::kFee, "fee"}, {FeeKind::kCharge, "charge"}}};
constexpr NameTable<FeeBasis, 2> kFeeBases{
    {{FeeBasis::kPerDossier, "per_dossier"}, {FeeBasis::kPerCopy, "per_copy"}}};
constexpr NameTable<StepRole, 4> kStepRoles{{
    {StepRole::kClerk, "clerk"},
    {StepRole::kSpecialist, "specialist"},
    {StepRole::kHead, "head"},
    {StepRole::kCashier, "cashier"},
}};
constexpr NameTable<ResultKind, 2> kResultKinds{
    {{ResultKind::kDocument, "document"}, {ResultKind::kNone, "none"}}};

}  // namespace

const char* AgencyKindName(AgencyKind kind) { return NameOf(kAgencyKinds, kind); }
const char* ProcedureLevelName(ProcedureLevel level) { return NameOf(kLevels, level); }
const char* OnlineLevelName(OnlineLevel level) { return NameOf(kOnlineLevels, level); }
const char* TimeUnitName(TimeUnit unit) { return NameOf(kTimeUnits, unit); }
const char* FeeKindName(FeeKind kind) { return NameOf(kFeeKinds, kind); }
const char* FeeBasisName(FeeBasis basis) { return NameOf(kFeeBases, basis); }
const char* StepRoleName(StepRole role) { return NameOf(kStepRoles, role); }
const char* ResultKindName(ResultKind kind) { return NameOf(kResultKinds, kind); }

std::optional<AgencyKind> ParseAgencyKind(std::string_view name) {
    return ParseName(kAgencyKinds, name);
}
std::optional<ProcedureLevel> ParseProcedureLevel(std::string_view name) {
    return ParseName(kLevels, name);
}
std::optional<OnlineLevel> ParseOnlineLevel(std::string_view name) {
    return ParseName(kOnlineLevels, name);
}
std::optional<TimeUnit> ParseTimeUnit(std::string_view name) { return ParseName(kTimeUnits, name); }
std::optional<FeeKind> ParseFeeKind(std::string_view name) { return ParseName(kFeeKinds, name); }
std::optional<FeeBasis> ParseFeeBasis(std::string_view name) { return ParseName(kFeeBases, name); }
std::optional<StepRole> ParseStepRole(std::string_view name) { return ParseName(kStepRoles, name); }
std::optional<ResultKind> ParseResultKind(std::string_view name) {
    return ParseName(kResultKinds, name);
}

std::int64_t Procedure::FeeTotal() const {
    std::int64_t total = 0;
    for (const auto& fee : fees) {
        total += fee.amount_vnd;
    }
    return total;
}

}  // namespace motcua::domain
