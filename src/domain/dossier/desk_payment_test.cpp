// The method and reference of a payment at the desk (docs/payments.md §4).
#include "domain/dossier/desk_payment.hpp"

#include <string>

#include <gtest/gtest.h>

namespace motcua::domain {
namespace {

ActionInput DeskPay(std::string method, std::string reference) {
    ActionInput input;
    input.action = DossierAction::kPay;
    input.payment_channel = "desk";
    input.amount = 8000;
    input.payment_method = std::move(method);
    input.payment_reference = std::move(reference);
    return input;
}

std::string RefusedField(const Outcome<Done>& checked) {
    return checked ? std::string() : checked.GetError().param;
}

TEST(DeskPayment, CashNeedsNoReference) {
    EXPECT_TRUE(CheckDeskPayment(DeskPay("", "")));
    EXPECT_TRUE(CheckDeskPayment(DeskPay("cash", "")));
    EXPECT_TRUE(CheckDeskPayment(DeskPay("cash", "BL-0001/2026")));
}

TEST(DeskPayment, CardAndTransferNameTheirReference) {
    EXPECT_EQ(RefusedField(CheckDeskPayment(DeskPay("card", ""))), "reference");
    EXPECT_EQ(RefusedField(CheckDeskPayment(DeskPay("transfer", ""))), "reference");
    EXPECT_TRUE(CheckDeskPayment(DeskPay("card", "POS-000123")));
    EXPECT_TRUE(CheckDeskPayment(DeskPay("transfer", "FT26340.7_x")));
}

TEST(DeskPayment, RefusesOtherMethodsAndOddReferences) {
    EXPECT_EQ(RefusedField(CheckDeskPayment(DeskPay("cheque", "1"))), "method");
    EXPECT_EQ(RefusedField(CheckDeskPayment(DeskPay("transfer", "FT 2634"))), "reference");
    EXPECT_EQ(RefusedField(CheckDeskPayment(DeskPay("card", "số-1"))), "reference");
    EXPECT_EQ(RefusedField(CheckDeskPayment(DeskPay("card", std::string(65, '7')))), "reference");
    EXPECT_TRUE(CheckDeskPayment(DeskPay("card", std::string(64, '7'))));
    EXPECT_EQ(CheckDeskPayment(DeskPay("cheque", "")).GetError().code, "invalid_action_field");
}

}  // namespace
}  // namespace motcua::domain
