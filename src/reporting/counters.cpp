#include "reporting/counters.hpp"

namespace motcua::reporting {

namespace {

// Applies `op` to every field pair; one list keeps +=, -= and the zero test in step.
template <typename Op>
void ForEachField(Counters& a, const Counters& b, Op op) {
    op(a.received, b.received);
    op(a.overdue.month, b.overdue.month);
    op(a.overdue.quarter, b.overdue.quarter);
    op(a.overdue.year, b.overdue.year);
    op(a.online, b.online);
    op(a.online_counted, b.online_counted);
    op(a.synced, b.synced);
    op(a.fee_due, b.fee_due);
    op(a.paid_online, b.paid_online);
    op(a.document_result, b.document_result);
    op(a.e_result_synced, b.e_result_synced);
    op(a.digitized, b.digitized);
    op(a.digitized_counted, b.digitized_counted);
    op(a.reused, b.reused);
    op(a.personal_store, b.personal_store);
    op(a.citizen_data, b.citizen_data);
    op(a.unsatisfied_or_feedback, b.unsatisfied_or_feedback);
    op(a.dissatisfied.month, b.dissatisfied.month);
    op(a.dissatisfied.quarter, b.dissatisfied.quarter);
    op(a.dissatisfied.year, b.dissatisfied.year);
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

bool IsZero(const Counters& counters) { return counters == Counters{}; }

Counters Counts(const DossierFacts& facts) {
    Counters c;
    if (!facts.received) {
        return c;
    }
    // Overdue at the end of the received day's month/quarter/year: the dossier turned overdue
    // on or before that period's last day.
    auto overdue_at_end_of = [&](PeriodKind kind) {
        return facts.overdue_from &&
               *facts.overdue_from <= Period::Containing(kind, facts.received_day).LastDay();
    };
    const bool bad = facts.unsatisfied || facts.feedback;
    c.received = 1;
    c.overdue = {One(overdue_at_end_of(PeriodKind::kMonth)),
                 One(overdue_at_end_of(PeriodKind::kQuarter)),
                 One(overdue_at_end_of(PeriodKind::kYear))};
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
    c.dissatisfied = {One(bad || c.overdue.month == 1), One(bad || c.overdue.quarter == 1),
                      One(bad || c.overdue.year == 1)};
    return c;
}

Counters Delta(const DossierFacts& before, const DossierFacts& after) {
    return Counts(after) - Counts(before);
}

}  // namespace motcua::reporting
