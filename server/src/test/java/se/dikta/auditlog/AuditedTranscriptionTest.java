package se.dikta.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.StreamClient;
import se.dikta.testing.StreamClient.Connection;
import se.dikta.testing.ToneServer;

/**
 * Transcription leaves audit rows: live dictation (WebSocket) into a draft and an uploaded audio file each
 * record who, from where, which note and case; a stream into another worker's draft is recorded as refused, and
 * so are a start without the session's CSRF token and an upgrade from another site's page (before the same
 * refusal as ever). Real Vosk with the generated tone model.
 */
class AuditedTranscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final ToneServer tone = new ToneServer(Map.of("asr.inlineMaxSeconds", "5"));

    @BeforeAll
    static void aCase() {
        assertThat(tone.anna().post("/api/cases", new JsonObject().put("id", "2026-0501")).status()).isEqualTo(201);
    }

    private static JsonObject latest(String action) {
        JsonArray events = tone.server().login("root-" + action).get("/api/audit?action=" + action + "&size=1").json()
                .getJsonArray("events");
        assertThat(events).as(action).isNotEmpty();
        return events.getJsonObject(0);
    }

    /** The csrf-denied rows, newest first, read straight from the database (no reading of the log in between). */
    private static List<Map<String, Object>> csrfDenials() {
        return tone.server().database().txBlocking(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT username, role, unit, address, entity, entity_id, "
                    + "case_id, outcome, detail FROM audit_log WHERE action = 'csrf-denied' ORDER BY seq DESC");
                    ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        });
    }

    /** A refused stream's row: anna, from this machine, the stream's route, denied, and why — nothing else. */
    private static void assertStreamRefusal(Map<String, Object> row, String detail) {
        assertThat(row.get("username")).isEqualTo("anna");
        assertThat(row.get("role")).isEqualTo("worker");
        assertThat(row.get("unit")).isEqualTo("IFO Barn och unga");
        assertThat(row.get("address")).isEqualTo("127.0.0.1");
        assertThat(row.get("entity")).isEqualTo("route");
        assertThat(row.get("entity_id")).isEqualTo("GET /api/asr/stream");
        assertThat(row.get("case_id")).isNull();
        assertThat(row.get("outcome")).isEqualTo("denied");
        assertThat(row.get("detail")).isEqualTo(detail);
    }

    private static String draft(ApiClient owner) {
        return owner.post("/api/notes", new JsonObject().put("caseId", "2026-0501").put("template", "journalanteckning"))
                .json().getString("id");
    }

    @Test
    void liveDictationIntoADraftIsRecordedAndAnotherAuthorsDraftIsRefused() {
        tone.server().addUser("root-note-dictate", Role.ADMIN, "IT");
        String noteId = draft(tone.anna());
        var audio = tone.writer().render("samtal oro", 16000);
        Connection c = tone.annaStreams().connect().send(new JsonObject().put("type", "start").put("sampleRate", 16000)
                .put("noteId", noteId)).sendAudio(audio, 100, 0).stop();
        c.awaitType("done", WAIT);
        JsonObject row = latest("note-dictate");
        assertThat(row.getLong("userId")).isEqualTo(tone.annaUser().id());
        assertThat(row.getString("role")).isEqualTo("worker");
        assertThat(row.getString("unit")).isEqualTo("IFO Barn och unga");
        assertThat(row.getString("address")).isNotBlank();
        assertThat(row.getString("entityId")).isEqualTo(noteId);
        assertThat(row.getString("caseId")).isEqualTo("2026-0501");
        assertThat(row.getString("outcome")).isEqualTo("allowed");

        String bosDraft = draft(tone.bo());
        Connection refused = tone.annaStreams().connect()
                .send(new JsonObject().put("type", "start").put("sampleRate", 16000).put("noteId", bosDraft));
        refused.awaitType("error", WAIT);
        JsonObject denied = latest("note-dictate");
        assertThat(denied.getString("entityId")).isEqualTo(bosDraft);
        assertThat(denied.getString("username")).isEqualTo("anna");
        assertThat(denied.getString("outcome")).isEqualTo("denied");
    }

    @Test
    void anUploadedAudioFileIsRecordedWithItsDraft() {
        tone.server().addUser("root-transcribe-file", Role.ADMIN, "IT");
        String noteId = draft(tone.anna());
        var audio = tone.writer().render("hallå mötet", 16000);
        ApiClient.Response r = tone.anna().sendBytes("POST", "/api/transcriptions?noteId=" + noteId, audio.wav(),
                "audio/wav");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject row = latest("transcribe-file");
        assertThat(row.getString("username")).isEqualTo("anna");
        assertThat(row.getString("role")).isEqualTo("worker");
        assertThat(row.getString("address")).isNotBlank();
        assertThat(row.getString("entity")).isEqualTo("note");
        assertThat(row.getString("entityId")).isEqualTo(noteId);
        assertThat(row.getString("outcome")).isEqualTo("allowed");
        assertThat(row.getString("detail")).contains(audio.wav().length + " byte").doesNotContain("hallå");
    }

    @Test
    void fetchingATranscriptionJobIsRecorded() {
        tone.server().addUser("root-transcription-read", Role.ADMIN, "IT");
        assertThat(tone.bo().get("/api/transcriptions/ingen-sadan-id").status()).isEqualTo(404);
        JsonObject row = latest("transcription-read");
        assertThat(row.getString("username")).isEqualTo("bo");
        assertThat(row.getString("entity")).isEqualTo("transcription");
        assertThat(row.getString("entityId")).isEqualTo("ingen-sadan-id");
        assertThat(row.getString("outcome")).isEqualTo("failed");
    }

    @Test
    void aStreamStartWithoutTheSessionsCsrfTokenIsRecordedBeforeTheSameRefusal() {
        String noteId = draft(tone.anna());
        assertThat(tone.anna().put("/api/notes/" + noteId, new JsonObject().put("sections", new JsonArray().add(
                new JsonObject().put("key", "KONTAKT").put("text", "Mamman berättade om Gunhild")))).status()).isEqualTo(200);
        for (String token : Arrays.asList(null, "fel-token", tone.bo().cookie("XSRF-TOKEN"))) {
            int before = csrfDenials().size();
            try (StreamClient forged = new StreamClient(tone.server().port(), tone.anna().cookie("DIKTA_SESSION"))
                    .withCsrf(token)) {
                Connection c = forged.connect().send(new JsonObject().put("type", "start").put("sampleRate", 16000)
                        .put("noteId", noteId));
                assertThat(c.awaitType("error", WAIT).json().getString("error"))
                        .isEqualTo("CSRF-token saknas eller är fel – ladda om sidan");
                List<Map<String, Object>> rows = csrfDenials(); // at once: the row precedes the answer
                assertThat(rows).as("token " + token).hasSize(before + 1);
                assertStreamRefusal(rows.get(0), "CSRF-token saknas eller är fel i start (WebSocket)");
                assertThat(rows.get(0).values().toString()).doesNotContain(noteId, "Gunhild", "fel-token");
                assertThat(c.awaitClose(WAIT)).isEqualTo((short) 1008);
            }
        }
        int before = csrfDenials().size();
        Connection own = tone.annaStreams().connect()
                .send(new JsonObject().put("type", "start").put("sampleRate", 16000).put("noteId", noteId));
        own.stop().awaitType("done", WAIT);
        assertThat(csrfDenials()).as("the session's own token is no refusal").hasSize(before);
    }

    @Test
    void aStreamUpgradeFromAnotherSitesPageIsRecordedBeforeTheSame403() {
        int before = csrfDenials().size();
        assertThat(tone.annaStreams().rejectedStatus("https://angripare.example")).isEqualTo(403);
        List<Map<String, Object>> rows = csrfDenials();
        assertThat(rows).hasSize(before + 1);
        assertStreamRefusal(rows.get(0), "Origin från en annan webbplats: https://angripare.example");

        assertThat(tone.annaStreams().rejectedStatus("https://" + "a".repeat(5000) + ".example")).isEqualTo(403);
        assertThat((String) csrfDenials().get(0).get("detail")).hasSize("Origin från en annan webbplats: ".length() + 200);
        assertThat(tone.annaStreams().rejectedStatus("http://127.0.0.1:" + tone.server().port())).isEqualTo(101);
        assertThat(tone.annaStreams().rejectedStatus(null)).as("not a browser").isEqualTo(101);
        assertThat(csrfDenials()).hasSize(before + 2);
    }
}
