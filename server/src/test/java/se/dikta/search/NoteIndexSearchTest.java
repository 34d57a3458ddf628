package se.dikta.search;

import static org.assertj.core.api.Assertions.assertThat;
import static se.dikta.search.TempNoteIndex.s;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.dikta.notes.Amendment;

/**
 * The index and its searcher on their own, fed notes directly: analysis, query syntax, filters, facets, snippets.
 * What survives a crash or a close is {@link NoteIndexCommitTest}'s.
 */
class NoteIndexSearchTest {

    private static final long UNIT_A = TempNoteIndex.UNIT_A;
    private static final long UNIT_B = TempNoteIndex.UNIT_B;
    private static final LocalDate D = TempNoteIndex.DATE;

    @RegisterExtension
    final TempNoteIndex notes = new TempNoteIndex();

    @Test
    void definiteFormsFindBaseFormsAndBack() throws IOException {
        notes.add("n1", UNIT_A, D, s("BEDOMNING", "Min bedömning är att stödet räcker."));
        notes.add("n2", UNIT_A, D, s("KONTAKT", "Ett hembesök gjordes i familjens lägenhet."));
        notes.add("n3", UNIT_A, D, s("INFORMATION", "Barnen berättar om skolan."));

        assertThat(notes.ids("bedömningen")).containsExactly("n1");
        assertThat(notes.ids("hembesöket")).containsExactly("n2");
        assertThat(notes.ids("hembesök")).containsExactly("n2");
        assertThat(notes.ids("barn")).containsExactly("n3");
        assertThat(notes.ids("lägenheten")).containsExactly("n2");
    }

    @Test
    void keepsSwedishLettersApart() throws IOException {
        notes.add("far", UNIT_A, D, s("INFORMATION", "Hans far ringde."));
        notes.add("får", UNIT_A, D, s("INFORMATION", "Hon får stöd."));

        assertThat(notes.ids("får")).containsExactly("får");
        assertThat(notes.ids("far")).containsExactly("far");
    }

    @Test
    void phraseRequiresWordsInOrderAndExclusionRemoves() throws IOException {
        notes.add("oro", UNIT_A, D, s("BEDOMNING", "Det finns oro för barnens situation."));
        notes.add("ingen", UNIT_A, D, s("BEDOMNING", "Oro finns inte längre, situationen är stabil."));
        notes.add("skola", UNIT_A, D, s("INFORMATION", "Skolan uppger oro för frånvaron."));

        assertThat(notes.ids("\"finns oro\"")).containsExactly("oro");
        assertThat(notes.ids("barnen")).containsExactly("oro");
        assertThat(notes.ids("\"barnen\"")).isEmpty();
        assertThat(notes.ids("\"barnens situation\"")).containsExactly("oro");
        assertThat(notes.ids("oro -skolan")).containsExactlyInAnyOrder("oro", "ingen");
        assertThat(notes.ids("-oro")).isEmpty();
        assertThat(notes.ids("bedöm* | frånvaro")).containsExactly("skola");
    }

    @Test
    void malformedQueriesAreReadLeniently() throws IOException {
        notes.add("n1", UNIT_A, D, s("BEDOMNING", "Det finns oro."));

        assertThat(notes.ids("\"finns oro")).containsExactly("n1");
        assertThat(notes.ids("(oro")).containsExactly("n1");
        assertThat(notes.ids("oro)")).containsExactly("n1");
        assertThat(notes.ids("\"")).isEmpty();
        assertThat(notes.ids("*")).containsExactly("n1");
        assertThat(notes.ids("och")).isEmpty();
    }

    @Test
    void refusesOverlongQueryWithReason() {
        assertThatThrownBy(() -> notes.ids("oro ".repeat(200)))
                .isInstanceOf(UserQueryParser.InvalidQueryException.class)
                .hasMessageContaining("för lång");
    }

