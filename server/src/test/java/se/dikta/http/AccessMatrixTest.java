package se.dikta.http;

import static org.assertj.core.api.Assertions.assertThat;
import static se.dikta.http.AccessFixture.CASE_A;
import static se.dikta.http.AccessFixture.UNIT_A;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.http.AccessFixture.Who;
import se.dikta.testing.ApiClient;

/**
 * Every route the router has × every role, with the exact status {@code docs/api.md} promises. The table's
 * routes must be exactly the router's: a route added without a row here fails the build.
 *
 * <p>To add a route: add a {@code row("METHOD /api/path/:param", statuses(...), who -> call(...))} below, the
 * statuses in {@link Who} order (anonymous, worker A, worker B, manager A, manager B, admin). The call is made
 * with that role's signed-in client; targets belong to unit A (worker A), so worker B and manager B show how
 * another unit's ids are answered.
 */
class AccessMatrixTest {

    /** One request: {@code client} null means the role's own signed-in client. */
    record Call(String method, String path, byte[] body, String contentType, ApiClient client) {}

    /** A route, the status each role gets (in {@link Who} order), and the request that shows it. */
    record Row(String route, int[] expected, Function<Who, Call> call) {}

    @TempDir
    static Path tmp;
    static AccessFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new AccessFixture(tmp);
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    static int[] statuses(int anonymous, int workerA, int workerB, int managerA, int managerB, int admin) {
        return new int[] {anonymous, workerA, workerB, managerA, managerB, admin};
    }

    static int[] everyone(int status) {
        return statuses(status, status, status, status, status, status);
    }

    static int[] signedIn(int status) {
        return statuses(401, status, status, status, status, status);
    }

    static int[] noteReaders(int status) {
        return statuses(401, status, status, status, status, 403);
    }

    static int[] adminsOnly(int status) {
        return statuses(401, 403, 403, 403, 403, status);
    }

    static Call get(String path) {
        return new Call("GET", path, null, null, null);
    }

    static Call json(String method, String path, JsonObject body) {
        return new Call(method, path, body == null ? null : body.encode().getBytes(StandardCharsets.UTF_8),
                "application/json", null);
    }

    static Row row(String route, int[] expected, Function<Who, Call> call) {
        return new Row(route, expected, call);
    }

