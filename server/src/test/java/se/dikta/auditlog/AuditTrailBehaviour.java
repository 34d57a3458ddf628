package se.dikta.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.dikta.audit.AuditChainVerifier;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/**
 * Every note access, sign-in and admin action leaves an audit row saying who (id, name, role, unit), from
 * where (the address a trusted proxy reports), what (action, note, case) and the outcome; refusals are
 * recorded too; no content is sent when its row cannot be written; the log is read (and that reading
 * recorded) through GET /api/audit and its CSV. The same suite on each database (subclasses say which).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditTrailBehaviour {

    private static final String UNIT_A = "IFO Barn och unga";
    private static final String UNIT_B = "Ekonomiskt bistånd";
    private static final String SECRET_TEXT = "Pojken berättade om sin mormor Gunhild";

    protected abstract Map<String, String> databaseSettings();

    private final AtomicInteger cases = new AtomicInteger();
    private TestServer server;
    private AuthUser annaUser;
    private AuthUser rootUser;
    private ApiClient anna;
    private ApiClient david;
    private ApiClient root;

    @BeforeAll
    void startServer() {
        Map<String, String> settings = new HashMap<>(databaseSettings());
        settings.put("search.pollInterval", "0.1");
        settings.put("http.trustedProxies", "127.0.0.1, ::1");
        server = TestServer.start(settings);
        annaUser = server.addUser("anna", Role.WORKER, UNIT_A);
        server.addUser("david", Role.WORKER, UNIT_B);
        server.addUser("cecilia", Role.MANAGER, UNIT_A);
        rootUser = server.addUser("root", Role.ADMIN, "IT");
        anna = loginFrom("anna", "203.0.113.7");
        david = loginFrom("david", "198.51.100.9");
        root = loginFrom("root", "192.0.2.44");
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    private ApiClient loginFrom(String username, String address) {
        ApiClient client = server.anonymous().withHeader("X-Forwarded-For", address);
        ApiClient.Response r = client.post("/api/login", new JsonObject().put("username", username)
                .put("password", TestServer.PASSWORD_PREFIX + username));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return client;
    }

    private String newCase() {
        String id = "A-" + cases.incrementAndGet();
        assertThat(anna.post("/api/cases", new JsonObject().put("id", id).put("title", "Ärende")).status()).isEqualTo(201);
        return id;
    }

    private String newNote(String caseId) {
        ApiClient.Response r = anna.post("/api/notes", new JsonObject().put("caseId", caseId)
                .put("template", "journalanteckning").put("sections", new JsonArray()
                        .add(new JsonObject().put("key", "KONTAKT").put("text", SECRET_TEXT))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    /** The audit rows of {@code action}, newest first, each as column → value. */
    private List<Map<String, Object>> rows(String action) {
        return server.database().txBlocking(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM audit_log WHERE action = ? ORDER BY seq DESC")) {
                ps.setString(1, action);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Map<String, Object>> out = new ArrayList<>();
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            row.put(md.getColumnLabel(i).toLowerCase(), v instanceof Number n && !(v instanceof Double)
                                    ? (Object) n.longValue() : v);
                        }
                        out.add(row);
                    }
                    return out;
                }
            }
        });
    }

    private Map<String, Object> latest(String action) {
        List<Map<String, Object>> all = rows(action);
        assertThat(all).as("rows of " + action).isNotEmpty();
        return all.get(0);
    }

    /** The row says who (anna of unit A, worker), from where, and the outcome. */
    private static void byAnna(Map<String, Object> row, AuthUser anna, String outcome) {
        assertThat(row.get("user_id")).isEqualTo(anna.id());
        assertThat(row.get("username")).isEqualTo("anna");
        assertThat(row.get("role")).isEqualTo("worker");
        assertThat(row.get("unit")).isEqualTo(UNIT_A);
        assertThat(row.get("unit_id")).isEqualTo(anna.unitId());
        assertThat(row.get("address")).isEqualTo("203.0.113.7");
        assertThat(row.get("outcome")).isEqualTo(outcome);
    }

    private void assertChainIntact() {
        AuditChainVerifier.Result result = server.database().txBlocking(c -> new AuditChainVerifier().verify(c));
        assertThat(result.problem()).isEmpty();
    }

    @Test
    void signInSuccessFailureAndSignOutAreRecordedWithTheProxiedAddress() {
        Map<String, Object> in = latest("login");
        assertThat(in.get("username")).isNotNull();
        Map<String, Object> annaIn = rows("login").stream().filter(r -> "anna".equals(r.get("username"))).findFirst().orElseThrow();
        byAnna(annaIn, annaUser, "allowed");

        ApiClient stranger = server.anonymous().withHeader("X-Forwarded-For", "203.0.113.99");
        assertThat(stranger.post("/api/login", new JsonObject().put("username", "anna").put("password", "fel-lösen"))
                .status()).isEqualTo(401);
        Map<String, Object> failed = latest("login-failed");
        assertThat(failed.get("username")).isEqualTo("anna");
        assertThat(failed.get("user_id")).isNull();
        assertThat(failed.get("address")).isEqualTo("203.0.113.99");
        assertThat(failed.get("outcome")).isEqualTo("failed");

        ApiClient once = loginFrom("cecilia", "203.0.113.50");
        assertThat(once.post("/api/logout", new JsonObject()).status()).isEqualTo(200);
        Map<String, Object> out = latest("logout");
        assertThat(out.get("username")).isEqualTo("cecilia");
        assertThat(out.get("role")).isEqualTo("manager");
        assertThat(out.get("address")).isEqualTo("203.0.113.50");
        assertThat(out.get("outcome")).isEqualTo("allowed");
        assertChainIntact();
    }

    @Test
    void everyNoteActionIsRecordedWithItsNoteAndCase() {
        String caseId = newCase();
        String id = newNote(caseId);
        Map<String, Object> created = latest("note-create");
        byAnna(created, annaUser, "allowed");
        assertThat(created.get("entity")).isEqualTo("note");
        assertThat(created.get("entity_id")).isEqualTo(id);
        assertThat(created.get("case_id")).isEqualTo(caseId);

        assertThat(anna.put("/api/notes/" + id, new JsonObject().put("sections", new JsonArray()
                .add(new JsonObject().put("key", "KONTAKT").put("text", SECRET_TEXT + " igen")))).status()).isEqualTo(200);
        assertThat(anna.get("/api/notes/" + id).status()).isEqualTo(200);
        assertThat(anna.get("/api/notes/" + id + "/versions").status()).isEqualTo(200);
        assertThat(anna.post("/api/notes/" + id + "/sign", new JsonObject()).status()).isEqualTo(200);
        assertThat(anna.post("/api/notes/" + id + "/amendments", new JsonObject().put("text", "Rättelse: fel datum"))
                .status()).isEqualTo(201);
        assertThat(anna.get("/api/notes?caseId=" + caseId).status()).isEqualTo(200);
        for (String action : List.of("note-save", "note-read", "note-versions", "note-sign", "note-amend")) {
            Map<String, Object> row = latest(action);
            byAnna(row, annaUser, "allowed");
            assertThat(row.get("entity")).as(action).isEqualTo("note");
            assertThat(row.get("entity_id")).as(action).isEqualTo(id);
            assertThat(row.get("case_id")).as(action).isEqualTo(caseId);
        }
        assertThat(latest("note-save").get("detail")).isEqualTo("version 2");
        Map<String, Object> list = latest("note-list");
        byAnna(list, annaUser, "allowed");
        assertThat(list.get("entity")).isEqualTo("case");
        assertThat(list.get("entity_id")).isEqualTo(caseId);
        assertThat((String) list.get("detail")).contains(id);
        assertChainIntact();
    }

    @Test
    void aStateChangingRequestWithoutTheCsrfTokenIsRefusedAndTheRefusalRecorded() {
        ApiClient forged = loginFrom("anna", "203.0.113.50").withoutCsrf();
        ApiClient.Response r = forged.post("/api/cases", new JsonObject().put("id", "CSRF-1").put("title", "Förfalskat"));
        assertThat(r.status()).isEqualTo(403);
        Map<String, Object> refused = latest("csrf-denied");
        assertThat(refused.get("username")).isEqualTo("anna");
        assertThat(refused.get("role")).isEqualTo("worker");
        assertThat(refused.get("address")).isEqualTo("203.0.113.50");
        assertThat(refused.get("entity")).isEqualTo("route");
        assertThat(refused.get("entity_id")).isEqualTo("POST /api/cases");
        assertThat(refused.get("outcome")).isEqualTo("denied");
        assertThat(anna.get("/api/cases").body()).doesNotContain("CSRF-1");
    }

    @Test
    void anotherUnitsNoteIsDeniedLikeAMissingOneAndTheDenialIsRecorded() {
        String caseId = newCase();
        String id = newNote(caseId);
        ApiClient.Response probed = david.get("/api/notes/" + id);
        ApiClient.Response missing = david.get("/api/notes/00000000-0000-0000-0000-000000000000");
        assertThat(probed.status()).isEqualTo(404);
        assertThat(probed.body()).isEqualTo(missing.body());

        List<Map<String, Object>> reads = rows("note-read");
        Map<String, Object> denied = reads.stream().filter(r -> id.equals(r.get("entity_id"))
                && "david".equals(r.get("username"))).findFirst().orElseThrow();
        assertThat(denied.get("outcome")).isEqualTo("denied");
        assertThat(denied.get("role")).isEqualTo("worker");
        assertThat(denied.get("unit")).isEqualTo(UNIT_B);
        assertThat(denied.get("address")).isEqualTo("198.51.100.9");
        assertThat(denied.get("case_id")).isEqualTo(caseId);
        Map<String, Object> none = reads.get(0);
        assertThat(none.get("entity_id")).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(none.get("outcome")).isEqualTo("failed");

        assertThat(david.put("/api/notes/" + id, new JsonObject().put("sections", new JsonArray())).status())
                .isEqualTo(404);
        assertThat(latest("note-save").get("outcome")).isEqualTo("denied");
        assertThat(root.get("/api/notes/" + id).status()).isIn(403, 404);
        assertChainIntact();
    }

    @Test
    void aSearchRecordsTheQueryAndTheIdsShownButNoText() throws Exception {
        String caseId = newCase();
        String id = newNote(caseId);
        JsonObject hits = null;
        for (int i = 0; i < 100; i++) {
            hits = anna.get("/api/search?q=" + URLEncoder.encode("mormor", StandardCharsets.UTF_8)).json();
            if (hits.getJsonArray("hits").stream().anyMatch(h -> id.equals(((JsonObject) h).getString("id")))) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(hits.getJsonArray("hits").stream().map(h -> ((JsonObject) h).getString("id"))).contains(id);
        Map<String, Object> row = latest("search");
        byAnna(row, annaUser, "allowed");
        assertThat((String) row.get("detail")).contains("fråga: mormor").contains(id).doesNotContain("Gunhild");

        JsonObject found = root.get("/api/audit?note=" + id + "&action=search").json();
        assertThat(found.getLong("total")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void reportViewsAndExportsAreRecorded() {
        ApiClient cecilia = loginFrom("cecilia", "203.0.113.60");
        assertThat(cecilia.get("/api/reports/time-saved").status()).isEqualTo(200);
        Map<String, Object> view = latest("report-view");
        assertThat(view.get("username")).isEqualTo("cecilia");
        assertThat(view.get("address")).isEqualTo("203.0.113.60");
        assertThat(view.get("entity_id")).isEqualTo("time-saved");
        assertThat(cecilia.get("/api/reports/time-saved.csv").status()).isEqualTo(200);
        Map<String, Object> export = latest("report-export");
        assertThat(export.get("username")).isEqualTo("cecilia");
        assertThat(export.get("role")).isEqualTo("manager");
        assertThat((String) export.get("detail")).endsWith("csv");
    }

    @Test
    void userChangesAndLocalNamesAreRecordedWithTheAdminsAddress() {
        assertThat(root.post("/api/admin/users", new JsonObject().put("username", "ny.person").put("role", "worker")
                .put("unit", UNIT_A).put("password", "hemligt-123")).status()).isEqualTo(201);
        Map<String, Object> added = latest("user-add");
        assertThat(added.get("username")).isEqualTo("root");
        assertThat(added.get("role")).isEqualTo("admin");
        assertThat(added.get("address")).isEqualTo("192.0.2.44");
        assertThat(added.get("entity")).isEqualTo("user");
        assertThat(root.post("/api/admin/users/ny.person/deactivate", new JsonObject()).status()).isEqualTo(200);
        assertThat(latest("user-deactivate").get("address")).isEqualTo("192.0.2.44");

        assertThat(root.put("/api/admin/units/" + annaUser.unitId() + "/local-names", new JsonObject().put("names",
                new JsonArray().add(new JsonObject().put("written", "Kvarnbackaskolan").put("type", "ORGANIZATION"))))
                .status()).isEqualTo(200);
        Map<String, Object> names = latest("local-names-replace");
        assertThat(names.get("role")).isEqualTo("admin");
        assertThat(names.get("entity_id")).isEqualTo(Long.toString(annaUser.unitId()));
        assertThat(names.get("outcome")).isEqualTo("allowed");
    }

    @Test
    void whenTheAuditRowCannotBeWrittenTheNoteIsNotSent() {
        String caseId = newCase();
        String id = newNote(caseId);
        long before = rows("note-read").size();
        refuseFromNowOn("audit_refuses_reads", "note-read");
        try {
            ApiClient.Response r = anna.get("/api/notes/" + id);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.body()).doesNotContain("Gunhild").contains("Åtkomstloggen");
        } finally {
            execute("ALTER TABLE audit_log DROP CONSTRAINT audit_refuses_reads");
        }
        assertThat(rows("note-read")).hasSize((int) before);
        ApiClient.Response again = anna.get("/api/notes/" + id);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("Gunhild");
        assertChainIntact();
    }

    @Test
    void whenTheAuditRowCannotBeWrittenASaveIsNotMade() {
        String caseId = newCase();
        String id = newNote(caseId);
        refuseFromNowOn("audit_refuses_saves", "note-save");
        try {
            ApiClient.Response r = anna.put("/api/notes/" + id, new JsonObject().put("sections", new JsonArray()
                    .add(new JsonObject().put("key", "KONTAKT").put("text", "ändrat"))));
            assertThat(r.status()).isEqualTo(503);
        } finally {
            execute("ALTER TABLE audit_log DROP CONSTRAINT audit_refuses_saves");
        }
        assertThat(anna.get("/api/notes/" + id).json().getInteger("version")).isEqualTo(1);
    }

    @Test
    void noNoteTextEverReachesTheAuditLog() {
        String caseId = newCase();
        String id = newNote(caseId);
        anna.get("/api/notes/" + id);
        anna.get("/api/notes/" + id + "/versions");
        long leaks = server.database().txBlocking(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%Gunhild%' OR entity_id LIKE '%Gunhild%'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(leaks).isZero();
    }

    @Test
    void adminsReadTheLogWithFiltersPagingAndCsvAndEveryReadingIsRecorded() {
        String caseId = newCase();
        String id = newNote(caseId);
        anna.get("/api/notes/" + id);
        anna.get("/api/notes/" + id);
        david.get("/api/notes/" + id);
        assertThat(anna.get("/api/audit").status()).isEqualTo(403);
        Map<String, Object> refused = latest("route-denied");
        byAnna(refused, annaUser, "denied");
        assertThat(refused.get("entity_id")).isEqualTo("GET /api/audit");
        assertThat(anna.get("/api/audit.csv").status()).isEqualTo(403);
        assertThat(server.anonymous().get("/api/audit").status()).isEqualTo(401);

        JsonObject byNote = root.get("/api/audit?note=" + id).json();
        assertThat(byNote.getLong("total")).isEqualTo(4);
        assertThat(byNote.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("entityId")))
                .containsOnly(id);
        JsonObject denied = root.get("/api/audit?note=" + id + "&outcome=denied").json();
        assertThat(denied.getLong("total")).isEqualTo(1);
        JsonObject deniedRow = denied.getJsonArray("events").getJsonObject(0);
        assertThat(deniedRow.getString("username")).isEqualTo("david");
        assertThat(deniedRow.getString("unit")).isEqualTo(UNIT_B);
        assertThat(deniedRow.getString("address")).isEqualTo("198.51.100.9");
        assertThat(deniedRow.getString("caseId")).isEqualTo(caseId);
        assertThat(root.get("/api/audit?user=anna&action=note-read&note=" + id).json().getLong("total")).isEqualTo(2);
        assertThat(root.get("/api/audit?user=" + annaUser.id() + "&action=note-create&note=" + id).json()
                .getLong("total")).isEqualTo(1);
        assertThat(root.get("/api/audit?case=" + caseId).json().getLong("total")).isEqualTo(5);

        JsonObject first = root.get("/api/audit?note=" + id + "&size=3&page=1").json();
        JsonObject second = root.get("/api/audit?note=" + id + "&size=3&page=2").json();
        assertThat(first.getJsonArray("events")).hasSize(3);
        assertThat(second.getJsonArray("events")).hasSize(1);
        assertThat(first.getJsonArray("events").getJsonObject(2).getLong("seq"))
                .isGreaterThan(second.getJsonArray("events").getJsonObject(0).getLong("seq"));

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).toString();
        assertThat(root.get("/api/audit?note=" + id + "&from=" + today + "&to=" + today).json().getLong("total"))
                .isEqualTo(4);
        assertThat(root.get("/api/audit?note=" + id + "&from=2000-01-01&to=2000-01-31").json().getLong("total"))
                .isZero();
        assertThat(root.get("/api/audit?outcome=kanske").status()).isEqualTo(400);
        assertThat(root.get("/api/audit?size=0").status()).isEqualTo(400);
        assertThat(root.get("/api/audit?from=2026-02-01&to=2026-01-01").status()).isEqualTo(400);

        Map<String, Object> read = latest("audit-read");
        assertThat(read.get("username")).isEqualTo("root");
        assertThat(read.get("role")).isEqualTo("admin");
        assertThat(read.get("address")).isEqualTo("192.0.2.44");

        ApiClient.Response csv = root.get("/api/audit.csv?note=" + id);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFLöpnummer;Tid;");
        assertThat(lines).hasSize(5);
        assertThat(csv.body()).contains(id).contains(";denied;").contains("198.51.100.9").doesNotContain("Gunhild");
        Map<String, Object> exported = latest("audit-export");
        assertThat(exported.get("username")).isEqualTo("root");
        assertThat((String) exported.get("detail")).contains("anteckning: " + id).contains("4 rader exporteras");
        assertChainIntact();
    }

    /** A real refusal by the database: a check that new rows of {@code action} break (old rows keep it). */
    private void refuseFromNowOn(String constraint, String action) {
        long last = server.database().txBlocking(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM audit_log")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        execute("ALTER TABLE audit_log ADD CONSTRAINT " + constraint + " CHECK (action <> '" + action + "' OR seq <= "
                + last + ")");
    }

    private void execute(String sql) {
        server.database().txBlocking(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        });
    }
}
