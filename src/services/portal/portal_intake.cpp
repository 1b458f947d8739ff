#include "services/portal/portal_intake.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "common/time_format.hpp"
#include "services/access/access_check.hpp"
#include "services/audit/audit_entry.hpp"
#include "services/portal/catalogue_diff.hpp"
#include "services/portal/portal_records_json.hpp"

namespace motcua::services {
namespace {

constexpr int kMaxReviewPage = 200;
constexpr std::string_view kDossierCursor = "submitted_dossiers";

// Failures that say the dossier's data does not fit (it goes to review), as opposed to a
// failure of the database or a conflict with another writer (tried again on the next run).
bool IsAboutTheData(const Error& error) {
    switch (error.kind) {
        case ErrorKind::kUnavailable:
        case ErrorKind::kConflict:
        case ErrorKind::kRateLimited:
            return false;
        default:
            return true;
    }
}

std::string DescribeRefusal(const Error& error) {
    return error.param.empty() ? error.code : error.code + ": " + error.param;
}

Error NotConnected() { return MakeError(ErrorKind::kConflict, "portal_not_connected"); }

Error ReviewItemNotFound(std::int64_t id) {
    return MakeError(ErrorKind::kNotFound, "portal_review_not_found", std::to_string(id));
}

}  // namespace

PortalIntake::PortalIntake(storage::Database& database, DossierService& dossiers,
                           CatalogService& catalog, const Clock& clock, std::string connector,
                           NationalPortal* portal)
    : database_(database),
      dossiers_(dossiers),
      catalog_(catalog),
      clock_(clock),
      connector_(std::move(connector)),
      portal_(portal) {}

Outcome<DossierView> PortalIntake::Create(PortalDossier dossier) {
    const auto snapshot = catalog_.GetSnapshot();
    NewDossier request;
    const auto* procedure = FindByNationalCode(*snapshot, dossier.procedure_code);
    request.procedure_code = procedure ? procedure->code : dossier.procedure_code;
    request.agency = dossier.agency_code;
    if (request.agency.empty() && procedure != nullptr) {
        // No agency chosen on the portal: the procedure's own receiving (or competent) agency.
        request.agency = procedure->receiving_agency.empty() ? procedure->competent_agency
                                                             : procedure->receiving_agency;
    }
    request.channel = domain::Channel::kOnline;
    request.applicant = std::move(dossier.applicant);
    request.national_code = dossier.national_code;
    request.submitted_at = dossier.submitted_at;
    request.idempotency_key = connector_ + ":" + dossier.national_code;
    request.payload_json = boost::json::serialize(
        boost::json::object{{"national_code", dossier.national_code}, {"source", connector_}});
    return dossiers_.Submit(IntakeActor(), std::move(request));
}

Outcome<PortalIntake::Taken> PortalIntake::TakeIn(const PortalDossier& dossier,
                                                  const Instant& now) {
    auto created = Create(dossier);
    if (created) {
        return created.Value().created ? Taken::kCreated : Taken::kKnown;
    }
    if (!IsAboutTheData(created.GetError())) {
        return created.GetError();
    }
    storage::PortalReviewItem item;
    item.connector = connector_;
    item.kind = "dossier";
    item.code = dossier.national_code;
    item.change = "not_created";
    item.payload_json = PortalDossierJson(dossier);
    item.reason = DescribeRefusal(created.GetError());
    item.last_seen_at = FormatUtc(now);
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(auto queued, transaction.PortalInbox().Upsert(item));
        (void)queued;
        return Done{};
    }));
    return Taken::kQueued;
}

DossierPullSummary PortalIntake::PullDossiers(int max_pages) {
    DossierPullSummary summary;
    const std::string& connector = connector_;
    const std::string cursor_name(kDossierCursor);
    const auto store_cursor = [&](std::int64_t value) -> Outcome<Done> {
        return database_.Write([&](storage::Transaction& transaction) {
            return transaction.PortalInbox().SetCursor(connector, cursor_name, value);
        });
    };
    std::int64_t cursor = 0;
    auto read = database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(cursor,
                                transaction.PortalInbox().GetCursor(connector, cursor_name));
        return Done{};
    });
    const auto stop = [&](const Error& error) {
        summary.complete = false;
        summary.error = error.code + (error.detail.empty() ? "" : ": " + error.detail);
        summary.cursor = cursor;
        return summary;
    };
    if (!read) {
        return stop(read.GetError());
    }
    if (portal_ == nullptr) {
        return stop(NotConnected());
    }
    for (int page_number = 0; page_number < max_pages; ++page_number) {
        auto page = portal_->PullPortalDossiers(cursor);
        if (!page) {
            return stop(page.GetError());
        }
        ++summary.pages;
        summary.skipped += page.Value().skipped;
        const Instant now = clock_.Now();
        for (const auto& dossier : page.Value().dossiers) {
            if (dossier.seq <= cursor) {
                continue;  // The portal repeated one already taken in.
            }
            auto taken = TakeIn(dossier, now);
            if (!taken) {
                // Keep what was done: the dossiers before this one are in.
                if (auto stored = store_cursor(cursor); !stored) {
                    return stop(stored.GetError());
                }
                return stop(taken.GetError());
            }
            switch (taken.Value()) {
                case Taken::kCreated:
                    ++summary.created;
                    break;
                case Taken::kKnown:
                    ++summary.known;
                    break;
                case Taken::kQueued:
                    ++summary.queued;
                    break;
            }
            cursor = dossier.seq;
        }
        cursor = std::max(cursor, page.Value().last_seq);
        if (auto stored = store_cursor(cursor); !stored) {
            return stop(stored.GetError());
        }
        if (page.Value().dossiers.size() + static_cast<std::size_t>(page.Value().skipped) <
            kPortalDossierPageSize) {
            break;  // A short page: nothing more for now.
        }
    }
    summary.cursor = cursor;
    return summary;
}

