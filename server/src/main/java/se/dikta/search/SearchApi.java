package se.dikta.search;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import se.dikta.http.ApiException;
import se.dikta.http.ApiModule;
import se.dikta.http.ApiRoutes;
import se.dikta.http.Field;
import se.dikta.http.RequestSpec;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.notes.NoteSection;
import se.dikta.notes.NoteStatus;

/**
 * {@code GET /api/search?q=&caseId=&section=&template=&author=&status=&from=&to=&page=&size=&sort=}.
 * Parameters that cannot be understood are a 400 naming the parameter, never a silent default.
 */
public final class SearchApi implements ApiModule {

    /**
     * {@code GET /api/search}'s parameters. {@code q} is bounded again (and parsed) by the query parser;
     * {@code size} also by {@code search.maxPageSize}, the page depth by {@code search.maxResultWindow}.
     */
    public static final RequestSpec QUERY = RequestSpec.of(
            Field.text("q", 2000),
            Field.text("caseId", 64).column("cases.id"),
            Field.text("section", 40),
            Field.text("template", 100).column("notes.template"),
            Field.text("author", 200).column("users.display_name"),
            Field.text("status", 10),
            Field.date("from"),
            Field.date("to"),
            Field.integer("page", 1, 1_000_000),
            Field.integer("size", 1, 1000),
            Field.text("sort", 20));

    private final SearchService search;

    public SearchApi(SearchService search) {
        this.search = search;
    }

    @Override
    public void mount(ApiRoutes api) {
        api.get("/search", Role.NOTE_READERS, this::search);
    }

    private Future<JsonObject> search(RoutingContext ctx) {
        JsonObject p = QUERY.query(ctx);
        String section = p.getString("section");
        if (section != null && !NoteSection.isValidKey(section)) {
            throw ApiException.badRequest("Okänd rubrik '" + section + "' i parametern section");
        }
        String status = p.getString("status");
        if (status != null && !status.equals(NoteStatus.DRAFT.id()) && !status.equals(NoteStatus.SIGNED.id())) {
            throw ApiException.badRequest("Parametern status ska vara draft eller signed");
        }
        LocalDate from = p.containsKey("from") ? LocalDate.parse(p.getString("from")) : null;
        LocalDate to = p.containsKey("to") ? LocalDate.parse(p.getString("to")) : null;
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("Datumet i from ligger efter datumet i to");
        }
        NoteSearch.Order order = order(p.getString("sort"));
        Long page = p.getLong("page");
        Long size = p.getLong("size");
        return search.search(AuthUser.of(ctx), b -> {
            b.query(ctx.queryParams().get("q"))
                    .caseId(p.getString("caseId"))
                    .section(section)
                    .template(p.getString("template"))
                    .author(p.getString("author"))
                    .status(status)
                    .dates(from, to)
                    .order(order);
            if (page != null) {
                b.page(page.intValue());
            }
            if (size != null) {
                b.size(size.intValue());
            }
            return b;
        }).map(SearchApi::toJson);
    }

    static JsonObject toJson(SearchResult r) {
        JsonArray hits = new JsonArray();
        for (SearchResult.Hit h : r.hits()) {
            hits.add(new JsonObject()
                    .put("id", h.id())
                    .put("caseId", h.caseId())
                    .put("date", h.date().toString())
                    .put("author", h.author())
                    .put("template", h.template())
                    .put("status", h.status())
                    .put("snippet", h.snippet())
                    .put("score", Float.isNaN(h.score()) ? null : h.score()));
        }
        return new JsonObject()
                .put("total", r.total())
                .put("page", r.page())
                .put("size", r.size())
                .put("hits", hits)
                .put("facets", new JsonObject()
                        .put("section", sorted(r.sectionFacets()))
                        .put("template", sorted(r.templateFacets())));
    }

    private static JsonObject sorted(Map<String, Integer> counts) {
        return new JsonObject(new TreeMap<>(counts));
    }

    private static NoteSearch.Order order(String sort) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "relevance" -> NoteSearch.Order.RELEVANCE;
            case "date", "newest" -> NoteSearch.Order.NEWEST;
            case "oldest" -> NoteSearch.Order.OLDEST;
            default -> throw ApiException.badRequest("Parametern sort ska vara relevance, date eller oldest");
        };
    }
}
