package se.dikta.search;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import se.dikta.calendar.OfficeCalendar;
import se.dikta.http.ApiException;
import se.dikta.http.ApiModule;
import se.dikta.http.ApiRoutes;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.notes.NoteSection;
import se.dikta.notes.NoteStatus;

/**
 * {@code GET /api/search?q=&caseId=&section=&template=&author=&status=&from=&to=&page=&size=&sort=}.
 * Parameters that cannot be understood are a 400 naming the parameter, never a silent default.
 */
public final class SearchApi implements ApiModule {

    private final SearchService search;

    public SearchApi(SearchService search) {
        this.search = search;
    }

    @Override
    public void mount(ApiRoutes api) {
        api.get("/search", Role.NOTE_READERS, this::search);
    }

    private Future<JsonObject> search(RoutingContext ctx) {
        MultiMap p = ctx.queryParams();
        String section = p.get("section");
        if (section != null && !NoteSection.isValidKey(section)) {
            throw ApiException.badRequest("Okänd rubrik '" + section + "' i parametern section");
        }
        String status = p.get("status");
        if (status != null && !status.equals(NoteStatus.DRAFT.id()) && !status.equals(NoteStatus.SIGNED.id())) {
            throw ApiException.badRequest("Parametern status ska vara draft eller signed");
        }
        LocalDate from = date(p, "from");
        LocalDate to = date(p, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("Datumet i from ligger efter datumet i to");
        }
        NoteSearch.Order order = order(p.get("sort"));
        Integer page = number(p, "page");
        Integer size = number(p, "size");
        return search.search(AuthUser.of(ctx), b -> {
            b.query(p.get("q"))
                    .caseId(blankToNull(p.get("caseId")))
                    .section(section)
                    .template(blankToNull(p.get("template")))
                    .author(blankToNull(p.get("author")))
                    .status(status)
                    .dates(from, to)
                    .order(order);
            if (page != null) {
                b.page(page);
            }
            if (size != null) {
                b.size(size);
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

    private static LocalDate date(MultiMap p, String name) {
        String v = blankToNull(p.get(name));
        if (v == null) {
            return null;
        }
        return OfficeCalendar.parseDate(v, name);
    }

    private static Integer number(MultiMap p, String name) {
        String v = blankToNull(p.get(name));
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Parametern " + name + " ska vara ett heltal från 1");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
