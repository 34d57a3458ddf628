package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.StreamClient;
import se.dikta.testing.StreamClient.Connection;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/**
 * A dropped dictation stream resumed into the same database-backed draft: every acknowledged word is stored
 * exactly once, also when the client re-sends audio whose text the server had already stored (its ack was
 * lost with the connection), and the audio seconds of the dropped part are counted. Subclasses pick the
 * database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DraftResumptionBehaviour {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int FRAME_BYTES = 16000 / 10 * 2; // 100 ms of 16 kHz PCM16

    private Path modelDir;
    private ToneWavWriter writer;
    private TestServer server;
    private ApiClient anna;
    private StreamClient streams;

    protected abstract Map<String, String> databaseSettings();

    @BeforeAll
    void start() throws IOException {
        modelDir = Files.createTempDirectory("dikta-tone-");
        ToneModel model = new ToneModelGenerator().generate(modelDir.resolve("vosk-model-tone"));
        writer = new ToneWavWriter(model);
        Map<String, String> settings = new HashMap<>(databaseSettings());
        settings.put("asr.model", model.dir().toString());
        server = TestServer.start(settings);
        server.addUser("anna", Role.WORKER, "IFO Barn och unga");
        anna = server.login("anna");
        assertThat(anna.post("/api/cases", new JsonObject().put("id", "2026-0001")).status()).isEqualTo(201);
        streams = new StreamClient(server.port(), anna);
    }

    @AfterAll
    void stop() {
        streams.close();
        server.close();
        TestServer.deleteTree(modelDir);
    }

    /** Sends frames {@code from}..{@code to} (1-based, inclusive) of {@code audio} in 100 ms frames. */
    private static void sendFrames(Connection c, ToneAudio audio, int from, int to) {
        byte[] pcm = audio.pcm();
        for (int seq = from; seq <= to; seq++) {
            int off = (seq - 1) * FRAME_BYTES;
            c.sendBinary(Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + FRAME_BYTES)));
        }
    }

    private static int frames(ToneAudio audio) {
        return (audio.pcm().length + FRAME_BYTES - 1) / FRAME_BYTES;
    }

    /** Streams the two utterances into a new draft, waits until both are acknowledged, then drops the socket. */
    private Dropped dictateAndDrop(ToneAudio audio) {
        Connection first = streams.connect().send(new JsonObject().put("type", "start").put("sampleRate", 16000)
                .put("caseId", "2026-0001"));
        // The first utterance with its trailing silence, up to where the second one starts, is sent and
        // acknowledged on its own: under load the decoder could otherwise finish both in one batch and send
        // only one ack, and the lost-ack case below needs an ack that covers the first utterance only.
        int beforeSecond = (int) Math.floor(audio.spans().get(2).start() * 10 + 1e-9); // frame k is [k-1, k) × 100 ms
        sendFrames(first, audio, 1, beforeSecond);
        first.await(m -> "ack".equals(m.getString("type")) && !first.ofType("final").isEmpty()
                && m.getLong("seq") >= first.ofType("final").get(0).getLong("seq"), WAIT);
        sendFrames(first, audio, beforeSecond + 1, frames(audio));
        first.await(m -> "final".equals(m.getString("type")) && m.getString("text").equals("bedömning förskola"), WAIT);
        long secondFinal = first.ofType("final").get(1).getLong("seq");
        long lastAck = first.await(m -> "ack".equals(m.getString("type")) && m.getLong("seq") >= secondFinal, WAIT)
                .json().getLong("seq");
        long firstFinal = first.ofType("final").get(0).getLong("seq");
        long ackOfFirst = first.await(m -> "ack".equals(m.getString("type")) && m.getLong("seq") >= firstFinal
                && m.getLong("seq") < secondFinal, WAIT).json().getLong("seq");
        first.abandon();
        String noteId = awaitDraft();
        return new Dropped(noteId, ackOfFirst, lastAck);
    }

    private record Dropped(String noteId, long ackOfFirst, long lastAck) {}

    /** The draft just created, once the dropped stream's audio seconds have been recorded. */
    private String awaitDraft() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject list = anna.get("/api/notes?caseId=2026-0001").json();
            for (Object o : list.getJsonArray("notes")) {
                JsonObject n = (JsonObject) o;
                if (n.getJsonObject("metrics").getDouble("audioSeconds") > 0 && !seen.contains(n.getString("id"))) {
                    seen.add(n.getString("id"));
                    return n.getString("id");
                }
            }
            sleep(50);
        }
        throw new AssertionError("no draft with the dropped stream's audio seconds");
    }

    private final java.util.Set<String> seen = new java.util.HashSet<>();

    /** Resumes from {@code resumeFrom}, re-sends every later frame of {@code audio}, then {@code more}; stops. */
    private JsonObject resume(String noteId, long resumeFrom, ToneAudio audio, ToneAudio more) {
        Connection again = streams.connect().send(new JsonObject().put("type", "start").put("sampleRate", 16000)
                .put("noteId", noteId).put("resumeFrom", resumeFrom));
        sendFrames(again, audio, (int) resumeFrom + 1, frames(audio));
        sendFrames(again, more, 1, frames(more));
        again.stop();
        return again.awaitType("done", WAIT).json();
    }

    @Test
    void resumingFromTheLastAckStoresEveryWordOnceAndCountsTheDroppedAudio() {
        ToneAudio audio = writer.render("hallå mötet | bedömning förskola", 16000);
        Dropped d = dictateAndDrop(audio);
        JsonObject dropped = anna.get("/api/notes/" + d.noteId()).json();
        assertThat(dropped.getString("transcript")).isEqualTo("hallå mötet bedömning förskola");
        assertThat(dropped.getJsonObject("metrics").getDouble("audioSeconds")).isCloseTo(d.lastAck() * 0.1, within(1e-6));
        assertThat(dropped.getJsonObject("metrics").getString("mode")).isEqualTo("dictated");

        JsonObject done = resume(d.noteId(), d.lastAck(), audio, writer.render("barnet oro", 16000));

        JsonObject note = anna.get("/api/notes/" + d.noteId()).json();
        assertThat(done.getString("noteId")).isEqualTo(d.noteId());
        assertThat(note.getString("transcript")).isEqualTo("hallå mötet bedömning förskola barnet oro");
        assertThat(note.getJsonArray("words")).hasSize(6);
        assertThat(note.getJsonObject("metrics").getDouble("audioSeconds"))
                .isCloseTo(d.lastAck() * 0.1 + done.getDouble("audioSeconds"), within(0.01));
    }

    @Test
    void audioReSentAfterALostAckIsNotAppendedTwice() {
        ToneAudio audio = writer.render("hallå mötet | bedömning förskola", 16000);
        Dropped d = dictateAndDrop(audio);

        // the client saw only the first ack: it re-sends the frames of "bedömning förskola", already stored
        resume(d.noteId(), d.ackOfFirst(), audio, writer.render("barnet oro", 16000));

        JsonObject note = anna.get("/api/notes/" + d.noteId()).json();
        assertThat(note.getString("transcript")).isEqualTo("hallå mötet bedömning förskola barnet oro");
        assertThat(note.getJsonArray("words")).extracting(w -> ((JsonObject) w).getString("word"))
                .containsExactly("hallå", "mötet", "bedömning", "förskola", "barnet", "oro");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
