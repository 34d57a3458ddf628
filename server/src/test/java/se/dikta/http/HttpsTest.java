package se.dikta.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.identity.Role;
import se.dikta.testing.StreamClient;
import se.dikta.testing.TestCertificate;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;

/** Dikta serving HTTPS itself: sign-in, API and dictation over TLS, certificate reload, redirect. */
class HttpsTest {

    @TempDir
    static Path shared;
    static ToneModel model;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generateModel() throws Exception {
        model = new ToneModelGenerator().generate(shared.resolve("vosk-model-tone"));
    }

    @Test
    void signInApiAndDictationWorkOverHttpsWithSecureCookiesAndHsts() throws Exception {
        TestCertificate cert = TestCertificate.create(tmp, "dikta-test");
        try (TestServer server = TestServer.start(Map.of("tls.cert", cert.certPem().toString(),
                "tls.key", cert.keyPem().toString(), "asr.model", model.dir().toString()))) {
            server.addUser("anna", Role.WORKER, "IFO Vuxen");
            HttpClient client = HttpClient.newBuilder().sslContext(cert.trustingContext()).build();
            String base = "https://127.0.0.1:" + server.port();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "anna")
                            .put("password", TestServer.PASSWORD_PREFIX + "anna").encode())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            List<String> cookies = login.headers().allValues("Set-Cookie");
            assertThat(cookies).isNotEmpty().allSatisfy(c -> assertThat(c).contains("Secure"));
            assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("max-age="));
            String session = sessionCookie(cookies);

            HttpResponse<String> me = client.send(HttpRequest.newBuilder(URI.create(base + "/api/me"))
                    .header("Cookie", "DIKTA_SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(me.body()).getString("username")).isEqualTo("anna");

            try (StreamClient wss = new StreamClient(server.port(), session, cert.certPem())
                    .withCsrf(cookie(cookies, "XSRF-TOKEN"))) {
                StreamClient.Connection c = wss.connect().start(16000)
                        .sendAudio(new ToneWavWriter(model).render("hallå stöd", 16000), 100, 0).stop();
                assertThat(c.awaitType("done", Duration.ofSeconds(30)).json().getString("transcript"))
                        .isEqualTo("hallå stöd");
            }
        }
    }

    @Test
    void aRenewedCertificateIsServedWithoutDroppingAnOpenStream() throws Exception {
        TestCertificate first = TestCertificate.create(tmp.resolve("first"), "forsta");
        TestCertificate second = TestCertificate.create(tmp.resolve("second"), "andra");
        Path certFile = tmp.resolve("server.crt");
        Path keyFile = tmp.resolve("server.key");
        first.installAs(certFile, keyFile);
        try (TestServer server = TestServer.start(Map.of("tls.cert", certFile.toString(), "tls.key", keyFile.toString(),
                "tls.reloadInterval", "1s", "asr.model", model.dir().toString()))) {
            server.addUser("anna", Role.WORKER, "IFO Vuxen");
            assertThat(servedCertificate(server.port()).getSubjectX500Principal().getName()).isEqualTo("CN=forsta");
            List<String> cookies = login(server, first);
            try (StreamClient wss = new StreamClient(server.port(), sessionCookie(cookies), first.certPem())
                    .withCsrf(cookie(cookies, "XSRF-TOKEN"))) {
                StreamClient.Connection open = wss.connect().start(16000)
                        .sendAudio(new ToneWavWriter(model).render("hallå", 16000), 100, 0);

                second.installAs(certFile, keyFile);
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                String served;
                do {
                    Thread.sleep(100);
                    served = servedCertificate(server.port()).getSubjectX500Principal().getName();
                } while (!served.equals("CN=andra") && System.nanoTime() < deadline);
                assertThat(served).isEqualTo("CN=andra");

                // the stream opened under the old certificate goes on to the end
                open.sendAudio(new ToneWavWriter(model).render("stöd", 16000), 100, 0).stop();
                assertThat(open.awaitType("done", Duration.ofSeconds(30)).json().getString("transcript"))
                        .isEqualTo("hallå stöd");
            }
        }
    }

    @Test
    void aPkcs12KeystoreWorksAndPlainHttpIsRedirectedToHttps() throws Exception {
        TestCertificate cert = TestCertificate.create(tmp, "keystore");
        int redirectPort;
        try (ServerSocket s = new ServerSocket(0)) {
            redirectPort = s.getLocalPort();
        }
        try (TestServer server = TestServer.start(Map.of("tls.keystore", cert.keystore().toString(),
                "tls.keystorePassword", cert.password(), "tls.redirectPort", String.valueOf(redirectPort)))) {
            HttpClient client = HttpClient.newBuilder().sslContext(cert.trustingContext()).build();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + redirectPort + "/diktera?case=1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(301);
            assertThat(plain.headers().firstValue("Location"))
                    .hasValue("https://127.0.0.1:" + server.port() + "/diktera?case=1");
        }
    }

    private static List<String> login(TestServer server, TestCertificate cert) throws Exception {
        HttpResponse<String> login = HttpClient.newBuilder().sslContext(cert.trustingContext()).build()
                .send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/api/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "anna")
                                .put("password", TestServer.PASSWORD_PREFIX + "anna").encode())).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        return login.headers().allValues("Set-Cookie");
    }

    private static String sessionCookie(List<String> setCookies) {
        return cookie(setCookies, "DIKTA_SESSION");
    }

    private static String cookie(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).orElseThrow();
    }

    /** The certificate a fresh TLS handshake is given (observed, not trusted). */
    private static X509Certificate servedCertificate(int port) throws Exception {
        javax.net.ssl.TrustManager[] trustAll = {new javax.net.ssl.X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) {}
            public void checkServerTrusted(X509Certificate[] c, String a) {}
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }};
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, trustAll, null);
        try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
