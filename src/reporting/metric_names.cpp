#include "reporting/metric_names.hpp"

#include <algorithm>
#include <iterator>

namespace motcua::reporting {
namespace {

struct Entry {
    std::string_view code;
    MetricName name;
};

constexpr Entry kNames[] = {
    {"PUBLISH_ON_TIME", {"Công bố, công khai TTHC đúng hạn", "Procedures published on time"}},
    {"PUBLIC_UPDATE_ON_TIME",
     {"Cập nhật, công khai TTHC kịp thời", "Procedure updates published promptly"}},
    {"PUBLIC_CONTENT_FULL",
     {"Công khai đầy đủ nội dung TTHC", "Procedure content published in full"}},
    {"DOSSIER_SYNC",
     {"Hồ sơ đồng bộ trạng thái lên Cổng DVCQG", "Dossiers synchronised to the national portal"}},
    {"PROGRESS_ON_TIME",
     {"Hồ sơ giải quyết đúng hạn, trong hạn", "Dossiers settled on time or within time"}},
    {"ONLINE_SERVICE_PROVIDED",
     {"TTHC cung cấp dịch vụ công trực tuyến", "Procedures offered as online services"}},
    {"ONLINE_SERVICE_FULL_PROVIDED",
     {"TTHC cung cấp dịch vụ công trực tuyến toàn trình", "Procedures offered fully online"}},
    {"ONLINE_SERVICE_USED",
     {"TTHC có phát sinh hồ sơ trực tuyến", "Online services with online dossiers"}},
    {"ONLINE_DOSSIER_SHARE", {"Tỷ lệ hồ sơ trực tuyến", "Share of online dossiers"}},
    {"FULL_ONLINE_DOSSIER_SHARE",
     {"Tỷ lệ hồ sơ trực tuyến toàn trình", "Share of fully online dossiers"}},
    {"FEE_FORMALITY_ON_PORTAL",
     {"TTHC có phí, lệ phí thanh toán trực tuyến", "Fee procedures payable online"}},
    {"ONLINE_PAYMENT_FORMALITY",
     {"TTHC có phát sinh thanh toán trực tuyến", "Procedures with online payments"}},
    {"ONLINE_PAYMENT_DOSSIER", {"Hồ sơ thanh toán trực tuyến", "Dossiers paid online"}},
    {"ORIGINAL_RESULT_AVAILABLE",
     {"Cấp kết quả giải quyết TTHC điện tử", "Electronic results issued"}},
    {"SO_HOA_GIAY_TO_GIAI_QUYET",
     {"Số hóa hồ sơ, kết quả giải quyết TTHC", "Digitised dossiers and results"}},
    {"REUSED_DIGITIZED_DATA",
     {"Khai thác, sử dụng lại dữ liệu đã số hóa", "Reuse of digitised data"}},
    {"SYNCED_WITH_DVCQG_PERSONAL_STORAGE",
     {"Đồng bộ kho quản lý dữ liệu điện tử của tổ chức, cá nhân",
      "Synchronised with personal data stores"}},
    {"CITIZEN_DATA_CONNECTED_FORMALITY",
     {"TTHC kết nối cơ sở dữ liệu quốc gia về dân cư",
      "Procedures connected to the population database"}},
    {"CITIZEN_DATA_CONNECTED_DOSSIER",
     {"Hồ sơ khai thác dữ liệu dân cư", "Dossiers using population data"}},
    {"ELECTRONIC_CERTIFIED_COPY", {"Chứng thực bản sao điện tử", "Electronic certified copies"}},
    {"PETITION_PROCESSING_ON_TIME",
     {"Xử lý phản ánh, kiến nghị đúng hạn", "Feedback handled on time"}},
    {"PETITION_HANDLING_SATISFACTION",
     {"Hài lòng về xử lý phản ánh, kiến nghị", "Satisfaction with feedback handling"}},
    {"DOSSIER_RECEIVING_SATISFACTION",
     {"Hài lòng trong tiếp nhận, giải quyết TTHC", "Satisfaction with reception and settlement"}},
};

}  // namespace

MetricName MetricNameOf(std::string_view code) {
    const auto* const found = std::find_if(std::begin(kNames), std::end(kNames),
                                           [&](const Entry& entry) { return entry.code == code; });
    if (found == std::end(kNames)) {
        return {code, code};
    }
    return found->name;
}

}  // namespace motcua::reporting