    static List<Row> table() {
        JsonObject text = new JsonObject().put("text", "samtal med mamma om skolan");
        JsonObject sections = new JsonObject().put("sections", new JsonArray()
                .add(new JsonObject().put("key", "BEDOMNING").put("text", "Ingen oro.")));
        String report = "?from=2026-01-01&to=2026-12-31";
        return List.of(
                row("GET /health", everyone(200), w -> get("/health")),
                row("GET /metrics", everyone(200), w -> get("/metrics")),
                row("POST /api/login", everyone(400), w -> json("POST", "/api/login", new JsonObject().put("username", "wa"))),
                row("GET /api/auth/methods", everyone(200), w -> get("/api/auth/methods")),
                row("GET /api/auth/oidc/login", everyone(302), w -> get("/api/auth/oidc/login")),
                row("GET /api/auth/oidc/callback", everyone(302), w -> get("/api/auth/oidc/callback?state=x&code=y")),
                row("GET /api/auth/oidc/logout", everyone(302), w -> get("/api/auth/oidc/logout")),
                row("POST /api/logout", signedIn(200), w -> new Call("POST", "/api/logout", null, null, f.fresh(w))),
                row("GET /api/me", signedIn(200), w -> get("/api/me")),
                row("GET /api/cases", noteReaders(200), w -> get("/api/cases")),
                row("POST /api/cases", noteReaders(201), w -> json("POST", "/api/cases", new JsonObject().put("id", f.unique("C")))),
                row("GET /api/notes", statuses(401, 200, 404, 200, 404, 403), w -> get("/api/notes?caseId=" + CASE_A)),
                row("POST /api/notes", statuses(401, 201, 404, 201, 404, 403),
                        w -> json("POST", "/api/notes", new JsonObject().put("caseId", CASE_A).put("template", "journalanteckning"))),
                row("GET /api/notes/:id", statuses(401, 200, 404, 200, 404, 403), w -> get("/api/notes/" + f.draftA)),
                row("PUT /api/notes/:id", statuses(401, 200, 404, 403, 404, 403), w -> json("PUT", "/api/notes/" + f.newDraftA(), sections)),
                row("POST /api/notes/:id/sign", statuses(401, 200, 404, 403, 404, 403),
                        w -> json("POST", "/api/notes/" + f.newDraftA() + "/sign", null)),
                row("POST /api/notes/:id/amendments", statuses(401, 201, 404, 201, 404, 403),
                        w -> json("POST", "/api/notes/" + f.signedA + "/amendments", new JsonObject().put("text", "Rättelse."))),
                row("GET /api/notes/:id/versions", statuses(401, 200, 404, 200, 404, 403), w -> get("/api/notes/" + f.draftA + "/versions")),
                row("GET /api/search", noteReaders(200), w -> get("/api/search?q=samtal")),
                row("POST /api/structure", noteReaders(200), w -> json("POST", "/api/structure", text)),
                row("GET /api/templates", noteReaders(200), w -> get("/api/templates")),
                row("GET /api/asr/stream", statuses(401, 101, 101, 101, 101, 403), w -> null),
                row("POST /api/transcriptions", noteReaders(200), w -> new Call("POST", "/api/transcriptions",
                        f.tones.render("hallå mötet", 16000).wav(), "audio/wav", null)),
                row("GET /api/transcriptions/:id", statuses(401, 200, 404, 404, 404, 403), w -> get("/api/transcriptions/" + f.jobA)),
                row("GET /api/reports/time-saved", noteReaders(200), w -> get("/api/reports/time-saved" + report)),
                row("GET /api/reports/time-saved.csv", noteReaders(200), w -> get("/api/reports/time-saved.csv" + report)),
                row("GET /api/reports/time-saved.pdf", noteReaders(200), w -> get("/api/reports/time-saved.pdf" + report)),
                row("GET /api/admin/users", adminsOnly(200), w -> get("/api/admin/users")),
                row("POST /api/admin/users", adminsOnly(201), w -> json("POST", "/api/admin/users", new JsonObject()
                        .put("username", f.unique("ny")).put("role", "worker").put("unit", UNIT_A).put("password", "hemligt-123"))),
                row("GET /api/admin/users/:username", adminsOnly(200), w -> get("/api/admin/users/wa")),
                row("PUT /api/admin/users/:username", adminsOnly(200),
                        w -> json("PUT", "/api/admin/users/spare", new JsonObject().put("title", "Handläggare"))),
                row("POST /api/admin/users/:username/deactivate", adminsOnly(200), w -> json("POST", "/api/admin/users/spare/deactivate", null)),
                row("POST /api/admin/users/:username/activate", adminsOnly(200), w -> json("POST", "/api/admin/users/spare/activate", null)),
                row("POST /api/admin/users/:username/password", adminsOnly(200),
                        w -> json("POST", "/api/admin/users/spare/password", new JsonObject().put("password", "nytt-losen-123"))),
                row("GET /api/admin/units", adminsOnly(200), w -> get("/api/admin/units")),
                row("GET /api/admin/units/:unitId/local-names", adminsOnly(200), w -> get("/api/admin/units/" + f.unitAId + "/local-names")),
                row("PUT /api/admin/units/:unitId/local-names", adminsOnly(200), w -> json("PUT", "/api/admin/units/" + f.unitAId
                        + "/local-names", new JsonObject().put("names", new JsonArray().add(new JsonObject()
                                .put("written", "Kvarnbackaskolan").put("type", "ORGANIZATION"))))),
                // Pages are public shells: every piece of data on them comes through the API above.
                row("GET /api/audit", adminsOnly(200), w -> get("/api/audit?action=sign-in")),
                row("GET /api/audit.csv", adminsOnly(200), w -> get("/api/audit.csv?from=2026-01-01")),
                row("GET /diktera", everyone(200), w -> get("/diktera")),
                row("GET /arenden", everyone(200), w -> get("/arenden")),
                row("GET /arenden/:caseId", everyone(200), w -> get("/arenden/" + CASE_A)),
                row("GET /anteckning/:noteId", everyone(200), w -> get("/anteckning/" + f.draftA)),
                row("GET /sok", everyone(200), w -> get("/sok")),
                row("GET /rapporter", everyone(200), w -> get("/rapporter")),
                row("GET /admin", everyone(200), w -> get("/admin")),
                row("GET /webjars/*", everyone(200), w -> get("/webjars/chart.js/4.4.7/dist/chart.umd.js")),
                row("HEAD /webjars/*", everyone(200), w -> new Call("HEAD", "/webjars/chart.js/4.4.7/dist/chart.umd.js", null, null, null)),
                row("GET /*", everyone(200), w -> get("/index.html")),
                row("HEAD /*", everyone(200), w -> new Call("HEAD", "/index.html", null, null, null)));
    }

