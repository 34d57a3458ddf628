package se.dikta.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Answers a {@link NoteSearch} from a {@link NoteIndex}: one page of hits with snippets, the total and the
 * facet counts, all computed in one pass over the matching documents.
 *
 * <p>The Lucene query is a {@link BooleanQuery} of
 * <ul>
 *   <li>one scoring clause: the person's query text parsed by {@link UserQueryParser} against the combined
 *       text field, or against one section's field when a section is chosen (no text: match all);</li>
 *   <li>non-scoring {@code FILTER} clauses: <b>always the reader's unit</b>, and whichever of case,
 *       template, author, status, section and date range were asked for.</li>
 * </ul>
 * Because the unit restriction is a clause of the query itself, every number that comes out of the
 * collection — the total, the template counts, the section counts — is computed over readable notes only.
 *
 * <p>Snippets come from the {@link UnifiedHighlighter} over the stored combined text, using the offsets
 * indexed in its postings. The passage formatter escapes the note's text for HTML and wraps matches in
 * {@code <mark>}, so a snippet can be inserted into a page as is.
 */
public final class NoteSearcher {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final int SNIPPET_PASSAGES = 2;
    private static final int PASSAGE_LENGTH = 160;
    private static final Set<String> STORED_FIELDS = Set.of(NoteFields.ID, NoteFields.CASE, NoteFields.DATE,
            NoteFields.AUTHOR_NAME, NoteFields.TEMPLATE, NoteFields.STATUS, NoteFields.TEXT);

    private final NoteIndex index;
    private final SwedishNoteAnalyzer analyzer;
    private final UserQueryParser parser;
    private final int maxWindow;

    /**
     * @param maxWindow the deepest hit a page may reach (page × size); deeper paging is refused rather
     *        than collecting ever larger priority queues
     */
    public NoteSearcher(NoteIndex index, SwedishNoteAnalyzer analyzer, int maxWindow) {
        this.index = index;
        this.analyzer = analyzer;
        this.parser = new UserQueryParser(analyzer);
        this.maxWindow = maxWindow;
    }

    /**
     * Runs the search.
     *
     * @throws UserQueryParser.InvalidQueryException when the query or the page cannot be served as asked
     */
    public SearchResult search(NoteSearch search) throws IOException {
        long window = search.offset() + search.size();
        if (window > maxWindow) {
            throw new UserQueryParser.InvalidQueryException(
                    "Sidan ligger för långt bak i träfflistan (högst " + maxWindow + " träffar); förfina sökningen");
        }
        String textField = search.section().map(NoteFields::sectionField).orElse(NoteFields.TEXT);
        Query text = search.query().isEmpty() ? null : parser.parse(search.query(), textField);
        Query query = withFilters(text == null ? new MatchAllDocsQuery() : text, search);
        return index.withSearcher(searcher -> {
            // Without text a note counts for the sections it has: one doc-values pass with the templates.
            FacetCounter facets = search.query().isEmpty()
                    ? new FacetCounter(NoteFields.TEMPLATE, NoteFields.SECTION, sectionKeys(searcher.getIndexReader()))
                    : new FacetCounter(NoteFields.TEMPLATE, sectionWeights(searcher, search));
            Object[] results = searcher.search(query, new MultiCollectorManager(topHits(search.order(), (int) window), facets));
            TopDocs topDocs = (TopDocs) results[0];
            FacetCounter.Counts counts = (FacetCounter.Counts) results[1];
            int offset = (int) search.offset(); // at most maxWindow, checked above
            ScoreDoc[] page = offset >= topDocs.scoreDocs.length ? new ScoreDoc[0]
                    : Arrays.copyOfRange(topDocs.scoreDocs, offset, topDocs.scoreDocs.length);
            Document[] docs = storedFields(searcher, page);
            List<SearchResult.Hit> hits = hits(page, docs, snippets(searcher, search, page, docs), search.order());
            return new SearchResult(counts.total(), search.page(), search.size(), hits, counts.sections(),
                    counts.templates());
        });
    }

