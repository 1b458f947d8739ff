// How a payment at the desk was made (docs/payments.md §4): cash, or a card or a bank transfer,
// which carry the terminal slip's or the transfer's reference.
#pragma once

#include "common/outcome.hpp"
#include "domain/dossier/lifecycle.hpp"

namespace motcua::domain {

/// The method and reference of a `pay` at the desk: method cash (or empty), card or transfer;
/// the reference 1–64 of A–Z a–z 0–9 . _ / -, required for card and transfer. kInvalid
/// "invalid_action_field" naming `method` or `reference`.
Outcome<Done> CheckDeskPayment(const ActionInput& input);

}  // namespace motcua::domain
