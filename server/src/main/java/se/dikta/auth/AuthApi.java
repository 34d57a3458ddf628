package se.dikta.auth;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import se.dikta.http.ApiModule;
import se.dikta.http.ApiRoutes;
import se.dikta.http.ClientInfo;

import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;

/** {@code /api/login}, {@code /api/logout} and {@code /api/me}; user administration is {@link UserAdminApi}. */
public final class AuthApi implements ApiModule {

    private final AuthService auth;
    private final AuthConfig config;
    private final boolean secureCookies;

    /**
     * @param secureCookies mark cookies Secure (the service is reached over HTTPS, possibly via a proxy)
     */
    public AuthApi(AuthService auth, AuthConfig config, boolean secureCookies) {
        this.auth = auth;
        this.config = config;
        this.secureCookies = secureCookies;
    }

    @Override
    public void mount(ApiRoutes api) {
        api.open(HttpMethod.POST, "/login", this::login);
        api.post("/logout", Role.ALL, this::logout);
        api.get("/me", Role.ALL, ctx -> Future.succeededFuture(AuthUser.of(ctx).toJson()));
    }

    private Future<JsonObject> login(RoutingContext ctx) {
        JsonObject body = ApiRoutes.json(ctx);
        String username = ApiRoutes.requiredString(body, "username");
        String password = ApiRoutes.requiredString(body, "password");
        ClientInfo client = ClientInfo.of(ctx);
        String address = client.address();
        Cookie before = ctx.request().getCookie(SessionAuthenticator.SESSION_COOKIE);
        return auth.login(username, password, address).compose(signedIn -> before == null || before.getValue().isBlank()
                ? Future.succeededFuture(signedIn)
                : auth.discardSession(before.getValue()).map(signedIn)).map(signedIn -> {
            setSessionCookies(ctx, signedIn.session(), config, secureCookies || client.https());
            AuthUser u = signedIn.user();
            return new JsonObject().put("username", u.username()).put("role", u.role().id()).put("unit", u.unit())
                    .put("displayName", u.displayName()).put("title", u.title());
        });
    }

    /** The session and CSRF cookies of a new session (password sign-in and single sign-on alike). */
    public static void setSessionCookies(RoutingContext ctx, SessionStore.NewSession session, AuthConfig config,
            boolean secure) {
        long maxAge = config.sessionMaxAge().toSeconds();
        ctx.response().addCookie(Cookie.cookie(SessionAuthenticator.SESSION_COOKIE, session.id())
                .setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(secure).setPath("/")
                .setMaxAge(maxAge));
        ctx.response().addCookie(Cookie.cookie(SessionAuthenticator.CSRF_COOKIE, session.csrfToken())
                .setHttpOnly(false).setSameSite(CookieSameSite.STRICT).setSecure(secure).setPath("/")
                .setMaxAge(maxAge));
    }

    private Future<JsonObject> logout(RoutingContext ctx) {
        return auth.logout(AuthUser.of(ctx), ctx.get(SessionAuthenticator.SESSION_ID_KEY)).map(sso -> {
            ctx.response().removeCookie(SessionAuthenticator.SESSION_COOKIE);
            ctx.response().removeCookie(SessionAuthenticator.CSRF_COOKIE);
            // sso: the session began with single sign-on; the page may then also end the provider's session.
            return new JsonObject().put("status", "utloggad").put("sso", sso);
        });
    }

    /** The Swedish job title shown in note headers when none is given. */
    public static String defaultTitle(Role role) {
        return switch (role) {
            case WORKER -> "Socialsekreterare";
            case MANAGER -> "Enhetschef";
            case ADMIN -> "Systemförvaltare";
        };
    }
}
