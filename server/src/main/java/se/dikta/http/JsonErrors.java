package se.dikta.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.failure.DomainException;

/**
 * Turns every failure into a status and {@code {"error": "..."}}; never a stack trace to the client. The
 * domain's failures ({@link DomainException}) get their status here and nowhere else.
 */
public final class JsonErrors {

    private static final Logger LOG = LoggerFactory.getLogger(JsonErrors.class);

    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "Felaktig förfrågan",
            401, "Du är inte inloggad",
            403, "Du har inte behörighet till detta",
            404, "Finns inte",
            405, "Metoden stöds inte för denna adress",
            413, "Förfrågan är för stor",
            415, "Innehållstypen stöds inte",
            500, "Internt fel – försök igen eller kontakta IT-supporten",
            503, "Tjänsten är inte tillgänglig just nu");

    private JsonErrors() {}

    /** Failure handler for every route. */
    public static void handleFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status;
        String message;
        if (failure instanceof DomainException domain) {
            status = status(domain.kind());
            message = domain.getMessage();
        } else if (failure instanceof ApiException api) {
            status = api.status();
            message = api.getMessage();
        } else if (failure instanceof HttpException http) {
            status = http.getStatusCode();
            message = http.getPayload() != null && status < 500 ? http.getPayload() : messageFor(status);
        } else if (failure != null && ctx.statusCode() < 400) {
            status = 500;
            message = messageFor(500);
        } else {
            status = ctx.statusCode() < 400 ? 500 : ctx.statusCode();
            message = messageFor(status);
        }
        if (status >= 500 && (failure instanceof DomainException || failure instanceof ApiException)) {
            // expected (a part still starting, a model not installed): one line, no stack trace
            LOG.warn("{} {} answered {}: {}", ctx.request().method(), ctx.request().path(), status, message);
        } else if (status >= 500) {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
        }
        send(ctx, status, message);
    }

    /** Error handler for a status the router itself produced (404, 405, 413 ...). */
    public static void handleStatus(RoutingContext ctx) {
        int status = ctx.statusCode() < 400 ? 500 : ctx.statusCode();
        if (ctx.failure() instanceof ApiException || ctx.failure() instanceof DomainException) {
            handleFailure(ctx);
            return;
        }
        if (status == 404 && PageRoutes.isPageRequest(ctx)) {
            PageRoutes.sendNotFound(ctx);
            return;
        }
        send(ctx, status, messageFor(status));
    }

    /** The one place a domain failure becomes an HTTP status. */
    public static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED -> 415;
            case THROTTLED -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    public static String messageFor(int status) {
        return MESSAGES.getOrDefault(status, status >= 500 ? MESSAGES.get(500) : MESSAGES.get(400));
    }

    public static void send(RoutingContext ctx, int status, String message) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        if (!ctx.request().isEnded() && ctx.request().method() != io.vertx.core.http.HttpMethod.GET
                && ctx.request().method() != io.vertx.core.http.HttpMethod.HEAD) {
            // refused before its body was read (413, 415, 401): the rest of the body would arrive as the next
            // request on this connection, so it ends here and the client knows not to reuse it
            response.putHeader("Connection", "close");
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("error", message).encode());
    }
}
