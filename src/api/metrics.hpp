// Metrics: request counts by route and status, latency histograms by route, and the overdue
// job's runs, kept in atomic counters (no lock on the request path) and rendered in the
// Prometheus text format at /metrics.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::api {

class Metrics {
public:
    /// `route_names` are the labels; requests are recorded by index into them.
    explicit Metrics(std::vector<std::string> route_names);

    /// Records one answered request.
    void Record(std::size_t route, int status, std::chrono::microseconds latency);
    /// Records one run of the overdue job: whether it finished, how many dossiers it marked, and
    /// when (Unix seconds) — an alert fires when the last success grows old.
    void RecordOverdueRun(bool finished, int marked, std::int64_t at_unix_seconds);
    /// Records an answer refused by a limit (its problem code): body or file too large, too many
    /// connections, uploads, submissions or sign-in attempts, a storage quota. Other codes are
    /// not counted.
    void RecordRefusal(std::string_view code);
    /// Returns the Prometheus text exposition of every counter.
    std::string RenderPrometheus() const;

    static constexpr std::array<double, 12> kBucketsSeconds{
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1.0};
    static constexpr std::array<std::string_view, 10> kRefusalCodes{
        "body_too_large",       "file_too_large",         "header_too_large",
        "too_many_attempts",    "too_many_uploads",       "too_many_connections",
        "too_many_submissions", "storage_quota_exceeded", "too_many_pages",
        "decompression_bomb"};
    static constexpr std::array<int, 16> kStatuses{200, 201, 204, 206, 304, 400, 401, 403,
                                                   404, 405, 409, 413, 429, 431, 500, 503};

private:
    struct RouteCounters {
        std::array<std::atomic<std::uint64_t>, kStatuses.size() + 1> by_status{};  // Last: other.
        std::array<std::atomic<std::uint64_t>, kBucketsSeconds.size() + 1> buckets{};
        std::atomic<std::uint64_t> latency_sum_us{0};
    };
    std::vector<std::string> route_names_;
    std::unique_ptr<RouteCounters[]> counters_;
    std::array<std::atomic<std::uint64_t>, kRefusalCodes.size()> refusals_{};
    std::atomic<std::uint64_t> overdue_runs_ok_{0};
    std::atomic<std::uint64_t> overdue_runs_failed_{0};
    std::atomic<std::uint64_t> overdue_marked_{0};
    std::atomic<std::int64_t> overdue_last_success_{0};
};

}  // namespace motcua::api
