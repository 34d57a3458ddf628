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
import org.apache.lucene.util.FixedBitSet;

/**
 * Counts facets over every hit of a search, in the same pass that collects the top hits.
 *
 * <p><b>Templates</b> are counted from doc values: per segment, an array indexed by the segment's ordinals
 * is incremented for each hit, and the ordinals are turned into strings once, when the segment is done.
 *
 * <p><b>Sections</b> count where the query matched, not merely which sections a note has: for each section
 * key the caller passes a {@link Weight} of the query restricted to that section's field, and a hit counts
 * for a section when that weight matches it too. The count for a section therefore equals what the same
 * search with that section as a filter would return.
 *
 * <p>A search without text counts sections like templates, from the section field's doc values in the same
 * pass: there a note counts for every section it has (see the second constructor).
 *
 * <p>With text, the section check is an intersection of two sorted doc-id sets per segment: the hits (remembered in a
 * bit set while collecting) and the section query's matches. It runs when the segment is done, from
 * whichever side is cheaper. A broad query ("skolan" in a quarter of all notes) has about as many hits as
 * section matches, and walking the section's postings with {@code nextDoc} while testing bits is a
 * sequential scan; a narrow search (one case, a date range) has few hits, and jumping the section
 * iterator to each of them with {@code advance} skips the rest. Phrase-like queries expose a cheap
 * approximation and an exact {@link TwoPhaseIterator#matches()}; the exact check runs only on documents
 * that are hits and pass the approximation.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, FacetCounter.Counts> {

    /** Hits in all, per template and per section key (sections in the order given). */
    record Counts(long total, Map<String, Integer> templates, Map<String, Integer> sections) {}

    /** Walking postings with nextDoc costs roughly this fraction of jumping to a given doc with advance. */
    private static final int ADVANCE_COST = 8;

    private final String templateField;
    private final List<String> sectionKeys;
    private final List<Weight> sectionWeights;
    /** When set, sections are counted from this field's doc values instead of {@link #sectionWeights}. */
    private final String sectionField;
    private final Map<String, Integer> sectionIndex;

    /**
     * @param sectionWeights per section key, a weight that matches the hits that match within that section
     */
    FacetCounter(String templateField, Map<String, Weight> sectionWeights) {
        this.templateField = templateField;
        this.sectionKeys = List.copyOf(sectionWeights.keySet());
        this.sectionWeights = List.copyOf(sectionWeights.values());
        this.sectionField = null;
        this.sectionIndex = Map.of();
    }

    /**
     * Counts a hit for every section it has, read from the sorted-set doc values of {@code sectionField} in the
     * same pass as the templates: the counts for a search without text, where "matched in the section" means
     * "has the section". Values that are not among {@code sectionKeys} are not counted.
     */
    FacetCounter(String templateField, String sectionField, List<String> sectionKeys) {
        this.templateField = templateField;
        this.sectionKeys = List.copyOf(sectionKeys);
        this.sectionWeights = List.of();
        this.sectionField = sectionField;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.sectionKeys.size(); i++) {
            index.put(this.sectionKeys.get(i), i);
        }
        this.sectionIndex = Map.copyOf(index);
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
            SortedSetDocValues sectionValues = sectionField == null ? null
                    : DocValues.getSortedSet(context.reader(), sectionField);
            int[] perSection = sectionValues == null ? null : new int[Math.toIntExact(sectionValues.getValueCount())];
            // The hits are remembered only for intersecting them with the section weights' matches.
            FixedBitSet hits = sectionWeights.isEmpty() ? null : new FixedBitSet(context.reader().maxDoc());
            return new LeafCollector() {
                private int count;

                @Override
                public void setScorer(Scorable scorer) {
                    // counts need no scores
                }

                @Override
                public void collect(int doc) throws IOException {
                    count++;
                    if (hits != null) {
                        hits.set(doc);
                    }
                    if (templateValues.advanceExact(doc)) {
                        for (int n = templateValues.docValueCount(); n > 0; n--) {
                            perOrdinal[(int) templateValues.nextOrd()]++;
                        }
                    }
                    if (sectionValues != null && sectionValues.advanceExact(doc)) {
                        for (int n = sectionValues.docValueCount(); n > 0; n--) {
                            perSection[(int) sectionValues.nextOrd()]++;
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    total += count;
                    for (int ord = 0; ord < perOrdinal.length; ord++) {
                        if (perOrdinal[ord] > 0) {
                            templates.merge(templateValues.lookupOrd(ord).utf8ToString(), perOrdinal[ord],
                                    Integer::sum);
                        }
                    }
                    if (sectionValues != null) {
                        for (int ord = 0; ord < perSection.length; ord++) {
                            Integer i = perSection[ord] > 0
                                    ? sectionIndex.get(sectionValues.lookupOrd(ord).utf8ToString()) : null;
                            if (i != null) {
                                sections[i] += perSection[ord];
                            }
                        }
                    }
                    if (count == 0 || hits == null) {
                        return;
                    }
                    for (int i = 0; i < sections.length; i++) {
                        Scorer scorer = sectionWeights.get(i).scorer(context);
                        if (scorer != null) {
                            sections[i] += intersect(hits, count, scorer);
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

    /** How many of the {@code hitCount} documents in {@code hits} the scorer matches. */
    private static int intersect(FixedBitSet hits, int hitCount, Scorer scorer) throws IOException {
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        DocIdSetIterator matches = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
        int count = 0;
        if (matches.cost() <= (long) hitCount * ADVANCE_COST) {
            for (int doc = matches.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matches.nextDoc()) {
                if (hits.get(doc) && (twoPhase == null || twoPhase.matches())) {
                    count++;
                }
            }
        } else {
            int length = hits.length();
            for (int doc = hits.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                    doc = doc + 1 < length ? hits.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                int at = matches.docID() < doc ? matches.advance(doc) : matches.docID();
                if (at == DocIdSetIterator.NO_MORE_DOCS) {
                    break;
                }
                if (at == doc && (twoPhase == null || twoPhase.matches())) {
                    count++;
                }
            }
        }
        return count;
    }
}
