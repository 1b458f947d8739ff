// NationalPortal: the port through which MotCua reads from the national public-service portal
// (docs/dvcqg.md §3.4) — the dossiers citizens submitted there for this province, and the
// national procedure catalogue and agency list — as plain records. The DVCQG connector
// (connectors/dvcqg/) implements it; the intake (portal_intake.hpp) turns the records into
// dossiers and review items.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/dossier/dossier.hpp"

namespace motcua::services {

/// One procedure of the national catalogue (LayDanhSachTTHC).
struct PortalProcedure {
    std::string code;             // MaTTHC.
    std::string name_vi;          // TenTTHC.
    std::string field_code;       // MaLinhVuc.
    std::string field_name_vi;    // TenLinhVuc.
    std::string agency;           // CoQuanThucHien.
    std::string processing_time;  // ThoiHanGiaiQuyet, as sent (a number or text).
};

/// One agency of the national list (LayDanhMucCoQuan).
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
    std::string procedure_code;   // MaTTHC: a local procedure code or a national d.dddddd.
    std::string agency_code;      // MaCoQuanTiepNhan: the receiving agency the applicant chose.
    domain::Applicant applicant;  // ChuHoSo, SoGiayToChuHoSo, LoaiDoiTuong (2: organisation), …
    std::optional<Instant> submitted_at;  // NgayNopHoSo; absent when missing or unreadable.
};

struct PortalDossierPage {
    std::vector<PortalDossier> dossiers;  // In the portal's order.
    /// The highest SoThuTu of the page, skipped rows included: where the next pull starts.
    std::int64_t last_seq = 0;
    int skipped = 0;  // Rows without a sequence number or a national code, or not objects.
};

/// At most this many dossiers come in one page of LayDanhSachHoSoDVC.
inline constexpr std::size_t kPortalDossierPageSize = 100;

class NationalPortal {
public:
    virtual ~NationalPortal() = default;
    /// The connector's name ("dvcqg"): the key of its cursor and review items.
    virtual std::string_view Name() const = 0;
    /// Reads at most kPortalDossierPageSize dossiers submitted after sequence number
    /// `after_seq`. Blocks at most for the connector's timeouts; never throws.
    virtual Outcome<PortalDossierPage> PullPortalDossiers(std::int64_t after_seq) = 0;
    /// Reads the national procedure catalogue and the agency list.
    virtual Outcome<PortalCatalogue> PullCatalogue() = 0;
};

}  // namespace motcua::services
