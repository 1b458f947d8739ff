#include "reporting/index_766.hpp"

#include <algorithm>

#include "reporting/metric_builder.hpp"

namespace motcua::reporting {

double ThresholdScore(double max, double ratio_percent, double threshold_percent) {
    if (ratio_percent >= threshold_percent) {
        return max;
    }
    return std::max(0.0, ratio_percent * max / threshold_percent);
}

double LinearScore(double max, double ratio_percent) {
    return ThresholdScore(max, ratio_percent, 100.0);
}

double PaymentScore(double a, double b, double c) {
    return std::min(10.0, 6.0 * a + std::min(2.0, 2.5 * b) + 2.5 * c);
}

Counters Total(const std::vector<ProcedureRollup>& procedures) {
    Counters total;
    for (const auto& procedure : procedures) {
        total += procedure.counters;
    }
    return total;
}

namespace {

bool OffersOnline(const ProcedureRollup& p) {
    return p.profile.online_level != domain::OnlineLevel::kNone;
}

MetricResult TallyMetric(const char* code, const char* id, const std::optional<Tally>& tally,
                         double max, const ScoringOptions& options) {
    if (!tally) {
        return NoDataMetric(code, id, max, "input absent");
    }
    return RatioMetric(code, id, static_cast<double>(tally->numerator),
                       static_cast<double>(tally->denominator), max, options, 0, Linear(max));
}

// 1.4: synced / max(BCQG, DVCQG[, ours]); both 0 ⇒ previous year's BCQG total / 12, / 4 or / 1;
// no previous data ⇒ ratio 0 (docs/domain.md §1.4).
MetricResult SyncMetric(const IndexInputs& inputs, const Counters& total,
                        const ScoringOptions& options) {
    const char* code = "DOSSIER_SYNC";
    std::optional<double> denominator;
    for (const auto& national : {inputs.sync.bcqg_received, inputs.sync.dvcqg_received}) {
        if (national) {
            denominator = std::max(denominator.value_or(0.0), static_cast<double>(*national));
        }
    }
    switch (options.sync_denominator) {
        case SyncDenominator::kNationalOrLocal:
            denominator = std::max(denominator.value_or(0.0), static_cast<double>(total.received));
            break;
        case SyncDenominator::kNationalOnly:
            if (!denominator) {
                return NoDataMetric(code, "1.4", 6, "national received counts absent");
            }
            break;
    }
    const auto numerator = static_cast<double>(total.synced);
    if (*denominator > 0) {
        return RatioMetric(code, "1.4", numerator, *denominator, 6, options, 0, Linear(6));
    }
    const auto& previous = inputs.sync.previous_year_bcqg_total;
    if (previous && *previous > 0) {
        const double parts = inputs.period.kind == PeriodKind::kMonth     ? 12.0
                             : inputs.period.kind == PeriodKind::kQuarter ? 4.0
                                                                          : 1.0;
        MetricResult metric =
            RatioMetric(code, "1.4", numerator, static_cast<double>(*previous) / parts, 6, options,
                        0, Linear(6));
        metric.note = "denominator: previous year's BCQG total";
        return metric;
    }
    MetricResult metric = RatioMetric(code, "1.4", numerator, 0, 6, options, 0, Linear(6));
    if (metric.status == MetricStatus::kOk) {
        metric.ratio = 0.0;  // "no previous data ⇒ ratio 0".
        metric.note = "no national or previous-year data: ratio 0";
    }
    return metric;
}

GroupResult Transparency(const IndexInputs& in, const Counters& total, const ScoringOptions& o) {
    GroupResult group{GroupCode::kTransparency, 0, 0, 0, {}};
    const TransparencyInputs catalogue = in.transparency.value_or(TransparencyInputs{});
    group.metrics.push_back(TallyMetric("PUBLISH_ON_TIME", "1.1", catalogue.publish_on_time, 6, o));
    group.metrics.push_back(
        in.scope == ScopeLevel::kCommune
            ? NoDataMetric("PUBLIC_UPDATE_ON_TIME", "1.2", 4, "not applicable to communes")
            : TallyMetric("PUBLIC_UPDATE_ON_TIME", "1.2", catalogue.public_update_on_time, 4, o));
    group.metrics.push_back(
        TallyMetric("PUBLIC_CONTENT_FULL", "1.3", catalogue.public_content_full, 2, o));
    group.metrics.push_back(SyncMetric(in, total, o));
    return group;
}

// 2.1: (received − overdue at period end) / received; score 20 × on-time share.
GroupResult Progress(const IndexInputs& in, const Counters& total, const ScoringOptions& o) {
    GroupResult group{GroupCode::kProgress, 0, 0, 0, {}};
    const auto received = static_cast<double>(total.received);
    const auto overdue = static_cast<double>(total.overdue.For(in.period.kind));
    group.metrics.push_back(
        RatioMetric("PROGRESS_ON_TIME", "2.1", received - overdue, received, 20, o, 0, Linear(20)));
    return group;
}

GroupResult OnlineService(const IndexInputs& in, const Counters& total, double sync_fraction,
                          bool sync_ok, const ScoringOptions& o) {
    GroupResult group{GroupCode::kOnlineService, 0, 0, 0, {}};
    const bool documented = o.online_service == OnlineServiceFormula::kDocumentedThresholds;
    const auto all = [](const ProcedureRollup&) { return true; };
    const Tally provided = CountProcedures(in.procedures, all, OffersOnline);
    const Tally full = CountProcedures(in.procedures, all, [](const ProcedureRollup& p) {
        return p.profile.online_level == domain::OnlineLevel::kFull;
    });
    const Tally used = CountProcedures(in.procedures, OffersOnline, [](const ProcedureRollup& p) {
        return p.counters.online > 0;
    });
    auto provided_metric = [&](double max) {
        return RatioMetric(
            "ONLINE_SERVICE_PROVIDED", "3.1", static_cast<double>(provided.numerator),
            static_cast<double>(provided.denominator), max, o, 0, Threshold(max, 80));
    };
    group.metrics.push_back(documented ? provided_metric(6) : provided_metric(0));
    group.metrics.push_back(TrackingMetric("ONLINE_SERVICE_FULL_PROVIDED", "3.1",
                                           static_cast<double>(full.numerator),
                                           static_cast<double>(full.denominator), o));
    group.metrics.push_back(TrackingMetric("ONLINE_SERVICE_USED", "3.2",
                                           static_cast<double>(used.numerator),
                                           static_cast<double>(used.denominator), o));
    // 3.3: online share (with the e-result condition) × the 1.4 sync ratio.
    const double share_max = documented ? 6 : 0;
    if (!sync_ok) {
        group.metrics.push_back(
            NoDataMetric("ONLINE_DOSSIER_SHARE", "3.3", share_max, "sync ratio (1.4) absent"));
    } else {
        MetricResult share = RatioMetric(
            "ONLINE_DOSSIER_SHARE", "3.3", static_cast<double>(total.online_counted),
            static_cast<double>(total.received), share_max, o, 0, Threshold(share_max, 50));
        if (share.ratio) {
            share.ratio = *share.ratio * sync_fraction;
            share.score = ThresholdScore(share_max, *share.ratio, 50);
            share.note = "ratio × sync ratio (1.4)";
        }
        group.metrics.push_back(share);
    }
    // METRICS row 6 (province only): online dossiers of toàn trình procedures / their dossiers.
    const double row6_max = documented ? 0 : 12;
    if (in.scope == ScopeLevel::kCommune) {
        group.metrics.push_back(NoDataMetric("FULL_ONLINE_DOSSIER_SHARE", "row 6", row6_max,
                                             "not applicable to communes"));
    } else {
        Counters of_full;
        for (const auto& p : in.procedures) {
            if (p.profile.online_level == domain::OnlineLevel::kFull) {
                of_full += p.counters;
            }
        }
        group.metrics.push_back(
            RatioMetric("FULL_ONLINE_DOSSIER_SHARE", "row 6", static_cast<double>(of_full.online),
                        static_cast<double>(of_full.received), row6_max, o, 0, Linear(row6_max)));
    }
    return group;
}

}  // namespace

IndexResult ScoreIndex766(const IndexInputs& inputs, const ScoringOptions& options) {
    const Counters total = Total(inputs.procedures);
    IndexResult result;
    result.groups.push_back(Transparency(inputs, total, options));
    const MetricResult& sync = result.groups.back().metrics.back();
    const bool sync_ok = sync.status == MetricStatus::kOk;
    const double sync_fraction = std::min(1.0, sync.ratio.value_or(0.0) / 100.0);
    result.groups.push_back(Progress(inputs, total, options));
    result.groups.push_back(OnlineService(inputs, total, sync_fraction, sync_ok, options));
    result.groups.push_back(ScorePayment(inputs, total, options));
    result.groups.push_back(ScoreDigitization(inputs, total, options));
    result.groups.push_back(ScoreSatisfaction(inputs, total, options));
    for (auto& group : result.groups) {
        group.max_score = GroupMaxScore(group.code);
        for (const auto& metric : group.metrics) {
            if (metric.status == MetricStatus::kOk) {
                group.score += metric.score.value_or(0.0);
                group.scored_max += metric.max_score;
            }
        }
        // No group exceeds its declared maximum (matters for the payment formula's 10.5).
        group.score = std::min(group.score, group.max_score);
        result.total_score += group.score;
        result.max_score += group.max_score;
    }
    return result;
}

}  // namespace motcua::reporting
