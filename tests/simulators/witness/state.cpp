// The anchors live in ordered maps (source, then seq), so that a page is a lower_bound and a walk.
#include "simulators/witness/state.hpp"

#include <boost/json.hpp>

namespace motcua::sim::witness {

namespace json = boost::json;

WitnessState::WitnessState() : SimState(counter::kAll) {}

RecordOutcome WitnessState::Record(const std::string& source, HeldAnchor anchor) {
    std::lock_guard lock(mutex_);
    SourceAnchors& held = anchors_[source];
    const auto [found, inserted] = held.try_emplace(anchor.seq, anchor);
    if (inserted) {
        counters_.Count(counter::kRecorded);
        return {.result = RecordResult::kRecorded, .held = found->second};
    }
    // A retry may carry another anchored_at (the client re-read its clock): the hash decides.
    const bool same = found->second.hash == anchor.hash;
    counters_.Count(same ? counter::kHeld : counter::kConflicts);
    return {.result = same ? RecordResult::kHeld : RecordResult::kConflict, .held = found->second};
}

AnchorPage WitnessState::List(std::string_view source, std::int64_t after_seq,
                              std::size_t limit) const {
    std::lock_guard lock(mutex_);
    AnchorPage page;
    const auto held = anchors_.find(source);
    if (held == anchors_.end()) {
        return page;
    }
    auto next = held->second.upper_bound(after_seq);
    for (; next != held->second.end() && page.anchors.size() < limit; ++next) {
        page.anchors.push_back(next->second);
    }
    page.more = next != held->second.end();
    return page;
}

json::object AnchorJson(const HeldAnchor& anchor) {
    return {{"seq", anchor.seq},
            {"hash", anchor.hash},
            {"anchored_at", anchor.anchored_at},
            {"received_at", anchor.received_at}};
}

json::object WitnessState::StateJson() const {
    std::lock_guard lock(mutex_);
    json::object anchors;
    for (const auto& [source, held] : anchors_) {
        json::array list;
        list.reserve(held.size());
        for (const auto& [seq, anchor] : held) {
            list.emplace_back(AnchorJson(anchor));
        }
        anchors[source] = std::move(list);
    }
    return {{"anchors", std::move(anchors)}, {"counters", counters_.Json()}};
}

void WitnessState::Reset() {
    std::lock_guard lock(mutex_);
    anchors_.clear();
    counters_.Reset();
}

}  // namespace motcua::sim::witness