CataloguePullSummary PortalIntake::PullCatalogue() {
    CataloguePullSummary summary;
    const auto fail = [&summary](const Error& error) {
        summary.complete = false;
        summary.error = error.code + (error.detail.empty() ? "" : ": " + error.detail);
        return summary;
    };
    if (portal_ == nullptr) {
        return fail(NotConnected());
    }
    auto pulled = portal_->PullCatalogue();
    if (!pulled) {
        return fail(pulled.GetError());
    }
    const PortalCatalogue& catalogue = pulled.Value();
    summary.procedures = static_cast<int>(catalogue.procedures.size());
    summary.agencies = static_cast<int>(catalogue.agencies.size());
    summary.skipped = catalogue.skipped;
    const auto differences = DiffCatalogue(*catalog_.GetSnapshot(), catalogue);
    summary.differences = static_cast<int>(differences.size());
    const std::string now = FormatUtc(clock_.Now());
    std::set<std::pair<std::string, std::string>> differing;
    for (const auto& difference : differences) {
        differing.emplace(difference.kind, difference.code);
    }
    int queued = 0;
    int resolved = 0;
    auto stored = database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        queued = resolved = 0;  // A retried transaction counts again.
        auto& inbox = transaction.PortalInbox();
        for (const auto& difference : differences) {
            storage::PortalReviewItem item{.connector = connector_,
                                           .kind = difference.kind,
                                           .code = difference.code,
                                           .change = difference.change,
                                           .payload_json = difference.payload_json,
                                           .reason = difference.reason,
                                           .last_seen_at = now};
            MOTCUA_ASSIGN_OR_RETURN(auto reopened, inbox.Upsert(item));
            queued += reopened ? 1 : 0;
        }
        // Pending catalogue items that no longer differ were settled in the catalogue itself.
        const auto actor = IntakeActor();
        for (const std::string kind : {"procedure", "agency"}) {
            storage::PortalReviewFilter filter{.connector = connector_,
                                               .kind = kind,
                                               .status = "pending",
                                               .limit = kMaxReviewPage};
            for (;;) {
                MOTCUA_ASSIGN_OR_RETURN(auto items, inbox.List(filter));
                for (const auto& item : items) {
                    if (!differing.contains({item.kind, item.code})) {
                        MOTCUA_RETURN_IF_ERROR(inbox.Decide(item.id, "accepted", actor.EventLogin(),
                                                            now, "the catalogue now matches"));
                        ++resolved;
                    }
                }
                if (items.size() < static_cast<std::size_t>(filter.limit)) {
                    break;
                }
                filter.after_id = items.back().id;
            }
        }
        return Done{};
    });
    if (!stored) {
        return fail(stored.GetError());
    }
    summary.queued = queued;
    summary.resolved = resolved;
    return summary;
}

Outcome<Done> PortalIntake::Authorize(const domain::Actor& actor, const std::string& action,
                                      const std::string& target) {
    auto snapshot = catalog_.GetSnapshot();
    return CheckAccess(database_, clock_, actor, domain::Permission::kManageOutbox,
                       {snapshot->GetRootCode(), 0}, MakeIsWithin(snapshot),
                       {action, "portal_review", target});
}

Outcome<DossierPullSummary> PortalIntake::PullDossiersNow(const domain::Actor& actor) {
    MOTCUA_RETURN_IF_ERROR(Authorize(actor, "portal.pull_dossiers", connector_));
    if (portal_ == nullptr) {
        return NotConnected();
    }
    auto summary = PullDossiers();
    MOTCUA_RETURN_IF_ERROR(RecordAudit(
        database_,
        MakeAuditEntry(clock_, actor, "portal.pull_dossiers", "portal_review", connector_,
                       summary.complete ? AuditOutcome::kOk : AuditOutcome::kFailed)));
    return summary;
}

