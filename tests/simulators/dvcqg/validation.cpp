#include "simulators/dvcqg/validation.hpp"

#include <array>
#include <cstdint>
#include <limits>

#include <boost/json.hpp>

namespace motcua::sim::dvcqg {

namespace json = boost::json;

namespace {

enum class Presence { kRequired, kOptional };

struct IntRange {
    std::string_view name;
    std::int64_t low;
    std::int64_t high;
};

// The checks of one object; stops at the first error.
class Checker {
public:
    Checker(const json::object& object, std::string where)
        : object_(object), where_(std::move(where)) {}

    const std::optional<FieldError>& Error() const { return error_; }

    void String(std::string_view name, Presence presence, bool non_empty = false) {
        const json::value* value = Find(name, presence);
        if (value != nullptr &&
            (!value->is_string() || (non_empty && value->get_string().empty()))) {
            Fail(name, non_empty ? "phải là chuỗi khác rỗng" : "phải là chuỗi");
        }
    }

    void Integer(const IntRange& range, Presence presence) {
        const json::value* value = Find(range.name, presence);
        if (value == nullptr) {
            return;
        }
        const bool in_range = value->is_int64() && value->get_int64() >= range.low &&
                              value->get_int64() <= range.high;
        if (!in_range) {
            Fail(range.name, "phải là số nguyên từ " + std::to_string(range.low) + " đến " +
                                 std::to_string(range.high));
        }
    }

    void Date(std::string_view name, Presence presence) {
        const json::value* value = Find(name, presence);
        if (value != nullptr && (!value->is_string() || !IsPortalDate(value->get_string()))) {
            Fail(name, "phải là ngày giờ dạng yyyyMMddHHmmss (14 chữ số)");
        }
    }

    void Results(std::string_view name) {
        const json::value* value = Find(name, Presence::kOptional);
        if (value == nullptr) {
            return;
        }
        if (!value->is_array()) {
            Fail(name, "phải là mảng");
            return;
        }
        const auto& items = value->get_array();
        for (std::size_t i = 0; i < items.size() && !error_; ++i) {
            const std::string item_name = std::string(name) + "[" + std::to_string(i) + "]";
            if (!items[i].is_object()) {
                Fail(item_name, "phải là object");
                return;
            }
            Checker item(items[i].get_object(), where_ + "." + item_name);
            item.String("TenGiayTo", Presence::kRequired, true);
            item.Sha256("MaGiayTo");
            error_ = item.Error();
        }
    }

private:
    // The value of `name`, or nullptr when it is absent (and may be); a null counts as an error.
    const json::value* Find(std::string_view name, Presence presence) {
        if (error_) {
            return nullptr;
        }
        const json::value* value = object_.if_contains(name);
        if (value == nullptr) {
            if (presence == Presence::kRequired) {
                Fail(name, "bắt buộc");
            }
            return nullptr;
        }
        if (value->is_null()) {
            Fail(name, "không được là null (bỏ trường khi chưa có giá trị)");
            return nullptr;
        }
        return value;
    }

    void Sha256(std::string_view name) {
        const json::value* value = Find(name, Presence::kRequired);
        if (value == nullptr) {
            return;
        }
        const bool ok =
            value->is_string() && value->get_string().size() == 64 &&
            value->get_string().find_first_not_of("0123456789abcdefABCDEF") == json::string::npos;
        if (!ok) {
            Fail(name, "phải là SHA-256 dạng 64 chữ số hexa");
        }
    }

    void Fail(std::string_view name, const std::string& what) {
        if (!error_) {
            const std::string field = where_ + "." + std::string(name);
            error_ = FieldError{field, field + ": " + what};
        }
    }

    const json::object& object_;
    std::string where_;
    std::optional<FieldError> error_;
};

std::optional<FieldError> NotAnObject(const std::string& where) {
    return FieldError{where, where + ": phải là object"};
}

constexpr std::array kDossierStrings = {"MaTTHC",  "TenTTHC",         "MaLinhVuc",   "TenLinhVuc",
                                        "ChuHoSo", "SoGiayToChuHoSo", "SoDienThoai", "Email",
                                        "DiaChi",  "DonViXuLy",       "NoiNopHoSo"};
constexpr std::array kDossierDates = {"NgayNopHoSo",     "NgayTiepNhan", "NgayHenTra",
                                      "NgayKetThucXuLy", "NgayTra",      "NgayTuChoi"};
constexpr std::array kDossierCodes = {
    IntRange{"KenhThucHien", 1, 3}, IntRange{"LoaiDoiTuong", 1, 2}, IntRange{"HinhThuc", 0, 1},
    IntRange{"HoSoCoThanhPhanSoHoa", 0, 1}, IntRange{"DuocThanhToanTrucTuyen", 0, 1}};

}  // namespace

bool IsPortalDate(std::string_view text) {
    if (text.size() != 14 || text.find_first_not_of("0123456789") != std::string_view::npos) {
        return false;
    }
    const auto part = [text](std::size_t at) {
        return (text[at] - '0') * 10 + (text[at + 1] - '0');
    };
    const int month = part(4);
    const int day = part(6);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && part(8) <= 23 && part(10) <= 59 &&
           part(12) <= 59;
}

std::optional<FieldError> ValidateDossier(const json::value& item, const std::string& where) {
    if (!item.is_object()) {
        return NotAnObject(where);
    }
    Checker check(item.get_object(), where);
    check.String("MaHoSo", Presence::kRequired, true);
    check.Integer({"TrangThaiHoSo", 1, 10}, Presence::kRequired);
    for (const char* name : kDossierStrings) {
        check.String(name, Presence::kOptional);
    }
    for (const char* name : kDossierDates) {
        check.Date(name, Presence::kOptional);
    }
    for (const IntRange& range : kDossierCodes) {
        check.Integer(range, Presence::kOptional);
    }
    check.Results("DanhSachGiayToKetQua");
    return check.Error();
}

std::optional<FieldError> ValidateStep(const json::value& item, const std::string& where) {
    if (!item.is_object()) {
        return NotAnObject(where);
    }
    Checker check(item.get_object(), where);
    check.String("MaHoSo", Presence::kRequired, true);
    check.Integer({"SoThuTu", 1, std::numeric_limits<std::int64_t>::max()}, Presence::kRequired);
    check.Integer({"TrangThai", 1, 10}, Presence::kRequired);
    check.String("NguoiXuLy", Presence::kRequired);
    check.String("ChucDanh", Presence::kOptional);
    check.Date("ThoiDiemXuLy", Presence::kRequired);
    check.String("PhongBanXuLy", Presence::kRequired);
    check.String("NoiDungXuLy", Presence::kRequired, true);
    check.Date("NgayBatDau", Presence::kRequired);
    check.Date("NgayKetThucTheoQuyDinh", Presence::kOptional);
    return check.Error();
}

}  // namespace motcua::sim::dvcqg
