package se.dikta.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import se.dikta.notes.Amendment;
import se.dikta.notes.Note;
import se.dikta.notes.NoteMetrics;
import se.dikta.notes.NoteSection;
import se.dikta.notes.NoteStatus;
import se.dikta.notes.Person;

/**
 * A note index of its own for each test, in a temporary directory, with the server's analyzer and a searcher, fed
 * notes directly: each added note is applied and refreshed, so it is searchable at once (not committed). Register
 * as {@code @RegisterExtension final TempNoteIndex notes = new TempNoteIndex();}.
 */
final class TempNoteIndex implements BeforeEachCallback, AfterEachCallback {

    static final long UNIT_A = 1;
    static final long UNIT_B = 2;
    static final LocalDate DATE = LocalDate.of(2025, 3, 1);
    static final Person ANNA = new Person(7, "Anna Andersson", "Socialsekreterare");
    private static final Instant AMENDED_AT = Instant.parse("2025-03-02T10:00:00Z");

    /** A section of a note: {@code s("BEDOMNING", "...")}. */
    static NoteSection s(String key, String text) {
        return new NoteSection(key, text);
    }

    /** Anna's amendment to a section of a note ({@code section} null: to no section), the day after {@link #DATE}. */
    static Amendment amendment(String noteId, String section, String text) {
        return new Amendment(1, noteId, ANNA, AMENDED_AT, section, text);
    }

    private final SwedishNoteAnalyzer analyzer = new SwedishNoteAnalyzer();
    private Path dir;
    private NoteIndex index;
    private NoteSearcher searcher;
    private long revision;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("dikta-index-test");
        revision = 0;
        open();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        index.close();
        NoteIndex.wipe(dir);
        Files.delete(dir);
    }

    private void open() throws IOException {
        index = NoteIndex.open(dir, analyzer);
        searcher = new NoteSearcher(index, analyzer, 10_000);
    }

    /** Closes the index (which commits what was applied) and opens it again from its directory. */
    void reopen() throws IOException {
        index.close();
        open();
    }

    NoteIndex index() {
        return index;
    }

    NoteSearcher searcher() {
        return searcher;
    }

    Path dir() {
        return dir;
    }

    SwedishNoteAnalyzer analyzer() {
        return analyzer;
    }

    /** Adds a journal note of unit A, dated {@link #DATE}, with one section. */
    Note add(String id, String sectionKey, String text) throws IOException {
        return add(id, UNIT_A, DATE, new NoteSection(sectionKey, text));
    }

    Note add(String id, long unit, LocalDate date, NoteSection... sections) throws IOException {
        return add(id, unit, date, "journalanteckning", List.of(), sections);
    }

    /** Adds (or replaces) a draft with the next revision and makes it searchable. */
    Note add(String id, long unit, LocalDate date, String template, List<Amendment> amendments,
            NoteSection... sections) throws IOException {
        Note note = new Note(id, "case-" + id, unit, template, date, Instant.parse("2025-03-01T10:00:00Z"), ANNA,
                List.of(sections), "", List.of(), NoteMetrics.dictated(), "", NoteStatus.DRAFT, 1, null,
                Instant.now(), ++revision, amendments);
        index.put(note);
        index.markApplied(revision);
        index.refresh();
        return note;
    }

    SearchResult search(NoteSearch search) throws IOException {
        return searcher.search(search);
    }

    /** The ids of unit A's notes that {@code query} finds, in the searcher's order. */
    List<String> ids(String query) throws IOException {
        return ids(NoteSearch.in(UNIT_A).query(query).build());
    }

    List<String> ids(NoteSearch search) throws IOException {
        return ids(searcher, search);
    }

    /** The ids {@code search} finds through another searcher (of a reopened or copied index). */
    static List<String> ids(NoteSearcher searcher, NoteSearch search) throws IOException {
        List<String> ids = new ArrayList<>();
        searcher.search(search).hits().forEach(h -> ids.add(h.id()));
        return ids;
    }
}
