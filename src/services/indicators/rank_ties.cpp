#include "services/indicators/rank_ties.hpp"

namespace motcua::services {

std::vector<int> RankWithTies(const std::vector<double>& scores) {
    std::vector<int> ranks;
    ranks.reserve(scores.size());
    int rank = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (i == 0 || scores[i] != scores[i - 1]) {
            rank = static_cast<int>(i) + 1;
        }
        ranks.push_back(rank);
    }
    return ranks;
}

}  // namespace motcua::services
