// The JSON of the calls with Boost.JSON. Fields are read leniently as the npm package reads them
// (String(x) of a string or a number) and written as strings, as VNPay's documentation shows.
#include "connectors/vnpay/vnpay_query.hpp"

#include <array>
#include <utility>

#include <boost/json.hpp>

namespace motcua::connectors {
namespace {

namespace json = boost::json;

std::string Joined(std::initializer_list<std::string_view> fields, char separator) {
    std::string text;
    bool first = true;
    for (const std::string_view field : fields) {
        if (!first) {
            text += separator;
        }
        first = false;
        text.append(field);
    }
    return text;
}

std::optional<json::object> ParseObject(std::string_view body) {
    boost::system::error_code error;
    json::value value = json::parse(body, error);
    if (error || !value.is_object()) {
        return std::nullopt;
    }
    return std::move(value.get_object());
}

// The field as the npm package's String(x) gives it; false when it is of another type.
bool ReadField(const json::object& object, std::string_view key, std::string& out) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr) {
        return true;
    }
    if (value->is_string()) {
        out = std::string(value->get_string());
    } else if (value->is_int64()) {
        out = std::to_string(value->get_int64());
    } else if (value->is_uint64()) {
        out = std::to_string(value->get_uint64());
    } else if (value->is_null()) {
        out = "null";
    } else {
        return false;
    }
    return true;
}

using QueryFields = std::array<std::pair<std::string_view, std::string VnpayQueryAnswer::*>, 16>;
constexpr QueryFields kAnswerFields = {{
    {"vnp_ResponseId", &VnpayQueryAnswer::response_id},
    {"vnp_Command", &VnpayQueryAnswer::command},
    {"vnp_ResponseCode", &VnpayQueryAnswer::response_code},
    {"vnp_Message", &VnpayQueryAnswer::message},
    {"vnp_TmnCode", &VnpayQueryAnswer::tmn_code},
    {"vnp_TxnRef", &VnpayQueryAnswer::txn_ref},
    {"vnp_Amount", &VnpayQueryAnswer::amount},
    {"vnp_BankCode", &VnpayQueryAnswer::bank_code},
    {"vnp_PayDate", &VnpayQueryAnswer::pay_date},
    {"vnp_TransactionNo", &VnpayQueryAnswer::transaction_no},
    {"vnp_TransactionType", &VnpayQueryAnswer::transaction_type},
    {"vnp_TransactionStatus", &VnpayQueryAnswer::transaction_status},
    {"vnp_OrderInfo", &VnpayQueryAnswer::order_info},
    {"vnp_PromotionCode", &VnpayQueryAnswer::promotion_code},
    {"vnp_PromotionAmount", &VnpayQueryAnswer::promotion_amount},
    {"vnp_SecureHash", &VnpayQueryAnswer::secure_hash},
}};

using RequestFields = std::array<std::pair<std::string_view, std::string VnpayQueryRequest::*>, 11>;
constexpr RequestFields kRequestFields = {{
    {"vnp_RequestId", &VnpayQueryRequest::request_id},
    {"vnp_Version", &VnpayQueryRequest::version},
    {"vnp_Command", &VnpayQueryRequest::command},
    {"vnp_TmnCode", &VnpayQueryRequest::tmn_code},
    {"vnp_TxnRef", &VnpayQueryRequest::txn_ref},
    {"vnp_TransactionDate", &VnpayQueryRequest::transaction_date},
    {"vnp_CreateDate", &VnpayQueryRequest::create_date},
    {"vnp_IpAddr", &VnpayQueryRequest::ip_addr},
    {"vnp_OrderInfo", &VnpayQueryRequest::order_info},
    {"vnp_TransactionNo", &VnpayQueryRequest::transaction_no},
    {"vnp_SecureHash", &VnpayQueryRequest::secure_hash},
}};

std::string ReportItemData(const VnpayReportItem& item) {
    return Joined({VnpayFormEncode(item.txn_ref), VnpayFormEncode(item.transaction_no),
                   VnpayFormEncode(item.amount), VnpayFormEncode(item.response_code),
                   VnpayFormEncode(item.pay_date)},
                  ',');
}

}  // namespace

std::string VnpayApiUrl(const VnpayMerchant& merchant) {
    std::string_view base = merchant.api_url.empty() ? merchant.pay_base_url : merchant.api_url;
    while (!base.empty() && base.back() == '/') {
        base.remove_suffix(1);
    }
    return std::string(base) + std::string(kVnpayApiPath);
}

std::string VnpayQueryDrRequestData(const VnpayQueryRequest& request) {
    return Joined(
        {request.request_id, request.version, request.command, request.tmn_code, request.txn_ref,
         request.transaction_date, request.create_date, request.ip_addr, request.order_info},
        '|');
}

std::string VnpayQueryDrBody(const VnpayMerchant& merchant, VnpayQueryRequest request) {
    request.tmn_code = merchant.tmn_code;
    request.secure_hash = VnpaySign(merchant.hash_secret, VnpayQueryDrRequestData(request));
    json::object body;
    for (const auto& [key, member] : kRequestFields) {
        if (!(request.*member).empty()) {
            body[key] = request.*member;
        }
    }
    return json::serialize(body);
}

