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
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.junit.jupiter.api.Test;
import se.dikta.notes.Note;
import se.dikta.notes.NoteContent;
import se.dikta.notes.NoteSection;

/**
 * How an index follows the database: a second node on the same database sees changes made through the first, a node
 * catches up after a crash between the database's commit and the index's, and a rebuild from the database equals the
 * incremental index. The same suite on each database (subclasses say which).
 */
abstract class IndexFollowingBehaviour extends IndexFollowingFixture {

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

    private SearchResult newestFirst(NoteIndex index, String query) throws IOException {
        return new NoteSearcher(index, analyzer, 10_000).search(NoteSearch.in(anna.unitId()).query(query)
                .order(NoteSearch.Order.NEWEST).build());
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
}
