package se.dikta.identity;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The signed-in session's CSRF token. State-changing requests carry it in a header; a WebSocket cannot, so
 * its {@code start} message carries it ({@code "csrf"}): a page of another site can open the socket with
 * the user's cookie but cannot read the token.
 */
public final class CsrfToken {

    /** Where the authentication handler puts the session's token for the route's handler. */
    public static final String CONTEXT_KEY = "dikta.csrfToken";

    private CsrfToken() {}

    /** The session's token on a route that requires sign-in. */
    public static String of(RoutingContext ctx) {
        String token = ctx.get(CONTEXT_KEY);
        if (token == null) {
            throw new IllegalStateException("No session CSRF token on this route");
        }
        return token;
    }

    /** Whether {@code given} is the token, compared in constant time; false for anything not a string. */
    public static boolean matches(String expected, Object given) {
        return expected != null && given instanceof String s
                && MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
