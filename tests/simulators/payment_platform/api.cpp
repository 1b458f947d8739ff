// The checks run in the order of README.md "The API": body, signed fields present, MaDoiTac,
// MaXacThuc, then the fields' values; the first that fails answers. The signature is checked
// before the values, so that an unsigned message learns nothing about what else is wrong.
#include "simulators/payment_platform/api.hpp"

#include <array>
#include <chrono>

#include <boost/json.hpp>

#include "connectors/payment_platform/payment_platform_protocol.hpp"
#include "simulators/common/json_body.hpp"
#include "simulators/payment_platform/receipt_pdf.hpp"

namespace motcua::sim::payment_platform {
namespace {

namespace json = boost::json;
namespace protocol = motcua::connectors;

// The INIT's fixed values, by index in kPlatformInitFields.
constexpr std::array<std::pair<std::size_t, std::string_view>, 8> kFixedInitValues = {{
    {0, "INIT"},
    {1, protocol::kPlatformVersion},
    {5, "PAY"},
    {6, "1"},
    {7, "1"},
    {8, "vi-VN"},
    {9, "VND"},
    {10, "PAYMENT"},
}};

// ThongTinBienLai's PhiLePhi: each item {LoaiPhiLePhi "1"|"2", MaPhiLePhi, TenPhiLePhi, SoTien};
// the error (with the error_code it earns) when one is wrong or they do not add up to `amount`.
std::optional<std::pair<std::string_view, std::string>> CheckReceipt(const json::value* receipt,
                                                                     std::int64_t amount) {
    if (receipt == nullptr || !receipt->is_object()) {
        return std::pair(code::kMalformed, "ThongTinBienLai: missing or not an object");
    }
    const json::value* fees = receipt->get_object().if_contains("PhiLePhi");
    if (fees == nullptr || !fees->is_array() || fees->get_array().empty()) {
        return std::pair(code::kMalformed, "ThongTinBienLai.PhiLePhi: missing or empty");
    }
    static constexpr std::array<std::string_view, 4> kItemFields = {"LoaiPhiLePhi", "MaPhiLePhi",
                                                                    "TenPhiLePhi", "SoTien"};
    std::int64_t sum = 0;
    std::size_t index = 0;
    for (const json::value& fee : fees->get_array()) {
        const std::string where = "ThongTinBienLai.PhiLePhi[" + std::to_string(index++) + "].";
        if (!fee.is_object()) {
            return std::pair(code::kMalformed,
                             where.substr(0, where.size() - 1) + ": not an object");
        }
        const auto values = protocol::ReadPlatformFields(fee.get_object(), kItemFields);
        if (!values) {
            return std::pair(code::kMalformed, where + values.error);
        }
        const std::string& kind = (*values.value)[0];
        if (kind != protocol::kPlatformFee && kind != protocol::kPlatformCharge) {
            return std::pair(code::kMalformed, where + R"(LoaiPhiLePhi: must be "1" or "2")");
        }
        const auto item_amount = protocol::ParsePlatformAmount((*values.value)[3]);
        if (!item_amount) {
            return std::pair(code::kBadAmount, where + "SoTien: not a whole amount of đồng");
        }
        sum += *item_amount;
    }
    if (sum != amount) {
        return std::pair(code::kBadAmount, "ThongTinBienLai.PhiLePhi: the items add up to " +
                                               std::to_string(sum) + ", not SoTien " +
                                               std::to_string(amount));
    }
    return std::nullopt;
}

bool IsDay(std::string_view day) {
    return day.size() == 8 && protocol::IsPlatformTime(std::string(day) + "000000");
}

}  // namespace

SimReply PlatformAnswer(std::string_view error_code, std::string_view message, int status) {
    return JsonReply({{"error_code", error_code}, {"message", message}}, status);
}

PlatformRoutes::PlatformRoutes(PlatformState& state, std::string partner_code, std::string secret)
    : state_(state), partner_code_(std::move(partner_code)), secret_(std::move(secret)) {}

void PlatformRoutes::SetPublicUrl(std::string url) { public_url_ = std::move(url); }

SimReply PlatformRoutes::Refuse(std::string_view error_code, std::string_view message) {
    state_.Count(counter::kRefused);
    return PlatformAnswer(error_code, message);
}

std::variant<PlatformRoutes::SignedMessage, SimReply> PlatformRoutes::ReadSigned(
    const SimRequest& request, std::span<const std::string_view> fields, std::size_t partner) {
    auto body = ParseObject(request.body);
    if (!body) {
        return Refuse(code::kMalformed, "body: not a JSON object");
    }
    auto values = protocol::ReadPlatformFields(*body, fields);
    if (!values) {
        return Refuse(code::kMalformed, values.error);
    }
    if ((*values.value)[partner] != partner_code_) {
        return Refuse(code::kUnknownPartner, "MaDoiTac: unknown partner");
    }
    if (!protocol::VerifyPlatformMessage(*body, fields, secret_)) {
        return Refuse(code::kBadSignature, "MaXacThuc: does not match");
    }
    return SignedMessage{.body = std::move(*body), .values = std::move(*values.value)};
}

std::variant<Transaction, SimReply> PlatformRoutes::LookUp(const SimRequest& request,
                                                           std::string_view type) {
    auto read = ReadSigned(request, protocol::kPlatformLookupFields, 2);
    if (auto* refusal = std::get_if<SimReply>(&read)) {
        return std::move(*refusal);
    }
    const std::vector<std::string>& v = std::get<SignedMessage>(read).values;
    if (v[0] != type) {
        return Refuse(code::kMalformed, "LoaiBanTin: must be \"" + std::string(type) + "\"");
    }
    auto transaction = state_.Find(v[3]);
    if (!transaction) {
        return Refuse(code::kUnknownReference, "MaThamChieu: no such transaction");
    }
    return std::move(*transaction);
}

SimReply PlatformRoutes::Init(const SimRequest& request) {
    auto read = ReadSigned(request, protocol::kPlatformInitFields, 2);
    if (auto* refusal = std::get_if<SimReply>(&read)) {
        return std::move(*refusal);
    }
    const auto& [body, v] = std::get<SignedMessage>(read);
    for (const auto& [index, expected] : kFixedInitValues) {
        if (v[index] != expected) {
            return Refuse(code::kMalformed, std::string(protocol::kPlatformInitFields[index]) +
                                                ": must be \"" + std::string(expected) + "\"");
        }
    }
    if (!protocol::IsPlatformReference(v[3])) {
        return Refuse(code::kMalformed, "MaThamChieu: not 1-50 letters and digits");
    }
    if (!protocol::IsPlatformTime(v[12])) {
        return Refuse(code::kMalformed, "ThoiGianGD: not yyyyMMddHHmmss");
    }
    const auto amount = protocol::ParsePlatformAmount(v[4]);
    if (!amount) {
        return Refuse(code::kBadAmount, "SoTien: not a whole amount of đồng");
    }
    const json::value* receipt = body.if_contains("ThongTinBienLai");
    if (auto error = CheckReceipt(receipt, *amount)) {
        return Refuse(error->first, error->second);
    }
    const json::value* return_url = body.if_contains("UrlTraVe");
    if (return_url != nullptr &&
        (!return_url->is_string() || !(return_url->get_string().starts_with("http://") ||
                                       return_url->get_string().starts_with("https://")))) {
        return Refuse(code::kMalformed, "UrlTraVe: not an http(s) URL");
    }
    Transaction transaction{
        .reference = v[3],
        .amount_vnd = *amount,
        .info = v[11],
        .created_gd = v[12],
        .return_url = return_url == nullptr ? "" : std::string(return_url->get_string()),
        .receipt = receipt->get_object()};
    if (!state_.Create(std::move(transaction))) {
        return Refuse(code::kDuplicate, "MaThamChieu: already pending or paid");
    }
    state_.Count(counter::kInits);
    return PlatformAnswer(
        code::kOk, json::serialize(json::object{{"UrlThanhToan", public_url_ + "/pay/" + v[3]}}));
}

SimReply PlatformRoutes::Query(const SimRequest& request) {
    auto found = LookUp(request, "QUERY");
    if (auto* refusal = std::get_if<SimReply>(&found)) {
        return std::move(*refusal);
    }
    const Transaction& transaction = std::get<Transaction>(found);
    const bool settled = transaction.status != PaymentStatus::kPending;
    const protocol::PlatformConfirm answer{
        .message_type = "QUERY",
        .result = transaction.result,
        .partner_code = partner_code_,
        .reference = transaction.reference,
        .amount_vnd = transaction.amount_vnd,
        .currency = "VND",
        .transaction_id = transaction.transaction_id,
        .bank_code = settled ? "SIMBANK" : "",
        .time_gd = settled ? transaction.settled_gd : transaction.created_gd,
        .info = transaction.info};
    state_.Count(counter::kQueries);
    return PlatformAnswer(code::kOk,
                          json::serialize(protocol::SignedPlatformConfirm(answer, secret_)));
}

SimReply PlatformRoutes::Receipt(const SimRequest& request) {
    auto found = LookUp(request, "RECEIPT");
    if (auto* refusal = std::get_if<SimReply>(&found)) {
        return std::move(*refusal);
    }
    const Transaction& transaction = std::get<Transaction>(found);
    if (transaction.status != PaymentStatus::kPaid) {
        return Refuse(code::kNotPaid, "MaThamChieu: not paid");
    }
    state_.Count(counter::kReceipts);
    SimReply reply;
    reply.content_type = "application/pdf";
    reply.body = ReceiptPdf(transaction, partner_code_);
    return reply;
}

SimReply PlatformRoutes::Report(const SimRequest& request) {
    auto read = ReadSigned(request, protocol::kPlatformReportFields, 0);
    if (auto* refusal = std::get_if<SimReply>(&read)) {
        return std::move(*refusal);
    }
    const std::vector<std::string>& v = std::get<SignedMessage>(read).values;
    if (!IsDay(v[1])) {
        return Refuse(code::kMalformed, "Ngay: not yyyyMMdd");
    }
    json::array list;
    for (const Transaction& paid : state_.PaidOn(v[1])) {
        list.emplace_back(json::object{{"MaThamChieu", paid.reference},
                                       {"MaGiaoDich", paid.transaction_id},
                                       {"SoTien", std::to_string(paid.amount_vnd)},
                                       {"MaLoi", paid.result},
                                       {"ThoiGianGD", paid.settled_gd}});
    }
    state_.Count(counter::kReports);
    return PlatformAnswer(code::kOk, json::serialize(json::object{{"MaDoiTac", partner_code_},
                                                                  {"Ngay", v[1]},
                                                                  {"DanhSach", std::move(list)}}));
}

}  // namespace motcua::sim::payment_platform
