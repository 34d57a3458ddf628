package se.dikta.asr;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import se.dikta.audit.AuditLog;
import se.dikta.identity.AuthUser;
import se.dikta.identity.CsrfToken;
import se.dikta.failure.DomainException;

/**
 * {@code GET /api/asr/stream}: checks the model, the Origin and the stream limit, upgrades to a WebSocket
 * and hands it to a {@link StreamSession}. At the limit the socket is accepted only to be told why and
 * closed with 1013, so browsers can show the reason.
 */
final class LiveStreams {

    static final short TRY_AGAIN_LATER = 1013;
    static final String FULL = "Alla platser för diktering är upptagna just nu, försök igen om en stund";

    private final Vertx vertx;
    private final VoskEngine engine;
    private final WorkerExecutor pool;
    private final StreamSlots slots;
    private final DraftSink drafts;
    private final AsrConfig config;
    private final AsrMetrics metrics;
    private final AuditLog audit;

    LiveStreams(Vertx vertx, VoskEngine engine, WorkerExecutor pool, StreamSlots slots, DraftSink drafts,
            AsrConfig config, AsrMetrics metrics, AuditLog audit) {
        this.vertx = vertx;
        this.engine = engine;
        this.pool = pool;
        this.slots = slots;
        this.drafts = drafts;
        this.config = config;
        this.metrics = metrics;
        this.audit = audit;
    }

    void handle(RoutingContext ctx) {
        SpeechModel model = engine.model().orElseThrow(() -> DomainException.unavailable(TranscriptionApi.NO_MODEL));
        HttpServerRequest req = ctx.request();
        AuthUser user = AuthUser.of(ctx);
        // Browsers send Origin on every WebSocket upgrade: their start must carry the CSRF token. A client that is
        // not a browser (no Origin) cannot be led by another site, and is let through like the Origin check does.
        StartCsrf csrf = new StartCsrf(req.getHeader("Origin") == null ? null : CsrfToken.of(ctx), audit, user);
        if (!slots.tryAcquire()) {
            metrics.refused();
            req.toWebSocket().onSuccess(ws -> {
                ws.writeTextMessage(new JsonObject().put("type", "error").put("error", FULL).encode());
                ws.close(TRY_AGAIN_LATER, "Servern är fullt belastad");
            });
            return;
        }
        req.toWebSocket()
                .onSuccess(ws -> new StreamSession(vertx, ws, user, csrf, model, pool, drafts, config, metrics,
                        slots::release).start())
                .onFailure(t -> slots.release());
    }
}