    @Test
    void otherUnitsNotesAreInNoHitTotalOrFacet() throws IOException {
        notes.add("a1", UNIT_A, D, s("BEDOMNING", "Oro för pojken."));
        notes.add("b1", UNIT_B, D, "utredning", List.of(), s("BEDOMNING", "Oro för flickan."),
                s("PLANERING", "Oro följs upp."));
        notes.add("b2", UNIT_B, D, "utredning", List.of(), s("SYFTE", "Oro."));

        SearchResult r = notes.search(NoteSearch.in(UNIT_A).query("oro").build());
        assertThat(r.total()).isEqualTo(1);
        assertThat(r.hits()).extracting(SearchResult.Hit::id).containsExactly("a1");
        assertThat(r.templateFacets()).containsOnlyKeys("journalanteckning").containsEntry("journalanteckning", 1);
        assertThat(r.sectionFacets()).containsOnlyKeys("BEDOMNING").containsEntry("BEDOMNING", 1);

        SearchResult all = notes.search(NoteSearch.in(UNIT_A).build());
        assertThat(all.total()).isEqualTo(1);
        assertThat(all.sectionFacets()).doesNotContainKeys("PLANERING", "SYFTE");
    }

    @Test
    void sectionFacetCountsWhereTheQueryMatchedAndEqualsTheFilteredTotal() throws IOException {
        notes.add("n1", UNIT_A, D, s("INFORMATION", "Mamma berättar om oro."), s("BEDOMNING", "Stödet räcker."));
        notes.add("n2", UNIT_A, D, s("INFORMATION", "Skolan ringde."), s("BEDOMNING", "Det finns oro."));
        notes.add("n3", UNIT_A, D, s("INFORMATION", "Oro enligt grannen."), s("BEDOMNING", "Oron är befogad."));
        notes.add("n4", UNIT_A, D, "utredning", List.of(), s("PLANERING", "Nytt möte."));

        SearchResult r = notes.search(NoteSearch.in(UNIT_A).query("oro").build());
        assertThat(r.total()).isEqualTo(3);
        assertThat(r.sectionFacets()).containsEntry("INFORMATION", 2).containsEntry("BEDOMNING", 2)
                .doesNotContainKey("PLANERING");
        assertThat(r.templateFacets()).containsOnlyKeys("journalanteckning");

        SearchResult inAssessment = notes.search(NoteSearch.in(UNIT_A).query("oro").section("BEDOMNING").build());
        assertThat(inAssessment.total()).isEqualTo(2);
        assertThat(inAssessment.hits()).extracting(SearchResult.Hit::id).containsExactlyInAnyOrder("n2", "n3");

        SearchResult planning = notes.search(NoteSearch.in(UNIT_A).section("PLANERING").build());
        assertThat(planning.hits()).extracting(SearchResult.Hit::id).containsExactly("n4");
        assertThat(notes.search(NoteSearch.in(UNIT_A).build()).templateFacets())
                .containsEntry("journalanteckning", 3).containsEntry("utredning", 1);
    }

    @Test
    void sectionFacetIsExactForNarrowAndBroadSearches() throws IOException {
        for (int i = 0; i < 60; i++) {
            notes.add("n" + i, UNIT_A, D,
                    s("KONTAKT", i % 2 == 0 ? "Långt telefonsamtal i dag." : "Telefonsamtal, långt."),
                    s("PLANERING", i % 3 == 0 ? "Nytt telefonsamtal bokas." : "Inget mer."));
        }
        // Broad: hits and section matches are about as many.
        SearchResult broad = notes.search(NoteSearch.in(UNIT_A).query("\"långt telefonsamtal\"").build());
        assertThat(broad.total()).isEqualTo(30);
        assertThat(broad.sectionFacets()).containsOnly(Map.entry("KONTAKT", 30));
        SearchResult word = notes.search(NoteSearch.in(UNIT_A).query("telefonsamtal").build());
        assertThat(word.sectionFacets()).containsOnly(Map.entry("KONTAKT", 60), Map.entry("PLANERING", 20));
        // Narrow: one case among many section matches.
        SearchResult narrow = notes.search(NoteSearch.in(UNIT_A).query("\"långt telefonsamtal\"").caseId("case-n0")
                .build());
        assertThat(narrow.sectionFacets()).containsOnly(Map.entry("KONTAKT", 1));
        SearchResult narrowMiss = notes.search(NoteSearch.in(UNIT_A).query("\"långt telefonsamtal\"")
                .caseId("case-n1").build());
        assertThat(narrowMiss.total()).isZero();
        SearchResult browse = notes.search(NoteSearch.in(UNIT_A).caseId("case-n3").build());
        assertThat(browse.sectionFacets()).containsOnly(Map.entry("KONTAKT", 1), Map.entry("PLANERING", 1));
    }

