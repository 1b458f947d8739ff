// Indicator counters: integer sums of dossier facts, kept per (agency, procedure, received day)
// and added over days, agencies (subtrees) and procedures. Every fact is attributed to the
// dossier's received day (NgayTiepNhan), the cohort key of every 766 metric, so a period's
// figures are the sum of its days. The one period-end judgement — "on time or within time at the
// period's end" (docs/domain.md §1.4, §2.1) — is stored three times, once per period kind: whether
// the dossier was overdue at the end of its received day's month, quarter and year. A month query
// sums the month's days and reads the month-end field, and so on; a dossier that turns overdue
// later updates the fields of its received day when that happens (the overdue job's
// `mark_overdue` event), so counters answer "as of now" for the open period too.
//
// The monthly report (reporting/render/monthly_report.hpp) reads the same cells: how the period's
// cohort stood at the period's end — finished (on time or late), returned, withdrawn, stopped,
// still in progress and overdue — is stored as period-end judgements too. A dossier refused at
// reception was never received; it is counted (`refused` only) on the day of the refusal.
// These cell types are shared by reporting/ (which computes them from dossier facts) and
// storage/ (which keeps them per agency × procedure × day and month).
#pragma once

#include <cstdint>
#include <span>

#include "domain/indicators/period_kind.hpp"

namespace motcua::domain {

/// Period-end judgements, one per period kind.
struct PeriodEndCounts {
    std::int64_t month = 0;
    std::int64_t quarter = 0;
    std::int64_t year = 0;

    std::int64_t For(PeriodKind kind) const;
    friend bool operator==(const PeriodEndCounts&, const PeriodEndCounts&) = default;
};

/// Sums over the dossiers received on one day (or any set of days, agencies, procedures).
/// Negative values occur only in deltas (Counts(after) − Counts(before)).
struct Counters {
    std::int64_t received = 0;
    PeriodEndCounts overdue;           // Overdue at period end (2.1; 5.4).
    std::int64_t online = 0;           // Received online.
    std::int64_t online_counted = 0;   // 3.3 numerator.
    std::int64_t synced = 0;           // 1.4 numerator.
    std::int64_t fee_due = 0;          // 3.6 denominator.
    std::int64_t paid_online = 0;      // 3.6 numerator.
    std::int64_t document_result = 0;  // 4.1 denominator.
    std::int64_t e_result_synced = 0;  // 4.1 numerator.
    std::int64_t digitized = 0;
    std::int64_t digitized_counted = 0;  // 4.2 numerator.
    std::int64_t reused = 0;             // 4.3 numerator.
    std::int64_t personal_store = 0;     // 4.4 numerator.
    std::int64_t citizen_data = 0;       // 4.5b numerator.
    std::int64_t unsatisfied_or_feedback = 0;
    PeriodEndCounts dissatisfied;  // Unsatisfied, with PAKN, or overdue at period end (5.4).
    // Monthly report (báo cáo tình hình giải quyết TTHC).
    std::int64_t received_desk = 0;    // Trực tiếp.
    std::int64_t received_postal = 0;  // Qua bưu chính công ích.
    std::int64_t refused = 0;          // Không được tiếp nhận (keyed by the refusal day).
    PeriodEndCounts finished;          // Đã xử lý xong by the period's end.
    PeriodEndCounts finished_late;     // … and overdue (quá hạn).
    PeriodEndCounts returned;          // Đã trả kết quả by the period's end.
    PeriodEndCounts withdrawn;         // Rút hồ sơ by the period's end.
    PeriodEndCounts stopped;           // Dừng xử lý by the period's end.
    PeriodEndCounts running_overdue;   // Not ended at the period's end and overdue then.

    Counters& operator+=(const Counters& other);
    Counters& operator-=(const Counters& other);
    friend Counters operator+(Counters a, const Counters& b) { return a += b; }
    friend Counters operator-(Counters a, const Counters& b) { return a -= b; }
    friend bool operator==(const Counters&, const Counters&) = default;
};

/// One stored counter: its column name and its field. The list is the single mapping that the
/// arithmetic, the stores and the migrations' column lists follow.
struct CounterField {
    const char* column;
    std::int64_t Counters::*plain = nullptr;      // A plain counter, or
    PeriodEndCounts Counters::*judged = nullptr;  // one period kind of a period-end judgement.
    std::int64_t PeriodEndCounts::*kind = nullptr;

    std::int64_t& Of(Counters& counters) const {
        return plain != nullptr ? counters.*plain : (counters.*judged).*kind;
    }
    std::int64_t Of(const Counters& counters) const {
        return plain != nullptr ? counters.*plain : (counters.*judged).*kind;
    }
};

/// Every counter, in storage column order.
std::span<const CounterField> CounterFields();

/// Returns true when every field is zero.
bool IsZero(const Counters& counters);

}  // namespace motcua::domain
