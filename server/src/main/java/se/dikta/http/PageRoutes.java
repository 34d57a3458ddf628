package se.dikta.http;

import io.vertx.ext.web.Router;
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
}
