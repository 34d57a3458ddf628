package se.dikta.identity;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The signed-in user of a request.
 *
 * @param address the client address the request came from, as the web layer resolved it through trusted
 *        proxies (a plain value, so the domain can record it without knowing HTTP); null outside a request
 */
public record AuthUser(long id, String username, Role role, String unit, long unitId, String displayName,
        String title, String address) {

    public static final String CONTEXT_KEY = "dikta.user";

    /** A user not (yet) tied to a request. */
    public AuthUser(long id, String username, Role role, String unit, long unitId, String displayName, String title) {
        this(id, username, role, unit, unitId, displayName, title, null);
    }

    /** The same user, acting from {@code address}. */
    public AuthUser withAddress(String address) {
        return new AuthUser(id, username, role, unit, unitId, displayName, title, address);
    }

    /** The user the authentication handler attached to this request; only on routes that require sign-in. */
    public static AuthUser of(RoutingContext ctx) {
        AuthUser user = ctx.get(CONTEXT_KEY);
        if (user == null) {
            throw new IllegalStateException("No signed-in user on this route");
        }
        return user;
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("username", username)
                .put("role", role.id())
                .put("unit", unit)
                .put("displayName", displayName)
                .put("title", title);
    }
}
