package se.dikta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.PostgresServer;
import se.dikta.testing.StreamClient;
import se.dikta.testing.StreamClient.Connection;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/**
 * PostgreSQL stopped (immediately, like a crash) for {@code dikta.outageSeconds} (20) while a worker saves
 * notes and another dictates live: requests answer 503 with a Swedish message, {@code /health} shows the
 * database down, the stream sends no ack until its text is stored and says that it is waiting, nothing
 * acknowledged is lost, and everything works again without a restart when the database is back.
 */
class DatabaseOutageTest {

    static final long OUTAGE_MILLIS = Long.getLong("dikta.outageSeconds", 20) * 1000;
    static final String UTTERANCE = "hallå mötet barnet | samtal oro stöd | mamma pappa skolan | bedömning förskola läkare";

    static PostgresServer postgres;
    static Path modelDir;
    static ToneAudio audio;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.startDedicated();
        modelDir = Files.createTempDirectory("dikta-outage-model-");
        ToneModel model = new ToneModelGenerator().generate(modelDir.resolve("vosk-model-tone"));
        long utterances = 4 + OUTAGE_MILLIS / 1000 * 4 / 10; // longer than the outage, at real time
        audio = new ToneWavWriter(model).render(String.join(" | ", java.util.Collections.nCopies(
                (int) (utterances / 4 + 1), UTTERANCE)), 16000);
        server = TestServer.start(Map.of("db.url", postgres.createDatabase(), "db.user", "dikta",
                "asr.model", model.dir().toString(), "asr.idleTimeout", "120s"));
        server.addUser("anna", Role.WORKER, "IFO");
        server.addUser("bo", Role.WORKER, "IFO");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        TestServer.deleteTree(modelDir);
    }

    @Test
    void aDatabaseOutageAnswers503KeepsUnstoredDictationUnacknowledgedAndRecoversWithoutARestart() throws Exception {
        ApiClient anna = server.login("anna");
        ApiClient bo = server.login("bo");
        assertThat(anna.post("/api/cases", new JsonObject().put("id", "2026-0903").put("title", "Familj Avbrott"))
                .status()).isEqualTo(201);
        String noteId = anna.post("/api/notes", new JsonObject().put("caseId", "2026-0903")
                .put("template", "journalanteckning").put("sections", sections("start"))).json().getString("id");

        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> ackedSaves = new CopyOnWriteArrayList<>();
        List<String> unavailableErrors = new CopyOnWriteArrayList<>();
        AtomicBoolean saving = new AtomicBoolean(true);
        Thread saver = new Thread(() -> {
            for (int i = 0; saving.get(); i++) {
                String text = "Sparad text nummer s" + i;
                ApiClient.Response r = anna.put("/api/notes/" + noteId, new JsonObject().put("sections", sections(text)));
                statuses.merge(r.status(), 1, Integer::sum);
                if (r.status() == 200) {
                    ackedSaves.add(text);
                } else if (r.status() == 503) {
                    unavailableErrors.add(r.error());
                }
                sleep(200);
            }
        });
        saver.start();

        try (StreamClient streams = new StreamClient(server.port(), bo)) {
            Connection c = streams.connect().send(new JsonObject().put("type", "start").put("sampleRate", 16000)
                    .put("caseId", "2026-0903"));
            Thread speaker = new Thread(() -> c.sendAudio(audio, 100, 1.0));
            speaker.start();
            sleep(4000);
            postgres.stopProcess();
            long down = System.nanoTime();
            sleep(3000);
            ApiClient.Response read = anna.get("/api/notes/" + noteId);
            assertThat(read.status()).isEqualTo(503);
            assertThat(read.error()).startsWith("Databasen går inte att nå");
            ApiClient.Response health = server.anonymous().get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().getString("db")).isEqualTo("DOWN");
            c.await(m -> "storage".equals(m.getString("type")) && "waiting".equals(m.getString("state")),
                    Duration.ofMillis(OUTAGE_MILLIS));
            sleep(Math.max(0, OUTAGE_MILLIS - (System.nanoTime() - down) / 1_000_000));
            long up = System.nanoTime();
            postgres.startProcess();
            // no ack while the text could not be stored (an ack under way at the stop may come just after it)
            assertThat(c.messages()).filteredOn(m -> "ack".equals(m.type())
                    && m.nanos() > down + TimeUnit.SECONDS.toNanos(2) && m.nanos() < up).isEmpty();
            c.await(m -> "storage".equals(m.getString("type")) && "ok".equals(m.getString("state")),
                    Duration.ofSeconds(30));
            speaker.join();
            c.stop();
            c.awaitType("done", Duration.ofSeconds(60));
            System.out.printf("outage %d s: saves answered %s%n", OUTAGE_MILLIS / 1000, statuses);
        } finally {
            saving.set(false);
            saver.join();
        }
        assertThat(statuses).containsKey(503).containsKey(200).containsOnlyKeys(200, 503);
        assertThat(unavailableErrors).allMatch(e -> e.startsWith("Databasen går inte att nå"));
        // nothing acknowledged is lost: every acknowledged save is a version, every word is in the draft once
        List<String> versions = anna.get("/api/notes/" + noteId + "/versions").json().getJsonArray("versions").stream()
                .map(v -> ((JsonObject) v).getJsonArray("sections").getJsonObject(0).getString("text")).toList();
        assertThat(versions).containsAll(ackedSaves);
        String draft = bo.get("/api/notes?caseId=2026-0903").json().getJsonArray("notes").stream()
                .map(n -> ((JsonObject) n).getString("id")).filter(id -> !id.equals(noteId)).findFirst().orElseThrow();
        assertThat(List.of(bo.get("/api/notes/" + draft).json().getString("transcript").split(" ")))
                .isEqualTo(audio.words());
        assertThat(server.anonymous().get("/health").status()).isEqualTo(200);
    }

    static JsonArray sections(String text) {
        return new JsonArray().add(new JsonObject().put("key", "KONTAKT").put("text", text));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
