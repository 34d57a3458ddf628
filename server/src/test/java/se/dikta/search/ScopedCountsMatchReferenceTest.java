package se.dikta.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.dikta.notes.Amendment;
import se.dikta.notes.Note;
import se.dikta.notes.NoteSection;
import se.dikta.notes.NoteStatus;
import se.dikta.notes.Person;

/**
 * The unit-scoped search (doc-id ranges of the unit-sorted index, a counting pass, a page pass, listing counts
 * from term statistics) gives the same totals, facets and pages as a straightforward computation: the unit as a
 * plain term filter, every hit collected, templates read from each hit's stored field, sections counted by one
 * search per section. On an index of several units in several segments, with notes replaced (some into another
 * unit and template) and removed, so that deleted documents sit inside the units' ranges. Every third note has
 * its compounds written apart ("familj behandlare"), and the reference finds a typed compound the old way (the
 * compound or the phrase of its parts), so indexing the two words as the compound keeps the same hits. Three notes
 * in five have an amendment — to no section, to one of their sections, to a section they lack — so the totals a word
 * or phrase takes from the union of its parts' hits stay exact.
 */
class ScopedCountsMatchReferenceTest {

    private static final int UNITS = 4;
    private static final List<String> TEXTS = List.of("oro", "skolan", "\"det finns oro\"", "hembesök", "oro -skolan",
            "bedöm*", "mamma | pappa", "familjebehandlare", "kontaktfamilj", "hembesöket", "familj behandlare", "", "vårdplan",
            "oro skolan", "oro | \"hög frånvaro\"", "oro skol*", "barnavårdsutredning -oro", "pappa", "\"oro hos pappa\"",
            "\"behov av stöd\"", "\"mer stöd i vardagen\"", "\"svårt att koncentrera sig\"", "\"hyran inte har betalats\"");
    /** Compounds written apart, as a recogniser hears them, in every third note. */
    private static final Map<String, String> APART = Map.of("familjebehandlare", "familj behandlare",
            "kontaktfamilj", "kontakt familj", "hembesöket", "hem besöket", "hembesök", "hem besök",
            "vårdplan", "vård plan");
    private static final Map<String, UnaryOperator<NoteSearch.Builder>> FILTERS = filters();

    private final SwedishNoteAnalyzer analyzer = new SwedishNoteAnalyzer();
    private final UserQueryParser parser = new UserQueryParser(analyzer);
    private final Map<String, Note> current = new HashMap<>();
    private Path dir;
    private NoteIndex index;

    @BeforeEach
    void build() throws IOException {
        dir = Files.createTempDirectory("dikta-scoped-counts");
        index = NoteIndex.open(dir, analyzer);
        List<Person> authors = SyntheticNotes.authors(5);
        List<SyntheticNotes> units = new ArrayList<>();
        for (int u = 1; u <= UNITS; u++) {
            units.add(new SyntheticNotes(40 + u, u, SyntheticNotes.caseIds(6), authors));
        }
        for (int n = 1; n <= 700; n++) {
            int unit = n % 7 < 3 ? 1 : n % 7 < 5 ? 2 : n % 7 == 5 ? 3 : 4;
            put(units.get(unit - 1).note(n));
            if (n % 100 == 0) {
                index.refresh(); // a segment per hundred notes
            }
            if (n == 400) {
                index.markApplied(n);
                index.commit();
            }
        }
        for (int n = 1; n <= 700; n += 9) { // replaced, most into another unit (and often another template)
            put(units.get(n % UNITS).note(n));
        }
        for (int n = 5; n <= 700; n += 13) { // removed by retention
            String id = units.get(0).note(n).id();
            index.delete(id);
            current.remove(id);
        }
        index.refresh();
    }

    @AfterEach
    void close() throws IOException {
        index.close();
        NoteIndex.wipe(dir);
        Files.delete(dir);
    }

