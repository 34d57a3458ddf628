package se.dikta.http;

import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;

/**
 * Requests the HTTP codec could not read, which never reach a route: a request line over 4,096 bytes (e.g. a
 * 100 KB search query) → 414, headers over 8,192 bytes → 431, a malformed request → 400 — each with a Swedish
 * JSON error and the usual security headers, like every other refusal (Vert.x's default answers with no body).
 * The codec reads nothing more from such a connection, so it is closed after the answer.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {

    static final String TOO_LONG_LINE = "Adressen är för lång (högst 4 096 tecken) – gör sökningen kortare";
    static final String TOO_LARGE_HEADERS = "Förfrågans rubriker är för stora (högst 8 192 byte)";
    static final String MALFORMED = "Förfrågan kunde inte läsas";

    @Override
    public void handle(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        String message = cause instanceof TooLongFrameException && cause.getMessage() != null ? cause.getMessage() : "";
        int status;
        String error;
        if (message.startsWith("An HTTP line is larger than")) {
            status = 414;
            error = TOO_LONG_LINE;
        } else if (message.startsWith("HTTP header is larger than")) {
            status = 431;
            error = TOO_LARGE_HEADERS;
        } else if (request.method() == HttpMethod.GET && request.version() == HttpVersion.HTTP_1_0
                && "/bad-request".equals(request.uri())) { // how Netty stands in for a request it could not parse
            status = 400;
            error = MALFORMED;
        } else {
            request.connection().close(); // as Vert.x does: nothing sensible to answer
            return;
        }
        request.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", RequestLog.contentSecurityPolicy(""))
                .putHeader("Connection", "close")
                .end(new JsonObject().put("error", error).encode())
                .onComplete(done -> request.connection().close());
    }
}
