#include "domain/audit/audit_chain.hpp"

#include <vector>

#include <gtest/gtest.h>

namespace motcua::domain {
namespace {

const std::string kKey(kAuditKeyBytes, 'k');

std::vector<AuditRecord> Chain(int count) {
    std::vector<AuditRecord> records;
    std::string previous(kGenesisHash);
    for (int i = 1; i <= count; ++i) {
        AuditRecord record;
        record.seq = i;
        record.at = "2026-11-26T10:00:0" + std::to_string(i) + ".000000Z";
        record.actor_id = 5;
        record.actor_login = "clerk.bnt";
        record.action = "dossier.read";
        record.target_kind = "dossier";
        record.target_id = "H32.22333-261126-000" + std::to_string(i);
        record.remote_address = "127.0.0.1";
        record.outcome = "ok";
        record.detail = "{}";
        record.prev_hash = previous;
        record.hash = ComputeAuditHash(kKey, previous, record);
        previous = record.hash;
        records.push_back(record);
    }
    return records;
}

bool Verify(const std::vector<AuditRecord>& records, std::int64_t head_seq,
            const std::string& head_hash, std::int64_t* failed_seq = nullptr) {
    AuditChainVerifier verifier(kKey);
    for (const auto& record : records) {
        verifier.Feed(record);
    }
    const bool ok = verifier.Finish(head_seq, head_hash);
    if (!ok && failed_seq != nullptr) {
        *failed_seq = verifier.GetFailure()->first;
    }
    return ok;
}

TEST(AuditChain, IntactChainVerifies) {
    const auto records = Chain(5);
    EXPECT_TRUE(Verify(records, 5, records.back().hash));
}

TEST(AuditChain, AlteredFieldIsFoundAtItsRow) {
    auto records = Chain(5);
    records[2].target_id = "H32.22333-261126-9999";
    std::int64_t failed = 0;
    EXPECT_FALSE(Verify(records, 5, records.back().hash, &failed));
    EXPECT_EQ(failed, 3);
}

TEST(AuditChain, DeletedMiddleAndTrailingRowsAreFound) {
    auto records = Chain(5);
    const auto head = records.back().hash;
    auto middle = records;
    middle.erase(middle.begin() + 1);
    std::int64_t failed = 0;
    EXPECT_FALSE(Verify(middle, 5, head, &failed));
    EXPECT_EQ(failed, 3);
    auto trailing = records;
    trailing.pop_back();
    EXPECT_FALSE(Verify(trailing, 5, head, &failed));
}

TEST(AuditChain, ADifferentKeyGivesADifferentHash) {
    const auto records = Chain(1);
    EXPECT_NE(ComputeAuditHash(std::string(kAuditKeyBytes, 'x'), kGenesisHash, records[0]),
              records[0].hash);
}

TEST(AuditChain, ChainingABatchContinuesFromTheHeadAndVerifies) {
    auto first = Chain(2);
    // The same content chained after the first two records, in two batches.
    auto rest = Chain(5);
    for (auto& record : rest) {
        record.seq = 0;
        record.prev_hash.clear();
        record.hash.clear();
    }
    std::span<AuditRecord> batch(rest);
    AuditHead head{2, first.back().hash};
    head = ChainAuditRecords(kKey, head, batch.subspan(2, 1));
    head = ChainAuditRecords(kKey, head, batch.subspan(3, 2));
    EXPECT_EQ(head.seq, 5);
    EXPECT_EQ(rest[2].seq, 3);
    EXPECT_EQ(rest[2].prev_hash, first.back().hash);
    EXPECT_EQ(head.hash, rest[4].hash);
    std::vector<AuditRecord> whole = {first[0], first[1], rest[2], rest[3], rest[4]};
    EXPECT_TRUE(Verify(whole, 5, head.hash));
    // The same records chained from the genesis give Chain(5)'s hashes.
    auto again = Chain(5);
    std::vector<AuditRecord> fresh = again;
    ChainAuditRecords(kKey, AuditHead{}, fresh);
    EXPECT_EQ(fresh.back().hash, again.back().hash);
}

}  // namespace
}  // namespace motcua::domain
