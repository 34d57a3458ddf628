package se.dikta.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.dikta.testing.ApiClient;

/**
 * Sign-ins (successful or not) and sign-outs, a request refused for its missing CSRF token, report views and
 * exports, user changes and local names leave audit rows with the address a trusted proxy reports; the log is read
 * (and that reading recorded) through GET /api/audit and its CSV. The same suite on each database (subclasses say
 * which).
 */
abstract class AccessAuditTrailBehaviour extends AuditTrailFixture {

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
}
