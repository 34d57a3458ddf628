package se.dikta.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Counts facets over every hit of a search, in the same pass that collects the top hits.
 *
 * <p><b>Templates</b> are counted from doc values: per segment, an array indexed by the segment's ordinals
 * is incremented for each hit, and the ordinals are turned into strings once, when the segment is done.
 *
 * <p><b>Sections</b> count where the query matched, not merely which sections a note has: for each section
 * key the caller passes a {@link Weight} of the query restricted to that section's field. While hits
 * arrive in increasing doc-id order, each section's iterator is advanced to the hit ({@code advance} is
 * a skip, not a scan) and, for phrase-like queries, its two-phase check is run only when the cheap
 * approximation lands on the hit. The count for a section therefore equals what the same search with
 * that section as a filter would return.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, FacetCounter.Counts> {

    /** Hits in all, per template and per section key (sections in the order given). */
    record Counts(long total, Map<String, Integer> templates, Map<String, Integer> sections) {}

    private final String templateField;
    private final List<String> sectionKeys;
    private final List<Weight> sectionWeights;

    /**
     * @param sectionWeights per section key, a weight that matches the hits that match within that section
     */
    FacetCounter(String templateField, Map<String, Weight> sectionWeights) {
        this.templateField = templateField;
        this.sectionKeys = List.copyOf(sectionWeights.keySet());
        this.sectionWeights = List.copyOf(sectionWeights.values());
    }

    @Override
    public Counting newCollector() {
        return new Counting();
    }

    @Override
    public Counts reduce(Collection<Counting> collectors) {
        long total = 0;
        Map<String, Integer> templates = new HashMap<>();
        int[] sections = new int[sectionKeys.size()];
        for (Counting c : collectors) {
            total += c.total;
            c.templates.forEach((k, v) -> templates.merge(k, v, Integer::sum));
            for (int i = 0; i < sections.length; i++) {
                sections[i] += c.sections[i];
            }
        }
        Map<String, Integer> bySection = new LinkedHashMap<>();
        for (int i = 0; i < sections.length; i++) {
            if (sections[i] > 0) {
                bySection.put(sectionKeys.get(i), sections[i]);
            }
        }
        return new Counts(total, templates, bySection);
    }

    /** The collector for one slice of the index. */
    final class Counting implements Collector {
        private long total;
        private final Map<String, Integer> templates = new HashMap<>();
        private final int[] sections = new int[sectionKeys.size()];

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedSetDocValues templateValues = DocValues.getSortedSet(context.reader(), templateField);
            int[] perOrdinal = new int[Math.toIntExact(templateValues.getValueCount())];
            SectionMatcher[] matchers = new SectionMatcher[sectionWeights.size()];
            for (int i = 0; i < matchers.length; i++) {
                Scorer scorer = sectionWeights.get(i).scorer(context);
                matchers[i] = scorer == null ? null : new SectionMatcher(scorer);
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // counts need no scores
                }

                @Override
                public void collect(int doc) throws IOException {
                    total++;
                    if (templateValues.advanceExact(doc)) {
                        for (int n = templateValues.docValueCount(); n > 0; n--) {
                            perOrdinal[(int) templateValues.nextOrd()]++;
                        }
                    }
                    for (int i = 0; i < matchers.length; i++) {
                        if (matchers[i] != null && matchers[i].matches(doc)) {
                            sections[i]++;
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int ord = 0; ord < perOrdinal.length; ord++) {
                        if (perOrdinal[ord] > 0) {
                            templates.merge(templateValues.lookupOrd(ord).utf8ToString(), perOrdinal[ord],
                                    Integer::sum);
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /** Answers "does this section query match doc d?" for increasing d. */
    private static final class SectionMatcher {
        private final DocIdSetIterator approximation;
        private final TwoPhaseIterator twoPhase;

        SectionMatcher(Scorer scorer) {
            this.twoPhase = scorer.twoPhaseIterator();
            this.approximation = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
        }

        boolean matches(int doc) throws IOException {
            int current = approximation.docID();
            if (current < doc) {
                current = approximation.advance(doc);
            }
            return current == doc && (twoPhase == null || twoPhase.matches());
        }
    }
}
