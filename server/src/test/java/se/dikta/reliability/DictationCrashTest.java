package se.dikta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.dikta.testing.ApiClient;
import se.dikta.testing.StreamClient;
import se.dikta.testing.StreamClient.Connection;
import se.dikta.testing.ToneWavWriter;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/**
 * Live dictation through a server process that is killed with SIGKILL at seeded points mid-stream and
 * restarted on the same data directory (embedded database, index): the client resumes from its last ack,
 * re-sends the rest, and the draft holds every word exactly once — the acknowledged ones were already stored
 * when the process died.
 */
class DictationCrashTest {

    static final String SPOKEN = "hallå mötet barnet | samtal oro stöd | mamma pappa skolan | bedömning förskola läkare"
            + " | åtgärd socialtjänsten hallå | barnet skolan samtal | oro stöd mamma | läkare pappa förskola";
    static final int FRAME_BYTES = 16000 / 10 * 2; // 100 ms of 16 kHz PCM16
    static final Duration WAIT = Duration.ofSeconds(60);
    static final long SEED = 14;
    static final int KILL_POINTS = 3;

    @RegisterExtension
    static final KillableServer server = new KillableServer("crash", Map.of());
    static ToneAudio audio;

    @BeforeAll
    static void audio() {
        audio = new ToneWavWriter(server.model()).render(SPOKEN, 16000);
    }

    static int frames() {
        return (audio.pcm().length + FRAME_BYTES - 1) / FRAME_BYTES;
    }

    static void sendFrames(Connection c, int from, int to) {
        byte[] pcm = audio.pcm();
        for (int seq = from; seq <= to; seq++) {
            int off = (seq - 1) * FRAME_BYTES;
            c.sendBinary(Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + FRAME_BYTES)));
            sleep(25); // four times real time: the decoder keeps a backlog, so some audio is unacknowledged
        }
    }

    @Test
    void everyFrameAcknowledgedBeforeASigkillHasItsWordsInTheDraftExactlyOnceAfterRestartAndResume() throws Exception {
        ApiClient anna = server.child().loginAnna();
        assertThat(anna.post("/api/cases", new JsonObject().put("id", "2026-0901").put("title", "Familj Krasch"))
                .status()).isEqualTo(201);
        Random random = new Random(SEED);
        List<String> seenNotes = new ArrayList<>();
        for (int point = 0; point < KILL_POINTS; point++) {
            int killAfter = 15 + random.nextInt(frames() - 30);
            String noteId;
            long lastAck;
            List<String> ackedWords = new ArrayList<>();
            try (StreamClient streams = new StreamClient(server.port(), anna)) {
                Connection c = streams.connect().send(new JsonObject().put("type", "start").put("sampleRate", 16000)
                        .put("caseId", "2026-0901"));
                sendFrames(c, 1, killAfter);
                server.kill(); // SIGKILL
                lastAck = 0;
                for (StreamClient.Message m : c.messages()) {
                    if ("ack".equals(m.type())) {
                        lastAck = Math.max(lastAck, m.json().getLong("seq"));
                    }
                }
                for (JsonObject f : c.ofType("final")) {
                    if (f.getLong("seq") <= lastAck) {
                        ackedWords.addAll(List.of(f.getString("text").split(" ")));
                    }
                }
            }
            server.restart();
            noteId = draftOf(server.child().loginAnna(), seenNotes);
            JsonObject afterCrash = server.child().loginAnna().get("/api/notes/" + noteId).json();
            List<String> stored = words(afterCrash.getString("transcript"));
            assertThat(stored).as("kill point %d (after frame %d, last ack %d): stored before resume", point,
                    killAfter, lastAck).startsWith(ackedWords.toArray(String[]::new));

            // the old session cookie still works: sessions live in the database
            try (StreamClient streams = new StreamClient(server.port(), anna)) {
                Connection c = streams.connect().send(new JsonObject().put("type", "start").put("sampleRate", 16000)
                        .put("noteId", noteId).put("resumeFrom", lastAck));
                sendFrames(c, (int) lastAck + 1, frames());
                c.stop();
                c.awaitType("done", WAIT);
            }
            JsonObject note = server.child().loginAnna().get("/api/notes/" + noteId).json();
            assertThat(words(note.getString("transcript")))
                    .as("kill point %d (after frame %d, last ack %d)", point, killAfter, lastAck)
                    .isEqualTo(audio.words());
            System.out.printf("kill point %d: SIGKILL after frame %d of %d, last ack %d, %d words acknowledged%n",
                    point, killAfter, frames(), lastAck, ackedWords.size());
        }
    }

    /** The one draft of the case not seen before. */
    static String draftOf(ApiClient client, List<String> seen) {
        JsonObject list = client.get("/api/notes?caseId=2026-0901").json();
        List<String> fresh = new ArrayList<>();
        for (Object o : list.getJsonArray("notes")) {
            String id = ((JsonObject) o).getString("id");
            if (!seen.contains(id)) {
                fresh.add(id);
            }
        }
        assertThat(fresh).as("the new draft").hasSize(1);
        seen.add(fresh.get(0));
        return fresh.get(0);
    }

    static List<String> words(String transcript) {
        return transcript == null || transcript.isBlank() ? List.of() : List.of(transcript.trim().split("\\s+"));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
