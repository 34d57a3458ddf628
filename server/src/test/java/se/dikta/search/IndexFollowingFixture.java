package se.dikta.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.notes.Note;
import se.dikta.notes.NoteContent;
import se.dikta.notes.NoteFeed;
import se.dikta.notes.NoteMetrics;
import se.dikta.notes.NoteMode;
import se.dikta.notes.NoteSection;
import se.dikta.notes.NoteService;
import se.dikta.notes.NoteStore;
import se.dikta.notes.StoreNoteFeed;
import se.dikta.testing.TestServer;

/**
 * A running server that writes notes to the database a subclass names, and extra indexing "nodes" on that database,
 * each with its own index directory: the set-up of {@link IndexFollowingBehaviour},
 * {@link IndexRebuildAtStartBehaviour} and {@link ConcurrentIndexWritersBehaviour}. Each test writes in a case of its
 * own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IndexFollowingFixture {

    final SwedishNoteAnalyzer analyzer = new SwedishNoteAnalyzer();
    TestServer server;
    AuthUser anna;
    String caseId;
    NoteService notes;
    NoteFeed feed;
    Path dirs;
    final List<NoteIndexer> nodes = new ArrayList<>();

    protected abstract Map<String, String> databaseSettings();

    @BeforeAll
    void startServer() {
        Map<String, String> settings = new HashMap<>(databaseSettings());
        settings.put("search.pollInterval", "0.05");
        server = TestServer.start(settings);
        anna = server.addUser("anna", Role.WORKER, "IFO Vuxen");
        notes = server.notes();
        feed = new StoreNoteFeed(server.database(), new NoteStore());
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @BeforeEach
    void newCase() throws IOException {
        dirs = Files.createTempDirectory("dikta-nodes");
        caseId = "F-" + System.nanoTime();
        assertThat(server.login("anna").post("/api/cases", new JsonObject().put("id", caseId)).status())
                .isEqualTo(201);
    }

    @AfterEach
    void closeNodes() throws Exception {
        for (NoteIndexer node : nodes) {
            node.close();
        }
        nodes.clear();
        TestServer.deleteTree(dirs);
    }

    SearchConfig config(Path dir, Duration commitInterval) {
        return new SearchConfig(dir, Duration.ofMillis(50), commitInterval, 20, 100, 10_000);
    }

    NoteIndexer node(String name, Duration commitInterval, NoteFeed source) throws IOException {
        NoteIndexer node = new NoteIndexer(config(dirs.resolve(name), commitInterval), source, analyzer);
        nodes.add(node);
        node.start();
        return node;
    }

    void stop(NoteIndexer node) throws Exception {
        nodes.remove(node);
        node.close();
    }

    Note save(String... keyTextPairs) {
        List<NoteSection> sections = new ArrayList<>();
        for (int i = 0; i < keyTextPairs.length; i += 2) {
            sections.add(new NoteSection(keyTextPairs[i], keyTextPairs[i + 1]));
        }
        return notes.create(anna, caseId, "journalanteckning", new NoteContent(null, sections, null, null,
                new NoteMetrics(NoteMode.TYPED, 0, 10), null)).await();
    }

    SearchResult search(NoteIndex index, String query) throws IOException {
        return new NoteSearcher(index, analyzer, 10_000).search(NoteSearch.in(anna.unitId()).query(query).caseId(caseId)
                .build());
    }

    long awaitHits(NoteIndexer node, String query, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long total;
        do {
            total = node.state() == NoteIndexer.State.UP ? search(node.index(), query).total() : -1;
            if (total == expected) {
                return total;
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        return total;
    }

    static void awaitApplied(NoteIndexer node, long revision) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (node.index().appliedRevision() < revision && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(node.index().appliedRevision()).isEqualTo(revision);
        node.index().refresh();
    }
}