std::optional<VnpayQueryRequest> ReadVnpayQueryDrBody(std::string_view body) {
    const auto object = ParseObject(body);
    if (!object) {
        return std::nullopt;
    }
    VnpayQueryRequest request;
    request.version.clear();
    request.command.clear();
    for (const auto& [key, member] : kRequestFields) {
        if (!ReadField(*object, key, request.*member)) {
            return std::nullopt;
        }
    }
    return request;
}

bool VnpayQueryDrSigned(const VnpayQueryRequest& request, std::string_view secret) {
    return VnpaySignatureMatches(secret, VnpayQueryDrRequestData(request), request.secure_hash);
}

std::string VnpayQueryDrAnswerData(std::string_view tmn_code, const VnpayQueryAnswer& answer) {
    return Joined({answer.response_id, answer.command, answer.response_code, answer.message,
                   tmn_code, answer.txn_ref, answer.amount, answer.bank_code, answer.pay_date,
                   answer.transaction_no, answer.transaction_type, answer.transaction_status,
                   answer.order_info, answer.promotion_code, answer.promotion_amount},
                  '|');
}

std::string VnpayQueryDrAnswerJson(const VnpayQueryAnswer& answer, std::string_view secret) {
    VnpayQueryAnswer signed_answer = answer;
    signed_answer.secure_hash = VnpaySign(secret, VnpayQueryDrAnswerData(answer.tmn_code, answer));
    json::object body;
    for (const auto& [key, member] : kAnswerFields) {
        const bool promotion = key == "vnp_PromotionCode" || key == "vnp_PromotionAmount";
        if (!promotion || !(signed_answer.*member).empty()) {
            body[key] = signed_answer.*member;
        }
    }
    return json::serialize(body);
}

std::optional<VnpayQueryResult> ReadVnpayQueryDrAnswer(std::string_view body,
                                                       const VnpayMerchant& merchant) {
    const auto object = ParseObject(body);
    if (!object) {
        return std::nullopt;
    }
    VnpayQueryResult result;
    result.answer.command.clear();
    for (const auto& [key, member] : kAnswerFields) {
        if (!ReadField(*object, key, result.answer.*member)) {
            return std::nullopt;
        }
    }
    result.signature_ok = VnpaySignatureMatches(
        merchant.hash_secret, VnpayQueryDrAnswerData(merchant.tmn_code, result.answer),
        result.answer.secure_hash);
    result.amount_vnd = VnpayAmountVnd(result.answer.amount);
    return result;
}

std::string VnpayReportRequestBody(const VnpayMerchant& merchant, std::string_view date) {
    const std::string data = merchant.tmn_code + "|" + std::string(date);
    return json::serialize(json::object{{"tmn_code", merchant.tmn_code},
                                        {"date", date},
                                        {"secure_hash", VnpaySign(merchant.hash_secret, data)}});
}

std::string VnpayReportData(const VnpayReport& report) {
    std::string items;
    for (const VnpayReportItem& item : report.transactions) {
        if (!items.empty()) {
            items += ';';
        }
        items += ReportItemData(item);
    }
    return Joined({report.tmn_code, report.date, report.response_code, items}, '|');
}

std::string VnpayReportJson(const VnpayReport& report, std::string_view secret) {
    json::array transactions;
    for (const VnpayReportItem& item : report.transactions) {
        transactions.push_back(json::object{{"txn_ref", item.txn_ref},
                                            {"transaction_no", item.transaction_no},
                                            {"amount", item.amount},
                                            {"response_code", item.response_code},
                                            {"pay_date", item.pay_date}});
    }
    return json::serialize(
        json::object{{"tmn_code", report.tmn_code},
                     {"date", report.date},
                     {"response_code", report.response_code},
                     {"transactions", std::move(transactions)},
                     {"secure_hash", VnpaySign(secret, VnpayReportData(report))}});
}

std::optional<VnpayReport> ReadVnpayReport(std::string_view body, const VnpayMerchant& merchant) {
    const auto object = ParseObject(body);
    if (!object) {
        return std::nullopt;
    }
    VnpayReport report;
    std::string secure_hash;
    const json::value* transactions = object->if_contains("transactions");
    if (!ReadField(*object, "tmn_code", report.tmn_code) ||
        !ReadField(*object, "date", report.date) ||
        !ReadField(*object, "response_code", report.response_code) ||
        !ReadField(*object, "secure_hash", secure_hash) ||
        (transactions != nullptr && !transactions->is_array())) {
        return std::nullopt;
    }
    if (transactions != nullptr) {
        for (const json::value& entry : transactions->get_array()) {
            VnpayReportItem item;
            if (!entry.is_object() || !ReadField(entry.get_object(), "txn_ref", item.txn_ref) ||
                !ReadField(entry.get_object(), "transaction_no", item.transaction_no) ||
                !ReadField(entry.get_object(), "amount", item.amount) ||
                !ReadField(entry.get_object(), "response_code", item.response_code) ||
                !ReadField(entry.get_object(), "pay_date", item.pay_date)) {
                return std::nullopt;
            }
            report.transactions.push_back(std::move(item));
        }
    }
    report.signature_ok =
        report.tmn_code == merchant.tmn_code &&
        VnpaySignatureMatches(merchant.hash_secret, VnpayReportData(report), secure_hash);
    return report;
}

}  // namespace motcua::connectors
