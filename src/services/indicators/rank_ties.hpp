// Ranks of the dashboard's agencies: ordered best first, those whose index scores are equal as
// displayed share a rank, and the next rank skips as many (docs/domain.md §1.3: 1, 2, 2, 4).
#pragma once

#include <vector>

namespace motcua::services {

/// Returns the rank of each of `scores` (best first; each rounded for display by the caller).
std::vector<int> RankWithTies(const std::vector<double>& scores);

}  // namespace motcua::services
