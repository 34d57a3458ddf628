package se.dikta.search;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.function.UnaryOperator;
import org.apache.lucene.search.IndexSearcher;
import se.dikta.audit.AuditEntry;
import se.dikta.audit.AuditLog;
import se.dikta.failure.DomainException;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.work.CpuPool;

/**
 * Searches notes for a signed-in user. The user's unit is bound into every search here, and only here:
 * callers describe what they look for, never whose notes.
 */
public final class SearchService {

    private final NoteIndexer indexer;
    private final SwedishNoteAnalyzer analyzer;
    private final SearchConfig config;
    private final WorkerExecutor searching;
    private final AuditLog audit;

    public SearchService(Vertx vertx, NoteIndexer indexer, SwedishNoteAnalyzer analyzer, SearchConfig config,
            AuditLog audit) {
        this.audit = audit;
        this.indexer = indexer;
        this.analyzer = analyzer;
        this.config = config;
        this.searching = CpuPool.create(vertx, "search");
    }

    /**
     * Runs a search on the search pool.
     *
     * @param request fills in the query, filters and page of a search already bound to the user's unit
     * @return the result, once its audit row (the query and the ids of the hits shown, never their text) is
     *         written; or a failed future with 400 (query or page not servable, with the reason), 403 (a role
     *         that reads no notes) or 503 (the index is being built, or the audit row cannot be written)
     */
    public Future<SearchResult> search(AuthUser user, UnaryOperator<NoteSearch.Builder> request) {
        if (!Role.NOTE_READERS.contains(user.role())) {
            return Future.failedFuture(DomainException.forbidden("Din roll har inte behörighet att söka i anteckningar"));
        }
        NoteSearch search;
        try {
            search = request.apply(NoteSearch.in(user.unitId()).size(config.defaultPageSize())).build();
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(DomainException.invalid("Ogiltig sökning: " + e.getMessage()));
        }
        if (search.size() > config.maxPageSize()) {
            return Future.failedFuture(DomainException.invalid("Högst " + config.maxPageSize() + " träffar per sida"));
        }
        NoteIndexer.State state = indexer.state();
        if (state != NoteIndexer.State.UP) {
            return Future.failedFuture(DomainException.unavailable(state == NoteIndexer.State.FAILED
                    ? "Sökningen fungerar inte just nu: sökindexet har fått ett fel. Kontakta systemförvaltaren."
                    : "Sökningen är inte tillgänglig just nu: sökindexet byggs upp. Försök igen om en stund."));
        }
        NoteSearcher searcher = new NoteSearcher(indexer.index(), analyzer, config.maxResultWindow());
        return searching.executeBlocking(() -> {
            try {
                return searcher.search(search);
            } catch (UserQueryParser.InvalidQueryException e) {
                throw DomainException.invalid(e.getMessage());
            } catch (IndexSearcher.TooManyClauses e) {
                throw DomainException.invalid("Sökfrågan är för omfattande; använd färre eller längre ord");
            }
        }, false).compose(result -> audit.recordAlone(AuditEntry.by(user, "search").on("search", null)
                .inCase(search.caseId().orElse(null)).detail(detail(search, result))).map(result));
    }

    /** What a search asked and which notes it showed: the row a log follow-up reads, with no note text. */
    static String detail(NoteSearch search, SearchResult result) {
        StringBuilder sb = new StringBuilder("fråga: ").append(search.query() == null ? "" : search.query());
        search.caseId().ifPresent(v -> sb.append("; ärende: ").append(v));
        search.author().ifPresent(v -> sb.append("; författare: ").append(v));
        search.status().ifPresent(v -> sb.append("; status: ").append(v));
        search.from().ifPresent(v -> sb.append("; från: ").append(v));
        search.to().ifPresent(v -> sb.append("; till: ").append(v));
        sb.append("; sida ").append(result.page()).append(", ").append(result.total()).append(" träffar; visade: ");
        sb.append(String.join(",", result.hits().stream().map(SearchResult.Hit::id).toList()));
        return sb.toString();
    }
}
