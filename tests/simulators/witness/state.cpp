// The anchors live in ordered maps (source, then seq), so that a page is a lower_bound and a walk.
#include "simulators/witness/state.hpp"

#include <boost/json.hpp>

#include "simulators/common/faults.hpp"

namespace motcua::sim::witness {

namespace json = boost::json;

WitnessState::WitnessState() { Reset(); }

void WitnessState::Bump(CounterMap& map, std::string_view name) {
    if (const auto found = map.find(name); found != map.end()) {
        ++found->second;
    } else {
        map.emplace(std::string(name), 1);
    }
}

void WitnessState::Count(std::string_view name) {
    std::lock_guard lock(mutex_);
    Bump(counters_, name);
}

void WitnessState::CountFault(std::string_view kind) {
    std::lock_guard lock(mutex_);
    Bump(faults_, kind);
}

RecordOutcome WitnessState::Record(const std::string& source, HeldAnchor anchor) {
    std::lock_guard lock(mutex_);
    SourceAnchors& held = anchors_[source];
    const auto [found, inserted] = held.try_emplace(anchor.seq, anchor);
    if (inserted) {
        Bump(counters_, counter::kRecorded);
        return {.result = RecordResult::kRecorded, .held = found->second};
    }
    // A retry may carry another anchored_at (the client re-read its clock): the hash decides.
    const bool same = found->second.hash == anchor.hash;
    Bump(counters_, same ? counter::kHeld : counter::kConflicts);
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
    json::object counters;
    for (const auto& [name, value] : counters_) {
        counters[name] = value;
    }
    json::object faults;
    for (const auto& [name, value] : faults_) {
        faults[name] = value;
    }
    counters["faults"] = std::move(faults);
    return {{"anchors", std::move(anchors)}, {"counters", std::move(counters)}};
}

void WitnessState::Reset() {
    std::lock_guard lock(mutex_);
    anchors_.clear();
    counters_.clear();
    faults_.clear();
    for (const std::string_view name : counter::kAll) {
        counters_.emplace(std::string(name), 0);
    }
    for (const FaultKind kind : kAllFaultKinds) {
        faults_.emplace(std::string(FaultName(kind)), 0);
    }
}

}  // namespace motcua::sim::witness
