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
 * A known compound written as two words next to each other is indexed also as the compound
 * ({@code CompoundJoinFilter}), so the typed compound — one term — finds it and marks both words.
 */
class CompoundWrittenApartTest {

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
                new Person(7, "Anna Andersson", "Socialsekreterare"), List.of(new NoteSection("PLANERING", text)), "",
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
    void aCompoundWrittenApartIsFoundByTheCompoundAndBothWordsAreMarked() throws IOException {
        add("apart", "Vi bokar familj behandlare till nästa vecka.");
        add("joined", "Familjebehandlaren kommer på tisdag.");
        add("between", "Familj och behandlare träffades.");
        add("reversed", "Behandlare familj hörs av.");

        assertThat(ids("familjebehandlare")).containsExactlyInAnyOrder("apart", "joined");
        assertThat(ids("familjebehandlaren")).containsExactlyInAnyOrder("apart", "joined");
        assertThat(ids("familj behandlare")).containsExactlyInAnyOrder("apart", "joined", "between", "reversed");
        SearchResult r = searcher.search(NoteSearch.in(UNIT_A).query("familjebehandlare").build());
        assertThat(r.hits()).filteredOn(h -> h.id().equals("apart")).singleElement()
                .satisfies(h -> assertThat(h.snippet()).contains("<mark>familj behandlare</mark>"));
        assertThat(r.hits()).filteredOn(h -> h.id().equals("joined")).singleElement()
                .satisfies(h -> assertThat(h.snippet()).contains("<mark>Familjebehandlaren</mark>"));
    }

    @Test
    void aCompoundOfTheGeneralWordListsIsOneTermAndFindsItsWordsWrittenApart() throws IOException {
        add("apart", "Vi går igenom vård planen med mamma.");
        add("joined", "Vårdplanen är klar.");
        add("between", "Vård och plan diskuterades.");

        assertThat(ids("vårdplan")).containsExactlyInAnyOrder("apart", "joined");
        assertThat(ids("vårdplanen")).containsExactlyInAnyOrder("apart", "joined");
        // Not in the training corpus, but in the word lists: one term, no phrase of its parts.
        UserQueryParser parser = new UserQueryParser(new SwedishNoteAnalyzer());
        assertThat(parser.parse("vårdplan", NoteFields.TEXT).toString()).doesNotContain("\"");
        assertThat(parser.parse("vårdplanen", NoteFields.TEXT).toString()).doesNotContain("\"");
    }
}
