package se.dikta.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import se.dikta.cli.CommandLine;
import se.dikta.cli.RetentionCommand;
import se.dikta.settings.Settings;
import se.dikta.audit.AuditLog;
import se.dikta.db.SqlWork;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.notes.Note;
import se.dikta.notes.NoteContent;
import se.dikta.notes.NoteMetrics;
import se.dikta.notes.NoteMode;
import se.dikta.notes.NoteSection;
import se.dikta.testing.MutableClock;
import se.dikta.testing.TestServer;

/** Shared set-up of {@link RetentionBehaviour}: a server on a clock the test moves, and ways to look at its data. */
abstract class RetentionFixture {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    protected abstract Map<String, String> databaseSettings();

    final MutableClock clock = new MutableClock(T0);
    TestServer server;
    AuthUser anna;

    TestServer start(Map<String, String> extra) {
        restart(extra);
        anna = server.addUser("anna", Role.WORKER, "IFO Vuxen");
        return server;
    }

    /** Starts a server without adding users: the database may already have them. */
    void restart(Map<String, String> extra) {
        server = TestServer.start(settings(extra), clock);
    }

    /** One database per test (a PostgreSQL subclass creates a new one per call). */
    private Map<String, String> database;

    Map<String, String> settings(Map<String, String> extra) {
        if (database == null) {
            database = databaseSettings();
        }
        Map<String, String> settings = new HashMap<>(database);
        settings.put("search.pollInterval", "0.05");
        settings.put("retention.daily", "false");
        settings.put("retention.signedNoteYears", "5");
        settings.putAll(extra);
        return settings;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    RetentionPass pass() {
        return new RetentionPass(server.database(), server.config().retention(), server.config().asr().uploadDir(),
                new AuditLog(server.database(), clock), clock);
    }

    String newCase() {
        String id = "R-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(server.login("anna").post("/api/cases", new JsonObject().put("id", id)).status()).isEqualTo(201);
        return id;
    }

    Note note(String caseId, String text) {
        return server.notes().create(anna, caseId, "journalanteckning", new NoteContent(null,
                List.of(new NoteSection("OBSERVATION", text)), null, null, new NoteMetrics(NoteMode.TYPED, 0, 10), null))
                .await();
    }

    Note signed(String caseId, String text) {
        return server.notes().sign(anna, note(caseId, text).id()).await();
    }

    <T> T sql(SqlWork<T> work) {
        return server.database().txBlocking(work);
    }

    long count(String sql, String arg) {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (arg != null) {
                    ps.setString(1, arg);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    boolean exists(Note note) {
        return count("SELECT COUNT(*) FROM notes WHERE id = ?", note.id()) == 1;
    }

    String job(Instant updated) {
        String id = UUID.randomUUID().toString();
        sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO transcription_jobs (id, user_id, status, progress, "
                    + "transcript, created_at, updated_at) VALUES (?, ?, 'done', 1, 'text', ?, ?)")) {
                ps.setString(1, id);
                ps.setLong(2, anna.id());
                ps.setTimestamp(3, Timestamp.from(updated));
                ps.setTimestamp(4, Timestamp.from(updated));
                ps.executeUpdate();
            }
            return null;
        });
        return id;
    }

    Path upload(String name, Instant written) throws Exception {
        Path dir = server.config().asr().uploadDir();
        Files.createDirectories(dir);
        Path f = Files.write(dir.resolve(name), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(f, FileTime.from(written));
        return f;
    }

    /** Hits for {@code word} through the running server's search API, once the index agrees with {@code expected}. */
    long searchHits(String word, String caseId, long expected) throws InterruptedException {
        var anna = server.login("anna");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long total;
        do {
            var r = anna.get("/api/search?q=" + word + "&caseId=" + caseId);
            total = r.status() == 200 ? r.json().getLong("total") : -1;
            if (total == expected) {
                return total;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return total;
    }

    List<String> retentionAuditDetails() {
        return sql(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT detail FROM audit_log WHERE action = 'retention.run' ORDER BY seq");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Runs {@code retention run} as the command line does, with the server's settings as environment. */
    String command(Path dataDir, String mode) throws Exception {
        Map<String, String> env = new HashMap<>();
        settings(Map.of("dataDir", dataDir.toString())).forEach((k, v) -> {
            if (!k.startsWith("search.")) {
                env.put(Settings.envName(k), v);
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new RetentionCommand().run(CommandLine.parse(new String[] {"retention", "run", mode}), env,
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    String checkpointDetail() {
        return sql(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT detail FROM audit_log WHERE action = 'audit.checkpoint' ORDER BY seq DESC")) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    long auditRows() {
        return count("SELECT COUNT(*) FROM audit_log", null);
    }

}
