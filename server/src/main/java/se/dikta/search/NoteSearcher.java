package se.dikta.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Answers a {@link NoteSearch} from a {@link NoteIndex}: one page of hits with snippets, the exact total and the
 * facet counts over all hits.
 *
 * <p><b>The unit is the doc-id range searched.</b> The index is sorted by unit and template, so the notes a
 * search may see are one contiguous run of doc ids per segment ({@link UnitScope}; narrower still when a template
 * is chosen). Every pass scores only that run, so the unit restriction holds for every number that comes out —
 * the total, the template counts, the section counts are computed over readable notes only — and costs nothing
 * per hit. Within it, the Lucene query is a {@link BooleanQuery} of
 * <ul>
 *   <li>one scoring clause: the person's query text parsed by {@link UserQueryParser} against the combined
 *       text field, or against one section's field when a section is chosen (no text: match all);</li>
 *   <li>non-scoring {@code FILTER} clauses: whichever of case, author, status, section and date range were
 *       asked for.</li>
 * </ul>
 *
 * <p><b>Two passes.</b> A counting pass scores nothing and yields the exact total and the facets
 * ({@link FacetCounter}; a bare listing of a unit takes them from term statistics without any pass; a word, phrase
 * or prefix without filters counts from its hits in the parts of the combined text alone: {@link TextParts}). The page is
 * a second pass ({@link ScopedSearch}) that needs no exact count, so by relevance it skips blocks of postings
 * whose best score cannot reach the page (block-max WAND). A query whose hits cannot be read from postings (a
 * phrase beside a filter: {@link HitBits#fromPostings}) is instead scored once, the page collected while every hit
 * is marked.
 *
 * <p>Snippets come from the {@link UnifiedHighlighter} over the stored combined text, using the offsets
 * indexed in its postings, in passages of whole sentences ({@link SentenceBreaks}). The passage formatter escapes
 * the note's text for HTML and wraps matches in {@code <mark>}, so a snippet can be inserted into a page as is.
 */
public final class NoteSearcher {

    private static final int SNIPPET_PASSAGES = 2;
    private static final int PASSAGE_LENGTH = 160;
    private static final Set<String> STORED_FIELDS = Set.of(NoteFields.ID, NoteFields.CASE, NoteFields.DATE,
            NoteFields.AUTHOR_NAME, NoteFields.TEMPLATE, NoteFields.STATUS, NoteFields.TEXT);

    private final NoteIndex index;
    private final SwedishNoteAnalyzer highlightAnalyzer;
    private final UserQueryParser parser;
    private final int maxWindow;

    /**
     * @param maxWindow the deepest hit a page may reach (page × size); deeper paging is refused rather
     *        than collecting ever larger priority queues
     */
    public NoteSearcher(NoteIndex index, SwedishNoteAnalyzer analyzer, int maxWindow) {
        this.index = index;
        this.highlightAnalyzer = analyzer.withoutValueGaps();
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
            IndexReader reader = searcher.getIndexReader();
            List<UnitScope> scopes = UnitScope.of(reader, search.unitId(), search.template());
            List<String> keys = sectionKeys(reader);
            // Without text a note counts for the sections it has.
            List<Query> sections = search.query().isEmpty() ? null : sectionQueries(search, keys);
            FacetCounter.Counts counts;
            TopDocs topDocs = null;
            if (search.query().isEmpty() && unfiltered(search)) {
                counts = FacetCounter.unitListing(scopes, search.unitId(), keys);
            } else if (text != null && textOnly(search) && TextParts.matchWithinOnePart(text)) {
                // A word, phrase or prefix: its hits are the union of its section fields' hits, read once for both.
                Map<String, Query> parsed = new HashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    parsed.put(NoteFields.sectionField(keys.get(i)), sections.get(i));
                }
                FacetCounter.PartQuery parts = field -> parsed.computeIfAbsent(field,
                        f -> WordPairs.partQuery(parser.parse(search.query(), f), f));
                counts = FacetCounter.fromParts(new HitBits(searcher)::withDeleted, scopes, keys, parts);
            } else if (HitBits.fromPostings(query)) {
                counts = FacetCounter.count(new HitBits(searcher), query, scopes, keys, sections);
            } else {
                // Its hits need its scorer anyway (a phrase): one pass marks them and collects the page.
                ScopedSearch.Scored scored = ScopedSearch.topWithHits(searcher, query, scopes, search.order(),
                        (int) window);
                counts = FacetCounter.count(new HitBits(searcher), scored::hitsOf, scopes, keys, sections);
                topDocs = scored.top();
            }
            if (topDocs == null) {
                topDocs = counts.total() == 0 ? TopDocsCollector.EMPTY_TOPDOCS
                        : ScopedSearch.top(searcher, query, scopes, search.order(), (int) window);
            }
            int offset = (int) search.offset(); // at most maxWindow, checked above
            ScoreDoc[] page = offset >= topDocs.scoreDocs.length ? new ScoreDoc[0]
                    : Arrays.copyOfRange(topDocs.scoreDocs, offset, topDocs.scoreDocs.length);
            Document[] docs = storedFields(searcher, page);
            List<SearchResult.Hit> hits = hits(page, docs, snippets(searcher, search, page, docs), search.order());
            return new SearchResult(counts.total(), search.page(), search.size(), hits, counts.sections(),
                    counts.templates());
        });
    }

    /** No filter beyond the unit and template (which the scope is). */
    private static boolean textOnly(NoteSearch search) {
        return search.caseId().isEmpty() && search.section().isEmpty() && search.status().isEmpty()
                && search.author().isEmpty() && search.from().isEmpty() && search.to().isEmpty();
    }

    private static boolean unfiltered(NoteSearch search) {
        return search.caseId().isEmpty() && search.template().isEmpty() && search.section().isEmpty()
                && search.status().isEmpty() && search.author().isEmpty() && search.from().isEmpty()
                && search.to().isEmpty();
    }

    /**
     * The query within the scope: the text and the filters other than unit and template, which the
     * {@link UnitScope} (the doc-id range searched) already is.
     */
    private static Query withFilters(Query main, NoteSearch search) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(main, Occur.MUST);
        search.caseId().ifPresent(id -> b.add(new TermQuery(new Term(NoteFields.CASE, id)), Occur.FILTER));
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

    /** Per section key: the query matching the documents where the text matches in that section. */
    private List<Query> sectionQueries(NoteSearch search, List<String> keys) {
        List<Query> queries = new ArrayList<>(keys.size());
        for (String key : keys) {
            // Searching within a section, every hit matched in it: no need to read that section's postings again.
            String field = NoteFields.sectionField(key);
            queries.add(search.section().filter(key::equals).isPresent() ? new MatchAllDocsQuery()
                    : WordPairs.partQuery(parser.parse(search.query(), field), field));
        }
        return queries;
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
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, highlightAnalyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                // Passages of about PASSAGE_LENGTH characters made of whole sentences.
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        new SentenceBreaks(), PASSAGE_LENGTH, 0.5f))
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
