package se.dikta.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

class ServerBasicsTest {

    static TestServer server;
    static ApiClient worker;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("http.jsonBodyLimit", "4096"));
        server.addUser("anna", Role.WORKER, "IFO Barn och unga");
        worker = server.login("anna");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthReportsDatabaseUpWithoutSignIn() {
        ApiClient.Response r = server.anonymous().get("/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("status")).isEqualTo("UP");
        assertThat(r.json().getString("db")).isEqualTo("UP");
    }

    @Test
    void metricsArePrometheusText() {
        ApiClient.Response r = server.anonymous().get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(r.body()).contains("# TYPE jvm_memory_used_bytes gauge").contains("vertx_http_server");
    }

    @Test
    void unknownApiRouteIsJson404() {
        ApiClient.Response r = worker.get("/api/does-not-exist");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).isNotBlank();
        assertThat(server.anonymous().get("/no/such/page").status()).isEqualTo(404);
    }

    @Test
    void anAddressThatIsNoPageOpenedInABrowserIsASwedishPageNotJson() {
        ApiClient browser = server.anonymous().withHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        for (String path : new String[] {"/finns-inte", "/anteckning/", "/Diktera"}) {
            ApiClient.Response r = browser.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(r.body()).as(path).contains("<html lang=\"sv\">", "Sidan finns inte", "href=\"/\"")
                    .doesNotContain("{\"error\"");
        }
        ApiClient.Response api = browser.get("/api/finns-inte");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(server.anonymous().get("/finns-inte").body()).as("no HTML asked for").startsWith("{\"error\"");
    }

    @Test
    void apiAnswersAreNotCachedAndEveryAnswerCarriesTheSecurityHeaders() {
        JsonObject created = worker.post("/api/cases", new JsonObject().put("id", "2026-0900").put("title", "Cachetest")).json();
        assertThat(created.getString("id")).isEqualTo("2026-0900");
        for (ApiClient.Response r : new ApiClient.Response[] {worker.get("/api/me"), worker.get("/api/cases"),
                worker.get("/api/notes?caseId=2026-0900"), worker.get("/api/does-not-exist")}) {
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        }
        ApiClient.Response page = server.anonymous().get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
    }

    @Test
    void anOverlongRequestLineIsAJson414AndOverlargeHeadersAJson431BeforeAnyRoute() {
        ApiClient.Response longQuery = worker.get("/api/search?q=" + "barn".repeat(25_000)); // 100 KB
        assertThat(longQuery.status()).isEqualTo(414);
        assertThat(longQuery.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(longQuery.error()).isEqualTo("Adressen är för lång (högst 4 096 tecken) – gör sökningen kortare");
        ApiClient.Response bigHeaders = server.anonymous().withHeader("X-Padding", "a".repeat(10_000)).get("/api/me");
        assertThat(bigHeaders.status()).isEqualTo(431);
        assertThat(bigHeaders.error()).isEqualTo("Förfrågans rubriker är för stora (högst 8 192 byte)");
        for (ApiClient.Response r : new ApiClient.Response[] {longQuery, bigHeaders}) {
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        }
        ApiClient.Response justUnder = worker.get("/api/search?q=" + "barn+".repeat(40));
        assertThat(justUnder.status()).as("a normal query still reaches its route").isNotIn(414, 431);
        assertThat(worker.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void wrongMethodIsJson405() {
        ApiClient.Response r = worker.put("/api/cases", new JsonObject());
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.error()).isNotBlank();
    }

    @Test
    void malformedJsonIs400() {
        ApiClient.Response r = worker.send("POST", "/api/cases", "{\"id\": ", "application/json");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("JSON");
    }

    @Test
    void oversizedBodyIs413() {
        String big = new JsonObject().put("id", "x".repeat(10_000)).encode();
        ApiClient.Response r = worker.send("POST", "/api/cases", big, "application/json");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.error()).isNotBlank();
    }

    @Test
    void apiNeedsSignIn() {
        ApiClient.Response r = server.anonymous().get("/api/cases");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.error()).isNotBlank();
    }

    @Test
    void servesSignInPage() {
        ApiClient.Response r = server.anonymous().get("/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("Logga in");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void createsAndListsCasesOfOwnUnitOnly() {
        server.addUser("erik", Role.WORKER, "IFO Vuxen");
        ApiClient erik = server.login("erik");
        assertThat(worker.post("/api/cases", new JsonObject().put("id", "T-1").put("title", "Test")).status())
                .isEqualTo(201);
        assertThat(worker.get("/api/cases").json().getJsonArray("cases").encode()).contains("T-1");
        assertThat(erik.get("/api/cases").json().getJsonArray("cases").encode()).doesNotContain("T-1");
    }
}
