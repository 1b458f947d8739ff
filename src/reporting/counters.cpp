#include "reporting/counters.hpp"

namespace motcua::reporting {

namespace {

std::int64_t One(bool fact) { return fact ? 1 : 0; }

// One judgement per period kind: `holds(last day of the received day's period)`.
template <typename Holds>
PeriodEndCounts AtPeriodEnds(const DossierFacts& facts, Holds holds) {
    auto at = [&](PeriodKind kind) {
        return One(holds(Period::Containing(kind, facts.received_day).LastDay()));
    };
    return {at(PeriodKind::kMonth), at(PeriodKind::kQuarter), at(PeriodKind::kYear)};
}

bool ByDay(const std::optional<std::chrono::sys_days>& day, std::chrono::sys_days last_day) {
    return day && *day <= last_day;
}

}  // namespace

Counters Counts(const DossierFacts& facts) {
    Counters c;
    if (facts.refused) {
        c.refused = 1;
        return c;
    }
    if (!facts.received) {
        return c;
    }
    // Overdue at the end of the received day's month/quarter/year: the dossier turned overdue
    // on or before that period's last day.
    auto overdue_by = [&](std::chrono::sys_days last) { return ByDay(facts.overdue_from, last); };
    auto finished_by = [&](std::chrono::sys_days last) { return ByDay(facts.finished_on, last); };
    auto ended_by = [&](std::chrono::sys_days last) {
        return finished_by(last) || ByDay(facts.withdrawn_on, last) ||
               ByDay(facts.stopped_on, last);
    };
    const bool bad = facts.unsatisfied || facts.feedback;
    c.received = 1;
    c.overdue = AtPeriodEnds(facts, overdue_by);
    c.online = One(facts.online);
    c.online_counted = One(facts.online_counted);
    c.synced = One(facts.synced);
    c.fee_due = One(facts.fee_due);
    c.paid_online = One(facts.paid_online);
    c.document_result = One(facts.document_result);
    c.e_result_synced = One(facts.e_result_synced);
    c.digitized = One(facts.digitized);
    c.digitized_counted = One(facts.digitized_counted);
    c.reused = One(facts.reused);
    c.personal_store = One(facts.personal_store);
    c.citizen_data = One(facts.citizen_data);
    c.unsatisfied_or_feedback = One(bad);
    c.dissatisfied = AtPeriodEnds(facts, [&](auto last) { return bad || overdue_by(last); });
    c.received_desk = One(facts.channel == domain::Channel::kDesk);
    c.received_postal = One(facts.channel == domain::Channel::kPostal);
    c.finished = AtPeriodEnds(facts, finished_by);
    c.finished_late =
        AtPeriodEnds(facts, [&](auto last) { return finished_by(last) && overdue_by(last); });
    c.returned = AtPeriodEnds(facts, [&](auto last) { return ByDay(facts.returned_on, last); });
    c.withdrawn = AtPeriodEnds(facts, [&](auto last) { return ByDay(facts.withdrawn_on, last); });
    c.stopped = AtPeriodEnds(facts, [&](auto last) { return ByDay(facts.stopped_on, last); });
    c.running_overdue =
        AtPeriodEnds(facts, [&](auto last) { return !ended_by(last) && overdue_by(last); });
    return c;
}

Counters Delta(const DossierFacts& before, const DossierFacts& after) {
    return Counts(after) - Counts(before);
}

}  // namespace motcua::reporting
