// Receipts and refunds in the service layer (docs/payments.md §4, §7): a dossier owing a phí and
// a lệ phí, paid in two parts at the desk: each payment's receipts split phí from lệ phí, phí
// first; a refund is the collecting desk's, once.
#include "services/payments/receipts.hpp"

#include <gtest/gtest.h>

#include "common/time_format.hpp"
#include "services/payments/refunds.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_sqlite_database.hpp"
#include "support/test_actors.hpp"

namespace motcua::services {
namespace {

// A lệ phí of 50,000 per dossier and a phí of 10,000 per copy.
constexpr const char* kProcedures = R"({"fields": [{"code": "civil_status", "name_vi": "Hộ tịch"}],
  "procedures": [{"code": "P1", "national_code": "2.000635", "name_vi": "Trích lục hộ tịch",
    "field": "civil_status", "level": "commune", "competent_agency": null, "receiving_agency": null,
    "online_level": "full", "processing_time": {"amount": 3, "unit": "working_days"},
    "fees": [{"kind": "fee", "name_vi": "Lệ phí trích lục", "name_en": "Extract fee", "amount_vnd": 50000},
             {"kind": "charge", "name_vi": "Phí bản sao", "name_en": "Copy charge", "amount_vnd": 10000,
              "basis": "per_copy"}],
    "components": [{"code": "TK", "name_vi": "Tờ khai", "originals": 1, "copies": 0, "required": true}],
    "steps": [{"name_vi": "Tiếp nhận", "role": "clerk", "share_percent": 10},
    {"name_vi": "Xử lý", "role": "specialist", "share_percent": 60},
    {"name_vi": "Ký", "role": "head", "share_percent": 30}],
    "result": {"kind": "document", "name_vi": "Bản trích lục"}, "applicant_kinds": ["citizen"],
    "legal_basis": [], "version": 1, "effective_from": "2024-07-01"}]})";

using testing::TestOfficer;

class ReceiptsTest : public ::testing::Test {
protected:
    void SetUp() override {
        clock_.Set(*ParseRfc3339("2025-03-03T09:00:00+07:00"));
        ASSERT_TRUE(catalog_.Load().HasValue());
        ASSERT_TRUE(catalog_.ImportAgencies(system_, testing::kTwoWardAgencies).HasValue());
        ASSERT_TRUE(catalog_.ImportProcedures(system_, kProcedures).HasValue());
    }

    /// A dossier of two copies (70,000 đồng due), accepted, paid at the desk in `parts`; the
    /// ledger ids of the payments.
    std::vector<std::int64_t> PaidInParts(std::initializer_list<std::int64_t> parts) {
        NewDossier request;
        request.procedure_code = "P1";
        request.agency = "H32.1.01";
        request.fee_request.copies = 2;
        auto created = dossiers_.Submit(citizen_, request);
        EXPECT_TRUE(created.HasValue());
        code_ = created.Value().dossier.code;
        domain::ActionInput accept;
        accept.action = domain::DossierAction::kAccept;
        EXPECT_TRUE(dossiers_.Act(clerk_, code_, accept).HasValue());
        for (const std::int64_t amount : parts) {
            domain::ActionInput pay;
            pay.action = domain::DossierAction::kPay;
            pay.payment_channel = "desk";
            pay.amount = amount;
            auto paid = dossiers_.Act(clerk_, code_, pay);
            EXPECT_TRUE(paid.HasValue()) << (paid ? "" : paid.GetError().code);
        }
        std::vector<std::int64_t> ids;
        EXPECT_TRUE(database_.Get()
                        .Read([&](storage::Transaction& t) -> Outcome<Done> {
                            storage::LedgerFilter filter;
                            filter.agency = "H32.1.01";
                            MOTCUA_ASSIGN_OR_RETURN(const auto rows,
                                                    t.Payments().ListEntries(filter));
                            for (const auto& row : rows) {
                                ids.push_back(row.id);
                            }
                            return Done{};
                        })
                        .HasValue());
        return ids;
    }

