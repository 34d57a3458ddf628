package se.dikta.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/** Third-party browser libraries come from WebJars on the server itself, never from another host. */
class WebJarsTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void chartJsIsServedLocallyWithoutSignInAsJavaScript() {
        ApiClient.Response r = server.anonymous().get("/webjars/chart.js/4.4.7/dist/chart.umd.js");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(r.body()).contains("Chart");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
    }

    @Test
    void unknownWebJarFileIs404AndNoPathLeavesTheWebJarFolder() {
        assertThat(server.anonymous().get("/webjars/chart.js/0.0.0/nothing.js").status()).isEqualTo(404);
        assertThat(server.anonymous().get("/webjars/../web/index.html").status()).isNotEqualTo(500);
        assertThat(server.anonymous().get("/webjars/%2e%2e/%2e%2e/META-INF/MANIFEST.MF").status()).isEqualTo(404);
    }
}
