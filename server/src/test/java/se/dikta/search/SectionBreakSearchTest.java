package se.dikta.search;

import static org.assertj.core.api.Assertions.assertThat;
import static se.dikta.search.TempNoteIndex.amendment;
import static se.dikta.search.TempNoteIndex.s;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A note's sections and amendments are separate texts: a phrase or a compound written across the break between two
 * of them is not found (the words only happen to meet there), while everything within one of them is, and an
 * amendment that refers to no section counts in the total but for no section.
 */
class SectionBreakSearchTest {

    private static final long UNIT_A = TempNoteIndex.UNIT_A;
    private static final LocalDate D = TempNoteIndex.DATE;

    @RegisterExtension
    final TempNoteIndex notes = new TempNoteIndex();

    @Test
    void phraseSpanningASectionBreakIsNotFound() throws IOException {
        notes.add("across", UNIT_A, D, s("INFORMATION", "Mamma säger att det finns"), s("BEDOMNING", "oro för barnen."));
        notes.add("within", UNIT_A, D, s("BEDOMNING", "Det finns oro för barnen."));
        notes.add("amended", UNIT_A, D, "journalanteckning", List.of(amendment("amended", null, "oro för pojken.")),
                s("INFORMATION", "Skolan säger att det finns"));

        assertThat(notes.ids("\"finns oro\"")).containsExactly("within");
        assertThat(notes.search(NoteSearch.in(UNIT_A).query("\"finns oro\"").build()).total()).isEqualTo(1);
        assertThat(notes.ids("\"oro för barnen\"")).containsExactlyInAnyOrder("across", "within");
    }

    @Test
    void compoundWrittenApartAcrossASectionBreakIsNotTheCompound() throws IOException {
        notes.add("across", UNIT_A, D, s("INFORMATION", "Vi träffade en familj"), s("BEDOMNING", "behandlare ringer."));
        notes.add("within", UNIT_A, D, s("INFORMATION", "Vi träffade en familj behandlare i dag."));

        assertThat(notes.ids("familjebehandlare")).containsExactly("within");
        assertThat(notes.ids("familj behandlare")).containsExactlyInAnyOrder("within", "across");
    }

    @Test
    void amendmentWithoutSectionCountsInTheTotalButForNoSection() throws IOException {
        notes.add("own", UNIT_A, D, s("INFORMATION", "Pappa ringde."));
        notes.add("unsectioned", UNIT_A, D, "journalanteckning",
                List.of(amendment("unsectioned", null, "Rättelse: pappa deltog.")), s("INFORMATION", "Samtal med mamma."));
        notes.add("otherSection", UNIT_A, D, "journalanteckning",
                List.of(amendment("otherSection", "KONTAKT", "Pappa kom också.")), s("INFORMATION", "Samtal med mamma."));
        notes.add("kontakt", UNIT_A, D, s("KONTAKT", "Telefonsamtal med skolan."));

        SearchResult word = notes.search(NoteSearch.in(UNIT_A).query("pappa").build());
        assertThat(word.total()).isEqualTo(3);
        assertThat(word.hits()).extracting(SearchResult.Hit::id)
                .containsExactlyInAnyOrder("own", "unsectioned", "otherSection");
        assertThat(word.sectionFacets()).isEqualTo(Map.of("INFORMATION", 1, "KONTAKT", 1));
        assertThat(word.templateFacets()).isEqualTo(Map.of("journalanteckning", 3));
        SearchResult phrase = notes.search(NoteSearch.in(UNIT_A).query("\"pappa deltog\"").build());
        assertThat(phrase.total()).isEqualTo(1);
        assertThat(phrase.sectionFacets()).isEmpty();
        assertThat(notes.search(NoteSearch.in(UNIT_A).query("rätt*").build()).total()).isEqualTo(1);
    }

    @Test
    void snippetsMarkWordsInLaterSectionsAndAmendmentsWhereTheyStand() throws IOException {
        notes.add("n1", UNIT_A, D, "journalanteckning", List.of(amendment("n1", null, "Tillägg: pappa deltog.")),
                s("INFORMATION", "Första stycket handlar om skolan."),
                s("BEDOMNING", "  Personnummer 19840312-4567 nämndes vid hembesöket.  "));

        assertThat(notes.search(NoteSearch.in(UNIT_A).query("hembesöket").build()).hits().get(0).snippet())
                .contains("Personnummer 19840312-4567 nämndes vid <mark>hembesöket</mark>.");
        assertThat(notes.search(NoteSearch.in(UNIT_A).query("pappa").build()).hits().get(0).snippet())
                .contains("Tillägg: <mark>pappa</mark> deltog.");
        assertThat(notes.search(NoteSearch.in(UNIT_A).query("840312-4567").build()).hits().get(0).snippet())
                .contains("<mark>19840312-4567</mark>");
    }
}
