package se.dikta.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The exact total and facet counts of a search, in a pass of its own that scores nothing.
 *
 * <p>The pass walks the hits of the search's {@link Weight} (created with {@code COMPLETE_NO_SCORES}) inside each
 * segment's {@link UnitScope} only. <b>Templates</b> need no doc values: the scope's template runs are contiguous,
 * so a hit counts for the run it falls in. <b>Sections</b> of a search with text count where the query matched:
 * per section key the caller passes a weight of the query restricted to that section's field, and a hit counts
 * for the section when that weight matches it too (so the count equals the same search with that section as a
 * filter). The hits of a segment are remembered in a bit set over the scope and intersected with each section
 * weight's matches from whichever side is cheaper. A search without text counts the sections a hit has, from the
 * {@link NoteFields#SECTION} doc values in the same pass.
 *
 * <p>A bare listing of a unit (no text, no filter) needs no pass at all: {@link #unitListing} takes its counts
 * from term statistics and corrects them for the deleted documents still in the segments.
 */
final class FacetCounter {

    /** Hits in all, per template and per section key (sections in the order given). */
    record Counts(long total, Map<String, Integer> templates, Map<String, Integer> sections) {}

    /** Walking postings with nextDoc costs roughly this fraction of jumping to a given doc with advance. */
    private static final int ADVANCE_COST = 8;

    private FacetCounter() {
    }

    /**
     * Counts the hits of {@code hits} in the scopes.
     *
     * @param sectionWeights per section key, a weight that matches the hits that match within that section; null
     *        to count the sections each hit has, from doc values, for every key in {@code sectionKeys}
     */
    static Counts count(Weight hits, List<UnitScope> scopes, List<String> sectionKeys, List<Weight> sectionWeights)
            throws IOException {
        Tally tally = new Tally(sectionKeys);
        for (UnitScope scope : scopes) {
            BulkScorer scorer = hits.bulkScorer(scope.leaf());
            if (scorer == null) {
                continue;
            }
            LeafReader reader = scope.leaf().reader();
            SortedSetDocValues sectionValues = sectionWeights == null
                    ? DocValues.getSortedSet(reader, NoteFields.SECTION) : null;
            LeafCount leaf = new LeafCount(scope, sectionWeights == null ? null
                    : new FixedBitSet(scope.end() - scope.start()), sectionValues);
            scorer.score(leaf, reader.getLiveDocs(), scope.start(), scope.end());
            tally.add(scope, leaf.perRun, leaf.count);
            if (sectionValues != null) {
                int[] index = tally.sectionIndex(sectionValues);
                for (int ord = 0; ord < index.length; ord++) {
                    if (index[ord] >= 0) {
                        tally.sections[index[ord]] += leaf.perSectionOrd[ord];
                    }
                }
            } else if (leaf.count > 0) {
                for (int i = 0; i < sectionWeights.size(); i++) {
                    Scorer matches = sectionWeights.get(i).scorer(scope.leaf());
                    if (matches != null) {
                        tally.sections[i] += intersect(leaf.hits, scope, leaf.count, matches);
                    }
                }
            }
        }
        return tally.counts();
    }

    /**
     * The counts of listing every note of a unit: per segment, the doc freq of the unit's template and section terms
     * ({@link NoteFields#UNIT_TEMPLATE}, {@link NoteFields#UNIT_SECTION}), less the deleted documents in the scope.
     */
    static Counts unitListing(List<UnitScope> scopes, long unitId, List<String> sectionKeys) throws IOException {
        Tally tally = new Tally(sectionKeys);
        for (UnitScope scope : scopes) {
            LeafReader reader = scope.leaf().reader();
            int[] perRun = new int[scope.runStarts().length];
            int count = scope.end() - scope.start();
            for (int i = 0; i < perRun.length; i++) {
                perRun[i] = scope.runEnds()[i] - scope.runStarts()[i];
            }
            Terms terms = reader.terms(NoteFields.UNIT_SECTION);
            TermsEnum te = terms == null ? null : terms.iterator();
            for (int i = 0; te != null && i < sectionKeys.size(); i++) {
                if (te.seekExact(new BytesRef(NoteFields.unitScoped(unitId, sectionKeys.get(i))))) {
                    tally.sections[i] += te.docFreq();
                }
            }
            Bits live = reader.getLiveDocs();
            if (live != null) {
                SortedSetDocValues sectionValues = DocValues.getSortedSet(reader, NoteFields.SECTION);
                int[] index = tally.sectionIndex(sectionValues);
                for (int doc = scope.start(); doc < scope.end(); doc++) {
                    if (live.get(doc)) {
                        continue;
                    }
                    count--;
                    perRun[scope.runOf(doc)]--;
                    if (sectionValues.advanceExact(doc)) {
                        for (int n = sectionValues.docValueCount(); n > 0; n--) {
                            int i = index[(int) sectionValues.nextOrd()];
                            if (i >= 0) {
                                tally.sections[i]--;
                            }
                        }
                    }
                }
            }
            tally.add(scope, perRun, count);
        }
        return tally.counts();
    }

    /** How many of the {@code hitCount} documents in {@code hits} (bits relative to the scope) the scorer matches. */
    private static int intersect(FixedBitSet hits, UnitScope scope, int hitCount, Scorer scorer) throws IOException {
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        DocIdSetIterator matches = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
        int start = scope.start();
        int end = scope.end();
        long inScope = matches.cost() * (end - start) / Math.max(1, scope.leaf().reader().maxDoc());
        int count = 0;
        if (inScope <= (long) hitCount * ADVANCE_COST) {
            for (int doc = matches.advance(start); doc < end; doc = matches.nextDoc()) {
                if (hits.get(doc - start) && (twoPhase == null || twoPhase.matches())) {
                    count++;
                }
            }
        } else {
            int length = hits.length();
            for (int bit = hits.nextSetBit(0); bit != DocIdSetIterator.NO_MORE_DOCS;
                    bit = bit + 1 < length ? hits.nextSetBit(bit + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                int doc = start + bit;
                int at = matches.docID() < doc ? matches.advance(doc) : matches.docID();
                if (at >= end) {
                    break;
                }
                if (at == doc && (twoPhase == null || twoPhase.matches())) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Collects one segment's hits: the count, per template run, the hits as bits, per section ordinal. */
    private static final class LeafCount implements LeafCollector {
        private final UnitScope scope;
        private final int[] perRun;
        private final FixedBitSet hits;
        private final SortedSetDocValues sectionValues;
        private final int[] perSectionOrd;
        private int run;
        private int count;

        LeafCount(UnitScope scope, FixedBitSet hits, SortedSetDocValues sectionValues) {
            this.scope = scope;
            this.perRun = new int[scope.runStarts().length];
            this.hits = hits;
            this.sectionValues = sectionValues;
            this.perSectionOrd = sectionValues == null ? null : new int[Math.toIntExact(sectionValues.getValueCount())];
        }

        @Override
        public void setScorer(Scorable scorer) {
            // counts need no scores
        }

        @Override
        public void collect(int doc) throws IOException {
            count++;
            if (doc < scope.runStarts()[run] || doc >= scope.runEnds()[run]) {
                run = scope.runOf(doc);
            }
            perRun[run]++;
            if (hits != null) {
                hits.set(doc - scope.start());
            }
            if (sectionValues != null && sectionValues.advanceExact(doc)) {
                for (int n = sectionValues.docValueCount(); n > 0; n--) {
                    perSectionOrd[(int) sectionValues.nextOrd()]++;
                }
            }
        }
    }

    /** The sums over segments. */
    private static final class Tally {
        private final List<String> sectionKeys;
        private final Map<String, Integer> keyIndex = new HashMap<>();
        private final int[] sections;
        private final Map<String, Integer> templates = new HashMap<>();
        private long total;

        Tally(List<String> sectionKeys) {
            this.sectionKeys = List.copyOf(sectionKeys);
            this.sections = new int[sectionKeys.size()];
            for (int i = 0; i < sectionKeys.size(); i++) {
                keyIndex.put(sectionKeys.get(i), i);
            }
        }

        void add(UnitScope scope, int[] perRun, int count) {
            total += count;
            for (int i = 0; i < perRun.length; i++) {
                if (perRun[i] > 0) {
                    templates.merge(scope.templates()[i], perRun[i], Integer::sum);
                }
            }
        }

        /** Per ordinal of the segment's section doc values, the index of its key, or -1. */
        int[] sectionIndex(SortedSetDocValues values) throws IOException {
            int[] index = new int[Math.toIntExact(values.getValueCount())];
            for (int ord = 0; ord < index.length; ord++) {
                index[ord] = keyIndex.getOrDefault(values.lookupOrd(ord).utf8ToString(), -1);
            }
            return index;
        }

        Counts counts() {
            Map<String, Integer> bySection = new LinkedHashMap<>();
            for (int i = 0; i < sections.length; i++) {
                if (sections[i] > 0) {
                    bySection.put(sectionKeys.get(i), sections[i]);
                }
            }
            return new Counts(total, templates, bySection);
        }
    }
}
