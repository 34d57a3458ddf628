package se.dikta.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The browser pages' routes ({@code ../shared/pages.md}): each path is answered with its HTML file from the
 * static pages, so links and deep links stay readable ({@code /arenden/2026-0142}). Access is not checked
 * here: pages are public shells that ask {@code /api/me} and show sign-in or "no access" themselves; every
 * piece of data they show comes through the API, which checks the session and role.
 */
public final class PageRoutes {

    /** Route path → HTML file under {@code web/}. Path parameters select nothing server-side. */
    private static final Map<String, String> PAGES = Map.of(
            "/diktera", "/diktera.html",
            "/arenden", "/arenden.html",
            "/arenden/:caseId", "/arende.html",
            "/anteckning/:noteId", "/anteckning.html",
            "/sok", "/sok.html",
            "/rapporter", "/rapporter.html",
            "/admin", "/admin.html");

    private PageRoutes() {}

    /** Mounts the page routes; call before the static handler. */
    public static void mount(Router router) {
        PAGES.forEach((path, file) -> router.get(path).handler(ctx -> ctx.reroute(file)));
    }

    /**
     * Shown instead of {"error": ...} when a person's browser opens an address that is no page (old bookmark, typo):
     * {@code web/sidan-finns-inte.html}, read once from the jar.
     */
    private static final String NOT_FOUND_PAGE = readPage("web/sidan-finns-inte.html");

    private static String readPage(String resource) {
        try (InputStream in = PageRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A browser navigating (GET, HTML wanted) outside the API: the answer is a page, not JSON. */
    static boolean isPageRequest(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String accept = ctx.request().getHeader("Accept");
        return (method == HttpMethod.GET || method == HttpMethod.HEAD) && !ctx.request().path().startsWith("/api/")
                && accept != null && accept.contains("text/html");
    }

    /** The Swedish "page not found" page with status 404. */
    static void sendNotFound(RoutingContext ctx) {
        ctx.response().setStatusCode(404)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(NOT_FOUND_PAGE);
    }
}