    private void put(Note heard) throws IOException {
        Note note = heard;
        if (Math.floorMod(heard.id().hashCode(), 3) == 0) {
            List<NoteSection> apart = new ArrayList<>();
            for (NoteSection section : heard.sections()) {
                String text = section.text();
                for (Map.Entry<String, String> e : APART.entrySet()) {
                    text = text.replace(e.getKey(), e.getValue());
                }
                apart.add(new NoteSection(section.key(), text));
            }
            note = heard.edited(heard.eventDate(), apart, heard.transcript(), heard.words(), heard.metrics(),
                    heard.proposal(), heard.version(), heard.updatedAt());
        }
        int kind = Math.floorMod(heard.id().hashCode(), 5);
        if (kind < 3) { // amendments: to no section, to one of the note's sections, to a section it lacks
            String section = kind == 0 ? null : kind == 1 ? note.sections().get(0).key() : "EJ_MALL";
            note = note.withAmendments(List.of(new Amendment(1, note.id(), note.author(), note.updatedAt(), section,
                    "Rättelse: oro hos pappa, skolan har kontaktats. Det finns")));
        }
        index.put(note);
        current.put(note.id(), note);
    }

    @Test
    void totalsFacetsAndPagesEqualAStraightforwardComputation() throws IOException {
        NoteSearcher searcher = new NoteSearcher(index, analyzer, 10_000);
        int compared = 0;
        for (long unit = 1; unit <= UNITS + 1; unit++) { // unit 5 has no notes
            for (String text : TEXTS) {
                for (Map.Entry<String, UnaryOperator<NoteSearch.Builder>> filter : FILTERS.entrySet()) {
                    for (NoteSearch.Order order : NoteSearch.Order.values()) {
                        NoteSearch search = filter.getValue().apply(NoteSearch.in(unit).query(text).order(order)).build();
                        SearchResult got = searcher.search(search);
                        SearchResult want = index.withSearcher(s -> reference(s, search));
                        String what = "unit " + unit + ", '" + text + "', " + filter.getKey() + ", " + order;
                        assertThat(got.total()).as(what).isEqualTo(want.total());
                        assertThat(got.templateFacets()).as(what).isEqualTo(want.templateFacets());
                        assertThat(got.sectionFacets()).as(what).isEqualTo(want.sectionFacets());
                        assertThat(got.hits()).extracting(SearchResult.Hit::id).as(what)
                                .containsExactlyElementsOf(want.hits().stream().map(SearchResult.Hit::id).toList());
                        // Scored as Lucene scores them, whichever pass collected the page (skipping by block maxima, or scoring all).
                        assertThat(got.hits()).extracting(SearchResult.Hit::score).as(what)
                                .containsExactlyElementsOf(want.hits().stream().map(SearchResult.Hit::score).toList());
                        compared += want.total() > 0 ? 1 : 0;
                    }
                }
            }
        }
        assertThat(compared).as("searches with hits").isGreaterThan(300);
    }

