package se.dikta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModelGenerator;

/**
 * Start-up on a data directory a crash left behind — a stale embedded-database lock file, files of an index
 * segment that was never committed, a committed segment that is damaged, an interrupted model install —
 * recovers by itself and says in the log what it did.
 */
class StartupRecoveryTest {

    static Path dataDir;
    static Path modelParent;
    static Map<String, String> settings;

    @BeforeAll
    static void prepare() throws Exception {
        dataDir = Files.createTempDirectory("dikta-recovery-");
        modelParent = Files.createTempDirectory("dikta-recovery-model-");
        new ToneModelGenerator().generate(modelParent.resolve("vosk-model-tone"));
        settings = Map.of("dataDir", dataDir.toString(), "asr.model", modelParent.resolve("vosk-model-tone").toString(),
                "search.commitInterval", "1s");
    }

    @AfterAll
    static void cleanUp() {
        TestServer.deleteTree(dataDir);
        TestServer.deleteTree(modelParent);
    }

    @Test
    void aStartAfterACrashTakesOverStaleLocksDropsUncommittedAndDamagedIndexFilesAndHalfInstalledModels()
            throws Exception {
        Path lock = dataDir.resolve("dikta.lock.db");
        byte[] staleLock;
        try (TestServer first = TestServer.start(settings)) {
            first.addUser("anna", Role.WORKER, "IFO");
            ApiClient anna = first.login("anna");
            assertThat(anna.post("/api/cases", new JsonObject().put("id", "2026-0905")).status()).isEqualTo(201);
            assertThat(anna.post("/api/notes", new JsonObject().put("caseId", "2026-0905").put("template",
                    "journalanteckning").put("sections", new JsonArray().add(new JsonObject().put("key", "KONTAKT")
                            .put("text", "Samtal om återhämtningstest")))).status()).isEqualTo(201);
            awaitFound(anna);
            Thread.sleep(1500); // past a commit interval: the index has a committed segment
            staleLock = Files.readAllBytes(lock); // as the lock file is while the server runs
        }
        // what a SIGKILL leaves: the lock file, a segment being written, an unpacking model
        Files.write(lock, staleLock);
        Path index = dataDir.resolve("index");
        Files.write(index.resolve("_zz.cfs"), new byte[4096]);
        Files.write(index.resolve("_zz.si"), new byte[100]);
        Path install = Files.createDirectories(modelParent.resolve(".install-4711").resolve("unpacked"));
        Files.writeString(install.resolve("final.mdl"), "halv");
        Files.setLastModifiedTime(install.getParent(), FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));

        List<String> log = startAndSearch();
        assertThat(log).anyMatch(l -> l.contains("dikta.lock.db was left by a server that did not stop cleanly"));
        assertThat(log).anyMatch(l -> l.contains("deleted 2 file(s) of a write that was never committed")
                && l.contains("_zz.cfs"));
        assertThat(log).anyMatch(l -> l.contains(".install-4711: a speech model install that was interrupted"));
        assertThat(index.resolve("_zz.cfs")).doesNotExist();
        assertThat(modelParent.resolve(".install-4711")).doesNotExist();

        // a committed segment damaged (a torn write on a disk that lied about fsync): rebuilt from the database
        try (Stream<Path> files = Files.list(index)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("_.*\\.(cfs|si)")).toList()) {
                Files.write(f, new byte[(int) Math.min(Files.size(f), 64)]);
            }
        }
        List<String> again = startAndSearch();
        assertThat(again).anyMatch(l -> l.contains("cannot be read") && l.contains("rebuilding it from the database"));
    }

    /** Starts on the data directory, checks that the note is found and dictation works; returns the log. */
    static List<String> startAndSearch() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try (TestServer server = TestServer.start(settings)) {
            ApiClient anna = server.login("anna");
            awaitFound(anna);
            assertThat(server.anonymous().get("/health").json().getJsonObject("asr").getBoolean("loaded")).isTrue();
        } finally {
            root.detachAppender(appender);
        }
        synchronized (appender.list) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    static void awaitFound(ApiClient anna) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            ApiClient.Response r = anna.get("/api/search?q=återhämtningstest");
            if (r.status() == 200 && r.json().getLong("total") == 1) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the note was never found");
    }
}
