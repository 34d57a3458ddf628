package se.dikta.sso;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import se.dikta.auth.AuthApi;
import se.dikta.auth.AuthConfig;
import se.dikta.failure.DomainException;
import se.dikta.http.ApiModule;
import se.dikta.http.ApiRoutes;
import se.dikta.http.ClientInfo;

/**
 * Single sign-on routes: {@code GET /api/auth/methods} (what the sign-in page offers),
 * {@code /api/auth/oidc/login} (to the provider), {@code /api/auth/oidc/callback} (back from it, into an
 * ordinary session) and {@code /api/auth/oidc/logout} (the provider's sign-out after Dikta's).
 */
public final class OidcApi implements ApiModule {

    static final String CALLBACK_PATH = "/api/auth/oidc/callback";
    /** Binds a started sign-in to the browser that started it; sent back on the provider's top-level redirect. */
    static final String BROWSER_COOKIE = "DIKTA_SSO";
    /** A failed sign-in's Swedish message for the sign-in page to show (read once by the page). */
    public static final String MESSAGE_COOKIE = "DIKTA_SSO_MESSAGE";

    private final Optional<OidcService> oidc;
    private final AuthConfig auth;
    private final Optional<String> publicOrigin;

    /** @param oidc the single sign-on service, empty when {@code oidc.issuer} is not configured */
    public OidcApi(Optional<OidcService> oidc, AuthConfig auth, Optional<String> publicOrigin) {
        this.oidc = oidc;
        this.auth = auth;
        this.publicOrigin = publicOrigin.map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o);
    }

    @Override
    public void mount(ApiRoutes api) {
        api.open(HttpMethod.GET, "/auth/methods", ctx -> Future.succeededFuture(new JsonObject()
                .put("password", auth.passwordLogin())
                .put("sso", oidc.isPresent())
                .put("ssoLabel", oidc.map(o -> o.config().label()).orElse(null))));
        if (oidc.isEmpty()) {
            return;
        }
        OidcService service = oidc.get();
        api.openRaw(HttpMethod.GET, "/auth/oidc/login", ctx -> login(ctx, service));
        api.openRaw(HttpMethod.GET, "/auth/oidc/callback", ctx -> callback(ctx, service));
        api.openRaw(HttpMethod.GET, "/auth/oidc/logout", ctx -> service.endSessionUrl(origin(ctx) + "/")
                .onComplete(url -> redirect(ctx, url.succeeded() ? url.result().orElse("/") : "/")));
    }

    private void login(RoutingContext ctx, OidcService service) {
        Optional<String> next = Optional.ofNullable(ctx.request().getParam("next")).filter(OidcApi::isLocalPath);
        ClientInfo client = ClientInfo.of(ctx);
        service.begin(next, redirectUri(ctx, service)).onSuccess(begun -> {
            ctx.response().addCookie(Cookie.cookie(BROWSER_COOKIE, begun.browserKey()).setHttpOnly(true)
                    .setSameSite(CookieSameSite.LAX).setSecure(secure(client)).setPath("/api/auth/oidc")
                    .setMaxAge(service.config().signInTimeout().toSeconds()));
            redirect(ctx, begun.authorizationUrl());
        }).onFailure(e -> failed(ctx, e));
    }

    private void callback(RoutingContext ctx, OidcService service) {
        String state = ctx.request().getParam("state");
        String code = ctx.request().getParam("code");
        Cookie browserCookie = ctx.request().getCookie(BROWSER_COOKIE);
        String browser = browserCookie == null ? null : browserCookie.getValue();
        ctx.response().addCookie(Cookie.cookie(BROWSER_COOKIE, "").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(secure(ClientInfo.of(ctx))).setPath("/api/auth/oidc").setMaxAge(0));
        if (state == null || state.isBlank() || code == null || code.isBlank()) {
            // The provider reports an error (the user cancelled, say) or the request is not a real callback.
            boolean cancelled = ctx.request().getParam("error") != null;
            failed(ctx, DomainException.forbidden(cancelled
                    ? "Inloggningen avbröts hos kommunens inloggningstjänst. Försök igen."
                    : OidcService.EXPIRED));
            return;
        }
        ClientInfo client = ClientInfo.of(ctx);
        service.complete(state, code, browser, redirectUri(ctx, service),
                client.address()).onSuccess(done -> {
                    AuthApi.setSessionCookies(ctx, done.signedIn().session(), auth, secure(client));
                    redirect(ctx, done.next().orElse("/"));
                }).onFailure(e -> failed(ctx, e));
    }

    /** Back to the sign-in page, which shows the message (a short-lived cookie, never part of the URL). */
    private void failed(RoutingContext ctx, Throwable e) {
        String message = e instanceof DomainException d ? d.getMessage() : OidcService.FAILED;
        ctx.response().addCookie(Cookie.cookie(MESSAGE_COOKIE,
                URLEncoder.encode(message, StandardCharsets.UTF_8).replace("+", "%20"))
                .setHttpOnly(false).setSameSite(CookieSameSite.LAX).setSecure(secure(ClientInfo.of(ctx)))
                .setPath("/").setMaxAge(120));
        redirect(ctx, "/?sso=fel");
    }

    private static void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(302).putHeader("Location", location).putHeader("Cache-Control", "no-store").end();
    }

    private String redirectUri(RoutingContext ctx, OidcService service) {
        return service.config().redirectUri().orElseGet(() -> origin(ctx) + CALLBACK_PATH);
    }

    private String origin(RoutingContext ctx) {
        return publicOrigin.orElseGet(() -> {
            ClientInfo client = ClientInfo.of(ctx);
            return (client.https() ? "https://" : "http://") + client.host();
        });
    }

    private boolean secure(ClientInfo client) {
        return client.https() || publicOrigin.map(o -> o.startsWith("https:")).orElse(false);
    }

    /** A path on this site ("/diktera"), never another site ("//evil", "https://…", "/\evil"). */
    static boolean isLocalPath(String next) {
        return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") && next.length() <= 2000
                && next.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f);
    }
}
