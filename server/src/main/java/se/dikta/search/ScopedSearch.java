package se.dikta.search;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * The best hits of a query within {@link UnitScope}s: what {@link IndexSearcher#search(Query, CollectorManager)}
 * does, but each segment is scored only between its scope's first and last doc id.
 *
 * <p>By relevance the pass collects with {@code TOP_SCORES}: it needs no exact count (the {@link FacetCounter}
 * pass has it), so once the page is full the scorers skip blocks whose best score cannot compete (block-max WAND)
 * — except for a typed compound (see {@link #phraseBesideOtherClauses}), which scores every hit.
 * By date the collector skips documents whose date cannot compete, using the date's points.
 */
final class ScopedSearch {

    private ScopedSearch() {
    }

    /** The best {@code window} hits of {@code query} in the scopes, in the given order. */
    static TopDocs top(IndexSearcher searcher, Query query, List<UnitScope> scopes, NoteSearch.Order order,
            int window) throws IOException {
        return switch (order) {
            // Totals come from the counting pass, so neither collector needs to count beyond the page.
            case RELEVANCE -> run(searcher, query, scopes, new TopScoreDocCollectorManager(window, null,
                    phraseBesideOtherClauses(query) ? Integer.MAX_VALUE : window));
            case NEWEST -> run(searcher, query, scopes, new TopFieldCollectorManager(byDate(true), window, null, window));
            case OLDEST -> run(searcher, query, scopes, new TopFieldCollectorManager(byDate(false), window, null, window));
        };
    }

    /** The page of a query together with all its hits, per scope a bit set over the scope. */
    record Scored(TopDocs top, Map<UnitScope, FixedBitSet> hits) {
        FixedBitSet hitsOf(UnitScope scope) {
            return hits.get(scope);
        }
    }

    /**
     * The best {@code window} hits and every hit, in one pass that scores (or sorts) every hit. For a query whose
     * hits cannot be read from postings ({@link HitBits#fromPostings}: a phrase, say) both the counting pass and
     * the page pass would run its scorer over every candidate — for a phrase, reading the positions of every
     * document with all its words; skipping by maximum scores spares little there (a phrase's score bound is
     * loose), so collecting the page while marking the hits reads them once instead of twice.
     */
    static Scored topWithHits(IndexSearcher searcher, Query query, List<UnitScope> scopes, NoteSearch.Order order,
            int window) throws IOException {
        Map<UnitScope, FixedBitSet> hits = new IdentityHashMap<>();
        TopDocs top = switch (order) {
            case RELEVANCE -> run(searcher, query, scopes, new TopScoreDocCollectorManager(window, null,
                    Integer.MAX_VALUE), hits);
            case NEWEST -> run(searcher, query, scopes, new TopFieldCollectorManager(byDate(true), window, null,
                    Integer.MAX_VALUE), hits);
            case OLDEST -> run(searcher, query, scopes, new TopFieldCollectorManager(byDate(false), window, null,
                    Integer.MAX_VALUE), hits);
        };
        return new Scored(top, hits);
    }

    /** Creates the weight of {@code query} for this search's pass, query rewriting included. */
    static Weight weight(IndexSearcher searcher, Query query, ScoreMode mode)
            throws IOException {
        return searcher.createWeight(searcher.rewrite(query), mode, 1f);
    }

    /**
     * True when the query holds a phrase among SHOULD clauses (a typed compound: the compound or its parts written
     * apart). Skipping by maximum scores measured three to four times slower there than scoring every hit: a
     * phrase's score bound is loose, so no block is skipped, and each candidate pays the skipping's bookkeeping.
     */
    static boolean phraseBesideOtherClauses(Query query) {
        boolean[] found = {false};
        query.visit(new PhraseFinder(false, found));
        return found[0];
    }

    private static final class PhraseFinder extends QueryVisitor {
        private final boolean underShould;
        private final boolean[] found;

        PhraseFinder(boolean underShould, boolean[] found) {
            this.underShould = underShould;
            this.found = found;
        }

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return new PhraseFinder(underShould || occur == BooleanClause.Occur.SHOULD && parent instanceof BooleanQuery,
                    found);
        }

        @Override
        public void consumeTerms(Query query, Term... terms) {
            if (underShould && (query instanceof PhraseQuery || query instanceof MultiPhraseQuery)) {
                found[0] = true;
            }
        }
    }

    private static <C extends Collector, T extends TopDocs> T run(IndexSearcher searcher, Query query,
            List<UnitScope> scopes, CollectorManager<C, T> manager) throws IOException {
        return run(searcher, query, scopes, manager, null);
    }

    /** @param hits null, or a map that gets per scope the bit set of every hit (the collector must see them all) */
    private static <C extends Collector, T extends TopDocs> T run(IndexSearcher searcher, Query query,
            List<UnitScope> scopes, CollectorManager<C, T> manager, Map<UnitScope, FixedBitSet> hits) throws IOException {
        C collector = manager.newCollector();
        Weight weight = weight(searcher, query, collector.scoreMode());
        collector.setWeight(weight);
        for (UnitScope scope : scopes) {
            FixedBitSet bits = hits == null ? null : new FixedBitSet(scope.end() - scope.start());
            if (hits != null) {
                hits.put(scope, bits);
            }
            LeafCollector leaf;
            try {
                leaf = collector.getLeafCollector(scope.leaf());
            } catch (CollectionTerminatedException e) {
                if (hits != null) {
                    throw new IllegalStateException("A collector that must see every hit ended early", e);
                }
                continue;
            }
            if (bits != null) {
                leaf = marking(leaf, bits, scope.start());
            }
            BulkScorer scorer = weight.bulkScorer(scope.leaf());
            if (scorer != null) {
                try {
                    scorer.score(leaf, scope.leaf().reader().getLiveDocs(), scope.start(), scope.end());
                } catch (CollectionTerminatedException e) {
                    // this segment has nothing more to offer the page
                }
            }
            leaf.finish();
        }
        return manager.reduce(List.of(collector));
    }

    /** Passes every hit on and marks it; no competitive iterator, so the collector cannot skip hits. */
    private static LeafCollector marking(LeafCollector in, FixedBitSet bits, int start) {
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) throws IOException {
                in.setScorer(scorer);
            }

            @Override
            public void collect(int doc) throws IOException {
                bits.set(doc - start);
                in.collect(doc);
            }

            @Override
            public void finish() throws IOException {
                in.finish();
            }
        };
    }

    private static Sort byDate(boolean newestFirst) {
        return new Sort(LongField.newSortField(NoteFields.DATE, newestFirst, SortedNumericSelector.Type.MIN),
                LongField.newSortField(NoteFields.ENTRY, newestFirst, SortedNumericSelector.Type.MIN));
    }
}