    testing::TempSqliteDatabase database_;
    testing::FakeClock clock_;
    CatalogService catalog_{database_.Get(), clock_};
    StaticDeadlineSource deadlines_;
    DossierService dossiers_{database_.Get(), catalog_, deadlines_, clock_, {}};
    PaymentReceipts receipts_{database_.Get(), catalog_, dossiers_};
    PaymentRefunds refunds_{database_.Get(), catalog_, clock_};
    const domain::Actor system_ = domain::Actor::System("test");
    const domain::Actor citizen_ = testing::TestCitizen(1, "056095001234");
    const domain::Actor clerk_ = TestOfficer(2, domain::Role::kClerk, "H32.1");
    const domain::Actor other_clerk_ = TestOfficer(4, domain::Role::kClerk, "H32.2");
    std::string code_;
};

TEST_F(ReceiptsTest, EachPartPaysPhiFirstAndGetsAReceiptPerKind) {
    const auto ids = PaidInParts({30000, 40000});
    ASSERT_EQ(ids.size(), 2U);
    const auto first = receipts_.Read(citizen_, ids[0]);
    ASSERT_TRUE(first.HasValue()) << first.GetError().code;
    ASSERT_EQ(first.Value().receipts.size(), 2U);
    const Receipt& phi = first.Value().receipts[0];
    const Receipt& le_phi = first.Value().receipts[1];
    EXPECT_EQ(phi.kind, "charge");
    EXPECT_EQ(phi.total, 20000);
    EXPECT_EQ(phi.total_in_words, "Hai mươi nghìn đồng");
    EXPECT_EQ(phi.number, "BL" + std::string(7 - std::to_string(ids[0]).size(), '0') +
                              std::to_string(ids[0]) + "-P");
    EXPECT_EQ(le_phi.kind, "fee");
    EXPECT_EQ(le_phi.total, 10000);
    EXPECT_EQ(le_phi.lines.at(0).name, "Lệ phí trích lục");
    const auto second = receipts_.Read(clerk_, ids[1]);
    ASSERT_TRUE(second.HasValue());
    ASSERT_EQ(second.Value().receipts.size(), 1U);
    EXPECT_EQ(second.Value().receipts[0].kind, "fee");
    EXPECT_EQ(second.Value().receipts[0].total, 40000);
    EXPECT_EQ(second.Value().receipts[0].total_in_words, "Bốn mươi nghìn đồng");
    EXPECT_EQ(second.Value().payer_name, "Nguyễn Văn An");
    // Another ward's desk does not see the dossier.
    EXPECT_EQ(receipts_.Read(other_clerk_, ids[0]).GetError().code, "dossier_not_found");
}

TEST_F(ReceiptsTest, ARefundIsTheCollectingDesksAndIsMadeOnce) {
    const auto ids = PaidInParts({70000});
    ASSERT_EQ(ids.size(), 1U);
    const domain::RefundClaim claim{.amount = 50000, .reason = "Hồ sơ bị từ chối"};
    EXPECT_EQ(refunds_.Refund(other_clerk_, ids[0], claim).GetError().code, "forbidden");
    EXPECT_EQ(refunds_.Refund(citizen_, ids[0], claim).GetError().code, "forbidden");
    const auto refunded = refunds_.Refund(clerk_, ids[0], claim);
    ASSERT_TRUE(refunded.HasValue()) << refunded.GetError().code;
    EXPECT_EQ(refunded.Value().kind, "refund");
    EXPECT_EQ(refunded.Value().refund_of, ids[0]);
    EXPECT_EQ(refunded.Value().amount, 50000);
    EXPECT_EQ(refunded.Value().business_date, "2025-03-03");
    EXPECT_EQ(refunds_.Refund(clerk_, ids[0], claim).GetError().code, "already_refunded");
    EXPECT_EQ(refunds_.Refund(clerk_, refunded.Value().id, claim).GetError().code,
              "payment_not_found");
    const auto read = receipts_.Read(citizen_, ids[0]);
    ASSERT_TRUE(read.HasValue());
    EXPECT_EQ(read.Value().refunded, 50000);
    EXPECT_EQ(receipts_.Read(citizen_, refunded.Value().id).GetError().code, "payment_not_found");
}

}  // namespace
}  // namespace motcua::services
