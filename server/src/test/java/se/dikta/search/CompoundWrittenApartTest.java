package se.dikta.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A known compound written as two words next to each other is indexed also as the compound
 * ({@code CompoundJoinFilter}), so the typed compound — one term — finds it and marks both words; the query a
 * typed known two-part compound becomes is that one term, not "compound OR phrase of its parts".
 */
class CompoundWrittenApartTest {

    @RegisterExtension
    final TempNoteIndex notes = new TempNoteIndex();

    private void add(String id, String text) throws IOException {
        notes.add(id, "PLANERING", text);
    }

    private List<String> ids(String query) throws IOException {
        return notes.ids(query);
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
        SearchResult r = notes.search(NoteSearch.in(TempNoteIndex.UNIT_A).query("familjebehandlare").build());
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

    @Test
    void aTypedKnownTwoPartCompoundIsOneTermNotTheCompoundOrThePhraseOfItsParts() {
        UserQueryParser parser = new UserQueryParser(notes.analyzer());

        QueryShape joined = QueryShape.of(parser.parse("familjebehandlare", NoteFields.TEXT));
        // one position (the compound as typed and its stem), no boolean of alternatives, no phrase of its parts
        assertThat(joined.leaves()).as(joined.query()).containsAnyOf("TermQuery", "SynonymQuery")
                .doesNotContain("PhraseQuery", "MultiPhraseQuery");
        assertThat(joined.clauses()).as(joined.query()).isEmpty();
        assertThat(joined.terms()).as(joined.query()).isNotEmpty().allMatch(t -> t.startsWith("familjebehandl"))
                .doesNotContain("familj", "behandlare");

        // A compound of three parts is not joined at index time, so it still asks for the compound or its parts' phrase.
        QueryShape split = QueryShape.of(parser.parse("barnavårdsutredning", NoteFields.TEXT));
        assertThat(split.clauses()).as(split.query()).contains(BooleanClause.Occur.SHOULD);
        assertThat(split.leaves()).as(split.query()).containsAnyOf("PhraseQuery", "MultiPhraseQuery");
    }

    /** What a query asks for: its terms, the kinds of its leaf queries, and the occurs of its boolean clauses. */
    private record QueryShape(String query, Set<String> terms, Set<String> leaves, List<BooleanClause.Occur> clauses) {

        static QueryShape of(Query query) {
            Set<String> terms = new TreeSet<>();
            Set<String> leaves = new TreeSet<>();
            List<BooleanClause.Occur> clauses = new ArrayList<>();
            query.visit(new QueryVisitor() {
                @Override
                public void consumeTerms(Query leaf, Term... found) {
                    leaves.add(leaf.getClass().getSimpleName());
                    for (Term t : found) {
                        terms.add(t.text());
                    }
                }

                @Override
                public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                    if (parent instanceof BooleanQuery) {
                        clauses.add(occur);
                    }
                    return this;
                }
            });
            return new QueryShape(query.toString(), terms, leaves, clauses);
        }
    }
}
