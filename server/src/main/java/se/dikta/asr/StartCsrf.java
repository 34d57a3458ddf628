package se.dikta.asr;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import se.dikta.audit.AuditEntry;
import se.dikta.audit.AuditLog;
import se.dikta.audit.AuditOutcome;
import se.dikta.identity.AuthUser;
import se.dikta.identity.CsrfToken;

/**
 * The CSRF check of a dictation stream's {@code start}: a socket cannot send the {@code X-XSRF-TOKEN} header, so
 * the message carries the token. A refusal is recorded like an HTTP one ({@code csrf-denied}: who, address,
 * route, denied) before it is answered — a forged cross-site stream is what a log follow-up looks for.
 */
final class StartCsrf {

    static final String ROUTE = "GET /api/asr/stream";

    /** The session's token; null when the upgrade had no Origin (not a browser, which another site cannot lead). */
    private final String token;
    private final AuditLog audit;
    private final AuthUser user;

    StartCsrf(String token, AuditLog audit, AuthUser user) {
        this.token = token;
        this.audit = audit;
        this.user = user;
    }

    boolean accepts(JsonObject start) {
        return token == null || CsrfToken.matches(token, start.getValue("csrf"));
    }

    /** Completes when the row is written or could not be: the refusal is answered either way. */
    Future<Void> recordRefusal() {
        return refused(audit, user, "CSRF-token saknas eller är fel i start (WebSocket)").otherwiseEmpty();
    }

    /** The row of a refused stream: never any content, only who, from where, the route and why. */
    static Future<Void> refused(AuditLog audit, AuthUser user, String why) {
        return audit.recordAlone(AuditEntry.by(user, "csrf-denied").on("route", ROUTE)
                .outcome(AuditOutcome.DENIED).detail(why));
    }
}
