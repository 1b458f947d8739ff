// AuditStore: the append-only audit log. Append fills in the sequence number and the chain
// hashes (domain/audit/audit_chain.hpp); there is no way to change or delete a record.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/outcome.hpp"
#include "domain/audit/audit_chain.hpp"

namespace motcua::storage {

struct AuditFilter {
    std::int64_t actor_id = 0;  // 0: any.
    std::string action_prefix;
    std::string target_kind;
    std::string target_id;
    std::string from;             // RFC 3339, inclusive.
    std::string to;               // RFC 3339, exclusive.
    std::int64_t before_seq = 0;  // Cursor: records older than this; 0 = newest first.
    int limit = 50;
};

class AuditStore {
public:
    virtual ~AuditStore() = default;
    /// Appends `record`; its seq, prev_hash and hash are computed by the time the transaction
    /// commits (a backend may hold the record until then and take the chain's head last, so
    /// that concurrent writers wait on the head only through a commit). Records appended in one
    /// transaction keep their order; Query, Scan and GetHead see them.
    virtual Outcome<Done> Append(domain::AuditRecord record) = 0;
    /// Returns records matching `filter`, newest first.
    virtual Outcome<std::vector<domain::AuditRecord>> Query(const AuditFilter& filter) = 0;
    /// Calls `visit` for every record in sequence order; stops early when it returns false.
    virtual Outcome<Done> Scan(const std::function<bool(const domain::AuditRecord&)>& visit) = 0;
    /// Returns the recorded head of the chain: (seq, hash).
    virtual Outcome<std::pair<std::int64_t, std::string>> GetHead() = 0;
};

}  // namespace motcua::storage
