package se.dikta;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/** {@code backup} while the server runs and writes, {@code restore} into an empty data directory. */
class BackupRestoreTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    private Run dikta(Path dataDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main().run(args, Map.of("DIKTA_DATA_DIR", dataDir.toString()), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBackupTakenUnderWriteLoadRestoresEverySignedNoteAndTheIndexIsRebuilt() throws Exception {
        Path original = tmp.resolve("original");
        Path backup = tmp.resolve("backups/dikta-backup.zip");
        Map<String, String> signedBefore = new ConcurrentHashMap<>();
        try (TestServer server = TestServer.start(Map.of("dataDir", original.toString()))) {
            server.addUser("anna", Role.WORKER, "IFO Barn och unga");
            ApiClient anna = server.login("anna");
            assertThat(anna.post("/api/cases", new JsonObject().put("id", "2026-0042").put("title", "Testärende")).status())
                    .isEqualTo(201);
            for (int i = 0; i < 5; i++) {
                String id = createAndSign(anna, "Hembesök nummer " + i + " hos familjen. Kurator deltog.");
                signedBefore.put(id, "Hembesök nummer " + i + " hos familjen. Kurator deltog.");
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            List<String> duringBackup = new ArrayList<>();
            Thread writer = new Thread(() -> {
                int n = 0;
                while (writing.get() && n < 200) {
                    duringBackup.add(createAndSign(anna, "Telefonsamtal under backup " + n++ + "."));
                }
            });
            writer.start();
            Thread.sleep(300); // the backup runs while notes are being written and signed
            Run made = dikta(original, "backup", "--to", backup.toString());
            writing.set(false);
            writer.join();
            assertThat(made.code()).as(made.err()).isZero();
            assertThat(made.out()).contains("Backup written to");
            assertThat(duringBackup).isNotEmpty();
        }
        assertThat(backup).isRegularFile();

        Path restored = tmp.resolve("restored");
        Run r = dikta(restored, "restore", "--from", backup.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Restored");

        try (TestServer server = TestServer.start(Map.of("dataDir", restored.toString()))) {
            ApiClient anna = server.login("anna");
            for (var e : signedBefore.entrySet()) {
                ApiClient.Response note = anna.get("/api/notes/" + e.getKey());
                assertThat(note.status()).isEqualTo(200);
                assertThat(note.json().getString("status")).isEqualTo("signed");
                assertThat(note.json().encode()).contains(e.getValue());
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            int total;
            do {
                ApiClient.Response search = anna.get("/api/search?q=kurator");
                total = search.status() == 200 ? search.json().getInteger("total") : -1;
            } while (total < signedBefore.size() && System.nanoTime() < deadline && sleep());
            assertThat(total).isEqualTo(signedBefore.size());
        }
    }

    @Test
    void restoreRefusesADataDirectoryThatAlreadyHoldsADatabaseAndAFileThatIsNoBackup() throws Exception {
        Path existing = tmp.resolve("existing");
        try (TestServer server = TestServer.start(Map.of("dataDir", existing.toString()))) {
            assertThat(server.anonymous().get("/health").status()).isEqualTo(200);
        }
        Path backup = tmp.resolve("b.zip");
        assertThat(dikta(existing, "backup", "--to", backup.toString()).code()).isZero();
        Run refused = dikta(existing, "restore", "--from", backup.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("empty data directory");

        Path notZip = Files.writeString(tmp.resolve("not-a-backup.zip"), "hej");
        Run bad = dikta(tmp.resolve("fresh"), "restore", "--from", notZip.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("not a backup");
        assertThat(tmp.resolve("fresh/dikta.mv.db")).doesNotExist();

        Run overwrite = dikta(existing, "backup", "--to", backup.toString());
        assertThat(overwrite.code()).isEqualTo(2);
        assertThat(overwrite.err()).contains("Will not overwrite");
    }

    @Test
    void postgresIsPointedToItsOwnTools() {
        Run r = dikta(tmp, "backup", "--to", tmp.resolve("x.zip").toString(), "--db-url", "jdbc:postgresql://127.0.0.1:1/dikta");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("pg_dump");
    }

    private static String createAndSign(ApiClient client, String text) {
        JsonObject body = new JsonObject().put("caseId", "2026-0042").put("template", "journalanteckning")
                .put("sections", new JsonArray().add(new JsonObject().put("key", "KONTAKT").put("text", text)))
                .put("metrics", new JsonObject().put("mode", "typed").put("editSeconds", 30));
        ApiClient.Response created = client.post("/api/notes", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("id");
        assertThat(client.post("/api/notes/" + id + "/sign", new JsonObject()).status()).isEqualTo(200);
        return id;
    }

    private static boolean sleep() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
