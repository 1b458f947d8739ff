#include "app/demo_accounts.hpp"

namespace motcua::app {
namespace {

using domain::AccountKind;
using domain::Role;

// Bắc Nha Trang ward (H32.22333) and its service centre; a second ward for scope tests.
constexpr const char* kWard = "H32.22333";
constexpr const char* kWardCentre = "H32.22333.01";
constexpr const char* kOtherWard = "H32.22366";

services::NewAccount Officer(const char* login, const char* name, const char* agency,
                             const char* title, Role role, const char* role_agency) {
    services::NewAccount account;
    account.kind = AccountKind::kOfficer;
    account.login = login;
    account.name = name;
    account.agency_code = agency;
    account.title = title;
    account.email = std::string(login) + "@motcua.example";
    account.password = std::string(kDemoPassword);
    account.grants = {{role, role_agency}};
    return account;
}

}  // namespace

std::vector<services::NewAccount> DemoAccounts() {
    services::NewAccount citizen;
    citizen.kind = AccountKind::kCitizen;
    citizen.login = "056095001234";
    citizen.name = "Nguyễn Văn An";
    citizen.phone = "0905123456";
    citizen.email = "an.nguyen@example.vn";
    citizen.password = std::string(kDemoPassword);
    services::NewAccount organisation;
    organisation.kind = AccountKind::kOrganisation;
    organisation.login = "4201234567";
    organisation.name = "Công ty TNHH Du lịch Biển Xanh";
    organisation.representative = "Trần Thị Bích";
    organisation.email = "lienhe@bienxanh.example.vn";
    organisation.password = std::string(kDemoPassword);
    return {
        citizen,
        organisation,
        Officer("tiepnhan.bnt", "Lê Thị Hoa", kWardCentre, "Công chức tiếp nhận", Role::kClerk,
                kWard),
        Officer("chuyenvien.bnt", "Phạm Minh Tuấn", kWard, "Chuyên viên", Role::kSpecialist, kWard),
        Officer("lanhdao.bnt", "Võ Thanh Sơn", kWard, "Phó Chủ tịch UBND phường", Role::kHead,
                kWard),
        Officer("thuphi.bnt", "Đặng Thu Trang", kWardCentre, "Kế toán", Role::kCashier, kWard),
        Officer("pakn.tinh", "Huỳnh Quốc Bảo", "H32.14", "Chuyên viên xử lý phản ánh",
                Role::kFeedbackOfficer, "H32"),
        Officer("quantri.bnt", "Ngô Văn Khải", kWard, "Quản trị hệ thống phường",
                Role::kAgencyAdmin, kWard),
        Officer("quantri.tinh", "Trương Thị Mai", "H32.14", "Quản trị hệ thống tỉnh",
                Role::kProvinceAdmin, "H32"),
        Officer("kiemtra.tinh", "Bùi Đức Long", "H32.01", "Thanh tra viên", Role::kAuditor, "H32"),
        Officer("tiepnhan.khac", "Lý Thị Ngọc", kOtherWard, "Công chức tiếp nhận", Role::kClerk,
                kOtherWard),
    };
}

}  // namespace motcua::app
