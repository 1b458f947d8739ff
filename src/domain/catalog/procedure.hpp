// Procedure (thủ tục hành chính, TTHC): one entry of the catalogue — what a citizen or business
// applies for, who decides, how long it legally takes, what it costs and which documents it needs.
// Rules: docs/domain.md §1.4 (what the index counts), §3 (online levels), §4.4 (codes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::domain {

enum class ProcedureLevel { kProvince, kCommune };

/// Online service level (NĐ 42/2022 Art. 11): toàn trình, một phần, or not online.
enum class OnlineLevel { kFull, kPartial, kNone };

/// Unit of the legal processing time (docs/domain.md §2.5).
enum class TimeUnit { kWorkingDays, kWorkingHours, kCalendarDays };

enum class FeeKind { kFee, kCharge };  // lệ phí, phí.

/// What a fee's amount is counted per: the dossier, or each copy the applicant asks for (e.g. the
/// certification of copies, chứng thực bản sao).
enum class FeeBasis { kPerDossier, kPerCopy };

enum class StepRole { kClerk, kSpecialist, kHead, kCashier };

enum class ResultKind { kDocument, kNone };

/// Lĩnh vực: the field a procedure belongs to.
struct Field {
    std::string code;
    std::string name_vi;
    std::string name_en;
};

struct ProcessingTime {
    int amount = 0;
    TimeUnit unit = TimeUnit::kWorkingDays;
    std::optional<int>
        cutoff_minutes;  // Minutes after midnight; received later ⇒ next working day.
};

/// A group of applicants the law exempts from a fee (đối tượng miễn), e.g. poor households.
struct FeeExemption {
    std::string code;  // [a-z0-9_]+, what an applicant claims at submission.
    std::string name_vi;
    std::string name_en;
};

struct Fee {
    FeeKind kind = FeeKind::kFee;
    std::string name_vi;
    std::string name_en;
    std::int64_t amount_vnd = 0;  // Per dossier, or per copy (basis).
    std::string note_vi;
    std::string code;  // MaPhiLePhi on the payment platform; may be empty.
    FeeBasis basis = FeeBasis::kPerDossier;
    std::vector<FeeExemption> exemptions;
};

/// Thành phần hồ sơ: one document the dossier must contain.
struct Component {
    std::string code;
    std::string name_vi;
    std::string name_en;
    int originals = 0;
    int copies = 0;
    bool required = true;
    std::string result_of_procedure;  // National code of the procedure that produces it, if any.
    std::string note_vi;
};

/// One internal step with its responsible role and share of the legal time.
struct Step {
    std::string name_vi;
    std::string name_en;
    StepRole role = StepRole::kSpecialist;
    std::string agency_code;  // Empty: the competent agency.
    int share_percent = 0;
};

struct ProcedureResult {
    ResultKind kind = ResultKind::kDocument;
    std::string name_vi;
    std::string name_en;
    // How long the result is valid from the day it is issued, in months (0: no end), e.g. 6 for
    // the marital status certificate (NĐ 123/2015/NĐ-CP, Art. 23).
    int valid_months = 0;
};

struct Procedure {
    std::string code;           // Opaque local code, e.g. "1.001193.000.00.00.H32".
    std::string national_code;  // d.dddddd.
    std::string name_vi;
    std::string name_en;
    std::string field_code;
    ProcedureLevel level = ProcedureLevel::kProvince;
    std::string competent_agency;  // Empty for commune-level procedures.
    std::string receiving_agency;  // Empty: the commune's service centre.
    OnlineLevel online_level = OnlineLevel::kNone;
    ProcessingTime processing_time;
    std::vector<Fee> fees;
    std::vector<Component> components;
    std::vector<Step> steps;
    ProcedureResult result;
    std::vector<std::string> applicant_kinds;
    std::vector<std::string> legal_basis;
    int version = 1;
    std::string effective_from;  // YYYY-MM-DD.
    std::string description_vi;
    std::string extra_json;  // Unknown import fields, kept verbatim as a JSON object.

    /// Returns the sum of all fees and charges in đồng for one copy and no exemption (what makes
    /// a procedure fee-bearing); domain/catalog/fee_due.hpp computes a dossier's amount due.
    std::int64_t FeeTotal() const;
};

const char* ProcedureLevelName(ProcedureLevel level);
const char* OnlineLevelName(OnlineLevel level);
const char* TimeUnitName(TimeUnit unit);
const char* FeeKindName(FeeKind kind);
const char* FeeBasisName(FeeBasis basis);
const char* StepRoleName(StepRole role);
const char* ResultKindName(ResultKind kind);
std::optional<ProcedureLevel> ParseProcedureLevel(std::string_view name);
std::optional<OnlineLevel> ParseOnlineLevel(std::string_view name);
std::optional<TimeUnit> ParseTimeUnit(std::string_view name);
std::optional<FeeKind> ParseFeeKind(std::string_view name);
std::optional<FeeBasis> ParseFeeBasis(std::string_view name);
std::optional<StepRole> ParseStepRole(std::string_view name);
std::optional<ResultKind> ParseResultKind(std::string_view name);

}  // namespace motcua::domain
