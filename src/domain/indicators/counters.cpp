#include "domain/indicators/counters.hpp"

namespace motcua::domain {

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

}  // namespace motcua::domain
