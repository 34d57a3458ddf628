package se.dikta.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;

/**
 * The best hits of a query within {@link UnitScope}s: what {@link IndexSearcher#search(Query, CollectorManager)}
 * does, but each segment is scored only between its scope's first and last doc id.
 *
 * <p>By relevance the pass collects with {@code TOP_SCORES}: it needs no exact count (the {@link FacetCounter}
 * pass has it), so once the page is full the scorers skip blocks whose best score cannot compete (block-max WAND).
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
            case RELEVANCE -> run(searcher, query, scopes, new TopScoreDocCollectorManager(window, null, window));
            case NEWEST -> run(searcher, query, scopes, new TopFieldCollectorManager(byDate(true), window, null, window));
            case OLDEST -> run(searcher, query, scopes, new TopFieldCollectorManager(byDate(false), window, null, window));
        };
    }

    /** Creates the weight of {@code query} for this search's pass, query rewriting included. */
    static Weight weight(IndexSearcher searcher, Query query, ScoreMode mode)
            throws IOException {
        return searcher.createWeight(searcher.rewrite(query), mode, 1f);
    }

    private static <C extends Collector, T extends TopDocs> T run(IndexSearcher searcher, Query query,
            List<UnitScope> scopes, CollectorManager<C, T> manager) throws IOException {
        C collector = manager.newCollector();
        Weight weight = weight(searcher, query, collector.scoreMode());
        collector.setWeight(weight);
        for (UnitScope scope : scopes) {
            LeafCollector leaf;
            try {
                leaf = collector.getLeafCollector(scope.leaf());
            } catch (CollectionTerminatedException e) {
                continue;
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

    private static Sort byDate(boolean newestFirst) {
        return new Sort(LongField.newSortField(NoteFields.DATE, newestFirst, SortedNumericSelector.Type.MIN),
                LongField.newSortField(NoteFields.ENTRY, newestFirst, SortedNumericSelector.Type.MIN));
    }
}
