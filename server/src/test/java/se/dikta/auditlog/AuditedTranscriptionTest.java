package se.dikta.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.StreamClient;
import se.dikta.testing.StreamClient.Connection;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;

/**
 * Transcription leaves audit rows: live dictation (WebSocket) into a draft and an uploaded audio file each
 * record who, from where, which note and case; a stream into another worker's draft is recorded as refused.
 * Real Vosk with the generated tone model.
 */
class AuditedTranscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;
    static ToneWavWriter writer;
    static TestServer server;
    static AuthUser annaUser;
    static ApiClient anna;
    static ApiClient bo;
    static StreamClient annaStreams;

    @BeforeAll
    static void start() throws IOException {
        var model = new ToneModelGenerator().generate(tmp.resolve("vosk-model-tone"));
        writer = new ToneWavWriter(model);
        server = TestServer.start(Map.of("asr.model", model.dir().toString(), "asr.inlineMaxSeconds", "5"));
        annaUser = server.addUser("anna", Role.WORKER, "IFO Barn och unga");
        server.addUser("bo", Role.WORKER, "IFO Barn och unga");
        anna = server.login("anna");
        bo = server.login("bo");
        assertThat(anna.post("/api/cases", new JsonObject().put("id", "2026-0501")).status()).isEqualTo(201);
        annaStreams = new StreamClient(server.port(), anna);
    }

    @AfterAll
    static void stop() {
        annaStreams.close();
        server.close();
    }

    private static JsonObject latest(String action) {
        JsonArray events = server.login("root-" + action).get("/api/audit?action=" + action + "&size=1").json()
                .getJsonArray("events");
        assertThat(events).as(action).isNotEmpty();
        return events.getJsonObject(0);
    }

    private static String draft(ApiClient owner) {
        return owner.post("/api/notes", new JsonObject().put("caseId", "2026-0501").put("template", "journalanteckning"))
                .json().getString("id");
    }

    @Test
    void liveDictationIntoADraftIsRecordedAndAnotherAuthorsDraftIsRefused() {
        server.addUser("root-note-dictate", Role.ADMIN, "IT");
        String noteId = draft(anna);
        var audio = writer.render("samtal oro", 16000);
        Connection c = annaStreams.connect().send(new JsonObject().put("type", "start").put("sampleRate", 16000)
                .put("noteId", noteId)).sendAudio(audio, 100, 0).stop();
        c.awaitType("done", WAIT);
        JsonObject row = latest("note-dictate");
        assertThat(row.getLong("userId")).isEqualTo(annaUser.id());
        assertThat(row.getString("role")).isEqualTo("worker");
        assertThat(row.getString("unit")).isEqualTo("IFO Barn och unga");
        assertThat(row.getString("address")).isNotBlank();
        assertThat(row.getString("entityId")).isEqualTo(noteId);
        assertThat(row.getString("caseId")).isEqualTo("2026-0501");
        assertThat(row.getString("outcome")).isEqualTo("allowed");

        String bosDraft = draft(bo);
        Connection refused = annaStreams.connect().send(new JsonObject().put("type", "start").put("sampleRate", 16000)
                .put("noteId", bosDraft));
        refused.awaitType("error", WAIT);
        JsonObject denied = latest("note-dictate");
        assertThat(denied.getString("entityId")).isEqualTo(bosDraft);
        assertThat(denied.getString("username")).isEqualTo("anna");
        assertThat(denied.getString("outcome")).isEqualTo("denied");
    }

    @Test
    void anUploadedAudioFileIsRecordedWithItsDraft() {
        server.addUser("root-transcribe-file", Role.ADMIN, "IT");
        String noteId = draft(anna);
        var audio = writer.render("hallå mötet", 16000);
        ApiClient.Response r = anna.sendBytes("POST", "/api/transcriptions?noteId=" + noteId, audio.wav(), "audio/wav");
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
        server.addUser("root-transcription-read", Role.ADMIN, "IT");
        assertThat(bo.get("/api/transcriptions/ingen-sadan-id").status()).isEqualTo(404);
        JsonObject row = latest("transcription-read");
        assertThat(row.getString("username")).isEqualTo("bo");
        assertThat(row.getString("entity")).isEqualTo("transcription");
        assertThat(row.getString("entityId")).isEqualTo("ingen-sadan-id");
        assertThat(row.getString("outcome")).isEqualTo("failed");
    }
}
