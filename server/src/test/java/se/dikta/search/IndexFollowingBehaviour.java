package se.dikta.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.dikta.failure.DomainException;
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
 * How an index follows the database: a second node on the same database, catching up after a crash, a
 * rebuild that equals the incremental index, an unreadable index rebuilt at start, and the revision order
 * under concurrent writers. A running server writes the notes; the indexers under test are extra "nodes"
 * on the same database, each with its own index directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IndexFollowingBehaviour {

    private final SwedishNoteAnalyzer analyzer = new SwedishNoteAnalyzer();
    private TestServer server;
    private AuthUser anna;
    private String caseId;
    private NoteService notes;
    private NoteFeed feed;
    private Path dirs;
    private final List<NoteIndexer> nodes = new ArrayList<>();

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

    private SearchConfig config(Path dir, Duration commitInterval) {
        return new SearchConfig(dir, Duration.ofMillis(50), commitInterval, 20, 100, 10_000);
    }

    private NoteIndexer node(String name, Duration commitInterval, NoteFeed source) throws IOException {
        NoteIndexer node = new NoteIndexer(config(dirs.resolve(name), commitInterval), source, analyzer);
        nodes.add(node);
        node.start();
        return node;
    }

    private void stop(NoteIndexer node) throws Exception {
        nodes.remove(node);
        node.close();
    }

    private Note save(String... keyTextPairs) {
        List<NoteSection> sections = new ArrayList<>();
        for (int i = 0; i < keyTextPairs.length; i += 2) {
            sections.add(new NoteSection(keyTextPairs[i], keyTextPairs[i + 1]));
        }
        return notes.create(anna, caseId, "journalanteckning", new NoteContent(null, sections, null, null,
                new NoteMetrics(NoteMode.TYPED, 0, 10), null)).await();
    }

    private SearchResult search(NoteIndex index, String query) throws IOException {
        return new NoteSearcher(index, analyzer, 10_000).search(NoteSearch.in(anna.unitId()).query(query).caseId(caseId)
                .build());
    }

    private SearchResult newestFirst(NoteIndex index, String query) throws IOException {
        return new NoteSearcher(index, analyzer, 10_000).search(NoteSearch.in(anna.unitId()).query(query)
                .order(NoteSearch.Order.NEWEST).build());
    }

    private long awaitHits(NoteIndexer node, String query, long expected) throws Exception {
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

    @Test
    void secondNodeFollowsChangesMadeThroughTheFirst() throws Exception {
        NoteIndexer other = node("other", Duration.ofSeconds(10), feed);
        save("OBSERVATION", "En grävling syntes i trädgården.");

        assertThat(awaitHits(other, "grävlingen", 1)).isEqualTo(1);
        JsonObject viaServer = server.login("anna").get("/api/search?q=gr%C3%A4vling&caseId=" + caseId).json();
        assertThat(viaServer.getLong("total")).isEqualTo(1);
    }

    @Test
    void catchesUpAfterACrashBetweenDatabaseCommitAndIndexCommit() throws Exception {
        NoteIndexer first = node("node", Duration.ofHours(1), feed);
        Note elk = save("OBSERVATION", "En älg stod vid vägen.");
        assertThat(awaitHits(first, "älg", 1)).isEqualTo(1);
        stop(first);

        NoteIndexer second = node("node", Duration.ofHours(1), feed);
        Note lynx = save("OBSERVATION", "Ett lodjur sprang över fältet.");
        assertThat(awaitHits(second, "lodjur", 1)).isEqualTo(1);
        // The disk as a crash would leave it now: the lynx is in the database and searchable, not committed.
        Path crashed = copyOf(dirs.resolve("node"), dirs.resolve("crashed"));
        stop(second);

        try (NoteIndex reopened = NoteIndex.open(crashed, analyzer)) {
            assertThat(reopened.committedRevision()).isBetween(elk.revision(), lynx.revision() - 1);
            assertThat(search(reopened, "lodjur").total()).isZero();
            assertThat(search(reopened, "älg").total()).isEqualTo(1);
        }
        NoteIndexer restarted = node("crashed", Duration.ofHours(1), feed);
        assertThat(restarted.state()).isEqualTo(NoteIndexer.State.UP);
        assertThat(awaitHits(restarted, "lodjur", 1)).isEqualTo(1);
        assertThat(search(restarted.index(), "älg").total()).isEqualTo(1);
        assertThat(restarted.index().documentCount()).isEqualTo(feed.countChangedSince(0));
    }

    @Test
    void rebuildFromTheDatabaseEqualsTheIncrementalIndex() throws Exception {
        NoteIndexer incremental = node("incremental", Duration.ofSeconds(10), feed);
        Note a = save("KONTAKT", "Hembesök hos familjen Berg.", "BEDOMNING", "Det finns oro för barnen.");
        Note b = save("KONTAKT", "Telefonsamtal med skolan.");
        save("INFORMATION", "Skolan uppger hög frånvaro.", "PLANERING", "Nytt möte bokas.");
        notes.save(anna, b.id(), new NoteContent(null, List.of(new NoteSection("KONTAKT", "Telefonsamtal med mentorn."),
                new NoteSection("BEDOMNING", "Situationen är stabil.")), null, null, null, null), Optional.empty()).await();
        notes.sign(anna, a.id()).await();
        notes.amend(anna, a.id(), "BEDOMNING", "Rättelse: oron gäller endast det yngsta barnet.").await();
        long latest = feed.latestRevision();
        awaitApplied(incremental, latest);

        Path rebuiltDir = dirs.resolve("rebuilt");
        IndexCatchUp.rebuild(config(rebuiltDir, Duration.ofSeconds(10)), feed, analyzer);
        try (NoteIndex rebuilt = NoteIndex.open(rebuiltDir, analyzer)) {
            NoteIndex live = incremental.index();
            assertThat(rebuilt.committedRevision()).isEqualTo(latest);
            assertThat(storedDocuments(rebuilt)).isEqualTo(storedDocuments(live)).hasSize((int) feed.countChangedSince(0));
            // Newest first, so that scores (which count deleted documents until merges) play no part.
            for (String query : List.of("oro", "yngsta", "\"finns oro\"", "telefonsamtal -mentorn", "mentor*", "")) {
                assertThat(newestFirst(rebuilt, query)).as(query).isEqualTo(newestFirst(live, query));
            }
        }
    }

    @Test
    void anIndexBuiltWithAnotherAnalyzerVersionIsRebuiltAtStart() throws Exception {
        save("OBSERVATION", "Barnavårdsutredningen inleddes i går.");
        NoteIndexer old = new NoteIndexer(config(dirs.resolve("node"), Duration.ofSeconds(10)), feed,
                analyzer.forQueries()); // as a server without compound parts indexed
        nodes.add(old);
        old.start();
        awaitApplied(old, feed.latestRevision());
        stop(old);
        try (org.apache.lucene.store.FSDirectory d = org.apache.lucene.store.FSDirectory.open(dirs.resolve("node"));
             org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(d,
                     new org.apache.lucene.index.IndexWriterConfig(analyzer))) {
            w.setLiveCommitData(Map.of(NoteIndex.REVISION_KEY, Long.toString(feed.latestRevision()),
                    NoteIndex.ANALYZER_KEY, "1").entrySet());
            w.commit();
        }
        try (NoteIndex before = NoteIndex.open(dirs.resolve("node"), analyzer)) {
            assertThat(before.analyzerVersion()).isEqualTo("1");
            assertThat(search(before, "utredning").total()).isZero();
        }

        NoteIndexer restarted = node("node", Duration.ofSeconds(10), feed);
        assertThat(awaitHits(restarted, "utredning", 1)).isEqualTo(1);
        assertThat(restarted.index().analyzerVersion()).isEqualTo(SwedishNoteAnalyzer.VERSION);
    }

    @Test
    void anIndexFromBeforeTheUnitSortIsRebuiltAtStart() throws Exception {
        Note saved = save("OBSERVATION", "En järv syntes vid ladan.");
        // As the server wrote it before the index was sorted by unit: unsorted segments, no layout recorded.
        try (org.apache.lucene.store.FSDirectory d = org.apache.lucene.store.FSDirectory.open(dirs.resolve("node"));
             org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(d,
                     new org.apache.lucene.index.IndexWriterConfig(analyzer))) {
            w.addDocument(NoteFields.toDocument(saved));
            w.setLiveCommitData(Map.of(NoteIndex.REVISION_KEY, Long.toString(feed.latestRevision()),
                    NoteIndex.ANALYZER_KEY, SwedishNoteAnalyzer.VERSION).entrySet());
            w.commit();
        }

        NoteIndexer restarted = node("node", Duration.ofSeconds(10), feed);
        assertThat(awaitHits(restarted, "järv", 1)).isEqualTo(1);
        assertThat(restarted.index().layout()).isEqualTo(NoteIndex.LAYOUT);
        boolean sorted = restarted.index().withSearcher(s -> s.getIndexReader().leaves().stream()
                .allMatch(l -> NoteFields.indexSort().equals(l.reader().getMetaData().getSort())));
        assertThat(sorted).isTrue();
    }

    @Test
    void unreadableIndexIsRebuiltAtStartWhileSearchAnswers503() throws Exception {
        save("OBSERVATION", "En uggla hoade i skogen.");
        NoteIndexer first = node("node", Duration.ofSeconds(10), feed);
        assertThat(awaitHits(first, "uggla", 1)).isEqualTo(1);
        stop(first);
        try (Stream<Path> files = Files.list(dirs.resolve("node"))) {
            for (Path segments : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(segments, "inte ett index".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }

        GatedFeed gated = new GatedFeed(feed);
        NoteIndexer restarted = node("node", Duration.ofSeconds(10), gated);
        SearchService service = new SearchService(server.vertx(), restarted, analyzer,
                config(dirs.resolve("node"), Duration.ofSeconds(10)), server.audit());
        assertThat(restarted.state()).isEqualTo(NoteIndexer.State.REBUILDING);
        Throwable refused = service.search(anna, b -> b.query("uggla")).toCompletionStage().toCompletableFuture()
                .handle((r, e) -> e).get(10, TimeUnit.SECONDS);
        assertThat(refused).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.UNAVAILABLE));

        gated.open();
        assertThat(awaitHits(restarted, "uggla", 1)).isEqualTo(1);
        assertThat(service.search(anna, b -> b.query("uggla").caseId(caseId)).await().total()).isEqualTo(1);
    }

    @Test
    void indexerEndsWithTheLatestStateOfEveryNoteUnderConcurrentWriters() throws Exception {
        NoteIndexer follower = node("follower", Duration.ofSeconds(10), feed);
        writeConcurrently(64);
        assertThat(awaitHits(follower, "ändrat", 64)).isEqualTo(64);
    }

    /** 8 threads each create notes and save them again; returns the saved notes. */
    private List<Note> writeConcurrently(int count) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<Note>> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            writes.add(writers.submit(() -> {
                Note note = save("KONTAKT", "Samtal " + n + ".");
                return notes.save(anna, note.id(), new NoteContent(null, List.of(new NoteSection("KONTAKT",
                        "Samtal " + n + " ändrat.")), null, null, null, null), Optional.empty()).await();
            }));
        }
        List<Note> saved = new ArrayList<>();
        for (Future<Note> w : writes) {
            saved.add(w.get(60, TimeUnit.SECONDS));
        }
        writers.shutdown();
        return saved;
    }

    /**
     * Whether a reader that sees revision N also sees every commit below N at once. PostgreSQL does (the
     * counter's row lock orders the commits); embedded H2 was seen to show a later commit before an earlier
     * one under 8 concurrent writers, so there the guarantee is not claimed (see the issue note).
     */
    protected boolean commitsBecomeVisibleInRevisionOrder() {
        return true;
    }

    @Test
    void followerNeverSkipsAChangeOfConcurrentWriters() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(commitsBecomeVisibleInRevisionOrder(),
                "multi-writer revision order is guaranteed on PostgreSQL only");
        Map<String, Long> seen = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        long before = feed.latestRevision();
        Thread follower = new Thread(() -> {
            long applied = before;
            while (writing.get()) {
                applied = follow(applied, seen);
            }
            for (long last = -1; last != applied; ) {
                last = applied;
                applied = follow(applied, seen);
            }
        });
        follower.start();
        List<Note> saved = writeConcurrently(64);
        writing.set(false);
        follower.join();

        for (Note n : feed.changedSince(before, 10_000)) {
            assertThat(seen.get(n.id())).as("last revision the follower saw of " + n.id()).isEqualTo(n.revision());
        }
        assertThat(saved).allSatisfy(n -> assertThat(seen).containsKey(n.id()));
    }

    private long follow(long applied, Map<String, Long> seen) {
        List<Note> batch = feed.changedSince(applied, 7);
        for (Note n : batch) {
            seen.put(n.id(), n.revision());
            applied = n.revision();
        }
        return applied;
    }

    private static void awaitApplied(NoteIndexer node, long revision) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (node.index().appliedRevision() < revision && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(node.index().appliedRevision()).isEqualTo(revision);
        node.index().refresh();
    }

    private static Map<String, Map<String, List<String>>> storedDocuments(NoteIndex index) throws IOException {
        return index.withSearcher(searcher -> {
            Map<String, Map<String, List<String>>> docs = new HashMap<>();
            StoredFields stored = searcher.storedFields();
            for (int d = 0; d < searcher.getIndexReader().maxDoc(); d++) {
                Document doc = stored.document(d);
                Map<String, List<String>> fields = new HashMap<>();
                for (IndexableField f : doc.getFields()) {
                    fields.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f.stringValue() != null
                            ? f.stringValue() : String.valueOf(f.numericValue()));
                }
                docs.put(doc.get(NoteFields.ID), fields);
            }
            return docs;
        });
    }

    /** Copies the files of an index directory as they are on disk at this moment. */
    private static Path copyOf(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                try {
                    Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException e) {
                    // deleted by a merge while we copied: not part of any commit
                }
            }
        }
        return to;
    }

    /** The database feed, held shut until the test opens it: a rebuild that takes as long as the test wants. */
    private static final class GatedFeed implements NoteFeed {
        private final NoteFeed inner;
        private final CountDownLatch gate = new CountDownLatch(1);

        GatedFeed(NoteFeed inner) {
            this.inner = inner;
        }

        void open() {
            gate.countDown();
        }

        @Override
        public List<Note> changedSince(long revision, int limit) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return inner.changedSince(revision, limit);
        }

        @Override
        public List<se.dikta.notes.NoteTombstone> deletedSince(long revision, int limit) {
            return inner.deletedSince(revision, limit);
        }

        @Override
        public long countChangedSince(long revision) {
            return inner.countChangedSince(revision);
        }

        @Override
        public long latestRevision() {
            return inner.latestRevision();
        }
    }
}
