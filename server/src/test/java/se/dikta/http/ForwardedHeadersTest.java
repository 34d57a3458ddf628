package se.dikta.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.dikta.identity.Role;
import se.dikta.testing.TestServer;

/** X-Forwarded-For/-Proto/-Host are believed from the configured proxies only. */
class ForwardedHeadersTest {

    @Test
    void aTrustedProxysHeadersGiveTheClientAddressSecureCookiesAndHsts() throws Exception {
        try (TestServer server = TestServer.start(Map.of("http.trustedProxies", "10.0.0.0/8, 127.0.0.1",
                "tls.hsts", "true"))) {
            server.addUser("anna", Role.WORKER, "IFO Vuxen");
            HttpResponse<String> login = login(server, "198.51.100.4, 203.0.113.7, 10.1.2.3");
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).contains("Secure"));
            assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
            // the right-most address that is not a trusted proxy: 10.1.2.3 is ours, 203.0.113.7 the client
            assertThat(lastLoginAddress(server)).isEqualTo("203.0.113.7");
        }
    }

    @Test
    void fromAnUntrustedPeerTheHeadersAreIgnored() throws Exception {
        try (TestServer server = TestServer.start(Map.of("http.trustedProxies", "10.0.0.0/8", "tls.hsts", "true"))) {
            server.addUser("anna", Role.WORKER, "IFO Vuxen");
            HttpResponse<String> login = login(server, "203.0.113.7");
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).contains("Secure"));
            assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(lastLoginAddress(server)).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void aWebSocketOriginMatchesTheForwardedSchemeAndHostOnlyFromATrustedProxy() throws Exception {
        for (boolean trusted : new boolean[] {true, false}) {
            try (TestServer server = TestServer.start(Map.of("http.trustedProxies", trusted ? "127.0.0.1" : "10.0.0.0/8"))) {
                server.addUser("anna", Role.WORKER, "IFO Vuxen");
                String cookie = server.login("anna").cookie("DIKTA_SESSION");
                int status = upgradeStatus(server.port(), cookie, "https://dikta.kommun.se");
                // past the Origin check the missing speech model answers 503; a refused Origin is 403
                assertThat(status).as("trusted proxy: %s", trusted).isEqualTo(trusted ? 503 : 403);
            }
        }
    }

    @Test
    void withAnHttpsPublicOriginCookiesAreSecureAndOnlyThatOriginMayOpenAStream() throws Exception {
        // no trusted proxy: the forwarded headers below are ignored, so only http.publicOrigin can decide
        try (TestServer server = TestServer.start(Map.of("http.publicOrigin", "https://dikta.kommun.se/"))) {
            server.addUser("anna", Role.WORKER, "IFO Vuxen");
            HttpResponse<String> login = login(server, "203.0.113.7");
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty()
                    .allSatisfy(c -> assertThat(c).contains("Secure"));

            String cookie = server.login("anna").cookie("DIKTA_SESSION");
            // past the Origin check the missing speech model answers 503; a refused Origin is 403
            assertThat(upgradeStatus(server.port(), cookie, "https://dikta.kommun.se")).isEqualTo(503);
            assertThat(upgradeStatus(server.port(), cookie, "http://127.0.0.1:" + server.port())).isEqualTo(403);
            assertThat(upgradeStatus(server.port(), cookie, "http://dikta.kommun.se")).isEqualTo(403);
            assertThat(upgradeStatus(server.port(), cookie, "https://evil.example")).isEqualTo(403);
        }
    }

    /** A browser's WebSocket upgrade as a proxy forwards it, on a raw socket (HttpClient forbids these headers). */
    private static int upgradeStatus(int port, String cookie, String origin) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            String request = "GET /api/asr/stream HTTP/1.1\r\nHost: dikta.kommun.se\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Origin: " + origin + "\r\nCookie: DIKTA_SESSION=" + cookie + "\r\nX-Forwarded-Proto: https\r\n"
                    + "X-Forwarded-Host: dikta.kommun.se\r\nX-Forwarded-For: 203.0.113.7\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void proxyListsAreParsedStrictly() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, ::1, fd00::/8");
        assertThat(proxies.trusts("10.200.3.4")).isTrue();
        assertThat(proxies.trusts("11.0.0.1")).isFalse();
        assertThat(proxies.trusts("192.168.1.7")).isTrue();
        assertThat(proxies.trusts("192.168.1.8")).isFalse();
        assertThat(proxies.trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(proxies.trusts("fd12::5")).isTrue();
        assertThat(proxies.trusts("::ffff:10.0.0.1")).isTrue();
        assertThat(proxies.trusts("proxy.kommun.se")).as("names are never looked up").isFalse();
        assertThat(proxies.trusts("unknown")).isFalse();
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.kommun.se")).hasMessageContaining("not an IP");
        assertThatThrownBy(() -> TestServer.start(Map.of("http.trustedProxies", "10.0.0.0/x")))
                .hasMessageContaining("http.trustedProxies");
    }

    private static HttpResponse<String> login(TestServer server, String forwardedFor) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/login"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", forwardedFor)
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "dikta.kommun.se")
                        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "anna")
                                .put("password", TestServer.PASSWORD_PREFIX + "anna").encode())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String lastLoginAddress(TestServer server) throws Exception {
        return server.database().txBlocking(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT address FROM audit_log WHERE action = 'login' ORDER BY id DESC")) {
                List<String> details = new java.util.ArrayList<>();
                while (rs.next()) {
                    details.add(rs.getString(1));
                }
                return details.get(0);
            }
        });
    }
}
