package se.dikta.sso;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OpenID Connect provider as seen from Dikta: its discovery document, the token endpoint and the keys
 * that sign its ID tokens. Every method blocks (HTTP to the provider): call it on a worker thread. The
 * discovery document and the keys are cached per node; they are the provider's public facts, not sign-in state.
 */
final class OidcProvider {

    /** The parts of the discovery document Dikta uses. */
    record Metadata(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
            Optional<String> endSessionEndpoint, boolean basicAuth) {}

    /** Why a sign-in failed at the provider's side: a message for the log (never shown to users). */
    static final class ProviderException extends Exception {
        ProviderException(String message) {
            super(message);
        }

        ProviderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Duration METADATA_LIFETIME = Duration.ofHours(1);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final OidcConfig config;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile Metadata metadata;
    private volatile Instant metadataFetched = Instant.MIN;
    private volatile JWKSource<SecurityContext> keys;

    OidcProvider(OidcConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The discovery document, fetched at most once an hour. */
    synchronized Metadata metadata() throws ProviderException {
        Instant now = clock.instant();
        if (metadata != null && now.isBefore(metadataFetched.plus(METADATA_LIFETIME))) {
            return metadata;
        }
        String issuer = config.issuer().orElseThrow();
        JsonObject doc = getJson(issuer + "/.well-known/openid-configuration");
        String declared = doc.getString("issuer", "");
        if (!stripSlash(declared).equals(issuer)) {
            throw new ProviderException("Discovery document of " + issuer + " names another issuer: " + declared);
        }
        var methods = doc.getJsonArray("token_endpoint_auth_methods_supported");
        boolean basic = methods == null || methods.contains("client_secret_basic") || !methods.contains("client_secret_post");
        Metadata m = new Metadata(declared, required(doc, "authorization_endpoint"), required(doc, "token_endpoint"),
                required(doc, "jwks_uri"), Optional.ofNullable(doc.getString("end_session_endpoint")), basic);
        if (keys == null || metadata == null || !metadata.jwksUri().equals(m.jwksUri())) {
            try {
                keys = JWKSourceBuilder.create(new URL(m.jwksUri())).retrying(true).build();
            } catch (IOException e) {
                throw new ProviderException("Bad jwks_uri " + m.jwksUri(), e);
            }
        }
        metadata = m;
        metadataFetched = now;
        return m;
    }

    /** Exchanges the authorization code (with the PKCE verifier) for tokens; returns the ID token. */
    String exchange(String code, String redirectUri, String codeVerifier) throws ProviderException {
        Metadata m = metadata();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(m.tokenEndpoint())).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        if (m.basicAuth()) {
            String pair = urlEncode(config.clientId()) + ":" + urlEncode(config.clientSecret());
            req.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", config.clientId());
            form.put("client_secret", config.clientSecret());
        }
        String body = form.entrySet().stream().map(e -> urlEncode(e.getKey()) + "=" + urlEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> res = send(req.POST(HttpRequest.BodyPublishers.ofString(body)).build());
        JsonObject json = parse(res.body(), m.tokenEndpoint());
        if (res.statusCode() != 200) {
            throw new ProviderException("Token endpoint answered " + res.statusCode() + ": "
                    + json.getString("error", "") + " " + json.getString("error_description", ""));
        }
        String idToken = json.getString("id_token");
        if (idToken == null) {
            throw new ProviderException("Token response without id_token");
        }
        return idToken;
    }

    /**
     * The ID token's claims once its signature verifies against the provider's keys and its issuer, audience
     * (our client id), expiry and nonce are right.
     */
    JWTClaimsSet verify(String idToken, String nonce) throws ProviderException {
        Metadata m = metadata();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(config.clientId(),
                new JWTClaimsSet.Builder().issuer(m.issuer()).claim("nonce", nonce).build(),
                Set.of("sub", "iat", "exp")) {
            @Override
            protected java.util.Date currentTime() {
                return java.util.Date.from(clock.instant());
            }
        };
        processor.setJWTClaimsSetVerifier(claims);
        try {
            JWTClaimsSet set = processor.process(idToken, null);
            if (set.getAudience().size() > 1 && !config.clientId().equals(set.getStringClaim("azp"))) {
                throw new BadJWTException("azp is not our client id");
            }
            return set;
        } catch (Exception e) {
            throw new ProviderException("ID token rejected: " + e.getMessage(), e);
        }
    }

    private JsonObject getJson(String url) throws ProviderException {
        HttpResponse<String> res = send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json").GET().build());
        if (res.statusCode() != 200) {
            throw new ProviderException(url + " answered " + res.statusCode());
        }
        return parse(res.body(), url);
    }

    private HttpResponse<String> send(HttpRequest req) throws ProviderException {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProviderException("Cannot reach " + req.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("Interrupted calling " + req.uri(), e);
        }
    }

    private static JsonObject parse(String body, String url) throws ProviderException {
        try {
            return new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw new ProviderException(url + " did not answer JSON");
        }
    }

    private static String required(JsonObject doc, String field) throws ProviderException {
        String v = doc.getString(field);
        if (v == null || v.isBlank()) {
            throw new ProviderException("Discovery document lacks " + field);
        }
        return v;
    }

    static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
