package se.dikta.sso;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A browser-like HTTP client for the sign-in round trip: keeps cookies for Dikta and the provider, follows
 * redirects one by one and remembers every URL it went through.
 */
final class OidcFlow {

    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    final List<URI> visited = new ArrayList<>();

    /** GETs {@code url} and follows redirects (at most 10); the last response. */
    HttpResponse<String> follow(String url) {
        URI uri = URI.create(url);
        for (int i = 0; i < 10; i++) {
            visited.add(uri);
            HttpResponse<String> res = get(uri);
            Optional<String> location = res.headers().firstValue("Location");
            if (res.statusCode() / 100 != 3 || location.isEmpty()) {
                return res;
            }
            uri = uri.resolve(location.get());
        }
        throw new IllegalStateException("Too many redirects: " + visited);
    }

    /** One GET without following redirects. */
    HttpResponse<String> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request with the CSRF header the pages send. */
    HttpResponse<String> send(String method, String url, String json) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
            String csrf = cookie("XSRF-TOKEN");
            if (csrf != null) {
                b.header("X-XSRF-TOKEN", csrf);
            }
            return http.send(b.method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Puts a cookie into this client's jar, as a browser that had kept it would send it. */
    OidcFlow withCookie(String url, String name, String value) {
        HttpCookie c = new HttpCookie(name, value);
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().add(URI.create(url), c);
        return this;
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The failure message the server left for the sign-in page, decoded. */
    String message() {
        String raw = cookie(OidcApi.MESSAGE_COOKIE);
        return raw == null ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    /** The first visited URL starting with {@code prefix}. */
    URI visitedStartingWith(String prefix) {
        return visited.stream().filter(u -> u.toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("No visit to " + prefix + " in " + visited));
    }

    static String param(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
