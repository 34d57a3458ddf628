package se.dikta.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
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

    /** Shown instead of {"error": ...} when a person's browser opens an address that is no page (old bookmark, typo). */
    private static final String NOT_FOUND_PAGE = """
            <!doctype html>
            <html lang="sv">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Sidan finns inte – Dikta</title>
              <link rel="stylesheet" href="/dikta.css">
            </head>
            <body>
              <header class="site-header"><div class="site-header__inner"><a class="site-header__brand" href="/">\
            <span class="site-header__logo" aria-hidden="true">D</span>Dikta</a></div></header>
              <main id="main" class="page">
                <h1>Sidan finns inte</h1>
                <p class="lead" data-testid="page-not-found">Adressen finns inte i Dikta. Kontrollera den, \
            eller gå till startsidan.</p>
                <p><a href="/">Till startsidan</a></p>
              </main>
              <footer class="site-footer"><p>Dikta – journalföring med tal. Uppgifterna omfattas av sekretess enligt OSL.</p></footer>
            </body>
            </html>
            """;

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
