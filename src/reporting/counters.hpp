// Indicator counters: integer sums of dossier facts, kept per (agency, procedure, received day)
// and added over days, agencies (subtrees) and procedures. Every fact is attributed to the
// dossier's received day (NgayTiepNhan), the cohort key of every 766 metric, so a period's
// figures are the sum of its days. The one period-end judgement — "on time or within time at the
// period's end" (docs/domain.md §1.4, 2.1) — is stored three times, once per period kind: whether
// the dossier was overdue at the end of its received day's month, quarter and year. A month query
// sums the month's days and reads the month-end field, and so on; a dossier that turns overdue
// later updates the fields of its received day when that happens (the overdue job's
// `mark_overdue` event), so counters answer "as of now" for the open period too.
//
// The monthly report (render/monthly_report.hpp) reads the same cells: how the period's cohort
// stood at the period's end — finished (on time or late), returned, withdrawn, stopped, still
// in progress and overdue — is stored as period-end judgements too. A dossier refused at
// reception was never received; it is counted (`refused` only) on the day of the refusal.
#pragma once

#include "domain/indicators/counters.hpp"
#include "reporting/dossier_facts.hpp"
#include "reporting/period.hpp"

namespace motcua::reporting {

using domain::CounterField;
using domain::CounterFields;
using domain::Counters;
using domain::IsZero;
using domain::PeriodEndCounts;

/// Returns the counters of one dossier (all zero when it was never received or refused).
Counters Counts(const DossierFacts& facts);

/// Returns what to add to the counters of `after`'s received day when a dossier's facts change
/// from `before` to `after` (both of the same dossier; `before` default-constructed for a new
/// one). The received day never changes once set, so one cell is updated.
Counters Delta(const DossierFacts& before, const DossierFacts& after);

}  // namespace motcua::reporting
