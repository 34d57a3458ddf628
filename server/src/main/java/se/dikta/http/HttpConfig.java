package se.dikta.http;

import java.nio.file.Path;
import java.util.Optional;
import se.dikta.settings.Settings;

/**
 * HTTP settings.
 *
 * @param jsonBodyLimit largest JSON request body in bytes (larger → 413)
 * @param webRoot serve the pages from this directory instead of the copy inside the jar (development)
 * @param publicOrigin the origin browsers use (e.g. https://dikta.kommun.se), for Origin checks behind a proxy
 * @param trustedProxies reverse proxies whose X-Forwarded-For/-Proto/-Host are believed ({@code http.trustedProxies})
 */
public record HttpConfig(long jsonBodyLimit, Optional<Path> webRoot, Optional<String> publicOrigin,
        TrustedProxies trustedProxies) {

    public static HttpConfig from(Settings s) {
        return new HttpConfig(
                s.longValue("http.jsonBodyLimit", 2L * 1024 * 1024, 1024, 512L * 1024 * 1024),
                s.optionalString("http.webRoot").map(Path::of),
                s.optionalString("http.publicOrigin"),
                s.optionalString("http.trustedProxies").map(list -> {
                    try {
                        return TrustedProxies.parse(list);
                    } catch (IllegalArgumentException e) {
                        throw s.invalid("http.trustedProxies", e.getMessage());
                    }
                }).orElse(TrustedProxies.none()));
    }
}
