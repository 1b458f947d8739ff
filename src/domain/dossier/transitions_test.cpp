// Every status × every action: the expected outcome is written out here independently of the
// table in transitions.hpp, so that a change to the machine must change this test too.
#include "domain/dossier/transitions.hpp"

#include <map>
#include <string>

#include <gtest/gtest.h>

namespace motcua::domain {
namespace {

// status code → {action name → target status code}; anything not listed is refused.
const std::map<int, std::map<std::string, int>> kExpected = {
    {1,
     {{"accept", 2},
      {"refuse", 3},
      {"stop", 8},
      {"withdraw", 7},
      {"reuse", 1},
      {"attach", 1},
      {"sync_ack", 1},
      {"feedback", 1}}},
    {2,
     {{"forward", 4},
      {"request_supplement", 5},
      {"pay", 2},
      {"extend", 2},
      {"finish", 9},
      {"stop", 8},
      {"withdraw", 7},
      {"digitize", 2},
      {"reuse", 2},
      {"mark_overdue", 2},
      {"sync_ack", 2},
      {"feedback", 2}}},
    {3, {{"sync_ack", 3}, {"feedback", 3}}},
    {4,
     {{"forward", 4},
      {"return_step", 4},
      {"approve", 4},
      {"request_supplement", 5},
      {"request_payment", 6},
      {"pay", 4},
      {"extend", 4},
      {"finish", 9},
      {"stop", 8},
      {"withdraw", 7},
      {"digitize", 4},
      {"reuse", 4},
      {"issue_e_result", 4},
      {"mark_overdue", 4},
      {"sync_ack", 4},
      {"feedback", 4}}},
    {5,
     {{"supplement", 4},
      {"stop", 8},
      {"withdraw", 7},
      {"digitize", 5},
      {"attach", 5},
      {"sync_ack", 5},
      {"feedback", 5}}},
    {6,
     {{"pay", 4},
      {"stop", 8},
      {"withdraw", 7},
      {"mark_overdue", 6},
      {"sync_ack", 6},
      {"feedback", 6}}},
    {7, {{"sync_ack", 7}, {"feedback", 7}}},
    {8, {{"sync_ack", 8}, {"feedback", 8}}},
    {9,
     {{"return_result", 10}, {"issue_e_result", 9}, {"rate", 9}, {"sync_ack", 9}, {"feedback", 9}}},
    {10, {{"issue_e_result", 10}, {"rate", 10}, {"sync_ack", 10}, {"feedback", 10}}},
};

TEST(DossierTransitions, EveryStatusAndActionPairBehavesAsSpecified) {
    int checked = 0;
    for (const auto status : kAllStatuses) {
        const auto& allowed = kExpected.at(StatusCode(status));
        for (const auto action : kAllActions) {
            const auto next = NextStatus(status, action);
            const auto expected = allowed.find(ActionName(action));
            if (expected == allowed.end()) {
                ASSERT_FALSE(next.HasValue())
                    << StatusName(status) << " × " << ActionName(action) << " should be refused";
                EXPECT_EQ(next.GetError().kind, ErrorKind::kInvalidTransition);
                EXPECT_EQ(next.GetError().code, "invalid_transition");
            } else {
                ASSERT_TRUE(next.HasValue())
                    << StatusName(status) << " × " << ActionName(action) << " should be allowed";
                EXPECT_EQ(StatusCode(next.Value()), expected->second)
                    << StatusName(status) << " × " << ActionName(action);
            }
            ++checked;
        }
        EXPECT_EQ(AllowedActions(status).size(), allowed.size()) << StatusName(status);
    }
    EXPECT_EQ(checked, 10 * 24);
}

TEST(DossierTransitions, OnlySubmitAndReceiveCreateADossier) {
    for (const auto action : kAllActions) {
        const auto created = NextStatus(std::nullopt, action);
        if (action == DossierAction::kSubmit) {
            EXPECT_EQ(created.Value(), DossierStatus::kSubmitted);
        } else if (action == DossierAction::kReceive) {
            EXPECT_EQ(created.Value(), DossierStatus::kReceived);
        } else {
            EXPECT_FALSE(created.HasValue()) << ActionName(action);
        }
    }
}

TEST(DossierTransitions, NamesAndCodesRoundTrip) {
    for (const auto action : kAllActions) {
        EXPECT_EQ(ParseAction(ActionName(action)), action);
    }
    for (const auto status : kAllStatuses) {
        EXPECT_EQ(StatusFromCode(StatusCode(status)), status);
        EXPECT_STRNE(StatusNameVi(status), "");
    }
    EXPECT_FALSE(StatusFromCode(0));
    EXPECT_FALSE(StatusFromCode(11));
    EXPECT_FALSE(ParseAction("approve_everything"));
}

TEST(DossierTransitions, TerminalStatusesAcceptNoLifecycleAction) {
    for (const auto status : kAllStatuses) {
        if (!IsTerminal(status)) {
            continue;
        }
        for (const auto action : AllowedActions(status)) {
            EXPECT_EQ(NextStatus(status, action).Value(), status) << ActionName(action);
        }
    }
}

}  // namespace
}  // namespace motcua::domain
