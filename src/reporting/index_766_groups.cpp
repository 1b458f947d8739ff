// Groups 4–6 of the 766 index: online payment, digitisation, satisfaction. Rules:
// docs/domain.md §1.3, §1.4.
#include <algorithm>

#include "reporting/metric_builder.hpp"

namespace motcua::reporting {

namespace {

double D(std::int64_t value) { return static_cast<double>(value); }

}  // namespace

// Observed: 6·A + min(2, 2.5·B) + 2.5·C (A = 3.6, B = procedures with an online payment,
// C = 3.5), each 0 when its denominator is 0; METRICS row 24: 10 × A.
GroupResult ScorePayment(const IndexInputs& in, const Counters& total, const ScoringOptions& o) {
    GroupResult group{GroupCode::kOnlinePayment, 0, 0, 0, {}};
    const auto has_fee = [](const ProcedureRollup& p) { return p.profile.has_fee; };
    const Tally b = CountProcedures(in.procedures, has_fee, [](const ProcedureRollup& p) {
        return p.counters.paid_online > 0;
    });
    const Tally c = CountProcedures(
        in.procedures, has_fee, [](const ProcedureRollup& p) { return p.counters.fee_due > 0; });
    const bool row24 = o.payment == PaymentFormula::kMetricsRow24;
    const double a_max = row24 ? 10 : 6;
    group.metrics.push_back(RatioMetric("ONLINE_PAYMENT_DOSSIER", "3.6", D(total.paid_online),
                                        D(total.fee_due), a_max, o, 0,
                                        [a_max](double r) { return a_max * r / 100.0; }));
    group.metrics.push_back(RatioMetric(
        "ONLINE_PAYMENT_FORMALITY", "3.5b", D(b.numerator), D(b.denominator), row24 ? 0 : 2, o, 0,
        [row24](double r) { return row24 ? 0.0 : std::min(2.0, 2.5 * r / 100.0); }));
    group.metrics.push_back(RatioMetric(
        "FEE_FORMALITY_ON_PORTAL", "3.5", D(c.numerator), D(c.denominator), row24 ? 0 : 2.5, o, 0,
        [row24](double r) { return row24 ? 0.0 : 2.5 * r / 100.0; }));
    return group;
}

GroupResult ScoreDigitization(const IndexInputs& in, const Counters& total,
                              const ScoringOptions& o) {
    GroupResult group{GroupCode::kDigitization, 0, 0, 0, {}};
    const double received = D(total.received);
    group.metrics.push_back(RatioMetric("ORIGINAL_RESULT_AVAILABLE", "4.1",
                                        D(total.e_result_synced), D(total.document_result), 6, o, 0,
                                        Linear(6)));
    const bool threshold = o.digitization == DigitizationScoring::kDocumentedThreshold;
    group.metrics.push_back(
        RatioMetric("SO_HOA_GIAY_TO_GIAI_QUYET", "4.2", D(total.digitized_counted), received, 4, o,
                    0, threshold ? std::function<double(double)>(Threshold(4, 80)) : Linear(4)));
    group.metrics.push_back(RatioMetric("REUSED_DIGITIZED_DATA", "4.3", D(total.reused), received,
                                        2, o, 0, Threshold(2, 80)));
    group.metrics.push_back(RatioMetric("SYNCED_WITH_DVCQG_PERSONAL_STORAGE", "4.4",
                                        D(total.personal_store), received, 4, o, 0, Linear(4)));
    if (in.scope == ScopeLevel::kCommune) {
        group.metrics.push_back(NoDataMetric("CITIZEN_DATA_CONNECTED_FORMALITY", "4.5a", 2,
                                             "not applicable to communes"));
    } else {
        const Tally formality = CountProcedures(
            in.procedures, [](const ProcedureRollup& p) { return p.profile.citizen_applicants; },
            [](const ProcedureRollup& p) { return p.counters.citizen_data > 0; });
        group.metrics.push_back(RatioMetric("CITIZEN_DATA_CONNECTED_FORMALITY", "4.5a",
                                            D(formality.numerator), D(formality.denominator), 2, o,
                                            0, Linear(2)));
    }
    group.metrics.push_back(RatioMetric("CITIZEN_DATA_CONNECTED_DOSSIER", "4.5b",
                                        D(total.citizen_data), received, 2, o, 0, Linear(2)));
    if (in.scope == ScopeLevel::kCommune || !in.certified_copy_communes) {
        group.metrics.push_back(NoDataMetric(
            "ELECTRONIC_CERTIFIED_COPY", "row 13", 2,
            in.scope == ScopeLevel::kCommune ? "not applicable to communes" : "input absent"));
    } else {
        group.metrics.push_back(RatioMetric(
            "ELECTRONIC_CERTIFIED_COPY", "row 13", D(in.certified_copy_communes->numerator),
            D(in.certified_copy_communes->denominator), 2, o, 0, Linear(2)));
    }
    return group;
}

GroupResult ScoreSatisfaction(const IndexInputs& in, const Counters& total,
                              const ScoringOptions& o) {
    GroupResult group{GroupCode::kSatisfaction, 0, 0, 0, {}};
    const PeriodKind kind = in.period.kind;
    // "No PAKN" under the split reading: both PAKN denominators are 0.
    const bool split = o.petition_empty == PetitionEmpty::kSplitPoints && in.petitions &&
                       in.petitions->processing_on_time.denominator == 0 &&
                       in.petitions->handling_satisfaction.denominator == 0;
    const double on_time_max = split ? 9 : 6;
    const double handling_max = split ? 0 : 6;
    const double receiving_max = split ? 9 : 6;
    if (!in.petitions) {
        group.metrics.push_back(
            NoDataMetric("PETITION_PROCESSING_ON_TIME", "5.2", 6, "PAKN input absent"));
        group.metrics.push_back(
            NoDataMetric("PETITION_HANDLING_SATISFACTION", "5.3", 6, "PAKN input absent"));
    } else {
        const Tally& on_time = in.petitions->processing_on_time;
        const Tally& handling = in.petitions->handling_satisfaction;
        group.metrics.push_back(RatioMetric("PETITION_PROCESSING_ON_TIME", "5.2",
                                            D(on_time.numerator), D(on_time.denominator),
                                            on_time_max, o, on_time_max, Linear(on_time_max)));
        group.metrics.push_back(RatioMetric("PETITION_HANDLING_SATISFACTION", "5.3",
                                            D(handling.numerator), D(handling.denominator),
                                            handling_max, o, handling_max, Linear(handling_max)));
        if (split) {
            group.metrics[0].note = group.metrics[1].note = "no PAKN: 5.3 points split 3 + 3";
        }
    }
    // 5.4: dossiers neither rated unsatisfied, nor with a PAKN, nor overdue at period end.
    const double received = D(total.received);
    double satisfied = received - D(total.dissatisfied.For(kind));
    if (o.receiving_satisfaction == ReceivingSatisfaction::kRateSum) {
        satisfied =
            std::max(0.0, received - D(total.overdue.For(kind)) - D(total.unsatisfied_or_feedback));
    }
    group.metrics.push_back(RatioMetric("DOSSIER_RECEIVING_SATISFACTION", "5.4", satisfied,
                                        received, receiving_max, o, 0,
                                        Threshold(receiving_max, 90)));
    return group;
}

}  // namespace motcua::reporting
