// The audit log's hash chain: each record carries the HMAC-SHA-256 of its content and of the
// previous record's hash, keyed with a secret kept outside the database. Editing, inserting or
// deleting any row breaks the chain from that row on, and without the key the chain cannot be
// recomputed. The first record's previous hash is kGenesisHash.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace motcua::domain {

inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";
inline constexpr std::size_t kAuditKeyBytes = 32;

/// One audit record: who did what to which record, when, from where, with what outcome.
struct AuditRecord {
    std::int64_t seq = 0;
    std::string at;  // RFC 3339 UTC instant with microseconds.
    std::int64_t actor_id = 0;
    std::string actor_login;
    std::string action;  // e.g. "auth.login", "account.create", "dossier.read".
    std::string target_kind;
    std::string target_id;
    std::string remote_address;
    std::string outcome;  // "ok", "denied" or "failed".
    std::string detail;   // JSON object text, never a secret.
    std::string prev_hash;
    std::string hash;
};

/// Returns the lower-case hex HMAC-SHA-256 of `prev_hash` and every field of `record` but the
/// hashes, each field length-prefixed so that no two records serialise alike.
std::string ComputeAuditHash(std::string_view key, std::string_view prev_hash,
                             const AuditRecord& record);

/// The newest record of the chain: its sequence number and hash (0 and kGenesisHash when empty).
struct AuditHead {
    std::int64_t seq = 0;
    std::string hash{kGenesisHash};
};

/// Chains `records` (in order) after `head`: fills in each one's seq, prev_hash and hash, and
/// returns the new head. Pure: the storage takes the head, calls this, and writes the records.
AuditHead ChainAuditRecords(std::string_view key, AuditHead head, std::span<AuditRecord> records);

/// Checks records fed in sequence order; remembers the first break.
class AuditChainVerifier {
public:
    explicit AuditChainVerifier(std::string key) : key_(std::move(key)) {}
    /// Checks the next record; returns false at the first break (and for every later call).
    bool Feed(const AuditRecord& record);
    /// Checks that the chain ends at the recorded head (detects deleted trailing rows).
    bool Finish(std::int64_t head_seq, std::string_view head_hash);
    /// The sequence number and reason of the first break, if any.
    std::optional<std::pair<std::int64_t, std::string>> GetFailure() const { return failure_; }
    std::int64_t GetCount() const { return count_; }

private:
    std::string key_;
    std::string previous_hash_{kGenesisHash};
    std::int64_t previous_seq_ = 0;
    std::int64_t count_ = 0;
    std::optional<std::pair<std::int64_t, std::string>> failure_;
};

}  // namespace motcua::domain
