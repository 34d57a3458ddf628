package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.dikta.testing.ApiClient;
import se.dikta.testing.StreamClient.Connection;
import se.dikta.testing.ToneServer;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/** Live dictation lands in a real note draft in the database, acknowledged only once it is there. */
class DictationIntoNotesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final ToneServer tone = new ToneServer(Map.of());

    @BeforeAll
    static void aCase() {
        assertThat(tone.anna().post("/api/cases", new JsonObject().put("id", "2026-0001")).status()).isEqualTo(201);
    }

    private static Connection dictate(JsonObject start, ToneAudio audio) {
        Connection c = tone.annaStreams().connect()
                .send(start.put("type", "start").put("sampleRate", audio.sampleRate())).sendAudio(audio, 100, 0).stop();
        c.awaitType("done", WAIT);
        return c;
    }

    @Test
    void streamWithCaseCreatesDraftHoldingTheAcknowledgedText() {
        ToneAudio audio = tone.writer().render("hallå mötet bedömning | förskola barnet", 16000);
        Connection c = dictate(new JsonObject().put("caseId", "2026-0001").put("template", "hembesok"), audio);
        JsonObject done = c.ofType("done").get(0);
        String noteId = done.getString("noteId");
        assertThat(c.ofType("ack")).isNotEmpty();

        ApiClient.Response note = tone.anna().get("/api/notes/" + noteId);
        assertThat(note.status()).isEqualTo(200);
        assertThat(note.json().getString("status")).isEqualTo("draft");
        assertThat(note.json().getString("template")).isEqualTo("hembesok");
        assertThat(note.json().getString("transcript")).isEqualTo("hallå mötet bedömning förskola barnet");
        assertThat(note.json().getJsonObject("metrics").getDouble("audioSeconds"))
                .isEqualTo(done.getDouble("audioSeconds"));
    }

    @Test
    void aNewStreamIntoAnExistingDraftAppendsToIt() {
        // a fresh stream (no resumeFrom) numbers its frames from 1 again: its text must not be taken for re-sent
        // audio of the first stream (resumption proper: DraftResumptionBehaviour)
        Connection first = dictate(new JsonObject().put("caseId", "2026-0001"),
                tone.writer().render("samtal oro", 16000));
        String noteId = first.ofType("done").get(0).getString("noteId");
        dictate(new JsonObject().put("noteId", noteId), tone.writer().render("stöd åtgärd", 16000));
        assertThat(tone.anna().get("/api/notes/" + noteId).json().getString("transcript"))
                .isEqualTo("samtal oro stöd åtgärd");
    }

    @Test
    void anotherUsersDraftASignedNoteAndAnUnknownIdAreRefusedAlike() {
        String bosDraft = tone.bo().post("/api/notes", new JsonObject().put("caseId", "2026-0001")
                .put("template", "journalanteckning")).json().getString("id");
        String signed = tone.anna().post("/api/notes", new JsonObject().put("caseId", "2026-0001")
                .put("template", "journalanteckning").put("sections", new JsonArray()
                        .add(new JsonObject().put("key", "KONTAKT").put("text", "Hembesök.")))).json().getString("id");
        assertThat(tone.anna().post("/api/notes/" + signed + "/sign", new JsonObject()).status()).isEqualTo(200);

        for (String noteId : new String[] {bosDraft, signed, "finns-inte"}) {
            Connection c = tone.annaStreams().connect()
                    .send(new JsonObject().put("type", "start").put("sampleRate", 16000).put("noteId", noteId));
            assertThat(c.awaitClose(WAIT)).as(noteId).isEqualTo((short) 1008);
            assertThat(c.ofType("error")).as(noteId).extracting(e -> e.getString("error"))
                    .containsExactly("Utkastet finns inte");
        }
    }

    @Test
    void streamWithoutNoteOrCaseIsTranscribedButNotSaved() {
        Connection c = dictate(new JsonObject(), tone.writer().render("hallå mötet", 16000));
        JsonObject done = c.ofType("done").get(0);
        assertThat(done.getString("transcript")).isEqualTo("hallå mötet");
        assertThat(tone.anna().get("/api/notes/" + done.getString("noteId")).status()).isEqualTo(404);
    }
}
