package se.dikta.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a reopened index holds: after a crash, the notes up to its committed revision (applied and searchable is
 * not committed); after a close, everything that was applied.
 */
class NoteIndexCommitTest {

    @RegisterExtension
    final TempNoteIndex notes = new TempNoteIndex();

    @Test
    void reopensAtCommittedRevisionWithTheCommittedNotes() throws IOException {
        notes.add("n1", "KONTAKT", "Hembesök.");
        notes.index().commit();
        notes.add("n2", "KONTAKT", "Hembesök igen.");
        assertThat(notes.index().appliedRevision()).isEqualTo(2);
        assertThat(notes.index().committedRevision()).isEqualTo(1);
        assertThat(notes.ids("hembesök")).containsExactlyInAnyOrder("n1", "n2"); // applied and searchable, not committed

        // a crash now: the files as they are on disk, without the close that would commit n2
        Path crashed = Files.createTempDirectory("dikta-index-crashed");
        try (var files = Files.list(notes.dir())) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.copy(f, crashed.resolve(f.getFileName()));
            }
        }
        try (NoteIndex reopened = NoteIndex.open(crashed, notes.analyzer())) {
            assertThat(reopened.committedRevision()).isEqualTo(1);
            assertThat(reopened.appliedRevision()).isEqualTo(1);
            NoteSearcher searcher = new NoteSearcher(reopened, notes.analyzer(), 10_000);
            assertThat(TempNoteIndex.ids(searcher, NoteSearch.in(TempNoteIndex.UNIT_A).query("hembesök").build()))
                    .containsExactly("n1");
        } finally {
            NoteIndex.wipe(crashed);
            Files.deleteIfExists(crashed);
        }
    }

    @Test
    void closeCommitsWhatWasAppliedSoAReopenHasIt() throws IOException {
        notes.add("n1", "KONTAKT", "Hembesök.");
        notes.index().commit();
        notes.add("n2", "KONTAKT", "Hembesök igen.");
        assertThat(notes.index().committedRevision()).isEqualTo(1);

        notes.reopen();
        assertThat(notes.index().committedRevision()).isEqualTo(2);
        assertThat(notes.ids("hembesök")).containsExactlyInAnyOrder("n1", "n2");
    }
}