Outcome<CataloguePullSummary> PortalIntake::PullCatalogueNow(const domain::Actor& actor) {
    MOTCUA_RETURN_IF_ERROR(Authorize(actor, "portal.pull_catalogue", connector_));
    if (portal_ == nullptr) {
        return NotConnected();
    }
    auto summary = PullCatalogue();
    MOTCUA_RETURN_IF_ERROR(RecordAudit(
        database_,
        MakeAuditEntry(clock_, actor, "portal.pull_catalogue", "portal_review", connector_,
                       summary.complete ? AuditOutcome::kOk : AuditOutcome::kFailed)));
    return summary;
}

Outcome<std::vector<std::pair<std::string, std::int64_t>>> PortalIntake::CountPending() {
    std::vector<std::pair<std::string, std::int64_t>> pending;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(pending, transaction.PortalInbox().CountPending(connector_));
        return Done{};
    }));
    return pending;
}

Outcome<ReviewPage> PortalIntake::ListReview(const domain::Actor& actor, const ReviewQuery& query) {
    MOTCUA_RETURN_IF_ERROR(Authorize(actor, "portal_review.list", query.kind));
    storage::PortalReviewFilter filter{.connector = connector_,
                                       .kind = query.kind,
                                       .status = query.status,
                                       .limit = std::clamp(query.limit, 1, kMaxReviewPage)};
    if (!query.cursor.empty()) {
        const auto* end = query.cursor.data() + query.cursor.size();
        if (query.cursor.front() != 'a' ||
            std::from_chars(query.cursor.data() + 1, end, filter.after_id).ptr != end ||
            filter.after_id <= 0) {
            return MakeError(ErrorKind::kInvalid, "invalid_parameter", "cursor");
        }
    }
    ReviewPage page;
    auto asked = filter;
    asked.limit = filter.limit + 1;  // One more tells whether another page follows.
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(page.items, transaction.PortalInbox().List(asked));
        MOTCUA_ASSIGN_OR_RETURN(page.pending,
                                transaction.PortalInbox().CountPending(filter.connector));
        return AppendAudit(transaction,
                           MakeAuditEntry(clock_, actor, "portal_review.list", "portal_review",
                                          query.kind, AuditOutcome::kOk));
    }));
    if (page.items.size() > static_cast<std::size_t>(filter.limit)) {
        page.items.resize(static_cast<std::size_t>(filter.limit));
        page.next_cursor = "a" + std::to_string(page.items.back().id);
    }
    return page;
}

Outcome<storage::PortalReviewItem> PortalIntake::Decide(const domain::Actor& actor, std::int64_t id,
                                                        const ReviewDecision& decision) {
    const std::string action = decision.accept ? "portal_review.accept" : "portal_review.dismiss";
    MOTCUA_RETURN_IF_ERROR(Authorize(actor, action, std::to_string(id)));
    if (decision.note.size() > 1000) {
        return MakeError(ErrorKind::kInvalid, "invalid_parameter", "note");
    }
    std::optional<storage::PortalReviewItem> item;
    MOTCUA_RETURN_IF_ERROR(database_.Read([&](storage::Transaction& transaction) -> Outcome<Done> {
        MOTCUA_ASSIGN_OR_RETURN(item, transaction.PortalInbox().FindForUpdate(id));
        return Done{};
    }));
    if (!item.has_value() || item->connector != connector_) {
        return ReviewItemNotFound(id);
    }
    if (item->status != "pending") {
        return MakeError(ErrorKind::kConflict, "portal_review_decided", item->status);
    }
    std::string note = decision.note;
    if (decision.accept && item->kind == "dossier") {
        // Accepting a portal dossier creates it; the same key makes a repeat harmless.
        auto dossier = ParsePortalDossierJson(item->payload_json);
        if (!dossier) {
            return MakeError(ErrorKind::kConflict, "portal_review_unreadable", std::to_string(id));
        }
        if (!decision.agency.empty()) {
            dossier->agency_code = decision.agency;
        }
        if (!decision.procedure.empty()) {
            dossier->procedure_code = decision.procedure;
        }
        MOTCUA_ASSIGN_OR_RETURN(auto created, Create(std::move(*dossier)));
        note = created.dossier.code + (note.empty() ? "" : " — " + note);
    }
    const std::string now = FormatUtc(clock_.Now());
    const std::string status = decision.accept ? "accepted" : "dismissed";
    MOTCUA_RETURN_IF_ERROR(database_.Write([&](storage::Transaction& transaction) -> Outcome<Done> {
        auto& inbox = transaction.PortalInbox();
        MOTCUA_ASSIGN_OR_RETURN(auto current, inbox.FindForUpdate(id));
        if (!current.has_value() || current->status != "pending") {
            return MakeError(ErrorKind::kConflict, "portal_review_decided",
                             current.has_value() ? current->status : "");
        }
        MOTCUA_RETURN_IF_ERROR(inbox.Decide(id, status, actor.EventLogin(), now, note));
        MOTCUA_ASSIGN_OR_RETURN(item, inbox.FindForUpdate(id));
        return AppendAudit(transaction, MakeAuditEntry(clock_, actor, action, "portal_review",
                                                       std::to_string(id), AuditOutcome::kOk));
    }));
    return item.value();
}

}  // namespace motcua::services
