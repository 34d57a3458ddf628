package se.dikta.timelog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/** Notes written through the API log their figures, and the signed note shows up in the report. */
class TimeLogNoteListenerTest {

    private TestServer server;
    private AuthUser annaUser;
    private ApiClient anna;

    /** One logged row, as stored. */
    private record Row(String event, String mode, boolean counted, int words, double audio, double edit,
                       Integer changed, Integer proposal) { }

    @BeforeEach
    void start() {
        server = TestServer.start();
        annaUser = server.addUser("anna", Role.WORKER, "Enhet A");
        server.addUser("chef", Role.MANAGER, "Enhet A");
        anna = server.login("anna");
        assertThat(anna.post("/api/cases", new JsonObject().put("id", "2026-0001").put("title", "Familj A")).status())
                .isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonArray sections(String kontakt, String bedomning) {
        return new JsonArray().add(new JsonObject().put("key", "KONTAKT").put("text", kontakt))
                .add(new JsonObject().put("key", "BEDOMNING").put("text", bedomning));
    }

    @Test
    void savesAndTheSigningOfADictatedNoteAreLoggedAsFiguresWithoutItsText() {
        String proposal = "Hembesök hos familjen.\n\nMamman berättar att pojken sover dåligt.";
        ApiClient.Response created = anna.post("/api/notes", new JsonObject().put("caseId", "2026-0001")
                .put("template", "journalanteckning").put("proposal", proposal)
                .put("sections", sections("Hembesök hos familjen.", "Mamman berättar att pojken sover dåligt."))
                .put("metrics", new JsonObject().put("mode", "dictated").put("audioSeconds", 40).put("editSeconds", 15)));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().getString("id");
        // 40 s of live dictation into the draft; the save reports 45 s of editing since the note was created
        server.notes().appendTranscript(annaUser, id, -1, "", new JsonArray(), 40).await();
        lastSavedAnHourAgo(id);
        assertThat(anna.put("/api/notes/" + id, new JsonObject().put("version", 1)
                .put("sections", sections("Hembesök hos familjen.", "Mamman uppger att pojken sover mycket dåligt."))
                .put("metrics", new JsonObject().put("mode", "dictated").put("audioSeconds", 40).put("editSeconds", 45)))
                .status()).isEqualTo(200);
        assertThat(anna.post("/api/notes/" + id + "/sign", new JsonObject()).status()).isEqualTo(200);

        List<Row> rows = rows(id);
        assertThat(rows).extracting(Row::event).containsExactly("save", "save", "sign");
        assertThat(rows).extracting(Row::counted).containsExactly(false, false, true);
        // "Hembesök hos familjen" + "Mamman uppger att pojken sover mycket dåligt" = 3 + 7 words;
        // against the proposal "berättar" became "uppger" and "mycket" was added: 2 changed words
        assertThat(rows.get(2)).isEqualTo(new Row("sign", "dictated", true, 10, 40, 45, 2, 9));

        JsonObject report = server.login("chef").get("/api/reports/time-saved?groupBy=worker").json();
        assertThat(report.getJsonObject("total").getLong("notes")).isEqualTo(1);
        assertThat(report.getJsonObject("total").getLong("words")).isEqualTo(10);
        assertThat(report.getJsonObject("total").getLong("changedWords")).isEqualTo(2);
        // configured 19 words/min: 10 words = 31.6 s of typing against 85 s spent
        assertThat(report.getJsonObject("total").getDouble("savedSeconds")).isEqualTo(-53.4);

        List<String> stored = server.database().txBlocking(c -> {
            List<String> values = new ArrayList<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM time_log")) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        values.add(String.valueOf(rs.getObject(i)));
                    }
                }
            }
            return values;
        });
        assertThat(stored).noneMatch(v -> v.contains("pojken") || v.contains("Hembesök"));
    }

    @Test
    void amendmentsAndUnsignedDraftsAddNothingToTheReport() {
        String id = anna.post("/api/notes", new JsonObject().put("caseId", "2026-0001").put("template", "journalanteckning")
                .put("sections", sections("Telefonsamtal med skolan.", "Ingen oro."))
                .put("metrics", new JsonObject().put("mode", "typed").put("audioSeconds", 0).put("editSeconds", 60)))
                .json().getString("id");
        lastSavedAnHourAgo(id);
        assertThat(anna.put("/api/notes/" + id, new JsonObject().put("metrics", new JsonObject().put("editSeconds", 60)))
                .status()).isEqualTo(200);
        anna.post("/api/notes", new JsonObject().put("caseId", "2026-0001").put("template", "journalanteckning")
                .put("sections", sections("Utkast.", "")));
        assertThat(anna.post("/api/notes/" + id + "/sign", new JsonObject()).status()).isEqualTo(200);
        assertThat(anna.post("/api/notes/" + id + "/amendments", new JsonObject().put("text", "Rättelse: mentorn ringde."))
                .status()).isEqualTo(201);

        assertThat(rows(id)).extracting(Row::event).containsExactly("save", "save", "sign");
        assertThat(rows(id).get(2)).isEqualTo(new Row("sign", "typed", true, 5, 0, 60, null, null));
        // typed notes measure the baseline; the report counts dictated notes only
        JsonObject report = server.login("chef").get("/api/reports/time-saved").json();
        assertThat(report.getJsonObject("total").getLong("notes")).isZero();
    }

    /** Editing seconds a save reports are bounded by the time since the previous save: make that an hour. */
    private void lastSavedAnHourAgo(String noteId) {
        server.database().txBlocking(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE note_versions SET saved_at = saved_at - INTERVAL '1' HOUR WHERE note_id = ?")) {
                ps.setString(1, noteId);
                return ps.executeUpdate();
            }
        });
    }

    private List<Row> rows(String noteId) {
        return server.database().txBlocking(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT event, mode, counted, words, audio_seconds,"
                    + " edit_seconds, changed_words, proposal_words FROM time_log WHERE note_id = ? ORDER BY id")) {
                ps.setString(1, noteId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getDouble(5),
                                rs.getDouble(6), (Integer) rs.getObject(7), (Integer) rs.getObject(8)));
                    }
                }
            }
            return rows;
        });
    }
}
