package se.dikta.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.identity.AuthUser;

/**
 * One log line per request: method, path, status, duration and user id. Never the query string or body:
 * search terms and notes are secret under OSL.
 */
public final class RequestLog implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger("se.dikta.access");

    private final TrustedProxies proxies;
    private final boolean hsts;

    public RequestLog(TrustedProxies proxies, boolean hsts) {
        this.proxies = proxies;
        this.hsts = hsts;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        ClientInfo client = ClientInfo.resolve(ctx.request(), proxies);
        ctx.put(ClientInfo.CONTEXT_KEY, client);
        if (ctx.request().path().startsWith("/api/")) {
            // API answers carry secret content (notes, transcripts, search hits): no browser or proxy may keep them.
            ctx.response().putHeader("Cache-Control", "no-store");
        }
        if (hsts && client.https()) {
            ctx.response().putHeader("Strict-Transport-Security", "max-age=31536000");
        }
        ctx.addBodyEndHandler(v -> {
            Object user = ctx.get(AuthUser.CONTEXT_KEY);
            LOG.info("{} {} {} {}ms user={} from={}", ctx.request().method(), ctx.request().path(),
                    ctx.response().getStatusCode(), (System.nanoTime() - start) / 1_000_000,
                    user instanceof AuthUser u ? u.id() : "-", client.address());
        });
        ctx.response().putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", contentSecurityPolicy(client.host()));
        ctx.next();
    }

    /**
     * Scripts, styles and everything else only from our own files (no inline script or style), no plugins, no
     * framing by any page; the dictation socket only to the host the user reached (its {@code ws:}/{@code wss:}
     * form, which not every browser counts as 'self'), never to any host.
     */
    static String contentSecurityPolicy(String host) {
        String sockets = host.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?")
                ? " ws://" + host + " wss://" + host : "";
        return "default-src 'self'; connect-src 'self'" + sockets + "; img-src 'self' data:; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
