// The canonical JSON of a dossier and of its events: stored as the projection's document and
// the base of the API's answers. Instants are written by a caller-chosen formatter (UTC with
// microseconds for storage, Vietnam time for people).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "common/clock.hpp"
#include "common/outcome.hpp"
#include "domain/dossier/dossier.hpp"

namespace motcua::interchange {

using InstantFormatter = std::function<std::string(Instant)>;

boost::json::object DossierToJson(const domain::Dossier& dossier, const InstantFormatter& format);
/// Reads a stored document (instants in any RFC 3339 form).
Outcome<domain::Dossier> DossierFromJson(const boost::json::object& json);
/// Parses a dossier document as the stores hold it (the `doc` column) and sets its row id;
/// 503 unavailable when it does not parse. The parse tree lives in a stack arena (a lookup
/// reads one document per request).
Outcome<domain::Dossier> ParseStoredDossier(std::string_view text, std::int64_t id);
boost::json::object DossierEventToJson(const domain::DossierEvent& event,
                                       const InstantFormatter& format);

}  // namespace motcua::interchange