    private static Query withFilters(Query main, NoteSearch search) {
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(main, Occur.MUST)
                .add(new TermQuery(new Term(NoteFields.UNIT, Long.toString(search.unitId()))), Occur.FILTER);
        search.caseId().ifPresent(id -> b.add(new TermQuery(new Term(NoteFields.CASE, id)), Occur.FILTER));
        search.template().ifPresent(t -> b.add(KeywordField.newExactQuery(NoteFields.TEMPLATE, t), Occur.FILTER));
        search.section().ifPresent(s -> b.add(KeywordField.newExactQuery(NoteFields.SECTION, s), Occur.FILTER));
        search.status().ifPresent(s -> b.add(new TermQuery(new Term(NoteFields.STATUS, s)), Occur.FILTER));
        search.author().ifPresent(a -> b.add(authorQuery(a), Occur.FILTER));
        if (search.from().isPresent() || search.to().isPresent()) {
            long first = search.from().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE);
            long last = search.to().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
            b.add(LongField.newRangeQuery(NoteFields.DATE, first, last), Occur.FILTER);
        }
        return b.build();
    }

    private static Query authorQuery(String idOrName) {
        String a = idOrName.strip();
        return a.chars().allMatch(Character::isDigit)
                ? new TermQuery(new Term(NoteFields.AUTHOR_ID, a))
                : new TermQuery(new Term(NoteFields.AUTHOR, NoteFields.authorKey(a)));
    }

    /** Per section key in the index: a weight matching the documents where the query matches in that section. */
    private Map<String, Weight> sectionWeights(IndexSearcher searcher, NoteSearch search) throws IOException {
        Map<String, Weight> weights = new LinkedHashMap<>();
        for (String key : sectionKeys(searcher.getIndexReader())) {
            Query q = search.query().isEmpty()
                    ? KeywordField.newExactQuery(NoteFields.SECTION, key)
                    : parser.parse(search.query(), NoteFields.sectionField(key));
            weights.put(key, searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f));
        }
        return weights;
    }

    private static List<String> sectionKeys(IndexReader reader) throws IOException {
        List<String> keys = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, NoteFields.SECTION);
        if (terms != null) {
            TermsEnum e = terms.iterator();
            for (BytesRef term = e.next(); term != null; term = e.next()) {
                keys.add(term.utf8ToString());
            }
        }
        return keys;
    }

    /**
     * The collector of the best {@code window} hits. Totals come from the {@link FacetCounter}, so neither
     * needs to count exactly; by score, ties keep index order (plain score collection is markedly cheaper
     * than sorting on a score field with tie-breakers).
     */
    private static CollectorManager<?, ? extends TopDocs> topHits(NoteSearch.Order order, int window) {
        return switch (order) {
            case RELEVANCE -> new TopScoreDocCollectorManager(window, null, window);
            case NEWEST -> new TopFieldCollectorManager(byDate(true), window, null, window);
            case OLDEST -> new TopFieldCollectorManager(byDate(false), window, null, window);
        };
    }

    private static Sort byDate(boolean newestFirst) {
        return new Sort(LongField.newSortField(NoteFields.DATE, newestFirst, SortedNumericSelector.Type.MIN),
                LongField.newSortField(NoteFields.ENTRY, newestFirst, SortedNumericSelector.Type.MIN));
    }

    /** The page's stored fields, the text for the snippets included, each document read once, in index order. */
    private static Document[] storedFields(IndexSearcher searcher, ScoreDoc[] page) throws IOException {
        StoredFields stored = searcher.storedFields();
        Integer[] byDoc = new Integer[page.length];
        Arrays.setAll(byDoc, i -> i);
        Arrays.sort(byDoc, (a, b) -> Integer.compare(page[a].doc, page[b].doc));
        Document[] docs = new Document[page.length];
        for (int i : byDoc) {
            docs[i] = stored.document(page[i].doc, STORED_FIELDS);
        }
        return docs;
    }

    private String[] snippets(IndexSearcher searcher, NoteSearch search, ScoreDoc[] page, Document[] docs)
            throws IOException {
        if (page.length == 0) {
            return new String[0];
        }
        // Snippets always come from the combined text; a section-restricted query highlights the same words there.
        Query highlight = search.query().isEmpty() ? new MatchAllDocsQuery()
                : parser.parse(search.query(), NoteFields.TEXT);
        Map<Integer, String> texts = new HashMap<>();
        for (int i = 0; i < page.length; i++) {
            texts.put(page[i].doc, docs[i].get(NoteFields.TEXT));
        }
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(SWEDISH), PASSAGE_LENGTH, 0.5f))
                .withMaxNoHighlightPassages(1)
                // Term-by-term marks from the postings' offsets; exact phrase spans (weight matches) cost a
                // fresh scorer per document, a fifth of the whole search for a page of broad hits.
                .withWeightMatches(false);
        TopDocs top = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        return new PreloadedHighlighter(builder, texts).highlight(NoteFields.TEXT, highlight, top, SNIPPET_PASSAGES);
    }

    private static List<SearchResult.Hit> hits(ScoreDoc[] page, Document[] docs, String[] snippets,
            NoteSearch.Order order) {
        List<SearchResult.Hit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document d = docs[i];
            float score = order == NoteSearch.Order.RELEVANCE ? page[i].score : Float.NaN;
            hits.add(new SearchResult.Hit(
                    d.get(NoteFields.ID),
                    d.get(NoteFields.CASE),
                    LocalDate.ofEpochDay(d.getField(NoteFields.DATE).numericValue().longValue()),
                    d.get(NoteFields.AUTHOR_NAME),
                    d.get(NoteFields.TEMPLATE),
                    d.get(NoteFields.STATUS),
                    snippets[i] == null ? "" : snippets[i],
                    score));
        }
        return hits;
    }
}
