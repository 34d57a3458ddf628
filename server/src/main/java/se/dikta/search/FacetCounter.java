package se.dikta.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The exact total and facet counts of a search, in a pass of its own that scores nothing.
 *
 * <p>Per segment, the search's hits inside its {@link UnitScope} become a bit set ({@link HitBits}: from postings
 * where the query allows, otherwise from its scorer); the total is the set's population count. <b>Templates</b> need
 * no doc values: the scope's template runs are contiguous doc-id ranges, so a template's count is the population
 * count of its range of the set. <b>Sections</b> of a search with text count where the query matched: per section
 * key the caller passes the query restricted to that section's field, and a hit counts for the section when that
 * query matches it too (so the count equals the same search with that section as a filter) — the intersection of
 * two bit sets, or, for few hits, the section query asked about each hit. A search without text counts the
 * sections a hit has: the hits intersected with the postings of each {@link NoteFields#SECTION} term.
 *
 * <p>A bare listing of a unit (no text, no filter) needs no pass at all: {@link #unitListing} takes its counts
 * from term statistics and corrects them for the deleted documents still in the segments.
 */
final class FacetCounter {

    /** Hits in all, per template and per section key (sections in the order given). */
    record Counts(long total, Map<String, Integer> templates, Map<String, Integer> sections) {}

    private FacetCounter() {
    }

    /**
     * Counts the hits of {@code hits} in the scopes.
     *
     * @param sectionQueries per section key, the query restricted to that section's field: a hit counts for the
     *        section when that query matches it too; null (a search without text) to count the sections each hit
     *        has, from the {@link NoteFields#SECTION} terms, for every key in {@code sectionKeys}
     */
    static Counts count(HitBits bits, Query hits, List<UnitScope> scopes, List<String> sectionKeys,
            List<Query> sectionQueries) throws IOException {
        return count(bits, scope -> bits.of(hits, scope), scopes, sectionKeys, sectionQueries);
    }

    /** The hits of a search in one scope, as a bit set over the scope (live documents only). */
    interface ScopeHits {
        FixedBitSet of(UnitScope scope) throws IOException;
    }

    /** Counts hits already known per scope (from {@link ScopedSearch#topWithHits}, say); sections as above. */
    static Counts count(HitBits bits, ScopeHits hits, List<UnitScope> scopes, List<String> sectionKeys,
            List<Query> sectionQueries) throws IOException {
        Tally tally = new Tally(sectionKeys);
        for (UnitScope scope : scopes) {
            FixedBitSet set = hits.of(scope);
            int count = set.cardinality();
            if (count == 0) {
                continue;
            }
            tally.add(scope, perRun(set, scope), count);
            for (int i = 0; i < sectionKeys.size(); i++) {
                Query section = sectionQueries != null ? sectionQueries.get(i)
                        : new TermQuery(new Term(NoteFields.SECTION, sectionKeys.get(i)));
                tally.sections[i] += (int) bits.countAmong(section, set, count, scope);
            }
        }
        return tally.counts();
    }

    /** The query of a search restricted to one part of the combined text (a section field or unsectioned). */
    interface PartQuery {
        Query of(String field);
    }

    /** A query's hits in a scope, deleted documents still set ({@link HitBits#withDeleted}, say). */
    interface PartHits {
        FixedBitSet of(Query query, UnitScope scope) throws IOException;
    }

    /**
     * Counts the hits of a query that matches within one part of the combined text ({@link TextParts}), no filter
     * beside it: per scope, its hits in each part's field are read (the section counts need them anyway), their union
     * is the hits — so the combined text's postings are not read for counting at all — and a section's count is its
     * part's hits among the live ones.
     */
    static Counts fromParts(PartHits bits, List<UnitScope> scopes, List<String> sectionKeys, PartQuery parts)
            throws IOException {
        Tally tally = new Tally(sectionKeys);
        for (UnitScope scope : scopes) {
            FixedBitSet union = new FixedBitSet(scope.end() - scope.start());
            FixedBitSet[] bySection = new FixedBitSet[sectionKeys.size()];
            for (FieldInfo field : scope.leaf().reader().getFieldInfos()) {
                if (!NoteFields.isPartOfText(field.name)) {
                    continue;
                }
                FixedBitSet part = bits.of(parts.of(field.name), scope);
                Integer i = tally.keyIndex.get(NoteFields.sectionKeyOf(field.name));
                if (i != null) {
                    bySection[i] = part;
                }
                union.or(part);
            }
            HitBits.clearDeleted(union, scope);
            int count = union.cardinality();
            if (count == 0) {
                continue;
            }
            tally.add(scope, perRun(union, scope), count);
            for (int i = 0; i < bySection.length; i++) {
                if (bySection[i] != null) {
                    tally.sections[i] += (int) FixedBitSet.intersectionCount(bySection[i], union);
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

    /** How many bits of {@code [from, to)} are set. */
    /** The hits among a scope's bits ({@code hits} indexed from the scope's start) in each of its template runs. */
    private static int[] perRun(FixedBitSet hits, UnitScope scope) {
        int[] perRun = new int[scope.runStarts().length];
        for (int i = 0; i < perRun.length; i++) {
            perRun[i] = count(hits, scope.runStarts()[i] - scope.start(), scope.runEnds()[i] - scope.start());
        }
        return perRun;
    }

    static int count(FixedBitSet bits, int from, int to) {
        if (from >= to) {
            return 0;
        }
        long[] words = bits.getBits();
        int first = from >> 6;
        int last = (to - 1) >> 6;
        long firstMask = -1L << from;
        long lastMask = -1L >>> -to;
        if (first == last) {
            return Long.bitCount(words[first] & firstMask & lastMask);
        }
        int n = Long.bitCount(words[first] & firstMask) + Long.bitCount(words[last] & lastMask);
        for (int i = first + 1; i < last; i++) {
            n += Long.bitCount(words[i]);
        }
        return n;
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
