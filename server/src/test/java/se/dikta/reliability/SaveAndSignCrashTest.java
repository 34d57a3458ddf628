package se.dikta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.dikta.audit.AuditChainVerifier;
import se.dikta.db.Dialect;
import se.dikta.testing.ApiClient;
import se.dikta.testing.ToneWavWriter;

/**
 * Concurrent saves and signings, and a running file transcription job, when the server process is killed
 * with SIGKILL: after a restart on the same data directory every acknowledged save and signature is there,
 * no signed note changed, the audit chain verifies, the search index catches up by itself, and the job is
 * reported failed, not running.
 */
class SaveAndSignCrashTest {

    static final int WRITERS = 4;
    static final int NOTES_PER_WRITER = 3;

    @RegisterExtension
    static final KillableServer server = new KillableServer("crash-save", Map.of("asr.inlineMaxSeconds", "1"));

    /** What the server acknowledged: the last saved marker per note, and the sections of each signed note. */
    record Acked(Map<String, String> lastMarker, Map<String, JsonArray> signed) {}

    static JsonArray sections(String text) {
        return new JsonArray().add(new JsonObject().put("key", "KONTAKT").put("text", text));
    }

    @Test
    void everyAcknowledgedSaveAndSignatureSurvivesASigkillAndTheIndexAndJobsRecoverByThemselves() throws Exception {
        ApiClient anna = server.child().loginAnna();
        assertThat(anna.post("/api/cases", new JsonObject().put("id", "2026-0902").put("title", "Familj Spar"))
                .status()).isEqualTo(201);
        List<List<String>> owned = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            List<String> ids = new ArrayList<>();
            for (int n = 0; n < NOTES_PER_WRITER; n++) {
                ApiClient.Response r = anna.post("/api/notes", new JsonObject().put("caseId", "2026-0902")
                        .put("template", "journalanteckning").put("sections", sections("Första utkastet")));
                assertThat(r.status()).isEqualTo(201);
                ids.add(r.json().getString("id"));
            }
            owned.add(ids);
        }
        // a file transcription long enough to become a job that is still running at the kill
        byte[] wav = new ToneWavWriter(server.model()).render(String.join(" | ", java.util.Collections.nCopies(40,
                "hallå mötet barnet samtal oro stöd")), 16000).wav();
        ApiClient.Response job = anna.sendBytes("POST", "/api/transcriptions", wav, "audio/wav");
        assertThat(job.status()).isEqualTo(202);
        String jobId = job.json().getString("id");

        Acked acked = new Acked(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            List<String> ids = owned.get(w);
            Random random = new Random(1400 + w);
            writers.submit(() -> write(server.child().loginAnna(), ids, random, acked, running));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acked.signed().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(anna.get("/api/transcriptions/" + jobId).json().getString("status")).isEqualTo("running");
        server.kill(); // SIGKILL with saves and signings in flight
        running.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acked.lastMarker()).isNotEmpty();
        assertThat(acked.signed()).isNotEmpty();

        long t0 = System.nanoTime();
        server.restart();
        System.out.printf("restart took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        ApiClient again = server.child().loginAnna();
        for (var e : acked.lastMarker().entrySet()) {
            JsonObject note = again.get("/api/notes/" + e.getKey()).json();
            List<String> versions = again.get("/api/notes/" + e.getKey() + "/versions").json().getJsonArray("versions")
                    .stream().map(v -> ((JsonObject) v).getJsonArray("sections").encode()).toList();
            assertThat(versions).as("acknowledged save of %s", e.getKey()).contains(sections(e.getValue()).encode());
            if (acked.signed().containsKey(e.getKey())) {
                assertThat(note.getString("status")).isEqualTo("signed");
                assertThat(note.getJsonArray("sections").encode()).as("signed note %s unchanged", e.getKey())
                        .isEqualTo(acked.signed().get(e.getKey()).encode());
                assertThat(again.put("/api/notes/" + e.getKey(), new JsonObject().put("sections", sections("ändrad")))
                        .status()).isEqualTo(409);
            }
        }
        // the index catches up without a rebuild by hand: every note's stored text is found. That is the last
        // acknowledged text or a later one: a save the server committed just before the kill never got its answer.
        for (var e : acked.lastMarker().entrySet()) {
            String stored = again.get("/api/notes/" + e.getKey()).json().getJsonArray("sections").getJsonObject(0)
                    .getString("text");
            String marker = stored.substring(stored.lastIndexOf(' ') + 1);
            awaitSearchHit(again, marker, e.getKey());
        }
        System.out.printf("checks and catch-up took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        JsonObject status = again.get("/api/transcriptions/" + jobId).json();
        assertThat(status.getString("status")).isEqualTo("failed");
        assertThat(status.getString("error")).contains("skicka filen igen");
        assertThat(server.child().output()).contains("Marked 1 file transcription job(s) failed");
        String url = Dialect.H2.connectUrl("jdbc:h2:file:" + server.dir().resolve("dikta"));
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            AuditChainVerifier.Result verified = new AuditChainVerifier().verify(c);
            assertThat(verified.problem()).isEmpty();
            assertThat(verified.rows()).isPositive();
        }
        System.out.printf("SIGKILL under load: %d notes with acknowledged saves, %d acknowledged signatures%n",
                acked.lastMarker().size(), acked.signed().size());
    }

    /** One writer: saves its notes with new markers in turn and signs one now and then, until the kill. */
    static void write(ApiClient client, List<String> ids, Random random, Acked acked, AtomicBoolean running) {
        List<String> drafts = new ArrayList<>(ids);
        int round = 0;
        try {
            while (running.get() && !drafts.isEmpty()) {
                String id = drafts.get(random.nextInt(drafts.size()));
                round++;
                if (round % 3 == 0) {
                    ApiClient.Response r = client.post("/api/notes/" + id + "/sign", new JsonObject());
                    if (r.status() != 200) {
                        System.out.println("sign answered " + r.status() + " " + r.body());
                    }
                    if (r.status() == 200) {
                        acked.signed().put(id, r.json().getJsonArray("sections"));
                        drafts.remove(id);
                    }
                    continue;
                }
                String text = "Besök " + round + " anteckning m" + Math.abs(id.hashCode() % 1000) + "x" + round;
                ApiClient.Response r = client.put("/api/notes/" + id, new JsonObject().put("sections", sections(text)));
                if (r.status() != 200) {
                    System.out.println("save answered " + r.status() + " " + r.body());
                }
                if (r.status() == 200) {
                    acked.lastMarker().put(id, text);
                }
            }
        } catch (RuntimeException e) {
            // the server died under us: whatever was not answered was not acknowledged
        }
    }

    static void awaitSearchHit(ApiClient client, String marker, String noteId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            ApiClient.Response r = client.get("/api/search?q=" + marker);
            if (r.status() == 200 && r.json().getJsonArray("hits").stream()
                    .anyMatch(h -> noteId.equals(((JsonObject) h).getString("id")))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("search never found " + marker + " in " + noteId + "; last answer: "
                + client.get("/api/search?q=" + marker).body() + "; the note: " + client.get("/api/notes/" + noteId).body()
                + "; server log: " + String.join("\n", server.child().output().lines()
                        .filter(l -> l.contains("index") || l.contains("Index") || l.contains("WARN")).toList()));
    }
}
