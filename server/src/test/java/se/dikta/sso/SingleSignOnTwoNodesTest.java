package se.dikta.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import se.dikta.testing.PostgresServer;
import se.dikta.testing.TestServer;

/** Two nodes on one PostgreSQL: a sign-in started on one node is finished by the other, once. */
class SingleSignOnTwoNodesTest {

    @Test
    void aSignInStartedOnOneNodeFinishesOnTheOtherAndOnlyOnce() throws Exception {
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        String db = PostgresServer.shared().createDatabase();
        Map<String, String> config = SingleSignOnTest.config(provider, Map.of("db.url", db, "db.user", "dikta"));
        try (TestServer first = TestServer.start(config); TestServer second = TestServer.start(config)) {
            provider.enqueueCallback(new DefaultOAuth2TokenCallback("kommun", "sub-l", "JWT", List.of("dikta"),
                    Map.of("preferred_username", "lisa.sso", "groups", List.of("sg-dikta-barn")), 3600));
            OidcFlow flow = new OidcFlow();
            URI authorize = URI.create(flow.get(URI.create(first.baseUrl() + "/api/auth/oidc/login"))
                    .headers().firstValue("Location").orElseThrow());
            String browserKey = flow.cookie("DIKTA_SSO");
            String callback = flow.get(authorize).headers().firstValue("Location").orElseThrow()
                    .replace(first.baseUrl(), second.baseUrl());

            flow.follow(callback);

            HttpResponse<String> me = flow.get(URI.create(first.baseUrl() + "/api/me"));
            assertThat(me.statusCode()).as(flow.message()).isEqualTo(200);
            assertThat(me.body()).contains("lisa.sso");
            // The same browser (binding cookie kept) sends the provider's answer again, to the other node.
            OidcFlow replay = new OidcFlow().withCookie(first.baseUrl(), "DIKTA_SSO", browserKey);
            replay.follow(callback.replace(second.baseUrl(), first.baseUrl()));
            assertThat(replay.message()).isEqualTo(OidcService.EXPIRED);
        } finally {
            provider.shutdown();
        }
    }
}
