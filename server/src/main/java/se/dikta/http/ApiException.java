package se.dikta.http;

/**
 * A failure the client can act on: the HTTP status and a message (Swedish, for the person using Dikta)
 * that becomes {@code {"error": message}}. Anything else that fails a request is a 500 without details.
 */
public final class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    public static ApiException payloadTooLarge(String message) {
        return new ApiException(413, message);
    }

    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, message);
    }

    public static ApiException tooManyRequests(String message) {
        return new ApiException(429, message);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, message);
    }
}
