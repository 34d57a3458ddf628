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
    /** Content-Type check (415), then the body read (413 over the limit); one handler, as the body must be read first. */
    private final Handler<RoutingContext> jsonBody;
    private final AuditLog audit;

    /** @param audit where a signed-in user's request refused for their role is recorded (outcome denied) */
    public ApiRoutes(Router router, Handler<RoutingContext> authenticate, long jsonBodyLimit, AuditLog audit) {
        this.router = router;
        this.audit = audit;
        this.authenticate = authenticate;
        BodyHandler body = BodyHandler.create(false).setBodyLimit(jsonBodyLimit).setHandleFileUploads(false);
        this.jsonBody = ctx -> {
            if (requireJsonType(ctx)) {
                body.handle(ctx);
            }
        };
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
        return router.route(method, PREFIX + path).handler(jsonBody).handler(ApiRoutes::checkParams).respond(handler);
    }

    /** A route open without sign-in whose handler writes the response itself (single sign-on redirects). */
    public Route openRaw(HttpMethod method, String path, Handler<RoutingContext> handler) {
        return router.route(method, PREFIX + path).handler(ApiRoutes::checkParams).handler(handler);
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
                .handler(ApiRoutes::checkParams)
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

    /** Longest path parameter (an id, a user name) any route takes; longer ones name nothing that exists. */
    public static final int MAX_PATH_PARAM = 100;

    /**
     * Every route: a path parameter (an id) with control characters or over {@link #MAX_PATH_PARAM}
     * characters names nothing (404); a query parameter with control characters or half a surrogate pair is
     * a 400 naming it. Neither reaches a database, which may refuse such text with an error.
     */
    static void checkParams(RoutingContext ctx) {
        for (var e : ctx.pathParams().entrySet()) {
            if (e.getValue().length() > MAX_PATH_PARAM || !RequestSpec.printable(e.getValue())
                    || e.getValue().indexOf('\n') >= 0 || e.getValue().indexOf('\r') >= 0 || e.getValue().indexOf('\t') >= 0) {
                ctx.fail(ApiException.notFound(JsonErrors.messageFor(404)));
                return;
            }
        }
        io.vertx.core.MultiMap query;
        try {
            query = ctx.queryParams();
        } catch (RuntimeException e) {
            ctx.fail(ApiException.badRequest("Adressens parametrar är felaktigt kodade"));
            return;
        }
        for (var e : query) {
            if (!RequestSpec.printable(e.getValue()) || !RequestSpec.printable(e.getKey())) {
                ctx.fail(ApiException.badRequest("Parametern '" + (RequestSpec.printable(e.getKey()) ? e.getKey() : "?")
                        + "' innehåller otillåtna tecken"));
                return;
            }
        }
        ctx.next();
    }

    /**
     * A JSON route's body must say it is JSON ({@code application/json}, any {@code +json}, charset UTF-8 if
     * named): anything else is a 415 before the body is read. A request without a body (a sign, a logout)
     * needs no type.
     */
    static boolean requireJsonType(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        boolean ok;
        if (type == null || type.isBlank()) {
            String length = ctx.request().getHeader("Content-Length");
            ok = ctx.request().getHeader("Transfer-Encoding") == null && (length == null || length.strip().equals("0"));
        } else {
            ok = isJson(type);
        }
        if (!ok) {
            ctx.fail(ApiException.unsupportedMediaType("Innehållet ska vara JSON (Content-Type: application/json)"));
        }
        return ok;
    }

    static boolean isJson(String contentType) {
        String[] parts = contentType.toLowerCase(java.util.Locale.ROOT).split(";");
        String media = parts[0].strip();
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.startsWith("charset=")) {
                String cs = p.substring("charset=".length()).replace("\"", "").strip();
                if (!cs.equals("utf-8") && !cs.equals("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The request body as a JSON object; 400 when it is missing or malformed. */
    public static JsonObject json(RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0) {
            throw ApiException.badRequest("Förfrågan saknar JSON-innehåll");
        }
        String text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(ctx.body().buffer().getBytes())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ApiException.badRequest("Förfrågan är inte giltig UTF-8");
        }
        try {
            // Jackson refuses nesting deeper than 1000 levels and numbers longer than 1000 digits
            Object json = io.vertx.core.json.Json.decodeValue(text);
            if (!(json instanceof JsonObject object)) {
                throw ApiException.badRequest("Förfrågan ska vara ett JSON-objekt");
            }
            return object;
        } catch (DecodeException | ClassCastException | IllegalStateException e) {
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
