package se.dikta.auth;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.function.Function;
import se.dikta.audit.AuditEntry;
import se.dikta.audit.AuditLog;
import se.dikta.audit.AuditOutcome;
import se.dikta.failure.DomainException;
import se.dikta.identity.AuthUser;
import se.dikta.identity.CsrfToken;

/**
 * Looks up the session cookie for every signed-in route, attaches the {@link AuthUser}, and on
 * state-changing requests checks the CSRF token (header {@code X-XSRF-TOKEN} equal to the session's token,
 * which the {@code XSRF-TOKEN} cookie carries to the page); the token is left on the context
 * ({@link CsrfToken}) for the WebSocket's {@code start} message.
 */
public final class SessionAuthenticator implements Handler<RoutingContext> {

    public static final String SESSION_COOKIE = "DIKTA_SESSION";
    public static final String CSRF_COOKIE = "XSRF-TOKEN";
    public static final String CSRF_HEADER = "X-XSRF-TOKEN";
    static final String SESSION_ID_KEY = "dikta.sessionId";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final AuthService auth;
    private final AuditLog audit;
    private final Function<RoutingContext, String> clientAddress;

    /**
     * @param audit where a refused CSRF token is recorded (a forged cross-site request is what a log follow-up
     *        looks for)
     * @param clientAddress the caller's address as the assembly determines it (trusted proxies)
     */
    public SessionAuthenticator(AuthService auth, AuditLog audit, Function<RoutingContext, String> clientAddress) {
        this.auth = auth;
        this.audit = audit;
        this.clientAddress = clientAddress;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            ctx.fail(DomainException.unauthenticated("Du är inte inloggad"));
            return;
        }
        String sessionId = cookie.getValue();
        auth.session(sessionId).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            if (ar.result().isEmpty()) {
                ctx.fail(DomainException.unauthenticated("Sessionen har gått ut – logga in igen"));
                return;
            }
            SessionStore.ActiveSession session = ar.result().get();
            if (!SAFE.contains(ctx.request().method())
                    && !CsrfToken.matches(session.csrfToken(), ctx.request().getHeader(CSRF_HEADER))) {
                AuthUser user = session.user().withAddress(clientAddress.apply(ctx));
                audit.recordAlone(AuditEntry.by(user, "csrf-denied")
                        .on("route", ctx.request().method().name() + " " + ctx.request().path())
                        .outcome(AuditOutcome.DENIED).detail("CSRF-token saknas eller är fel"))
                        .onComplete(done -> ctx.fail(DomainException.forbidden(
                                "CSRF-token saknas eller är fel – ladda om sidan")));
                return;
            }
            ctx.put(AuthUser.CONTEXT_KEY, session.user());
            ctx.put(SESSION_ID_KEY, sessionId);
            ctx.put(CsrfToken.CONTEXT_KEY, session.csrfToken());
            ctx.next();
        });
    }
}
