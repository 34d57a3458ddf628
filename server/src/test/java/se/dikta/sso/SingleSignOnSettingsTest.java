package se.dikta.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.dikta.config.DiktaConfig;
import se.dikta.identity.Role;
import se.dikta.settings.ConfigException;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/**
 * Single sign-on only (password sign-in switched off), role and unit from claims instead of a group map,
 * and a short sign-in timeout; plus the configuration's own checks.
 */
class SingleSignOnSettingsTest {

    static MockOAuth2Server provider;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        server = TestServer.start(Map.of(
                "oidc.issuer", SingleSignOnTest.issuer(provider, "kommun"),
                "oidc.clientId", "dikta",
                "oidc.clientSecret", "hemligt",
                "oidc.roleClaim", "dikta_roll",
                "oidc.unitClaim", "enhet",
                "oidc.passwordLogin", "false",
                "oidc.signInTimeout", "3s"));
        // The provider's first answers are slow (class loading); warm it so a sign-in fits in the timeout.
        new OidcFlow().get(URI.create(SingleSignOnTest.issuer(provider, "kommun") + "/.well-known/openid-configuration"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        provider.shutdown();
    }

    @Test
    void roleAndUnitComeFromTheConfiguredClaims() {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("kommun", "sub-h", "JWT", List.of("dikta"),
                Map.of("preferred_username", "helena.sso", "name", "Helena Holm",
                        "dikta_roll", List.of("annat-system-admin", "manager"), "enhet", "Vuxen"), 3600));
        OidcFlow flow = new OidcFlow();

        flow.follow(server.baseUrl() + "/api/auth/oidc/login");

        HttpResponse<String> me = flow.get(URI.create(server.baseUrl() + "/api/me"));
        assertThat(me.statusCode()).as(flow.message()).isEqualTo(200);
        JsonObject user = new JsonObject(me.body());
        assertThat(user.getString("role")).isEqualTo("manager");
        assertThat(user.getString("unit")).isEqualTo("Vuxen");
    }

    @Test
    void aStateOlderThanTheSignInTimeoutIsRefused() throws Exception {
        OidcFlow flow = new OidcFlow();
        URI authorize = URI.create(flow.get(URI.create(server.baseUrl() + "/api/auth/oidc/login"))
                .headers().firstValue("Location").orElseThrow());
        String callback = flow.get(authorize).headers().firstValue("Location").orElseThrow();

        Thread.sleep(3500);
        flow.follow(callback);

        assertThat(flow.message()).isEqualTo(OidcService.EXPIRED);
        assertThat(flow.cookie("DIKTA_SESSION")).isNull();
    }

    @Test
    void passwordSignInIsRefusedWhenSwitchedOff() {
        server.addUser("ivar", Role.WORKER, "Barn och unga");
        ApiClient.Response r = server.anonymous().post("/api/login",
                new JsonObject().put("username", "ivar").put("password", TestServer.PASSWORD_PREFIX + "ivar"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).contains("Inloggning med lösenord är avstängd");
        JsonObject methods = server.anonymous().get("/api/auth/methods").json();
        assertThat(methods.getBoolean("password")).isFalse();
        assertThat(methods.getBoolean("sso")).isTrue();
    }

    @Test
    void passwordSignInCannotBeSwitchedOffWithoutAProvider() {
        assertThatThrownBy(() -> DiktaConfig.forTest(Path.of("target"), Map.of("oidc.passwordLogin", "false")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("oidc.issuer");
    }

    @Test
    void aGroupMapWithAnUnknownRoleIsAConfigurationError() {
        assertThatThrownBy(() -> DiktaConfig.forTest(Path.of("target"), Map.of("oidc.issuer", "https://idp.example",
                "oidc.clientId", "dikta", "oidc.groupMap", "sg-a=chef:Barn")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown role 'chef'");
    }

    @Test
    void theGroupMapReadsGroupRoleAndUnitInOrder() {
        OidcConfig c = DiktaConfig.forTest(Path.of("target"), Map.of("oidc.issuer", "https://idp.example/",
                "oidc.clientId", "dikta",
                "oidc.groupMap", "sg-chef = manager:IFO Barn och unga;\nsg-barn=worker:IFO Barn och unga")).oidc();
        assertThat(c.issuer()).contains("https://idp.example");
        assertThat(c.groupMap()).extracting(OidcConfig.GroupGrant::group).containsExactly("sg-chef", "sg-barn");
        assertThat(c.groupMap().get(0).role()).isEqualTo(Role.MANAGER);
        assertThat(c.groupMap().get(1).unit()).contains("IFO Barn och unga");
        assertThat(c.scopes()).contains("openid");
    }
}
