package se.dikta.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.dikta.settings.Settings;
import se.dikta.testing.TestServer;

/**
 * Single sign-on against a real OpenID Connect provider (mock-oauth2-server on a loopback port): the whole
 * authorization code round trip over HTTP, and every way a sign-in must be refused.
 */
class SingleSignOnTest {

    static final String CLIENT_ID = "dikta";
    static final String GROUP_MAP = "sg-dikta-barn=worker:Barn och unga; sg-dikta-chef=manager:Barn och unga";

    static MockOAuth2Server provider;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        server = TestServer.start(config(provider, Map.of()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        provider.shutdown();
    }

    static String issuer(MockOAuth2Server provider, String id) {
        return "http://127.0.0.1:" + provider.url("/").port() + "/" + id;
    }

    static Map<String, String> config(MockOAuth2Server provider, Map<String, String> more) {
        Map<String, String> c = new java.util.HashMap<>(Map.of(
                "oidc.issuer", issuer(provider, "kommun"),
                "oidc.clientId", CLIENT_ID,
                "oidc.clientSecret", "hemligt",
                "oidc.groupMap", GROUP_MAP));
        c.putAll(more);
        return c;
    }

    /** The provider's next ID token says this (for issuer "kommun", audience our client id). */
    static void nextUser(String username, String name, List<String> groups) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("kommun", "sub-" + username, "JWT", List.of(CLIENT_ID),
                Map.of("preferred_username", username, "name", name, "groups", groups), 3600));
    }

    static JsonObject me(OidcFlow flow) {
        HttpResponse<String> r = flow.get(URI.create(server.baseUrl() + "/api/me"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    @Test
    void signInCreatesTheUserWithRoleAndUnitFromTheGroupMapAndAnOrdinarySession() {
        nextUser("anna.sso", "Anna Andersson", List.of("sg-alla", "sg-dikta-barn"));
        OidcFlow flow = new OidcFlow();

        HttpResponse<String> last = flow.follow(server.baseUrl() + "/api/auth/oidc/login?next=/arenden");

        assertThat(flow.visited.get(flow.visited.size() - 1).getPath()).isEqualTo("/arenden");
        assertThat(last.statusCode()).isIn(200, 404); // the page itself; whichever pages exist on this branch
        URI authorize = flow.visitedStartingWith(issuer(provider, "kommun") + "/authorize");
        assertThat(OidcFlow.param(authorize, "code_challenge_method")).isEqualTo("S256");
        assertThat(OidcFlow.param(authorize, "code_challenge")).isNotBlank();
        assertThat(OidcFlow.param(authorize, "nonce")).isNotBlank();
        JsonObject me = me(flow);
        assertThat(me.getString("username")).isEqualTo("anna.sso");
        assertThat(me.getString("role")).isEqualTo("worker");
        assertThat(me.getString("unit")).isEqualTo("Barn och unga");
        assertThat(me.getString("displayName")).isEqualTo("Anna Andersson");
        // Everything after sign-in works as after a password sign-in: CSRF-checked writes included.
        assertThat(flow.send("POST", server.baseUrl() + "/api/logout", "{}").body()).contains("\"sso\":true");
        assertThat(flow.get(URI.create(server.baseUrl() + "/api/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void aSecondSignInUpdatesRoleAndUnitFromTheProvider() {
        nextUser("bo.sso", "Bo Berg", List.of("sg-dikta-barn"));
        OidcFlow first = new OidcFlow();
        first.follow(server.baseUrl() + "/api/auth/oidc/login");
        assertThat(me(first).getString("role")).isEqualTo("worker");

        nextUser("bo.sso", "Bo Berg", List.of("sg-dikta-chef"));
        OidcFlow second = new OidcFlow();
        second.follow(server.baseUrl() + "/api/auth/oidc/login");
        assertThat(me(second).getString("role")).isEqualTo("manager");
    }

    @Test
    void aUserWithoutAMappedGroupIsRefusedWithASwedishMessageAndNoSession() {
        nextUser("cecilia.sso", "Cecilia Ek", List.of("sg-ekonomi"));
        OidcFlow flow = new OidcFlow();

        flow.follow(server.baseUrl() + "/api/auth/oidc/login");

        assertThat(flow.visited.get(flow.visited.size() - 1).toString()).endsWith("/?sso=fel");
        assertThat(flow.message()).isEqualTo(ClaimMapping.NO_ACCESS);
        assertThat(flow.cookie("DIKTA_SESSION")).isNull();
        assertThat(flow.get(URI.create(server.baseUrl() + "/api/me")).statusCode()).isEqualTo(401);
        int users = server.database().txBlocking(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM users WHERE username = 'cecilia.sso'");
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(users).isZero();
    }

    /** A real ID token from the provider's issuer {@code issuerId}, saying what the test chooses. */
    static String idToken(String issuerId, String audience, String nonce, long expirySeconds) {
        return provider.anyToken(HttpUrl.get(issuer(provider, issuerId)), Map.of("sub", "sub-x", "aud", audience,
                "nonce", nonce, "preferred_username", "xerxes.sso", "groups", List.of("sg-dikta-barn")),
                Duration.ofSeconds(expirySeconds)).serialize();
    }

    /** Dikta's view of the provider, as the sign-in uses it: discovery, keys, ID token checks. */
    static OidcProvider diktaSide() {
        return new OidcProvider(OidcConfig.from(Settings.of(config(provider, Map.of()))), Clock.systemUTC());
    }

    @Test
    void anIdTokenFromTheConfiguredIssuerForUsWithTheNonceVerifies() throws Exception {
        var claims = diktaSide().verify(idToken("kommun", CLIENT_ID, "n-1", 3600), "n-1");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("xerxes.sso");
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() {
        assertThatThrownBy(() -> diktaSide().verify(idToken("kommun", "annan-app", "n-1", 3600), "n-1"))
                .isInstanceOf(OidcProvider.ProviderException.class).hasMessageContaining("aud");
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() {
        assertThatThrownBy(() -> diktaSide().verify(idToken("annan-leverantor", CLIENT_ID, "n-1", 3600), "n-1"))
                .isInstanceOf(OidcProvider.ProviderException.class);
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        assertThatThrownBy(() -> diktaSide().verify(idToken("kommun", CLIENT_ID, "n-1", -600), "n-1"))
                .isInstanceOf(OidcProvider.ProviderException.class).hasMessageContaining("xpired");
    }

    @Test
    void anIdTokenWithAnotherSignInsNonceIsRefused() {
        assertThatThrownBy(() -> diktaSide().verify(idToken("kommun", CLIENT_ID, "n-1", 3600), "n-2"))
                .isInstanceOf(OidcProvider.ProviderException.class).hasMessageContaining("nonce");
    }

    @Test
    void anUnsignedIdTokenIsRefused() {
        String[] parts = idToken("kommun", CLIENT_ID, "n-1", 3600).split("\\.");
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        assertThatThrownBy(() -> diktaSide().verify(unsigned, "n-1")).isInstanceOf(OidcProvider.ProviderException.class);
    }

    @Test
    void aReplayedStateIsRefused() {
        nextUser("frida.sso", "Frida Falk", List.of("sg-dikta-barn"));
        OidcFlow flow = new OidcFlow();
        URI authorize = URI.create(flow.get(URI.create(server.baseUrl() + "/api/auth/oidc/login"))
                .headers().firstValue("Location").orElseThrow());
        String browserKey = flow.cookie("DIKTA_SSO");
        String callback = flow.get(authorize).headers().firstValue("Location").orElseThrow();
        flow.follow(callback);
        assertThat(me(flow).getString("username")).isEqualTo("frida.sso");

        // The same browser (binding cookie kept, e.g. by the back button) sends the provider's answer again.
        OidcFlow again = new OidcFlow().withCookie(server.baseUrl(), "DIKTA_SSO", browserKey);
        again.follow(callback);

        assertThat(again.message()).isEqualTo(OidcService.EXPIRED);
        assertThat(again.cookie("DIKTA_SESSION")).isNull();
    }

    @Test
    void aCallbackFromAnotherBrowserThanTheOneThatStartedIsRefused() {
        // No token is ever asked for here, so no ID token is queued at the provider.
        OidcFlow victim = new OidcFlow();
        HttpResponse<String> toProvider = victim.get(URI.create(server.baseUrl() + "/api/auth/oidc/login"));
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        // The provider's answer (code and state) ends up in another browser, one without the binding cookie.
        HttpResponse<String> fromProvider = victim.get(URI.create(authorize));
        String callback = fromProvider.headers().firstValue("Location").orElseThrow();

        OidcFlow other = new OidcFlow();
        other.follow(callback);

        assertThat(other.message()).isEqualTo(OidcService.EXPIRED);
        assertThat(other.cookie("DIKTA_SESSION")).isNull();
    }

    @Test
    void methodsTellThePageThatSingleSignOnIsOffered() {
        HttpResponse<String> r = new OidcFlow().get(URI.create(server.baseUrl() + "/api/auth/methods"));
        JsonObject methods = new JsonObject(r.body());
        assertThat(methods.getBoolean("sso")).isTrue();
        assertThat(methods.getBoolean("password")).isTrue();
        assertThat(methods.getString("ssoLabel")).isEqualTo("Logga in med kommunens konto");
    }

    @Test
    void signOutAtTheProviderGoesToItsEndSessionEndpoint() {
        HttpResponse<String> r = new OidcFlow().get(URI.create(server.baseUrl() + "/api/auth/oidc/logout"));
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(issuer(provider, "kommun") + "/endsession")
                .contains("client_id=dikta").contains("post_logout_redirect_uri=");
    }
}
