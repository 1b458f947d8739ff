#include "reporting/counters.hpp"

namespace motcua::reporting {

namespace {

// The storage column order; 0005 and 0006 create the columns under these names.
const CounterField kFields[] = {
    {"received", &Counters::received},
    {"overdue_month", nullptr, &Counters::overdue, &PeriodEndCounts::month},
    {"overdue_quarter", nullptr, &Counters::overdue, &PeriodEndCounts::quarter},
    {"overdue_year", nullptr, &Counters::overdue, &PeriodEndCounts::year},
    {"online", &Counters::online},
    {"online_counted", &Counters::online_counted},
    {"synced", &Counters::synced},
    {"fee_due", &Counters::fee_due},
    {"paid_online", &Counters::paid_online},
    {"document_result", &Counters::document_result},
    {"e_result_synced", &Counters::e_result_synced},
    {"digitized", &Counters::digitized},
    {"digitized_counted", &Counters::digitized_counted},
    {"reused", &Counters::reused},
    {"personal_store", &Counters::personal_store},
    {"citizen_data", &Counters::citizen_data},
    {"unsatisfied_or_feedback", &Counters::unsatisfied_or_feedback},
    {"dissatisfied_month", nullptr, &Counters::dissatisfied, &PeriodEndCounts::month},
    {"dissatisfied_quarter", nullptr, &Counters::dissatisfied, &PeriodEndCounts::quarter},
    {"dissatisfied_year", nullptr, &Counters::dissatisfied, &PeriodEndCounts::year},
    {"received_desk", &Counters::received_desk},
    {"received_postal", &Counters::received_postal},
    {"refused", &Counters::refused},
    {"finished_month", nullptr, &Counters::finished, &PeriodEndCounts::month},
    {"finished_quarter", nullptr, &Counters::finished, &PeriodEndCounts::quarter},
    {"finished_year", nullptr, &Counters::finished, &PeriodEndCounts::year},
    {"finished_late_month", nullptr, &Counters::finished_late, &PeriodEndCounts::month},
    {"finished_late_quarter", nullptr, &Counters::finished_late, &PeriodEndCounts::quarter},
    {"finished_late_year", nullptr, &Counters::finished_late, &PeriodEndCounts::year},
    {"returned_month", nullptr, &Counters::returned, &PeriodEndCounts::month},
    {"returned_quarter", nullptr, &Counters::returned, &PeriodEndCounts::quarter},
    {"returned_year", nullptr, &Counters::returned, &PeriodEndCounts::year},
    {"withdrawn_month", nullptr, &Counters::withdrawn, &PeriodEndCounts::month},
    {"withdrawn_quarter", nullptr, &Counters::withdrawn, &PeriodEndCounts::quarter},
    {"withdrawn_year", nullptr, &Counters::withdrawn, &PeriodEndCounts::year},
    {"stopped_month", nullptr, &Counters::stopped, &PeriodEndCounts::month},
    {"stopped_quarter", nullptr, &Counters::stopped, &PeriodEndCounts::quarter},
    {"stopped_year", nullptr, &Counters::stopped, &PeriodEndCounts::year},
    {"running_overdue_month", nullptr, &Counters::running_overdue, &PeriodEndCounts::month},
    {"running_overdue_quarter", nullptr, &Counters::running_overdue, &PeriodEndCounts::quarter},
    {"running_overdue_year", nullptr, &Counters::running_overdue, &PeriodEndCounts::year},
};

// Applies `op` to every field pair; one list keeps +=, -= and the zero test in step.
template <typename Op>
void ForEachField(Counters& a, const Counters& b, Op op) {
    for (const CounterField& field : kFields) {
        op(field.Of(a), field.Of(b));
    }
}

std::int64_t One(bool fact) { return fact ? 1 : 0; }

}  // namespace

std::int64_t PeriodEndCounts::For(PeriodKind kind) const {
    switch (kind) {
        case PeriodKind::kMonth:
            return month;
        case PeriodKind::kQuarter:
            return quarter;
        case PeriodKind::kYear:
            return year;
    }
    return month;
}

Counters& Counters::operator+=(const Counters& other) {
    ForEachField(*this, other, [](std::int64_t& a, std::int64_t b) { a += b; });
    return *this;
}

Counters& Counters::operator-=(const Counters& other) {
    ForEachField(*this, other, [](std::int64_t& a, std::int64_t b) { a -= b; });
    return *this;
}

std::span<const CounterField> CounterFields() { return kFields; }

bool IsZero(const Counters& counters) { return counters == Counters{}; }

namespace {

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