    @Test
    void listingSectionFacetsEqualEachSectionsFilteredTotalAndSnippetsBelongToTheirNotes() throws IOException {
        for (int i = 0; i < 30; i++) {
            notes.add("m" + i, i % 4 == 0 ? UNIT_B : UNIT_A, D.plusDays(i % 7),
                    s("INFORMATION", "Anteckning nummer " + i + " om skolan."),
                    s(i % 3 == 0 ? "PLANERING" : "BEDOMNING", i % 5 == 0 ? " " : "Text " + i + "."));
        }
        SearchResult all = notes.search(NoteSearch.in(UNIT_A).size(50).build());
        assertThat(all.total()).isEqualTo(22);
        for (String key : List.of("INFORMATION", "PLANERING", "BEDOMNING")) {
            long filtered = notes.search(NoteSearch.in(UNIT_A).section(key).build()).total();
            assertThat(all.sectionFacets().getOrDefault(key, 0)).as(key).isEqualTo((int) filtered);
        }
        // Blank sections are not counted; unit B's notes are not counted.
        assertThat(all.sectionFacets()).containsOnly(Map.entry("INFORMATION", 22), Map.entry("PLANERING", 6),
                Map.entry("BEDOMNING", 12));
        // Newest first is not index order: each snippet must still come from its own note.
        assertThat(all.hits()).hasSize(22).allSatisfy(h ->
                assertThat(h.snippet()).contains("nummer " + h.id().substring(1) + " om"));
    }

    @Test
    void findsPersonnummerTypedWithOrWithoutCenturyOrHyphen() throws IOException {
        notes.add("long", UNIT_A, D, s("NARVARANDE", "Kalle Svensson, 19840312-4567, deltog."));
        notes.add("short", UNIT_A, D, s("NARVARANDE", "Lisa Berg (840312-4567) deltog."));
        notes.add("plain", UNIT_A, D, s("NARVARANDE", "Personnummer 198403124567 enligt beslut."));
        notes.add("other", UNIT_A, D, s("NARVARANDE", "Personnummer 19900101-1234."));

        for (String typed : List.of("19840312-4567", "198403124567", "840312-4567", "8403124567")) {
            assertThat(notes.ids(typed)).as(typed).containsExactlyInAnyOrder("long", "short", "plain");
        }
        SearchResult r = notes.search(NoteSearch.in(UNIT_A).query("8403124567").section("NARVARANDE").build());
        assertThat(r.hits()).extracting(SearchResult.Hit::snippet)
                .anySatisfy(snip -> assertThat(snip).contains("<mark>19840312-4567</mark>"))
                .anySatisfy(snip -> assertThat(snip).contains("<mark>840312-4567</mark>"));
    }

    @Test
    void snippetMarksMatchesAndEscapesEverythingElse() throws IOException {
        notes.add("n1", UNIT_A, D,
                s("OBSERVATION", "Pojken skrev <script>alert('x')</script> & ritade. Mamman var orolig."));

        SearchResult r = notes.search(NoteSearch.in(UNIT_A).query("pojken").build());
        String snippet = r.hits().get(0).snippet();
        assertThat(snippet).contains("<mark>Pojken</mark>").contains("&lt;script&gt;").contains("&amp;")
                .doesNotContain("<script>");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");

        String withoutQuery = notes.search(NoteSearch.in(UNIT_A).build()).hits().get(0).snippet();
        assertThat(withoutQuery).startsWith("Pojken skrev &lt;script&gt;").doesNotContain("<mark>");
    }