    /** The search done the plain way: unit as a filter clause, every hit collected and looked at. */
    private SearchResult reference(IndexSearcher s, NoteSearch search) throws IOException {
        String textField = search.section().map(NoteFields::sectionField).orElse(NoteFields.TEXT);
        Query main = search.query().isEmpty() ? new MatchAllDocsQuery() : plain(search.query(), textField);
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(main, Occur.MUST)
                .add(new TermQuery(new Term(NoteFields.UNIT, Long.toString(search.unitId()))), Occur.FILTER);
        search.caseId().ifPresent(c -> b.add(new TermQuery(new Term(NoteFields.CASE, c)), Occur.FILTER));
        search.template().ifPresent(t -> b.add(KeywordField.newExactQuery(NoteFields.TEMPLATE, t), Occur.FILTER));
        search.section().ifPresent(k -> b.add(KeywordField.newExactQuery(NoteFields.SECTION, k), Occur.FILTER));
        search.status().ifPresent(v -> b.add(new TermQuery(new Term(NoteFields.STATUS, v)), Occur.FILTER));
        search.author().ifPresent(a -> b.add(new TermQuery(new Term(NoteFields.AUTHOR_ID, a)), Occur.FILTER));
        if (search.from().isPresent()) {
            b.add(LongField.newRangeQuery(NoteFields.DATE, search.from().get().toEpochDay(),
                    search.to().get().toEpochDay()), Occur.FILTER);
        }
        Query query = b.build();
        TopDocs all = s.search(query, Math.max(1, s.getIndexReader().maxDoc()));
        // Pages in the parser's own ranking (scores differ from the old compound query's), its hits the same set.
        Query ranked = search.query().isEmpty() ? query : new BooleanQuery.Builder()
                .add(parser.parse(search.query(), textField), Occur.MUST).add(query, Occur.FILTER).build();
        Map<String, Integer> templates = new HashMap<>();
        Map<String, Integer> sections = new LinkedHashMap<>();
        for (ScoreDoc hit : all.scoreDocs) {
            Note note = current.get(s.storedFields().document(hit.doc).get(NoteFields.ID));
            templates.merge(note.template(), 1, Integer::sum);
            if (search.query().isEmpty()) {
                note.sections().stream().filter(x -> !x.isBlank()).map(NoteSection::key).distinct()
                        .forEach(k -> sections.merge(k, 1, Integer::sum));
            }
        }
        if (!search.query().isEmpty()) {
            for (String key : SyntheticNotes.SECTION_KEYS) {
                int count = s.count(new BooleanQuery.Builder().add(query, Occur.FILTER)
                        .add(plain(search.query(), NoteFields.sectionField(key)), Occur.FILTER).build());
                if (count > 0) {
                    sections.put(key, count);
                }
            }
        }
        TopDocs page = switch (search.order()) {
            case RELEVANCE -> s.search(ranked, search.size());
            case NEWEST -> s.search(ranked, search.size(), byDate(true));
            case OLDEST -> s.search(ranked, search.size(), byDate(false));
        };
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (ScoreDoc d : page.scoreDocs) {
            hits.add(new SearchResult.Hit(s.storedFields().document(d.doc).get(NoteFields.ID), "", LocalDate.MIN, "",
                    "", "", "", search.order() == NoteSearch.Order.RELEVANCE ? d.score : Float.NaN));
        }
        return new SearchResult(all.scoreDocs.length, 1, search.size(), hits, sections, templates);
    }

    /**
     * The query as it was before two words written apart were indexed as their compound: a typed compound is the
     * compound or the phrase of its parts.
     */
    private Query plain(String text, String field) {
        List<String> parts = analyzer.compounds().split(text);
        if (parts.size() != 2 || text.contains(" ")) {
            return parser.parse(text, field);
        }
        QueryBuilder stemmed = new QueryBuilder(analyzer.forQueries());
        return new BooleanQuery.Builder().add(stemmed.createBooleanQuery(field, text), Occur.SHOULD)
                .add(stemmed.createPhraseQuery(field, String.join(" ", parts)), Occur.SHOULD).build();
    }

    private static Sort byDate(boolean newestFirst) {
        return new Sort(LongField.newSortField(NoteFields.DATE, newestFirst, SortedNumericSelector.Type.MIN),
                LongField.newSortField(NoteFields.ENTRY, newestFirst, SortedNumericSelector.Type.MIN));
    }

    private static Map<String, UnaryOperator<NoteSearch.Builder>> filters() {
        Map<String, UnaryOperator<NoteSearch.Builder>> f = new LinkedHashMap<>();
        f.put("no filter", b -> b);
        f.put("template", b -> b.template("utredning"));
        f.put("case", b -> b.caseId("2024-0003"));
        f.put("section", b -> b.section("BEDOMNING"));
        f.put("dates", b -> b.dates(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30)));
        f.put("status", b -> b.status(NoteStatus.SIGNED.id()));
        f.put("author and template", b -> b.author("3").template("telefonsamtal"));
        return f;
    }
}
