package se.dikta.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A synchronous HTTP client for tests, keeping cookies like a browser and sending the CSRF header the
 * page would send.
 */
public final class ApiClient {

    /** A response: status, body text and headers. */
    public record Response(int status, String body, HttpHeaders headers) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public JsonArray jsonArray() {
            return new JsonArray(body);
        }

        public String error() {
            return json().getString("error");
        }
    }

    private final String baseUrl;
    private final CookieManager cookies;
    private final HttpClient http;
    private boolean sendCsrf = true;
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    public ApiClient(String baseUrl) {
        this(baseUrl, new CookieManager());
    }

    private ApiClient(String baseUrl, CookieManager cookies) {
        this.baseUrl = baseUrl;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * The same browser talking to another node (as through a load balancer): the cookies are shared, so the
     * session and CSRF token of this client go along.
     */
    public ApiClient on(String otherBaseUrl) {
        return new ApiClient(otherBaseUrl, cookies);
    }

    /** Stop sending the CSRF header (to test that the server rejects such requests). */
    public ApiClient withoutCsrf() {
        sendCsrf = false;
        return this;
    }

    /** Sends {@code X-Forwarded-For: address} on every request (believed when the server trusts loopback as a proxy). */
    public ApiClient from(String address) {
        headers.put("X-Forwarded-For", address);
        return this;
    }

    /** Sends this header on every request. */
    public ApiClient withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Puts a cookie into this client's jar, as if the server (or someone else) had set it. */
    public ApiClient setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl + "/"), cookie);
        return this;
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response post(String path, Object json) {
        return send("POST", path, json == null ? null : json.toString(), "application/json");
    }

    public Response put(String path, Object json) {
        return send("PUT", path, json == null ? null : json.toString(), "application/json");
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response send(String method, String path, String body, String contentType) {
        return sendBytes(method, path, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                contentType);
    }

    public Response sendBytes(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        String csrf = cookie("XSRF-TOKEN");
        if (sendCsrf && csrf != null) {
            b.header("X-XSRF-TOKEN", csrf);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient http() {
        return http;
    }
}
