#include "connectors/dvcqg/dvcqg_pulls.hpp"

#include <charconv>
#include <exception>

#include "connectors/dvcqg/dvcqg_answer.hpp"
#include "connectors/dvcqg/dvcqg_payload.hpp"
#include "services/portal/portal_records_json.hpp"

namespace motcua::connectors {
namespace {

namespace json = boost::json;

Error Unreadable(std::string detail) {
    return MakeError(ErrorKind::kUnavailable, "unavailable", "dvcqg", std::move(detail));
}

std::string Field(const json::object& row, std::string_view key) {
    return TextOf(row.if_contains(key));
}

// A positive integer, sent as a number or as decimal text.
std::optional<std::int64_t> PositiveInteger(const json::value* value) {
    if (value == nullptr) {
        return std::nullopt;
    }
    std::int64_t number = 0;
    if (const auto* signed_number = value->if_int64()) {
        number = *signed_number;
    } else if (const auto* text = value->if_string()) {
        const auto [end, error] =
            std::from_chars(text->data(), text->data() + text->size(), number);
        if (error != std::errc{} || end != text->data() + text->size()) {
            return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    if (number <= 0) {
        return std::nullopt;
    }
    return number;
}

// Reads each row of a success answer's `result` with `read` (nullopt: skipped).
template <class Row, class Read>
Outcome<std::vector<Row>> ReadRows(std::string_view body, std::string_view service, int& skipped,
                                   Read read) {
    try {
        const auto document = ParseDvcqgJson(body);
        if (!document) {
            return Unreadable(std::string(service) + ": the answer is not JSON");
        }
        const DvcqgAnswer answer = ReadDvcqgAnswer(*document);
        if (answer.kind != DvcqgAnswerKind::kOk) {
            return Unreadable(std::string(service) + ": " + DescribeDvcqgAnswer(answer));
        }
        const auto* result = document->as_object().if_contains("result");
        if (result == nullptr || !result->is_array()) {
            return Unreadable(std::string(service) + ": the answer has no result array");
        }
        std::vector<Row> rows;
        rows.reserve(result->as_array().size());
        for (const auto& item : result->as_array()) {
            std::optional<Row> row;
            if (const auto* object = item.if_object()) {
                row = read(*object);
            }
            if (row) {
                rows.push_back(std::move(*row));
            } else {
                ++skipped;
            }
        }
        return rows;
    } catch (const std::exception& exception) {
        return Unreadable(std::string(service) + ": " + exception.what());
    }
}

}  // namespace

Outcome<std::vector<PortalProcedure>> ParsePortalProcedures(std::string_view body, int& skipped) {
    return ReadRows<PortalProcedure>(
        body, kDvcqgListProcedures, skipped,
        [](const json::object& row) -> std::optional<PortalProcedure> {
            PortalProcedure procedure{Field(row, "MaTTHC"),         Field(row, "TenTTHC"),
                                      Field(row, "MaLinhVuc"),      Field(row, "TenLinhVuc"),
                                      Field(row, "CoQuanThucHien"), Field(row, "ThoiHanGiaiQuyet")};
            if (procedure.code.empty()) {
                return std::nullopt;
            }
            return procedure;
        });
}

Outcome<std::vector<PortalAgency>> ParsePortalAgencies(std::string_view body, int& skipped) {
    return ReadRows<PortalAgency>(body, kDvcqgListAgencies, skipped,
                                  [](const json::object& row) -> std::optional<PortalAgency> {
                                      PortalAgency agency{Field(row, "MaCoQuan"),
                                                          Field(row, "TenCoQuan"),
                                                          Field(row, "MaCoQuanCha")};
                                      if (agency.code.empty()) {
                                          return std::nullopt;
                                      }
                                      return agency;
                                  });
}

Outcome<PortalDossierPage> ParsePortalDossiers(std::string_view body) {
    PortalDossierPage page;
    auto rows = ReadRows<PortalDossier>(
        body, kDvcqgListPortalDossiers, page.skipped,
        [&page](const json::object& row) -> std::optional<PortalDossier> {
            const auto seq = PositiveInteger(row.if_contains("SoThuTu"));
            if (!seq) {
                return std::nullopt;
            }
            page.last_seq = std::max(page.last_seq, *seq);
            PortalDossier dossier;
            dossier.seq = *seq;
            services::ReadPortalDossierFields(
                [&row](std::string_view key) { return Field(row, key); }, dossier);
            if (dossier.national_code.empty()) {
                return std::nullopt;
            }
            dossier.submitted_at = ParsePortalTime(Field(row, "NgayNopHoSo"));
            return dossier;
        });
    if (!rows) {
        return rows.GetError();
    }
    page.dossiers = std::move(rows).Value();
    return page;
}

}  // namespace motcua::connectors
