package se.dikta.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import se.dikta.audit.AuditEntry;
import se.dikta.audit.AuditLog;
import se.dikta.audit.AuditOutcome;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;

/**
 * Where features declare their {@code /api} routes. Every route names the roles it admits: there is no
 * way to add a signed-in route without them, so the default is deny. A route runs the session check
 * (including CSRF on state-changing methods), then the role check, then the feature's handler.
 *
 * <p>JSON routes return a {@link Future} of what to send (a {@link JsonObject}, array or record) through
 * {@link Route#respond}; a handler that needs another status sets it on the response before completing.
 */
public final class ApiRoutes {

    public static final String PREFIX = "/api";

    private final Router router;
    private final Handler<RoutingContext> authenticate;
    private final BodyHandler jsonBody;
    private final AuditLog audit;

    /** @param audit where a signed-in user's request refused for their role is recorded (outcome denied) */
    public ApiRoutes(Router router, Handler<RoutingContext> authenticate, long jsonBodyLimit, AuditLog audit) {
        this.router = router;
        this.audit = audit;
        this.authenticate = authenticate;
        this.jsonBody = BodyHandler.create(false).setBodyLimit(jsonBodyLimit).setHandleFileUploads(false);
    }

    public void mount(ApiModule module) {
        module.mount(this);
    }

    public <T> Route get(String path, Set<Role> roles, Function<RoutingContext, Future<T>> handler) {
        return json(HttpMethod.GET, path, roles, handler);
    }

    public <T> Route post(String path, Set<Role> roles, Function<RoutingContext, Future<T>> handler) {
        return json(HttpMethod.POST, path, roles, handler);
    }

    public <T> Route put(String path, Set<Role> roles, Function<RoutingContext, Future<T>> handler) {
        return json(HttpMethod.PUT, path, roles, handler);
    }

    public <T> Route delete(String path, Set<Role> roles, Function<RoutingContext, Future<T>> handler) {
        return json(HttpMethod.DELETE, path, roles, handler);
    }

    /** A signed-in route whose handler reads the request and writes the response itself (streams, files, WebSocket). */
    public Route raw(HttpMethod method, String path, Set<Role> roles, Handler<RoutingContext> handler) {
        // The session check is asynchronous: unpaused, body chunks arriving meanwhile would be lost.
        Route route = router.route(method, PREFIX + path).handler(ctx -> {
            ctx.request().pause();
            ctx.next();
        });
        return secure(route, roles).handler(handler);
    }

    /** A route open without sign-in (sign-in itself). */
    public <T> Route open(HttpMethod method, String path, Function<RoutingContext, Future<T>> handler) {
        return router.route(method, PREFIX + path).handler(jsonBody).respond(handler);
    }

    /** A route open without sign-in whose handler writes the response itself (single sign-on redirects). */
    public Route openRaw(HttpMethod method, String path, Handler<RoutingContext> handler) {
        return router.route(method, PREFIX + path).handler(handler);
    }

    private <T> Route json(HttpMethod method, String path, Set<Role> roles, Function<RoutingContext, Future<T>> handler) {
        Route route = router.route(method, PREFIX + path);
        if (method != HttpMethod.GET && method != HttpMethod.DELETE) {
            route.handler(jsonBody);
        }
        return secure(route, roles).respond(handler);
    }

    private Route secure(Route route, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("Route " + route.getPath() + " must name the roles it admits");
        }
        Set<Role> admitted = EnumSet.copyOf(roles);
        return route
                .handler(authenticate)
                .handler(ctx -> {
                    // The domain records who did what from where: the address rides along with the user.
                    AuthUser user = AuthUser.of(ctx).withAddress(ClientInfo.of(ctx).address());
                    ctx.put(AuthUser.CONTEXT_KEY, user);
                    if (admitted.contains(user.role())) {
                        ctx.next();
                    } else {
                        // recorded for the log follow-up (a worker trying admin routes); the answer is 403 either way
                        audit.recordAlone(AuditEntry.by(user, "route-denied")
                                .on("route", ctx.request().method().name() + " " + route.getPath())
                                .outcome(AuditOutcome.DENIED).detail("rollen har inte behörighet"))
                                .onComplete(ar -> ctx.fail(ApiException.forbidden("Din roll har inte behörighet till detta")));
                    }
                });
    }

    /** The request body as a JSON object; 400 when it is missing or malformed. */
    public static JsonObject json(RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0) {
            throw ApiException.badRequest("Förfrågan saknar JSON-innehåll");
        }
        try {
            JsonObject json = ctx.body().asJsonObject();
            if (json == null) {
                throw ApiException.badRequest("Förfrågan saknar JSON-innehåll");
            }
            return json;
        } catch (DecodeException | ClassCastException e) {
            throw ApiException.badRequest("Ogiltig JSON i förfrågan");
        }
    }

    /** A required, non-blank string field; 400 naming the field otherwise. */
    public static String requiredString(JsonObject json, String field) {
        Object v = json.getValue(field);
        if (!(v instanceof String s) || s.isBlank()) {
            throw ApiException.badRequest("Fältet '" + field + "' saknas eller är tomt");
        }
        return s.trim();
    }
}
