package se.dikta.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/**
 * What a new user (or a careless script) sends that once answered 500: every such request is now a 4xx
 * with a Swedish {@code {"error"}} naming the field, checked before the database sees it. The same suite
 * on H2 and PostgreSQL (they refuse different things: PostgreSQL also NUL in text).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EdgeValidationBehaviour {

    private static final String UNIT = "IFO Barn och unga";

    private TestServer server;
    private ApiClient anna;
    private ApiClient admin;
    private String caseId;
    private String noteId;

    protected abstract Map<String, String> databaseSettings();

    @BeforeAll
    void start() {
        Map<String, String> settings = new HashMap<>(databaseSettings());
        settings.put("auth.lockoutThreshold", "3");
        settings.put("auth.addressLockoutThreshold", "3");
        server = TestServer.start(settings);
        server.addUser("anna", Role.WORKER, UNIT);
        server.addUser("chef", Role.MANAGER, UNIT);
        server.addUser("root", Role.ADMIN, UNIT);
        anna = server.login("anna");
        admin = server.login("root");
        caseId = "E-1";
        assertThat(anna.post("/api/cases", new JsonObject().put("id", caseId).put("title", "Test")).status()).isEqualTo(201);
        ApiClient.Response note = anna.post("/api/notes", new JsonObject().put("caseId", caseId)
                .put("template", "journalanteckning"));
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        noteId = note.json().getString("id");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static void assertRefused(ApiClient.Response r, int status, String mentions) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.error()).as(r.body()).contains(mentions);
    }

    @Test
    void aSearchPageFarBeyondTheEndIsA400NotAnOverflow() {
        assertRefused(anna.get("/api/search?page=2147483647&size=2"), 400, "page");
        assertRefused(anna.get("/api/search?page=1000000&size=100"), 400, "träffar");
        assertRefused(anna.get("/api/search?page=-1"), 400, "page");
        assertRefused(anna.get("/api/search?size=99999999999999999999"), 400, "size");
        assertRefused(anna.get("/api/search?page=1&page=2"), 400, "page");
        assertThat(anna.get("/api/search?page=3&size=2").status()).isEqualTo(200);
    }

    @Test
    void aCaseTitleMayBeLeftOutButNotOverlong() {
        ApiClient.Response nullTitle = anna.post("/api/cases", new JsonObject().put("id", "E-null").putNull("title"));
        assertThat(nullTitle.status()).as(nullTitle.body()).isEqualTo(201);
        assertThat(nullTitle.json().getString("title")).isEqualTo("Ärende E-null");
        assertRefused(anna.post("/api/cases", new JsonObject().put("id", "E-long").put("title", "x".repeat(5000))),
                400, "'title'");
        assertRefused(anna.post("/api/cases", new JsonObject().put("id", "E-num").put("title", 42)), 400, "'title'");
        assertRefused(anna.post("/api/cases", new JsonObject().put("id", "E-nul").put("title", "a\u0000b")), 400, "'title'");
        assertRefused(anna.post("/api/cases", new JsonObject().put("id", "x".repeat(65))), 400, "'id'");
        assertRefused(anna.post("/api/cases", new JsonObject().put("id", "a b")), 400, "'id'");
    }

    @Test
    void anAdminCreatingAUserGetsTheDisplayNameDefaultedOrA400() {
        JsonObject user = new JsonObject().put("username", "nyuser").put("role", "worker").put("unit", UNIT)
                .put("password", "hemligt-losen").putNull("displayName");
        ApiClient.Response created = admin.post("/api/admin/users", user);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().getString("displayName")).isEqualTo("nyuser");
        assertRefused(admin.post("/api/admin/users", user.copy().put("username", "nyuser2")
                .put("displayName", "x".repeat(5000))), 400, "'displayName'");
        assertRefused(admin.post("/api/admin/users", user.copy().put("username", "nyuser3")
                .put("title", "x".repeat(201))), 400, "'title'");
        assertRefused(admin.post("/api/admin/users", user.copy().put("username", "nyuser4")
                .put("unit", "x".repeat(201))), 400, "'unit'");
        assertRefused(admin.post("/api/admin/users", user.copy().put("username", "x".repeat(101))), 400, "'username'");
        assertRefused(admin.put("/api/admin/users/nyuser", new JsonObject().put("displayName", "x".repeat(5000))),
                400, "'displayName'");
        assertRefused(admin.put("/api/admin/users/nyuser", new JsonObject().put("displayName", true)),
                400, "'displayName'");
        assertRefused(admin.get("/api/admin/users/" + "x".repeat(1000)), 404, "");
    }

    @Test
    void overlongUserNamesAreRefusedWithoutHashingAndStillCountTowardsTheLock() {
        ApiClient stranger = server.anonymous();
        for (int i = 0; i < 3; i++) {
            String name = (i == 0 ? "y".repeat(101) : "z".repeat(10_000));
            assertRefused(stranger.post("/api/login", new JsonObject().put("username", name).put("password", "x")),
                    400, "'username'");
        }
        // three refusals lock the address (auth.addressLockoutThreshold=3): even the right password waits now
        ApiClient.Response locked = stranger.post("/api/login", new JsonObject().put("username", "anna")
                .put("password", TestServer.PASSWORD_PREFIX + "anna"));
        assertThat(locked.status()).as(locked.body()).isEqualTo(429);
        int counted = server.database().txBlocking(c -> {
            try (var rs = c.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM audit_log WHERE action = 'login-failed' AND detail LIKE '%username%'")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(counted).isEqualTo(3);
        // unlock for the other tests (they sign in from the same loopback address)
        server.database().txBlocking(c -> c.createStatement().executeUpdate("DELETE FROM login_throttle"));
    }

    @Test
    void jsonRoutesRefuseOtherContentTypesWith415() {
        String body = new JsonObject().put("id", "E-415").toString();
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/json; charset=latin1")) {
            assertRefused(anna.send("POST", "/api/cases", body, type), 415, "JSON");
            assertRefused(anna.send("PUT", "/api/notes/" + noteId, "{}", type), 415, "JSON");
            assertRefused(server.anonymous().send("POST", "/api/login",
                    "{\"username\":\"anna\",\"password\":\"x\"}", type), 415, "JSON");
            assertRefused(admin.send("POST", "/api/admin/users", "{}", type), 415, "JSON");
        }
        assertRefused(anna.send("POST", "/api/structure", "<text>hej</text>", null), 415, "JSON");
        assertThat(anna.send("POST", "/api/cases", body, "application/json; charset=UTF-8").status()).isEqualTo(201);
        // a request without a body needs no type
        assertThat(anna.send("POST", "/api/notes/" + noteId + "/sign", null, null).status()).isNotEqualTo(415);
    }

    @Test
    void malformedBodiesAre400() {
        assertRefused(anna.send("POST", "/api/cases", "{\"id\":", "application/json"), 400, "JSON");
        assertRefused(anna.send("POST", "/api/cases", "[1,2]", "application/json"), 400, "JSON-objekt");
        assertRefused(anna.send("POST", "/api/cases", "null", "application/json"), 400, "JSON");
        assertRefused(anna.sendBytes("POST", "/api/cases", new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3,
            (byte) 0x28, '"', '}'}, "application/json"), 400, "UTF-8");
        assertRefused(anna.send("POST", "/api/cases", "[".repeat(10_000) + "]".repeat(10_000), "application/json"),
                400, "JSON");
        assertRefused(anna.send("POST", "/api/cases", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
                "application/json"), 400, "JSON");
        assertRefused(anna.send("POST", "/api/cases", "{\"id\":1" + "0".repeat(5000) + "}", "application/json"),
                400, "JSON");
    }

    @Test
    void notesRefuseImplausibleDatesAndOverlongFields() {
        for (String date : List.of("0000-01-01", "+999999999-12-31", "-0001-01-01", "1899-12-31", "2200-01-01")) {
            assertRefused(anna.put("/api/notes/" + noteId, new JsonObject().put("eventDate", date)), 400, "eventDate");
            assertRefused(anna.post("/api/notes", new JsonObject().put("caseId", caseId)
                    .put("template", "journalanteckning").put("eventDate", date)), 400, "eventDate");
            assertRefused(anna.get("/api/search?from=" + java.net.URLEncoder.encode(date, java.nio.charset.StandardCharsets.UTF_8)),
                    400, "from");
        }
        assertThat(anna.put("/api/notes/" + noteId, new JsonObject().put("eventDate", LocalDate.now().minusMonths(1).toString())).status()).isEqualTo(200);
        assertRefused(anna.post("/api/notes", new JsonObject().put("caseId", caseId).put("template", "x".repeat(5000))),
                400, "'template'");
        assertRefused(anna.post("/api/notes", new JsonObject().put("caseId", "x".repeat(5000)).put("template", "journalanteckning")),
                400, "'caseId'");
        assertRefused(anna.post("/api/notes", new JsonObject().putNull("caseId").put("template", "journalanteckning")),
                400, "'caseId'");
        assertRefused(anna.put("/api/notes/" + noteId, new JsonObject().put("transcript", "a\u0000b")), 400, "'transcript'");
        assertRefused(anna.put("/api/notes/" + noteId, new JsonObject().put("version", "1")), 400, "'version'");
        assertRefused(anna.put("/api/notes/" + noteId, new JsonObject().put("sections", "KONTAKT")), 400, "'sections'");
        assertRefused(anna.post("/api/notes/" + noteId + "/amendments", new JsonObject().put("text", "x")
                .put("section", "x".repeat(41))), 400, "'section'");
        assertRefused(anna.get("/api/notes?caseId=" + "x".repeat(65)), 400, "caseId");
    }

    @Test
    void reportsRefuseImplausibleDatesAndPeriods() {
        ApiClient chef = server.login("chef");
        for (String q : List.of("from=0000-01-01&to=0000-12-31", "from=2025-01-01&to=%2B999999999-12-31",
                "tertial=0000-T1", "tertial=999999999-T1", "groupBy=" + "x".repeat(1000), "unit=" + "x".repeat(1000))) {
            ApiClient.Response r = chef.get("/api/reports/time-saved?" + q);
            assertThat(r.status()).as(q.substring(0, Math.min(q.length(), 40)) + " " + r.body()).isBetween(400, 403);
            assertThat(r.error()).as(q).isNotBlank();
            assertThat(chef.get("/api/reports/time-saved.csv?" + q).status()).as(q).isBetween(400, 403);
        }
    }

    @Test
    void oddCharactersInIdsAreNotFoundNotErrors() {
        for (String id : List.of("%00", "..%2F..%2Fetc%2Fpasswd", "%2E%2E", "x".repeat(1000), "%F0%9F%98%80", "%ff%fe",
                "a%0Ab", "'%20OR%201=1--", "%E2%80%AE")) {
            for (String path : List.of("/api/notes/" + id, "/api/notes/" + id + "/versions", "/api/transcriptions/" + id)) {
                ApiClient.Response r = anna.get(path);
                assertThat(r.status()).as(path.substring(0, Math.min(path.length(), 60)) + " " + r.body())
                        .isBetween(400, 404);
                assertThat(r.error()).as(path).isNotBlank();
            }
            ApiClient.Response r = admin.get("/api/admin/users/" + id);
            assertThat(r.status()).as(id + " " + r.body()).isBetween(400, 404);
            r = admin.get("/api/admin/units/" + id + "/local-names");
            assertThat(r.status()).as(id + " " + r.body()).isBetween(400, 404);
        }
        // dot segments are resolved against the root: at most the start page, never a file outside web/, never a 500
        for (String page : List.of("/%2E%2E%2F", "/%2E%2E", "/..%2F..%2Fetc%2Fpasswd", "/%00", "/%2E%2E%2F%2E%2E%2Fpom.xml")) {
            ApiClient.Response r = anna.get(page);
            assertThat(r.status()).as(page).isIn(200, 404);
            assertThat(r.body()).as(page).doesNotContain("root:").doesNotContain("<project");
        }
        assertRefused(anna.get("/api/search?caseId=%00"), 400, "caseId");
        assertRefused(anna.get("/api/notes?caseId=a%00b"), 400, "caseId");
    }

    @Test
    void localNamesAndStructureNameTheBadField() {
        long unitId = admin.get("/api/admin/units").json().getJsonArray("unitList").getJsonObject(0).getLong("id");
        String path = "/api/admin/units/" + unitId + "/local-names";
        assertRefused(admin.put(path, new JsonObject().put("names", new JsonArray().add(new JsonObject()
                .put("written", "x".repeat(201)).put("type", "PLACE")))), 400, "'written'");
        assertRefused(admin.put(path, new JsonObject().put("names", new JsonArray().add(new JsonObject()
                .put("written", "a\u0000b").put("type", "PLACE")))), 400, "'written'");
        assertRefused(admin.put(path, new JsonObject().put("names", "Kvarnbacka")), 400, "'names'");
        assertRefused(anna.post("/api/structure", new JsonObject().put("text", 5)), 400, "'text'");
        assertRefused(anna.post("/api/structure", new JsonObject().put("text", "hej").put("template", "x".repeat(101))),
                400, "'template'");
    }
}
