package se.dikta.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.dikta.testing.ApiClient;

/**
 * Every note action leaves an audit row saying who (id, name, role, unit), from where, which note and case and the
 * outcome; another unit's probe is recorded as denied; a search records the query and the ids shown; no note text
 * reaches the log; and no content is sent, nor a save made, when its row cannot be written. The same suite on each
 * database (subclasses say which).
 */
abstract class NoteAuditTrailBehaviour extends AuditTrailFixture {

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
