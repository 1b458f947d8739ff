// Wire names of the catalogue enums: one table per enum, used both ways.
#include <array>
#include <utility>

#include "domain/catalog/agency.hpp"
#include "domain/catalog/procedure.hpp"

namespace motcua::domain {
namespace {

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, const char*>, N>;

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
constexpr NameTable<StepRole, 4> kStepRoles{{
    {StepRole::kClerk, "clerk"},
    {StepRole::kSpecialist, "specialist"},
    {StepRole::kHead, "head"},
    {StepRole::kCashier, "cashier"},
}};
constexpr NameTable<ResultKind, 2> kResultKinds{
    {{ResultKind::kDocument, "document"}, {ResultKind::kNone, "none"}}};

template <typename Enum, std::size_t N>
const char* NameOf(const NameTable<Enum, N>& table, Enum value) {
    for (const auto& [entry, name] : table) {
        if (entry == value) {
            return name;
        }
    }
    return "";
}

template <typename Enum, std::size_t N>
std::optional<Enum> Parse(const NameTable<Enum, N>& table, std::string_view name) {
    for (const auto& [entry, entry_name] : table) {
        if (name == entry_name) {
            return entry;
        }
    }
    return std::nullopt;
}

}  // namespace

const char* AgencyKindName(AgencyKind kind) { return NameOf(kAgencyKinds, kind); }
const char* ProcedureLevelName(ProcedureLevel level) { return NameOf(kLevels, level); }
const char* OnlineLevelName(OnlineLevel level) { return NameOf(kOnlineLevels, level); }
const char* TimeUnitName(TimeUnit unit) { return NameOf(kTimeUnits, unit); }
const char* FeeKindName(FeeKind kind) { return NameOf(kFeeKinds, kind); }
const char* StepRoleName(StepRole role) { return NameOf(kStepRoles, role); }
const char* ResultKindName(ResultKind kind) { return NameOf(kResultKinds, kind); }

std::optional<AgencyKind> ParseAgencyKind(std::string_view name) {
    return Parse(kAgencyKinds, name);
}
std::optional<ProcedureLevel> ParseProcedureLevel(std::string_view name) {
    return Parse(kLevels, name);
}
std::optional<OnlineLevel> ParseOnlineLevel(std::string_view name) {
    return Parse(kOnlineLevels, name);
}
std::optional<TimeUnit> ParseTimeUnit(std::string_view name) { return Parse(kTimeUnits, name); }
std::optional<FeeKind> ParseFeeKind(std::string_view name) { return Parse(kFeeKinds, name); }
std::optional<StepRole> ParseStepRole(std::string_view name) { return Parse(kStepRoles, name); }
std::optional<ResultKind> ParseResultKind(std::string_view name) {
    return Parse(kResultKinds, name);
}

std::int64_t Procedure::FeeTotal() const {
    std::int64_t total = 0;
    for (const auto& fee : fees) {
        total += fee.amount_vnd;
    }
    return total;
}

}  // namespace motcua::domain
