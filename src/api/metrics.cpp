#include "api/metrics.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace motcua::api {

Metrics::Metrics(std::vector<std::string> route_names)
    : route_names_(std::move(route_names)),
      counters_(std::make_unique<RouteCounters[]>(route_names_.size())) {}

void Metrics::Record(std::size_t route, int status, std::chrono::microseconds latency) {
    if (route >= route_names_.size()) {
        return;
    }
    auto& counters = counters_[route];
    std::size_t status_slot = kStatuses.size();
    for (std::size_t i = 0; i < kStatuses.size(); ++i) {
        if (kStatuses[i] == status) {
            status_slot = i;
            break;
        }
    }
    counters.by_status[status_slot].fetch_add(1, std::memory_order_relaxed);
    const double seconds = static_cast<double>(latency.count()) / 1e6;
    std::size_t bucket = kBucketsSeconds.size();
    for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
        if (seconds <= kBucketsSeconds[i]) {
            bucket = i;
            break;
        }
    }
    counters.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
    counters.latency_sum_us.fetch_add(static_cast<std::uint64_t>(latency.count()),
                                      std::memory_order_relaxed);
}

void Metrics::RecordOverdueRun(bool finished, int marked, std::int64_t at_unix_seconds) {
    if (!finished) {
        overdue_runs_failed_.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    overdue_runs_ok_.fetch_add(1, std::memory_order_relaxed);
    overdue_marked_.fetch_add(static_cast<std::uint64_t>(std::max(0, marked)),
                              std::memory_order_relaxed);
    overdue_last_success_.store(at_unix_seconds, std::memory_order_relaxed);
}

void Metrics::RecordRefusal(std::string_view code) {
    for (std::size_t i = 0; i < kRefusalCodes.size(); ++i) {
        if (kRefusalCodes[i] == code) {
            refusals_[i].fetch_add(1, std::memory_order_relaxed);
            return;
        }
    }
}

std::string Metrics::RenderPrometheus() const {
    std::string out;
    out += "# HELP motcua_limit_refusals_total Requests refused by a limit, by problem code.\n";
    out += "# TYPE motcua_limit_refusals_total counter\n";
    for (std::size_t i = 0; i < kRefusalCodes.size(); ++i) {
        out += fmt::format("motcua_limit_refusals_total{{code=\"{}\"}} {}\n", kRefusalCodes[i],
                           refusals_[i].load(std::memory_order_relaxed));
    }
    out += "# HELP motcua_http_requests_total HTTP requests answered, by route and status.\n";
    out += "# TYPE motcua_http_requests_total counter\n";
    for (std::size_t route = 0; route < route_names_.size(); ++route) {
        const auto& counters = counters_[route];
        for (std::size_t i = 0; i <= kStatuses.size(); ++i) {
            const auto count = counters.by_status[i].load(std::memory_order_relaxed);
            if (count == 0) {
                continue;
            }
            const std::string status =
                i < kStatuses.size() ? std::to_string(kStatuses[i]) : "other";
            out += fmt::format("motcua_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n",
                               route_names_[route], status, count);
        }
    }
    out += "# HELP motcua_http_request_duration_seconds Time to answer a request, by route.\n";
    out += "# TYPE motcua_http_request_duration_seconds histogram\n";
    for (std::size_t route = 0; route < route_names_.size(); ++route) {
        const auto& counters = counters_[route];
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i <= kBucketsSeconds.size(); ++i) {
            cumulative += counters.buckets[i].load(std::memory_order_relaxed);
            const std::string bound = i < kBucketsSeconds.size()
                                          ? fmt::format("{}", kBucketsSeconds[i])
                                          : std::string("+Inf");
            out += fmt::format(
                "motcua_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                route_names_[route], bound, cumulative);
        }
        out += fmt::format("motcua_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n",
                           route_names_[route],
                           static_cast<double>(counters.latency_sum_us.load()) / 1e6);
        out += fmt::format("motcua_http_request_duration_seconds_count{{route=\"{}\"}} {}\n",
                           route_names_[route], cumulative);
    }
    out += "# HELP motcua_overdue_job_runs_total Runs of the overdue job in this process.\n";
    out += "# TYPE motcua_overdue_job_runs_total counter\n";
    out += fmt::format("motcua_overdue_job_runs_total{{outcome=\"ok\"}} {}\n",
                       overdue_runs_ok_.load(std::memory_order_relaxed));
    out += fmt::format("motcua_overdue_job_runs_total{{outcome=\"failed\"}} {}\n",
                       overdue_runs_failed_.load(std::memory_order_relaxed));
    out += "# HELP motcua_overdue_marked_total Dossiers this process recorded as overdue.\n";
    out += "# TYPE motcua_overdue_marked_total counter\n";
    out += fmt::format("motcua_overdue_marked_total {}\n",
                       overdue_marked_.load(std::memory_order_relaxed));
    out +=
        "# HELP motcua_overdue_job_last_success_seconds When the overdue job last finished "
        "(Unix time; 0 before its first run).\n";
    out += "# TYPE motcua_overdue_job_last_success_seconds gauge\n";
    out += fmt::format("motcua_overdue_job_last_success_seconds {}\n",
                       overdue_last_success_.load(std::memory_order_relaxed));
    return out;
}

}  // namespace motcua::api
