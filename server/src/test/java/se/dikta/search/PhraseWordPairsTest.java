package se.dikta.search;

import static org.assertj.core.api.Assertions.assertThat;
import static se.dikta.search.TempNoteIndex.amendment;
import static se.dikta.search.TempNoteIndex.s;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exact phrases are found through their word pairs ({@link WordPairs}) and still mean what the phrase means: a
 * two-word phrase (or two words with a stop word between) is counted exactly, per section too; a pair split by a
 * section or amendment break is no pair; a longer phrase whose pairs all occur, but not in a row, is not found;
 * and the page keeps the phrase's own scores.
 */
class PhraseWordPairsTest {

    private static final long UNIT_A = TempNoteIndex.UNIT_A;
    private static final LocalDate D = TempNoteIndex.DATE;

    @RegisterExtension
    final TempNoteIndex notes = new TempNoteIndex();

    @Test
    void twoWordPhraseIsCountedExactlyPerSection() throws IOException {
        notes.add("info", UNIT_A, D, s("INFORMATION", "Skolan säger att det finns oro."));
        notes.add("both", UNIT_A, D, s("INFORMATION", "Det finns oro."), s("BEDOMNING", "Det finns oro kvar."));
        notes.add("apart", UNIT_A, D, s("BEDOMNING", "Det finns ingen oro."));
        notes.add("reversed", UNIT_A, D, s("BEDOMNING", "Oro finns."));

        SearchResult result = notes.search(NoteSearch.in(UNIT_A).query("\"det finns oro\"").build());
        assertThat(result.total()).isEqualTo(2);
        assertThat(result.hits()).extracting(SearchResult.Hit::id).containsExactlyInAnyOrder("info", "both");
        assertThat(result.sectionFacets()).isEqualTo(Map.of("INFORMATION", 2, "BEDOMNING", 1));
    }

    @Test
    void wordsWithAStopWordBetweenAreFoundLikeThePhrase() throws IOException {
        notes.add("av", UNIT_A, D, s("BEDOMNING", "Barnets behov av stöd tillgodoses."));
        notes.add("for", UNIT_A, D, s("BEDOMNING", "Ett behov för stöd finns."));
        notes.add("adjacent", UNIT_A, D, s("BEDOMNING", "Behov stöd."));
        notes.add("far", UNIT_A, D, s("BEDOMNING", "Behov av mer stöd."));

        SearchResult result = notes.search(NoteSearch.in(UNIT_A).query("\"behov av stöd\"").build());
        assertThat(result.hits()).extracting(SearchResult.Hit::id).containsExactlyInAnyOrder("av", "for");
        assertThat(result.total()).isEqualTo(2);
        assertThat(result.sectionFacets()).isEqualTo(Map.of("BEDOMNING", 2));
    }

    @Test
    void pairAcrossASectionOrAmendmentBreakIsNoPair() throws IOException {
        notes.add("sections", UNIT_A, D, s("INFORMATION", "Mamma säger att det finns"), s("BEDOMNING", "oro."));
        notes.add("amended", UNIT_A, D, "journalanteckning",
                List.of(amendment("amended", null, "oro för pojken.")), s("INFORMATION", "Skolan säger att det finns"));
        notes.add("amendmentWithin", UNIT_A, D, "journalanteckning",
                List.of(amendment("amendmentWithin", null, "Tillägg: det finns oro.")), s("INFORMATION", "Samtal med skolan."));

        SearchResult result = notes.search(NoteSearch.in(UNIT_A).query("\"finns oro\"").build());
        assertThat(result.hits()).extracting(SearchResult.Hit::id).containsExactly("amendmentWithin");
        assertThat(result.total()).isEqualTo(1);
        assertThat(result.sectionFacets()).isEmpty();
    }

    @Test
    void longerPhraseWithEveryPairButNotInARowIsNotFound() throws IOException {
        notes.add("row", UNIT_A, D, s("BEDOMNING", "Det finns oro hos pappa."));
        notes.add("pairs", UNIT_A, D, s("BEDOMNING", "Det finns oro. Oro hos pappa."));

        assertThat(notes.ids("\"finns oro hos pappa\"")).containsExactly("row");
        assertThat(notes.search(NoteSearch.in(UNIT_A).query("\"finns oro hos pappa\"").build()).total()).isEqualTo(1);
        // With a filter beside it the phrase takes the other counting path; the same notes.
        assertThat(notes.ids(NoteSearch.in(UNIT_A).query("\"finns oro hos pappa\"").section("BEDOMNING").build()))
                .containsExactly("row");
    }

    @Test
    void pageScoresAreThePhrasesOwn() throws IOException {
        notes.add("short", UNIT_A, D, s("BEDOMNING", "Det finns oro."));
        notes.add("long", UNIT_A, D, s("INFORMATION", "Skolan ringde i dag och berättade att det finns oro för"
                + " pojkens närvaro och mående."), s("BEDOMNING", "Det finns oro, det finns oro."));
        notes.add("none", UNIT_A, D, s("BEDOMNING", "Ingen oro finns."));

        SearchResult result = notes.search(NoteSearch.in(UNIT_A).query("\"det finns oro\"").build());
        Map<String, Float> reference = notes.index().withSearcher(searcher -> lucenesOwn(searcher));
        assertThat(result.hits()).hasSize(2);
        for (SearchResult.Hit hit : result.hits()) {
            assertThat(hit.score()).isEqualTo(reference.get(hit.id()));
        }
    }

    private Map<String, Float> lucenesOwn(IndexSearcher searcher) throws IOException {
        TopDocs top = searcher.search(new UserQueryParser(notes.analyzer()).parse("\"det finns oro\"",
                NoteFields.TEXT), 10);
        Map<String, Float> scores = new HashMap<>();
        for (ScoreDoc d : top.scoreDocs) {
            scores.put(searcher.storedFields().document(d.doc).get(NoteFields.ID), d.score);
        }
        return scores;
    }
}