    @Test
    void snippetIsTheWholeSentencesAroundTheMatchesWithEveryMatchMarked() throws IOException {
        String filler = "Samtalet handlade om vardagen och hur veckorna ser ut. ".repeat(6);
        notes.add("n1", UNIT_A, D, s("KONTAKT", filler), s("INFORMATION", "Mentorn berättar t.ex. att "
                + "frånvaron har ökat. " + filler), s("BEDOMNING", filler + "Min bedömning är att frånvaro är ett problem."));

        for (NoteSearch search : List.of(NoteSearch.in(UNIT_A).query("frånvaro").build(),
                NoteSearch.in(UNIT_A).query("frånvaro").section("INFORMATION").build())) {
            String snippet = notes.search(search).hits().get(0).snippet();
            // Two passages, each made of whole sentences (an abbreviation ends none), both matches marked.
            assertThat(snippet).contains("Mentorn berättar t.ex. att <mark>frånvaron</mark> har ökat.")
                    .contains("Min bedömning är att <mark>frånvaro</mark> är ett problem.").contains(" … ");
            for (String passage : snippet.split(" … ")) {
                assertThat(passage.strip()).matches("(?s)[A-ZÅÄÖ].*\\.");
            }
        }
    }

    @Test
    void findsAmendmentTextBesideTheOriginal() throws IOException {
        Amendment a = new Amendment(1, "n1", TempNoteIndex.ANNA, Instant.now(), "KONTAKT",
                "Rättelse: mötet hölls på kontoret.");
        notes.add("n1", UNIT_A, D, "journalanteckning", List.of(a), s("KONTAKT", "Hembesök i lägenheten."));

        assertThat(notes.ids("kontoret")).containsExactly("n1");
        assertThat(notes.ids("lägenheten")).containsExactly("n1");
        assertThat(notes.ids(NoteSearch.in(UNIT_A).query("kontoret").section("KONTAKT").build())).containsExactly("n1");
    }

    @Test
    void filtersByDateCaseTemplateAndAuthorAndSortsByDate() throws IOException {
        notes.add("jan", UNIT_A, LocalDate.of(2025, 1, 15), s("KONTAKT", "Telefonsamtal."));
        notes.add("feb", UNIT_A, LocalDate.of(2025, 2, 15), s("KONTAKT", "Telefonsamtal."));
        notes.add("mar", UNIT_A, LocalDate.of(2025, 3, 15), "utredning", List.of(), s("KONTAKT", "Telefonsamtal."));

        assertThat(notes.ids(NoteSearch.in(UNIT_A).dates(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 15)).build()))
                .containsExactly("mar", "feb");
        assertThat(notes.ids(NoteSearch.in(UNIT_A).order(NoteSearch.Order.OLDEST).build()))
                .containsExactly("jan", "feb", "mar");
        assertThat(notes.ids(NoteSearch.in(UNIT_A).caseId("case-feb").build())).containsExactly("feb");
        assertThat(notes.ids(NoteSearch.in(UNIT_A).template("utredning").build())).containsExactly("mar");
        assertThat(notes.ids(NoteSearch.in(UNIT_A).author("anna andersson").build())).hasSize(3);
        assertThat(notes.ids(NoteSearch.in(UNIT_A).author("7").build())).hasSize(3);
        assertThat(notes.ids(NoteSearch.in(UNIT_A).author("8").build())).isEmpty();
    }

    @Test
    void pagesThroughHitsWithStableTotal() throws IOException {
        for (int i = 1; i <= 25; i++) {
            notes.add("n" + i, UNIT_A, D.plusDays(i), s("KONTAKT", "Telefonsamtal nummer " + i + "."));
        }
        SearchResult p1 = notes.search(NoteSearch.in(UNIT_A).query("telefonsamtal").size(10).build());
        SearchResult p3 = notes.search(NoteSearch.in(UNIT_A).query("telefonsamtal").page(3).size(10).build());
        SearchResult p4 = notes.search(NoteSearch.in(UNIT_A).query("telefonsamtal").page(4).size(10).build());

        assertThat(p1.total()).isEqualTo(25);
        assertThat(p1.hits()).hasSize(10);
        assertThat(p3.hits()).hasSize(5);
        assertThat(p4.hits()).isEmpty();
        assertThat(p4.total()).isEqualTo(25);
        assertThatThrownBy(() -> notes.search(NoteSearch.in(UNIT_A).page(1001).size(10).build()))
                .isInstanceOf(UserQueryParser.InvalidQueryException.class);
    }
}
