// /api/v1/outbox: what MotCua sent or is about to send to each national system, for the
// province administrator (docs/connectors.md §3): list, one message with what went over the
// wire, retry a dead message, skip one that can never go.
#pragma once

#include <string>

#include "api/api_context.hpp"

namespace motcua::api::outbox {

Response ListOutbox(ApiContext& context, const Request& request);
Response GetOutboxMessage(ApiContext& context, const Request& request, const std::string& id);
/// POST …/{id}/retry (`retry` true) and POST …/{id}/skip.
Response SettleOutboxMessage(ApiContext& context, const Request& request, const std::string& id,
                             bool retry);

}  // namespace motcua::api::outbox