    @Test
    void theTableCoversExactlyTheRoutesTheRouterHas() {
        List<String> inTable = table().stream().map(Row::route).toList();
        assertThat(inTable).doesNotHaveDuplicates();
        assertThat(inTable).as("every route needs a row in AccessMatrixTest.table() (and every row a route)")
                .containsExactlyInAnyOrderElementsOf(f.server.routes());
    }

    @Test
    void everyRouteAnswersEveryRoleWithTheDocumentedStatus() {
        SoftAssertions soft = new SoftAssertions();
        for (Row row : table()) {
            for (Who who : Who.values()) {
                int expected = row.expected()[who.ordinal()];
                if (row.route().equals("GET /api/asr/stream")) {
                    soft.assertThat(f.upgrade(who)).as("%s as %s", row.route(), who).isEqualTo(expected);
                    continue;
                }
                Call call = row.call().apply(who);
                ApiClient client = call.client() != null ? call.client() : f.client(who);
                ApiClient.Response r = client.sendBytes(call.method(), call.path(), call.body(), call.contentType());
                soft.assertThat(r.status()).as("%s as %s: %s", row.route(), who, abbreviated(r.body()))
                        .isEqualTo(expected);
                if (expected >= 400 && call.path().startsWith("/api/")) {
                    soft.assertThat(r.body()).as("%s as %s: a JSON error", row.route(), who).startsWith("{\"error\":");
                }
                securityHeaders(soft, row.route() + " as " + who, call.path(), r);
            }
        }
        soft.assertAll();
    }

    @Test
    void everyStateChangingRouteNeedsTheCsrfTokenFromEveryRoleItAdmits() {
        Map<Who, ApiClient> withoutCsrf = new LinkedHashMap<>();
        List<String> checked = new ArrayList<>();
        SoftAssertions soft = new SoftAssertions();
        for (Row row : table()) {
            String method = row.route().substring(0, row.route().indexOf(' '));
            if (List.of("GET", "HEAD", "OPTIONS").contains(method) || row.expected()[0] != 401) {
                continue; // safe methods, and routes open without sign-in (sign-in itself)
            }
            for (Who who : Who.values()) {
                if (row.expected()[who.ordinal()] >= 400) {
                    continue;
                }
                Call call = row.call().apply(who);
                ApiClient client = withoutCsrf.computeIfAbsent(who, w -> f.fresh(w).withoutCsrf());
                ApiClient.Response r = client.sendBytes(call.method(), call.path(), call.body(), call.contentType());
                soft.assertThat(r.status()).as("%s as %s without CSRF: %s", row.route(), who, r.body()).isEqualTo(403);
                soft.assertThat(r.body()).as("%s as %s", row.route(), who).contains("CSRF");
                checked.add(row.route());
            }
        }
        soft.assertAll();
        assertThat(checked).contains("POST /api/notes", "PUT /api/notes/:id", "POST /api/transcriptions",
                "POST /api/logout", "PUT /api/admin/units/:unitId/local-names");
    }

