#include "domain/catalog/fee_due.hpp"

#include <gtest/gtest.h>

namespace motcua::domain {
namespace {

// Certification of copies: 2,000 đồng a copy (lệ phí), a 10,000 đồng charge (phí) per dossier
// that poor households do not pay.
Procedure CopyCertification() {
    Procedure procedure;
    procedure.fees.push_back({.kind = FeeKind::kFee,
                              .name_vi = "Lệ phí chứng thực",
                              .name_en = "Certification fee",
                              .amount_vnd = 2000,
                              .code = "LP01",
                              .basis = FeeBasis::kPerCopy});
    procedure.fees.push_back({.kind = FeeKind::kCharge,
                              .name_vi = "Phí dịch vụ",
                              .name_en = "Service charge",
                              .amount_vnd = 10000,
                              .code = "P01",
                              .exemptions = {{"poor_household", "Hộ nghèo", "Poor household"}}});
    return procedure;
}

TEST(FeeDueTest, PerCopyFeesCountTheCopiesAndPerDossierFeesOnce) {
    const auto due = ComputeFeeDue(CopyCertification(), {.copies = 3, .exemption = ""});
    ASSERT_TRUE(due.HasValue());
    ASSERT_EQ(due.Value().lines.size(), 2U);
    EXPECT_EQ(due.Value().lines[0].quantity, 3);
    EXPECT_EQ(due.Value().lines[0].amount, 6000);
    EXPECT_EQ(due.Value().lines[1].quantity, 1);
    EXPECT_EQ(due.Value().lines[1].amount, 10000);
    EXPECT_EQ(due.Value().fees, 6000);
    EXPECT_EQ(due.Value().charges, 10000);
    EXPECT_EQ(due.Value().total, 16000);
}

TEST(FeeDueTest, AnExemptionWaivesOnlyTheFeesThatOfferIt) {
    const auto due =
        ComputeFeeDue(CopyCertification(), {.copies = 2, .exemption = "poor_household"});
    ASSERT_TRUE(due.HasValue());
    EXPECT_FALSE(due.Value().lines[0].exempt);
    EXPECT_EQ(due.Value().lines[0].amount, 4000);
    EXPECT_TRUE(due.Value().lines[1].exempt);
    EXPECT_EQ(due.Value().lines[1].amount, 0);
    EXPECT_EQ(due.Value().charges, 0);
    EXPECT_EQ(due.Value().total, 4000);
}

TEST(FeeDueTest, OneCopyAndNoExemptionIsTheProcedureFeeTotal) {
    const auto procedure = CopyCertification();
    const auto due = ComputeFeeDue(procedure, {});
    ASSERT_TRUE(due.HasValue());
    EXPECT_EQ(due.Value().total, procedure.FeeTotal());
}

TEST(FeeDueTest, CopiesOutOfRangeAndUnknownExemptionsAreRefused) {
    const auto procedure = CopyCertification();
    for (const int copies : {0, -1, kMaxCopies + 1}) {
        const auto due = ComputeFeeDue(procedure, {.copies = copies, .exemption = ""});
        ASSERT_FALSE(due.HasValue()) << copies;
        EXPECT_EQ(due.GetError().code, "invalid_fee_request");
        EXPECT_EQ(due.GetError().param, "copies");
    }
    EXPECT_TRUE(ComputeFeeDue(procedure, {.copies = kMaxCopies, .exemption = ""}).HasValue());
    const auto unknown = ComputeFeeDue(procedure, {.copies = 1, .exemption = "veteran"});
    ASSERT_FALSE(unknown.HasValue());
    EXPECT_EQ(unknown.GetError().param, "exemption");
}

TEST(FeeDueTest, AFeeFreeProcedureOwesNothing) {
    const auto due = ComputeFeeDue(Procedure{}, {.copies = 5, .exemption = ""});
    ASSERT_TRUE(due.HasValue());
    EXPECT_TRUE(due.Value().lines.empty());
    EXPECT_EQ(due.Value().total, 0);
}

TEST(FeeDueTest, ExemptionCodesAreLowerCaseWordsOfAtMost64) {
    EXPECT_TRUE(IsExemptionCode("poor_household"));
    EXPECT_TRUE(IsExemptionCode("child_under_6"));
    EXPECT_FALSE(IsExemptionCode(""));
    EXPECT_FALSE(IsExemptionCode("Poor"));
    EXPECT_FALSE(IsExemptionCode("hộ_nghèo"));
    EXPECT_FALSE(IsExemptionCode(std::string(65, 'a')));
}

}  // namespace
}  // namespace motcua::domain
