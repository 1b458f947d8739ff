// Everything the pages show that came from the merchant is escaped (order information is free
// text); the buttons post to /paymentv2/pay with the transaction and the outcome.
#include "simulators/vnpay/pages.hpp"

#include <fmt/format.h>

#include "simulators/common/html_text.hpp"

namespace motcua::sim::vnpay {
namespace {

constexpr std::string_view kStyle =
    "body{font-family:system-ui,sans-serif;margin:0;padding:1rem;max-width:32rem;"
    "margin-inline:auto;line-height:1.5;color:#111;background:#fff}"
    "h1{font-size:1.3rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}"
    "dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}"
    "button{display:block;width:100%;min-height:3rem;margin:.5rem 0;font-size:1rem;"
    "border:2px solid #005baa;border-radius:.4rem;background:#fff;color:#005baa}"
    "button#pay-success{background:#005baa;color:#fff}"
    "button:focus{outline:3px solid #f5a623;outline-offset:2px}"
    ".error{border:2px solid #b00020;padding:1rem;border-radius:.4rem}";

std::string Page(std::string_view title, std::string_view body) {
    return fmt::format(
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        title, kStyle, body);
}

SimReply Html(std::string body) {
    SimReply reply;
    reply.body = std::move(body);
    reply.content_type = "text/html; charset=utf-8";
    return reply;
}

}  // namespace

SimReply ErrorPage(std::string_view code, std::string_view detail) {
    const std::string body = fmt::format(
        "<main class=\"error\" role=\"alert\" data-error-code=\"{0}\">\n"
        "<h1>Giao dịch không thành công<br><span lang=\"en\">Transaction failed</span></h1>\n"
        "<p>Mã lỗi <span lang=\"en\">(error code)</span>: <strong "
        "id=\"error-code\">{0}</strong></p>\n"
        "<p id=\"error-detail\">{1}</p>\n</main>\n",
        EscapeHtml(code), EscapeHtml(detail));
    return Html(Page("Lỗi giao dịch (transaction error) – VNPay", body));
}

SimReply PaymentPage(const Transaction& transaction) {
    const connectors::VnpayPayRequest& request = transaction.request;
    const std::string body = fmt::format(
        "<main>\n<h1>Cổng thanh toán VNPay (mô phỏng)<br>"
        "<span lang=\"en\">VNPay payment gateway (simulator)</span></h1>\n"
        "<dl>\n<dt>Đơn vị <span lang=\"en\">(merchant)</span></dt><dd id=\"tmn-code\">{0}</dd>\n"
        "<dt>Mã đơn hàng <span lang=\"en\">(order)</span></dt><dd id=\"txn-ref\">{1}</dd>\n"
        "<dt>Số tiền <span lang=\"en\">(amount)</span></dt>"
        "<dd id=\"amount\" data-amount=\"{2}\">{3} đ</dd>\n"
        "<dt>Nội dung <span lang=\"en\">(order information)</span></dt>"
        "<dd id=\"order-info\">{4}</dd>\n</dl>\n"
        "<form method=\"post\" action=\"/paymentv2/pay\">\n"
        "<input type=\"hidden\" name=\"vnp_TmnCode\" value=\"{0}\">\n"
        "<input type=\"hidden\" name=\"vnp_TxnRef\" value=\"{1}\">\n"
        "<button type=\"submit\" id=\"pay-success\" name=\"outcome\" value=\"success\">"
        "Thanh toán <span lang=\"en\">(pay)</span></button>\n"
        "<button type=\"submit\" id=\"pay-cancel\" name=\"outcome\" value=\"cancel\">"
        "Hủy giao dịch <span lang=\"en\">(cancel)</span></button>\n"
        "<button type=\"submit\" id=\"pay-insufficient\" name=\"outcome\" value=\"insufficient\">"
        "Tài khoản không đủ số dư <span lang=\"en\">(insufficient funds)</span></button>\n"
        "<button type=\"submit\" id=\"pay-timeout\" name=\"outcome\" value=\"timeout\">"
        "Hết thời gian chờ <span lang=\"en\">(time out)</span></button>\n"
        "</form>\n</main>\n",
        EscapeHtml(transaction.tmn_code), EscapeHtml(request.txn_ref), request.amount_vnd,
        GroupDigits(request.amount_vnd), EscapeHtml(request.order_info));
    return Html(Page("Thanh toán (payment) – VNPay", body));
}

}  // namespace motcua::sim::vnpay
