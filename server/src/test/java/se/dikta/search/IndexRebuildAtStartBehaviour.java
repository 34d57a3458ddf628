package se.dikta.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.dikta.failure.DomainException;
import se.dikta.notes.Note;
import se.dikta.notes.NoteFeed;

/**
 * An index a node cannot use as it is gets rebuilt from the database at start: one built with another analyzer
 * version, one from before the index was sorted by unit, and an unreadable one (search answers 503 meanwhile).
 * The same suite on each database (subclasses say which).
 */
abstract class IndexRebuildAtStartBehaviour extends IndexFollowingFixture {

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
