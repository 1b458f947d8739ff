// DVCQG pulls: what MotCua reads from the national portal (docs/dvcqg.md §3.4) — the national
// procedure catalogue, the agency list and the dossiers submitted on the portal — as plain
// records, and the pure parsing of those answers. Rows the portal spoils (not an object, no key)
// are skipped and counted, never fatal: one bad row must not stop the others.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/dossier/dossier.hpp"

namespace motcua::connectors {

/// One procedure of LayDanhSachTTHC.
struct PortalProcedure {
    std::string code;             // MaTTHC.
    std::string name_vi;          // TenTTHC.
    std::string field_code;       // MaLinhVuc.
    std::string field_name_vi;    // TenLinhVuc.
    std::string agency;           // CoQuanThucHien.
    std::string processing_time;  // ThoiHanGiaiQuyet, as sent (a number or text).
};

/// One agency of LayDanhMucCoQuan.
struct PortalAgency {
    std::string code;         // MaCoQuan.
    std::string name_vi;      // TenCoQuan.
    std::string parent_code;  // MaCoQuanCha; empty for a root.
};

struct PortalCatalogue {
    std::vector<PortalProcedure> procedures;
    std::vector<PortalAgency> agencies;
    int skipped = 0;  // Rows without a code or not objects.
};

/// One dossier submitted on the portal (LayDanhSachHoSoDVC); MotCua creates it as a `submit`
/// event, deduplicated by `national_code`.
struct PortalDossier {
    std::int64_t seq = 0;         // SoThuTu: 1, 2, … in arrival order for this unit.
    std::string national_code;    // MaHoSoQG.
    std::string procedure_code;   // MaTTHC.
    domain::Applicant applicant;  // ChuHoSo, SoGiayToChuHoSo, LoaiDoiTuong (2: organisation), …
    std::optional<Instant> submitted_at;  // NgayNopHoSo; absent when missing or unreadable.
};

struct PortalDossierPage {
    std::vector<PortalDossier> dossiers;  // In the portal's order.
    /// The highest SoThuTu of the page, skipped rows included: where the next pull starts.
    std::int64_t last_seq = 0;
    int skipped = 0;  // Rows without a sequence number or a national code, or not objects.
};

/// Parses a LayDanhSachTTHC answer. Fails (kUnavailable) when it is not a success answer with a
/// `result` array. Never throws.
Outcome<std::vector<PortalProcedure>> ParsePortalProcedures(std::string_view body, int& skipped);
/// Parses a LayDanhMucCoQuan answer, like ParsePortalProcedures.
Outcome<std::vector<PortalAgency>> ParsePortalAgencies(std::string_view body, int& skipped);
/// Parses a LayDanhSachHoSoDVC answer, like ParsePortalProcedures.
Outcome<PortalDossierPage> ParsePortalDossiers(std::string_view body);

}  // namespace motcua::connectors
