// The two v1 calls over WitnessState. received_at is the wall clock in UTC: the witness, not the
// client, says when it first saw an anchor.
#include "simulators/witness/witness.hpp"

#include <boost/json.hpp>

#include "simulators/common/json_body.hpp"
#include "simulators/witness/bodies.hpp"
#include "simulators/witness/utc_time.hpp"

namespace motcua::sim::witness {

namespace json = boost::json;

SimReply ErrorReply(int status, std::string_view code, std::string_view message) {
    return JsonReply({{"error", code}, {"message", message}}, status);
}

WitnessRoutes::WitnessRoutes(WitnessState& state) : state_(state) {}

SimReply WitnessRoutes::Invalid(const std::string& message) {
    state_.Count(counter::kInvalid);
    return ErrorReply(400, "invalid", message);
}

SimReply WitnessRoutes::Record(const SimRequest& request) {
    AnchorCall call;
    if (auto error = ParseAnchorCall(request.body, call)) {
        return Invalid(*error);
    }
    const auto outcome =
        state_.Record(call.source, {.seq = call.seq,
                                    .hash = std::move(call.hash),
                                    .anchored_at = std::move(call.anchored_at),
                                    .received_at = FormatUtc(std::chrono::system_clock::now())});
    switch (outcome.result) {
        case RecordResult::kRecorded:
            return JsonReply({{"status", "recorded"}, {"received_at", outcome.held.received_at}},
                             201);
        case RecordResult::kHeld:
            return JsonReply({{"status", "held"}, {"received_at", outcome.held.received_at}});
        case RecordResult::kConflict:
            break;
    }
    // History was rewritten: the held anchor stays as it was, and the answer says what it is.
    const std::string seq = std::to_string(call.seq);
    return JsonReply({{"error", "conflict"},
                      {"held_hash", outcome.held.hash},
                      {"message", "Nguồn " + call.source + " đã được neo dòng " + seq +
                                      " với mã băm khác (seq " + seq + " of " + call.source +
                                      " is held with another hash)"}},
                     409);
}

SimReply WitnessRoutes::List(const SimRequest& request) {
    ListCall call;
    if (auto error = ParseListCall(request.body, call)) {
        return Invalid(*error);
    }
    const AnchorPage page =
        state_.List(call.source, call.after_seq, static_cast<std::size_t>(call.limit));
    json::array anchors;
    anchors.reserve(page.anchors.size());
    for (const HeldAnchor& anchor : page.anchors) {
        anchors.emplace_back(AnchorJson(anchor));
    }
    return JsonReply({{"anchors", std::move(anchors)}, {"more", page.more}});
}

}  // namespace motcua::sim::witness
