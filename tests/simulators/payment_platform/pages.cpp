// Plain HTML with a little inline CSS, readable on a phone (a viewport meta, one column, large
// buttons); no script, so that a test may drive it with a form POST as well as with a browser.
#include "simulators/payment_platform/pages.hpp"

#include <boost/json.hpp>

#include "simulators/common/html_text.hpp"
#include "simulators/payment_platform/text.hpp"

namespace motcua::sim::payment_platform {
namespace {

namespace json = boost::json;

constexpr std::string_view kStyle =
    "body{font-family:sans-serif;margin:0 auto;max-width:32rem;padding:1rem;color:#222}"
    "h1{font-size:1.3rem}table{width:100%;border-collapse:collapse}"
    "td{padding:.3rem;border-bottom:1px solid #ddd;vertical-align:top}td.n{text-align:right}"
    "button{display:block;width:100%;margin:.5rem 0;padding:.9rem;font-size:1rem}"
    ".en{color:#666;font-size:.9rem}";

std::string Page(std::string_view title, const std::string& body) {
    return "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<title>" +
           EscapeHtml(title) + "</title><style>" + std::string(kStyle) + "</style></head><body>" +
           body + "</body></html>\n";
}

std::string Field(const json::object& object, std::string_view name) {
    const json::value* value = object.if_contains(name);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

std::string FeeRows(const json::object& receipt) {
    std::string rows;
    const json::value* fees = receipt.if_contains("PhiLePhi");
    if (fees == nullptr || !fees->is_array()) {
        return rows;
    }
    for (const json::value& fee : fees->get_array()) {
        if (!fee.is_object()) {
            continue;
        }
        const json::object& item = fee.get_object();
        const bool charge = Field(item, "LoaiPhiLePhi") == "2";
        const auto amount = Field(item, "SoTien");
        rows += "<tr class=\"fee\"><td>" + std::string(charge ? "Lệ phí" : "Phí") + ": " +
                EscapeHtml(Field(item, "TenPhiLePhi")) + "</td><td class=\"n\">" +
                FormatDong(amount.empty() ? 0 : std::stoll(amount)) + "</td></tr>";
    }
    return rows;
}

std::string_view OutcomeText(const Transaction& transaction) {
    if (transaction.result == "00") {
        return "Thanh toán thành công <span class=\"en\">(payment succeeded)</span>";
    }
    if (transaction.result == "24") {
        return "Đã huỷ giao dịch <span class=\"en\">(cancelled)</span>";
    }
    if (transaction.result == "51") {
        return "Tài khoản không đủ số dư <span class=\"en\">(insufficient funds)</span>";
    }
    if (transaction.result == "11") {
        return "Hết thời gian thanh toán <span class=\"en\">(timed out)</span>";
    }
    return "Chưa thanh toán <span class=\"en\">(not paid yet)</span>";
}

}  // namespace

std::string PayPage(const Transaction& transaction) {
    const json::object& receipt = transaction.receipt;
    const std::string body =
        "<h1>Thanh toán phí, lệ phí <span class=\"en\">(pay fees and charges)</span></h1>"
        "<table><tr><td>Mã tham chiếu <span class=\"en\">(reference)</span></td><td "
        "id=\"reference\">" +
        EscapeHtml(transaction.reference) +
        "</td></tr><tr><td>Nội dung <span class=\"en\">(details)</span></td><td id=\"info\">" +
        EscapeHtml(transaction.info) +
        "</td></tr><tr><td>Thủ tục <span class=\"en\">(procedure)</span></td><td>" +
        EscapeHtml(Field(receipt, "TenTTHC")) +
        "</td></tr><tr><td>Người nộp <span class=\"en\">(payer)</span></td><td>" +
        EscapeHtml(Field(receipt, "HoTenNguoiNop")) + "</td></tr>" + FeeRows(receipt) +
        "<tr><td><strong>Tổng cộng <span class=\"en\">(total)</span></strong></td>"
        "<td class=\"n\" id=\"amount\"><strong>" +
        FormatDong(transaction.amount_vnd) +
        "</strong></td></tr></table>"
        "<form method=\"post\">"
        "<button id=\"pay-success\" name=\"outcome\" value=\"success\">Thanh toán "
        "<span class=\"en\">(pay)</span></button>"
        "<button id=\"pay-cancel\" name=\"outcome\" value=\"cancel\">Huỷ "
        "<span class=\"en\">(cancel)</span></button>"
        "<button id=\"pay-insufficient\" name=\"outcome\" value=\"insufficient\">Không đủ số dư "
        "<span class=\"en\">(insufficient funds)</span></button>"
        "<button id=\"pay-timeout\" name=\"outcome\" value=\"timeout\">Hết thời gian "
        "<span class=\"en\">(time out)</span></button></form>";
    return Page("Thanh toán " + transaction.reference, body);
}

std::string DonePage(const Transaction& transaction) {
    const std::string body = R"(<h1 id="result" data-result=")" + EscapeHtml(transaction.result) +
                             "\">" + std::string(OutcomeText(transaction)) +
                             "</h1><p>Mã tham chiếu <span class=\"en\">(reference)</span>: " +
                             EscapeHtml(transaction.reference) +
                             "</p><p>Mã giao dịch <span class=\"en\">(transaction)</span>: " +
                             EscapeHtml(transaction.transaction_id) + "</p><p>" +
                             FormatDong(transaction.amount_vnd) + "</p>";
    return Page("Kết quả thanh toán " + transaction.reference, body);
}

std::string NoticePage(std::string_view vietnamese, std::string_view english) {
    return Page(vietnamese, "<h1>" + EscapeHtml(vietnamese) + " <span class=\"en\">(" +
                                EscapeHtml(english) + ")</span></h1>");
}

}  // namespace motcua::sim::payment_platform
