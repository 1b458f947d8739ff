// One line of the dossier history import (docs/dossiers.md §6): {"code", "procedure", "agency",
// "channel", "applicant": {"kind", "id_number", "name"}, "fee_total", "due_at"?,
// "events": [{"at", "action", "actor"?, …action fields}]}. Unknown top-level fields are kept as
// the dossier's metadata, never silently dropped.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/outcome.hpp"
#include "domain/dossier/lifecycle.hpp"

namespace motcua::interchange {

struct HistoryEvent {
    domain::ActionInput input;  // With `at` and `actor_login` from the line.
};

struct HistoryRecord {
    std::string code;
    std::string procedure_code;
    std::string agency;
    domain::Channel channel = domain::Channel::kDesk;
    domain::Applicant applicant;
    std::optional<std::int64_t> fee_total;
    std::optional<Instant> due_at;
    std::string metadata_json;
    std::vector<HistoryEvent> events;
};

/// Parses one line; errors name the path of the bad value (e.g. "events[2].at").
Outcome<HistoryRecord> ParseHistoryLine(std::string_view line);

}  // namespace motcua::interchange
