// The fields of a dossier action in JSON (docs/dossiers.md §2): {"action": "...", "reasons": [...],
// "to_agency", "new_due_at", "channel", "amount", "result_kind", "delivery", "component",
// "source", "file_sha256", "system", "rating", "note"}. One reader for the API's action
// requests and the history import, so both accept exactly the same vocabulary.
#pragma once

#include <string>

#include <boost/json.hpp>

#include "common/outcome.hpp"
#include "domain/dossier/lifecycle.hpp"
#include "interchange/json_reader.hpp"

namespace motcua::interchange {

/// Reads an action from `json` (keys `skip` are ignored: e.g. "at", "actor" in the import);
/// errors name the field, prefixed with `path` when not empty. The payload keeps every key
/// but "action" and the skipped ones. A null is an error unless `nulls` says it means absent.
Outcome<domain::ActionInput> ActionInputFromJson(const boost::json::object& json,
                                                 const std::string& path,
                                                 std::initializer_list<std::string_view> skip = {},
                                                 Nulls nulls = Nulls::kRefused);

}  // namespace motcua::interchange
