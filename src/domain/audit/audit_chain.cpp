#include "domain/audit/audit_chain.hpp"

#include <sodium.h>

#include "common/assert.hpp"

namespace motcua::domain {
namespace {

void AppendField(std::string& out, std::string_view field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
}

}  // namespace

std::string ComputeAuditHash(std::string_view key, std::string_view prev_hash,
                             const AuditRecord& record) {
    MOTCUA_ASSERT(key.size() == kAuditKeyBytes, "the audit key is created with 32 bytes");
    const std::string seq = std::to_string(record.seq);
    const std::string actor_id = std::to_string(record.actor_id);
    std::string message;
    for (const std::string_view field :
         {prev_hash, std::string_view(seq), std::string_view(record.at), std::string_view(actor_id),
          std::string_view(record.actor_login), std::string_view(record.action),
          std::string_view(record.target_kind), std::string_view(record.target_id),
          std::string_view(record.remote_address), std::string_view(record.outcome),
          std::string_view(record.detail)}) {
        AppendField(message, field);
    }
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                                key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                  message.size());
    crypto_auth_hmacsha256_final(&state, mac);
    char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
    return hex;
}

bool AuditChainVerifier::Feed(const AuditRecord& record) {
    if (failure_) {
        return false;
    }
    ++count_;
    if (record.seq != previous_seq_ + 1) {
        failure_ = {record.seq, "sequence gap after " + std::to_string(previous_seq_) +
                                    " (a row was deleted or inserted)"};
    } else if (record.prev_hash != previous_hash_) {
        failure_ = {record.seq, "previous-hash link broken"};
    } else if (ComputeAuditHash(key_, record.prev_hash, record) != record.hash) {
        failure_ = {record.seq, "content does not match its hash (the row was altered)"};
    }
    previous_seq_ = record.seq;
    previous_hash_ = record.hash;
    return !failure_;
}

bool AuditChainVerifier::Finish(std::int64_t head_seq, std::string_view head_hash) {
    if (!failure_ && (head_seq != previous_seq_ || head_hash != previous_hash_)) {
        failure_ = {head_seq, "the chain ends at " + std::to_string(previous_seq_) +
                                  " but the recorded head is " + std::to_string(head_seq) +
                                  " (trailing rows were deleted or the head was altered)"};
    }
    return !failure_;
}

AuditHead ChainAuditRecords(std::string_view key, AuditHead head, std::span<AuditRecord> records) {
    for (auto& record : records) {
        record.seq = ++head.seq;
        record.prev_hash = std::move(head.hash);
        record.hash = ComputeAuditHash(key, record.prev_hash, record);
        head.hash = record.hash;
    }
    return head;
}

}  // namespace motcua::domain
