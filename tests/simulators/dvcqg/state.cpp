#include "simulators/dvcqg/state.hpp"

#include <algorithm>

namespace motcua::sim::dvcqg {

namespace json = boost::json;

namespace {

const PortalAnswer kSuccess{"0", "thành công"};
const PortalAnswer kExists{"-1", "Hồ sơ đã tồn tại"};
const PortalAnswer kUnknown{"-2", "Hồ sơ không tồn tại"};

std::string MaHoSo(const json::object& item) {
    return std::string(item.at("MaHoSo").get_string());  // Validated by the caller.
}

}  // namespace

PortalState::PortalState() : SimState(counter::kAll), by_service_(kServiceNames) {}

void PortalState::CountService(std::string_view service) {
    std::lock_guard lock(mutex_);
    by_service_.Bump(service);
}

std::optional<PortalAnswer> PortalState::ReplayLocked(const std::optional<std::string>& key) {
    if (!key) {
        counters_.Count(counter::kUnkeyed);
        return std::nullopt;
    }
    const auto found = applied_keys_.find(*key);
    if (found == applied_keys_.end()) {
        return std::nullopt;
    }
    counters_.Count(counter::kDuplicates);
    return found->second;
}

void PortalState::RememberLocked(const std::optional<std::string>& key,
                                 const PortalAnswer& answer) {
    // Only what was applied: a refused call ("-1", "-2") may be repeated, changed, with its key.
    if (key && answer.error_code == kSuccess.error_code) {
        applied_keys_.emplace(*key, answer);
    }
}

PortalAnswer PortalState::PushDossiers(const std::optional<std::string>& key, bool is_updating,
                                       std::vector<json::object> dossiers) {
    std::lock_guard lock(mutex_);
    if (auto replay = ReplayLocked(key)) {
        return *replay;
    }
    for (const auto& item : dossiers) {
        const bool exists = dossiers_.contains(MaHoSo(item));
        if (!is_updating && exists) {
            counters_.Count(counter::kExists);
            return kExists;
        }
        if (is_updating && !exists) {
            counters_.Count(counter::kUnknownDossier);
            return kUnknown;
        }
    }
    for (auto& item : dossiers) {
        const std::string id = MaHoSo(item);
        if (is_updating) {
            Dossier& dossier = dossiers_.at(id);
            dossier.header = std::move(item);
            ++dossier.updates;
            counters_.Count(counter::kUpdates);
        } else {
            Dossier& dossier = dossiers_[id];
            dossier.header = std::move(item);
            dossier.creates = 1;
            if (const auto orphans = orphan_steps_.find(id); orphans != orphan_steps_.end()) {
                dossier.steps_before_create = orphans->second;
            }
            counters_.Count(counter::kCreates);
        }
    }
    RememberLocked(key, kSuccess);
    return kSuccess;
}

PortalAnswer PortalState::PushSteps(const std::optional<std::string>& key,
                                    std::vector<json::object> steps) {
    std::lock_guard lock(mutex_);
    if (auto replay = ReplayLocked(key)) {
        return *replay;
    }
    bool all_known = true;
    for (const auto& step : steps) {
        const std::string id = MaHoSo(step);
        if (!dossiers_.contains(id)) {
            all_known = false;
            ++orphan_steps_[id];
            counters_.Count(counter::kStepsBeforeCreate);
        }
    }
    if (!all_known) {
        counters_.Count(counter::kUnknownDossier);
        return kUnknown;
    }
    for (auto& step : steps) {
        Dossier& dossier = dossiers_.at(MaHoSo(step));
        const std::int64_t number = step.at("SoThuTu").to_number<std::int64_t>();
        if (!dossier.steps.empty() && number <= dossier.highest_step) {
            ++dossier.out_of_order;
            counters_.Count(counter::kOutOfOrder);
        }
        dossier.highest_step = std::max(dossier.highest_step, number);
        dossier.steps.push_back(std::move(step));
        ++total_steps_;
        counters_.Count(counter::kSteps);
    }
    RememberLocked(key, kSuccess);
    return kSuccess;
}

std::size_t PortalState::AddPortalDossiers(std::vector<json::object> dossiers) {
    std::lock_guard lock(mutex_);
    for (auto& dossier : dossiers) {
        dossier["SoThuTu"] = portal_dossiers_.size() + 1;
        portal_dossiers_.push_back(std::move(dossier));
    }
    return portal_dossiers_.size();
}

json::array PortalState::PortalDossiersAfter(std::int64_t after, std::size_t limit) const {
    std::lock_guard lock(mutex_);
    json::array result;
    // SoThuTu n is at index n - 1.
    const auto first = static_cast<std::size_t>(std::max<std::int64_t>(after, 0));
    for (std::size_t i = first; i < portal_dossiers_.size() && result.size() < limit; ++i) {
        result.emplace_back(portal_dossiers_[i]);
    }
    return result;
}

void PortalState::Reset() {
    std::lock_guard lock(mutex_);
    dossiers_.clear();
    orphan_steps_.clear();
    applied_keys_.clear();
    portal_dossiers_.clear();
    total_steps_ = 0;
    counters_.Reset();
    by_service_.Reset();
}

}  // namespace motcua::sim::dvcqg