    @Test
    void anotherUnitsIdsAnswerExactlyLikeIdsThatDoNotExist() {
        String none = java.util.UUID.randomUUID().toString();
        byte[] wav = f.tones.render("hallå mötet", 16000).wav();
        JsonObject amendment = new JsonObject().put("text", "Rättelse.");
        JsonObject save = new JsonObject().put("sections", new JsonArray()
                .add(new JsonObject().put("key", "BEDOMNING").put("text", "Ingen oro.")));
        String noUnit = "IFO Ingen";
        // Each kind of id: what unit A has, and the same request with an id that does not exist.
        List<Probe> probes = List.of(
                new Probe("note", f.draftA, none, id -> get("/api/notes/" + id)),
                new Probe("versions", f.draftA, none, id -> get("/api/notes/" + id + "/versions")),
                new Probe("save draft", f.draftA, none, id -> json("PUT", "/api/notes/" + id, save)),
                new Probe("sign draft", f.draftA, none, id -> json("POST", "/api/notes/" + id + "/sign", null)),
                new Probe("amend", f.signedA, none, id -> json("POST", "/api/notes/" + id + "/amendments", amendment)),
                new Probe("notes of case", CASE_A, "X-" + none, id -> get("/api/notes?caseId=" + id)),
                new Probe("new note in case", CASE_A, "X-" + none,
                        id -> json("POST", "/api/notes", new JsonObject().put("caseId", id).put("template", "journalanteckning"))),
                new Probe("search in case", CASE_A, "X-" + none, id -> get("/api/search?q=samtal&caseId=" + id)),
                new Probe("job", f.jobA, none, id -> get("/api/transcriptions/" + id)),
                new Probe("upload into draft", f.draftA, none,
                        id -> new Call("POST", "/api/transcriptions?noteId=" + id, wav, "audio/wav", null)),
                new Probe("report of unit", UNIT_A, noUnit, id -> get("/api/reports/time-saved?unit=" + id.replace(" ", "+"))));
        SoftAssertions soft = new SoftAssertions();
        for (Who who : List.of(Who.WORKER_B, Who.MANAGER_B)) {
            for (Probe p : probes) {
                ApiClient.Response theirs = send(who, p.call().apply(p.theirs()));
                ApiClient.Response missing = send(who, p.call().apply(p.missing()));
                soft.assertThat(theirs.status()).as("%s as %s: status", p.label(), who).isEqualTo(missing.status())
                        .isIn(200, 403, 404);
                soft.assertThat(theirs.body()).as("%s as %s: body", p.label(), who)
                        .isEqualTo(missing.body().replace(p.missing(), p.theirs()));
            }
            soft.assertThat(f.streamError(who, f.draftA)).as("stream into A's draft as %s", who)
                    .isEqualTo(f.streamError(who, none));
        }
        soft.assertAll();
    }

    @Test
    void theStreamsStartMessageNeedsTheSessionsCsrfTokenAndTheUpgradeOurOwnOrigin() {
        String refused = "CSRF-token saknas eller är fel – ladda om sidan / close 1008";
        String own = f.server.baseUrl();
        assertThat(f.startWithCsrf(null, own)).isEqualTo(refused);
        assertThat(f.startWithCsrf("fel-token", own)).isEqualTo(refused);
        assertThat(f.startWithCsrf(f.client(Who.WORKER_B).cookie("XSRF-TOKEN"), own)).as("another session's token")
                .isEqualTo(refused);
        assertThat(f.startWithCsrf(42, own)).isEqualTo(refused);
        String read = f.streamError(Who.WORKER_A, "finns-inte");
        assertThat(read).as("with the token, the start itself is read").doesNotContain("CSRF").endsWith("close 1008");
        assertThat(f.startWithCsrf(f.client(Who.WORKER_A).cookie("XSRF-TOKEN"), own)).isEqualTo(read);
        assertThat(f.startWithCsrf(null, null)).as("not a browser: no Origin, no token needed").isEqualTo(read);
        assertThat(f.upgradeFrom(f.server.baseUrl())).isEqualTo(101);
        assertThat(f.upgradeFrom(null)).as("not a browser").isEqualTo(101);
        assertThat(f.upgradeFrom("https://angripare.example")).isEqualTo(403);
        assertThat(f.upgradeFrom("http://localhost:" + f.server.port())).as("another host name").isEqualTo(403);
    }

    /** A request about one kind of id, made with unit A's id and with one that does not exist. */
    record Probe(String label, String theirs, String missing, Function<String, Call> call) {}

    private static ApiClient.Response send(Who who, Call call) {
        return f.client(who).sendBytes(call.method(), call.path(), call.body(), call.contentType());
    }

    /** The headers every answer carries, whatever its status; API answers are never stored. */
    private static void securityHeaders(SoftAssertions soft, String what, String path, ApiClient.Response r) {
        soft.assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        soft.assertThat(r.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
        soft.assertThat(r.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("default-src 'self';").contains("frame-ancestors 'none'")
                        .contains("object-src 'none'").contains("base-uri 'none'").doesNotContain("unsafe-inline")
                        .doesNotContain("ws: ").doesNotContain("wss:;").doesNotContain("*")
                        .contains("connect-src 'self' ws://127.0.0.1:" + f.server.port() + " wss://127.0.0.1:" + f.server.port() + ";"));
        if (path.startsWith("/api/")) {
            soft.assertThat(r.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
