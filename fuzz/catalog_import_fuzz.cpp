// The catalogue import (interchange/catalog_json.hpp, docs/import-format.md): the input is read
// both as an agency file and as a procedure file, and what parses goes through the catalogue
// rules. A record is stored as the text of its canonical document and read back from it
// (storage/sql/sql_catalog_store.cpp), so that document must parse to a record whose document is
// the same.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>

#include <boost/json.hpp>

#include "common/assert.hpp"
#include "domain/catalog/catalog_rules.hpp"
#include "fuzz_input.hpp"
#include "interchange/catalog_json.hpp"

namespace {

using namespace motcua;

bool Anything(std::string_view) { return true; }

// Equal JSON, but for doubles within a few units in the last place: Boost.JSON 1.81 (Debian 12)
// does not always read back the exact double it wrote (boostorg/json#599; precise parsing came
// in 1.83), so a number under "extra" may move by one ULP each time a record is stored.
bool SameJson(const boost::json::value& a, const boost::json::value& b) {
    if (a.is_double() && b.is_double()) {
        const double scale = std::max(std::fabs(a.get_double()), std::fabs(b.get_double()));
        return std::fabs(a.get_double() - b.get_double()) <=
               std::max(4 * std::numeric_limits<double>::epsilon() * scale,
                        4 * std::numeric_limits<double>::denorm_min());
    }
    if (a.kind() != b.kind()) {
        return false;
    }
    if (a.is_array()) {
        const auto& x = a.get_array();
        const auto& y = b.get_array();
        return x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin(), SameJson);
    }
    if (a.is_object()) {
        const auto& x = a.get_object();
        const auto& y = b.get_object();
        return x.size() == y.size() && std::all_of(x.begin(), x.end(), [&](const auto& entry) {
                   const auto* other = y.if_contains(entry.key());
                   return other != nullptr && SameJson(entry.value(), *other);
               });
    }
    return a == b;
}

// Stores `json` as text, reads it back with `read` and checks that nothing changed.
template <typename ToJson, typename FromJson>
void CheckStoredForm(const boost::json::object& json, ToJson to_json, FromJson from_json) {
    const auto stored = boost::json::parse(boost::json::serialize(json));
    const auto read = from_json(stored.as_object(), "");
    MOTCUA_ASSERT(read.HasValue(), "a stored record reads back");
    if (const boost::json::value again = to_json(read.Value()); !SameJson(again, json)) {
        std::fprintf(stderr, "stored: %s\nread back: %s\n", boost::json::serialize(json).c_str(),
                     boost::json::serialize(again).c_str());
        MOTCUA_ASSERT(false, "a stored record reads back unchanged");
    }
}

void CheckAgencies(std::string_view text) {
    const auto agencies = interchange::ParseAgencyFile(text);
    if (!agencies) {
        return;
    }
    for (const auto& agency : agencies.Value()) {
        (void)domain::ValidateAgency(agency);
        CheckStoredForm(interchange::AgencyToJson(agency), interchange::AgencyToJson,
                        interchange::AgencyFromJson);
    }
    (void)domain::ValidateAgencyTree(agencies.Value(), Anything);
}

void CheckProcedures(std::string_view text) {
    const auto file = interchange::ParseProcedureFile(text);
    if (!file) {
        return;
    }
    for (const auto& procedure : file.Value().procedures) {
        (void)domain::ValidateProcedure(procedure, Anything, Anything);
        CheckStoredForm(interchange::ProcedureToJson(procedure), interchange::ProcedureToJson,
                        interchange::ProcedureFromJson);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = fuzz::AsText(data, size);
    CheckAgencies(text);
    CheckProcedures(text);
    return 0;
}
