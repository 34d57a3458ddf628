package se.dikta.http;

import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Optional;

/**
 * Browsers always send Origin on WebSocket upgrades and do not apply CORS to them, so a foreign page
 * could otherwise use the user's session cookie. The Origin must be the configured public origin, or
 * else the scheme and host the user reached us by ({@link ClientInfo}: through a trusted proxy, its
 * forwarded scheme and host). Non-browser clients send none and are let through.
 */
public final class WebSocketOrigin {

    private WebSocketOrigin() {}

    public static boolean allowed(RoutingContext ctx, Optional<String> publicOrigin) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) {
            return true;
        }
        if (publicOrigin.isPresent()) {
            return origin.equalsIgnoreCase(publicOrigin.get().replaceAll("/+$", ""));
        }
        ClientInfo client = ClientInfo.of(ctx);
        try {
            URI seen = URI.create(origin);
            URI expected = URI.create((client.https() ? "https" : "http") + "://" + client.host());
            return seen.getScheme() != null && seen.getScheme().equalsIgnoreCase(expected.getScheme())
                    && seen.getHost() != null && seen.getHost().equalsIgnoreCase(expected.getHost())
                    && port(seen) == port(expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
