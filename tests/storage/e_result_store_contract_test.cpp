// The contract of the electronic results' register every backend must keep
// (storage/e_result_store.hpp): a public id names one result, a dossier's results list newest
// first, and a result is revoked once — the first revocation stands.
#include <gtest/gtest.h>

#include "storage/storage_backends.hpp"

namespace motcua::storage {
namespace {

template <typename Backend>
using EResultContract = testing::StorageContract<Backend>;
TYPED_TEST_SUITE(EResultContract, testing::StorageBackends, testing::BackendName);

EResult Result(std::string public_id, std::int64_t dossier_id = 7) {
    return {.public_id = std::move(public_id),
            .dossier_id = dossier_id,
            .dossier_code = "H32.01-261207-0001",
            .agency = "H32.01",
            .title = "Trích lục khai sinh",
            .sha256 = std::string(64, 'a'),
            .size = 48213,
            .key_number = 2,
            .signer_subject = "CN=UBND phường Hạc Thành,O=MotCua,C=VN",
            .signer_issuer = "CN=MotCua demo CA,O=MotCua demo,C=VN",
            .signer_serial = "3F2A",
            .certificate_sha256 = std::string(64, 'b'),
            .not_before = "2026-12-06T00:00:00Z",
            .not_after = "2031-12-05T00:00:00Z",
            .signed_at = "2026-12-07T02:05:00.000000Z",
            .issued_by = "chuyenvien01"};
}

template <typename Db>
Outcome<std::int64_t> Insert(Db& db, const EResult& result) {
    std::int64_t id = 0;
    auto written = db.Write([&](Transaction& t) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(id, t.EResults().Insert(result));
        return Done{};
    });
    if (!written) {
        return written.GetError();
    }
    return id;
}

template <typename Db>
std::optional<EResult> Find(Db& db, const std::string& public_id) {
    std::optional<EResult> found;
    EXPECT_TRUE(db.Read([&](Transaction& t) -> Outcome<Done> {
                      MOTCUA_ASSIGN_OR_RETURN(found, t.EResults().FindByPublicId(public_id));
                      return Done{};
                  }).HasValue());
    return found;
}

TYPED_TEST(EResultContract, APublicIdNamesOneResultWithEveryFieldKept) {
    auto& db = this->Db();
    ASSERT_TRUE(Insert(db, Result("aaaaaaaaaaaaaaaaaaaaaaaaa2")).HasValue());
    const auto again = Insert(db, Result("aaaaaaaaaaaaaaaaaaaaaaaaa2", 8));
    ASSERT_FALSE(again.HasValue());
    EXPECT_EQ(again.GetError().code, "duplicate_result");
    const auto found = Find(db, "aaaaaaaaaaaaaaaaaaaaaaaaa2");
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->dossier_id, 7);
    EXPECT_EQ(found->title, "Trích lục khai sinh");
    EXPECT_EQ(found->size, 48213);
    EXPECT_EQ(found->key_number, 2);
    EXPECT_EQ(found->signer_subject, "CN=UBND phường Hạc Thành,O=MotCua,C=VN");
    EXPECT_EQ(found->revoked_at, "");
    EXPECT_FALSE(Find(db, "bbbbbbbbbbbbbbbbbbbbbbbbb2").has_value());
    std::optional<EResult> by_hash;
    ASSERT_TRUE(db.Read([&](Transaction& t) -> Outcome<Done> {
                      MOTCUA_ASSIGN_OR_RETURN(by_hash,
                                              t.EResults().FindBySha256(std::string(64, 'a')));
                      return Done{};
                  }).HasValue());
    ASSERT_TRUE(by_hash.has_value());
    EXPECT_EQ(by_hash->public_id, "aaaaaaaaaaaaaaaaaaaaaaaaa2");
}

TYPED_TEST(EResultContract, ADossiersResultsListNewestFirstAndARevocationIsRecordedOnce) {
    auto& db = this->Db();
    const auto first = Insert(db, Result("ccccccccccccccccccccccccc2", 9));
    const auto second = Insert(db, Result("ddddddddddddddddddddddddd2", 9));
    ASSERT_TRUE(first.HasValue() && second.HasValue());
    ASSERT_TRUE(Insert(db, Result("eeeeeeeeeeeeeeeeeeeeeeeee2", 10)).HasValue());
    std::vector<EResult> listed;
    ASSERT_TRUE(db.Read([&](Transaction& t) -> Outcome<Done> {
                      MOTCUA_ASSIGN_OR_RETURN(listed, t.EResults().OfDossier(9));
                      return Done{};
                  }).HasValue());
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[0].public_id, "ddddddddddddddddddddddddd2");
    EXPECT_EQ(listed[1].public_id, "ccccccccccccccccccccccccc2");
    std::vector<bool> revoked;
    for (const char* reason : {"Cấp nhầm", "Lần hai"}) {
        ASSERT_TRUE(db.Write([&](Transaction& t) -> Outcome<Done> {
                          MOTCUA_ASSIGN_OR_RETURN(
                              const bool done,
                              t.EResults().Revoke(first.Value(), "2026-12-08T03:00:00.000000Z",
                                                  "truongphong01", reason));
                          revoked.push_back(done);
                          return Done{};
                      }).HasValue());
    }
    EXPECT_EQ(revoked, (std::vector<bool>{true, false}));
    const auto found = Find(db, "ccccccccccccccccccccccccc2");
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->revoked_by, "truongphong01");
    EXPECT_EQ(found->revocation_reason, "Cấp nhầm");
}

}  // namespace
}  // namespace motcua::storage
