package se.dikta.identity;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The signed-in user of a request. */
public record AuthUser(long id, String username, Role role, String unit, long unitId, String displayName,
        String title) {

    public static final String CONTEXT_KEY = "dikta.user";

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
