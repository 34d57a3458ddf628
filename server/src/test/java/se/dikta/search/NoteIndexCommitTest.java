package se.dikta.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.dikta.notes.Note;
import se.dikta.notes.NoteMetrics;
import se.dikta.notes.NoteSection;
import se.dikta.notes.NoteStatus;
import se.dikta.notes.Person;

/**
 * What a reopened index holds: after a crash, the notes up to its committed revision (applied and searchable is
 * not committed); after a close, everything that was applied.
 */
class NoteIndexCommitTest {

    private static final long UNIT_A = 1;
    private static final LocalDate D = LocalDate.of(2025, 3, 1);

    private Path dir;
    private NoteIndex index;
    private NoteSearcher searcher;
    private long revision;

    @BeforeEach
    void open() throws IOException {
        dir = Files.createTempDirectory("dikta-index-test");
        index = NoteIndex.open(dir, new SwedishNoteAnalyzer());
        searcher = new NoteSearcher(index, new SwedishNoteAnalyzer(), 10_000);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
        NoteIndex.wipe(dir);
        Files.delete(dir);
    }

    private void add(String id, String text) throws IOException {
        Note note = new Note(id, "case-" + id, UNIT_A, "journalanteckning", D, Instant.parse("2025-03-01T10:00:00Z"),
                new Person(7, "Anna Andersson", "Socialsekreterare"), List.of(new NoteSection("KONTAKT", text)), "",
                List.of(), NoteMetrics.dictated(), "", NoteStatus.DRAFT, 1, null, Instant.now(), ++revision, List.of());
        index.put(note);
        index.markApplied(revision);
        index.refresh();
    }

    private List<String> ids(String query) throws IOException {
        List<String> ids = new ArrayList<>();
        searcher.search(NoteSearch.in(UNIT_A).query(query).build()).hits().forEach(h -> ids.add(h.id()));
        return ids;
    }

    @Test
    void reopensAtCommittedRevisionWithTheCommittedNotes() throws IOException {
        add("n1", "Hembesök.");
        index.commit();
        add("n2", "Hembesök igen.");
        assertThat(index.appliedRevision()).isEqualTo(2);
        assertThat(index.committedRevision()).isEqualTo(1);
        assertThat(ids("hembesök")).containsExactlyInAnyOrder("n1", "n2"); // applied and searchable, not committed

        // a crash now: the files as they are on disk, without the close that would commit n2
        Path crashed = Files.createTempDirectory("dikta-index-crashed");
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.copy(f, crashed.resolve(f.getFileName()));
            }
        }
        try (NoteIndex reopened = NoteIndex.open(crashed, new SwedishNoteAnalyzer())) {
            assertThat(reopened.committedRevision()).isEqualTo(1);
            assertThat(reopened.appliedRevision()).isEqualTo(1);
            List<String> found = new ArrayList<>();
            new NoteSearcher(reopened, new SwedishNoteAnalyzer(), 10_000)
                    .search(NoteSearch.in(UNIT_A).query("hembesök").build()).hits().forEach(h -> found.add(h.id()));
            assertThat(found).containsExactly("n1");
        } finally {
            NoteIndex.wipe(crashed);
            Files.deleteIfExists(crashed);
        }
    }

    @Test
    void closeCommitsWhatWasAppliedSoAReopenHasIt() throws IOException {
        add("n1", "Hembesök.");
        index.commit();
        add("n2", "Hembesök igen.");
        assertThat(index.committedRevision()).isEqualTo(1);

        index.close();
        index = NoteIndex.open(dir, new SwedishNoteAnalyzer());
        searcher = new NoteSearcher(index, new SwedishNoteAnalyzer(), 10_000);
        assertThat(index.committedRevision()).isEqualTo(2);
        assertThat(ids("hembesök")).containsExactlyInAnyOrder("n1", "n2");
    }
}
