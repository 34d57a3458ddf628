package se.dikta.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * The documents of a {@link UnitScope} that a query matches, as a bit set over the scope (bit {@code i} is doc id
 * {@code scope.start() + i}), for counting totals and facets.
 *
 * <p><b>Why not a collector.</b> Counting only needs to know which documents match. A word is typed once but
 * searched as two terms at one position (as written and stemmed, a {@link SynonymQuery}), and a scorer walks such
 * a disjunction through a priority queue and hands every hit to a collector, one virtual call each: about 60 ns a
 * hit, which at 120,000 hits of a word in a big unit is most of the search. Here each term's postings are decoded
 * straight into the bit set (a few ns a posting), a disjunction is an OR of bit sets, a conjunction an AND, and a
 * count is a population count over the words of the set.
 *
 * <p>Terms, synonyms, match-all and boolean combinations of them are read from postings ("direct"). Any other
 * query (a phrase, a prefix, a date range) is run through its {@link Weight}: as a required or excluded clause
 * beside direct ones it is only asked about the documents still set, from whichever side is cheaper; on its own
 * its bulk scorer marks its hits. One instance serves one search (it caches the weights it creates).
 */
final class HitBits {

    /** Walking postings with nextDoc costs roughly this fraction of jumping to a given doc with advance. */
    static final int ADVANCE_COST = 8;

    private final IndexSearcher searcher;
    private final Map<Query, Weight> weights = new IdentityHashMap<>();

    HitBits(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** The live documents of the scope that {@code query} (rewritten) matches. */
    FixedBitSet of(Query query, UnitScope scope) throws IOException {
        FixedBitSet bits = withDeleted(query, scope);
        clearDeleted(bits, scope);
        return bits;
    }

    /** As {@link #of}, deleted documents still set: for sets combined first and cleared once ({@link #clearDeleted}). */
    FixedBitSet withDeleted(Query query, UnitScope scope) throws IOException {
        FixedBitSet bits = direct(query, scope);
        return bits != null ? bits : scored(query, scope);
    }

    /** Clears the scope's deleted documents from a bit set over the scope. */
    static void clearDeleted(FixedBitSet bits, UnitScope scope) {
        Bits live = scope.leaf().reader().getLiveDocs();
        if (live != null) {
            int start = scope.start();
            for (int bit = nextSet(bits, 0); bit != DocIdSetIterator.NO_MORE_DOCS; bit = nextSet(bits, bit + 1)) {
                if (!live.get(start + bit)) {
                    bits.clear(bit);
                }
            }
        }
    }

    /**
     * Whether {@link #of} reads the query's hits from postings, rather than running the query's scorer over the scope
     * (a phrase or prefix standing alone, or beside no clause that has a direct form). Mirrors {@link #direct}.
     */
    static boolean fromPostings(Query query) {
        if (query instanceof ConstantScoreQuery c) {
            return fromPostings(c.getQuery());
        }
        if (query instanceof BoostQuery b) {
            return fromPostings(b.getQuery());
        }
        if (query instanceof TermQuery || query instanceof SynonymQuery || query instanceof MatchAllDocsQuery) {
            return true;
        }
        if (!(query instanceof BooleanQuery b) || b.getMinimumNumberShouldMatch() > 1) {
            return false;
        }
        boolean anyRequired = false;
        for (BooleanClause c : b.clauses()) {
            if (c.isRequired()) {
                anyRequired = true;
                if (fromPostings(c.getQuery())) {
                    return b.getMinimumNumberShouldMatch() == 0;
                }
            }
        }
        // Only optional clauses: each is read directly or through its scorer, and the set is their union.
        return !anyRequired;
    }

    /** How many of the documents set in {@code among} (all live) {@code query} matches too. */
    long countAmong(Query query, FixedBitSet among, int amongCount, UnitScope scope) throws IOException {
        if ((long) amongCount * ADVANCE_COST >= scope.end() - scope.start()) {
            FixedBitSet bits = direct(query, scope);
            if (bits != null) {
                return FixedBitSet.intersectionCount(bits, among);
            }
        }
        return matchedAmong(query, among, amongCount, scope).cardinality();
    }

    /** The query's hits from postings, or null when it needs its scorer; deleted documents not yet removed. */
    private FixedBitSet direct(Query query, UnitScope scope) throws IOException {
        if (query instanceof ConstantScoreQuery c) {
            return direct(c.getQuery(), scope);
        }
        if (query instanceof BoostQuery b) {
            return direct(b.getQuery(), scope);
        }
        if (query instanceof TermQuery t) {
            return postings(List.of(t.getTerm()), scope);
        }
        if (query instanceof SynonymQuery s) {
            return postings(s.getTerms(), scope);
        }
        if (query instanceof MatchAllDocsQuery) {
            FixedBitSet all = new FixedBitSet(scope.end() - scope.start());
            all.set(0, all.length());
            return all;
        }
        if (query instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() <= 1) {
            return bool(b, scope);
        }
        return null;
    }

    private FixedBitSet bool(BooleanQuery query, UnitScope scope) throws IOException {
        List<Query> required = new ArrayList<>();
        List<Query> optional = new ArrayList<>();
        List<Query> excluded = new ArrayList<>();
        for (BooleanClause c : query.clauses()) {
            switch (c.getOccur()) {
                case MUST, FILTER -> required.add(c.getQuery());
                case SHOULD -> optional.add(c.getQuery());
                case MUST_NOT -> excluded.add(c.getQuery());
            }
        }
        if (query.getMinimumNumberShouldMatch() > 0 && !required.isEmpty()) {
            return null;
        }
        FixedBitSet bits = null;
        List<Query> checks = new ArrayList<>();
        if (required.isEmpty()) {
            // Without required clauses a document must match one optional clause (SHOULDs beside required clauses
            // only score, so they do not change what matches).
            bits = new FixedBitSet(scope.end() - scope.start());
            for (Query q : optional) {
                FixedBitSet d = direct(q, scope);
                bits.or(d != null ? d : scored(q, scope));
            }
        } else {
            for (Query q : required) {
                FixedBitSet d = direct(q, scope);
                if (d == null) {
                    checks.add(q);
                } else if (bits == null) {
                    bits = d;
                } else {
                    bits.and(d);
                }
            }
            if (bits == null) {
                return null;
            }
        }
        for (Query q : checks) {
            bits.and(matchedAmong(q, bits, bits.cardinality(), scope));
        }
        for (Query q : excluded) {
            FixedBitSet d = direct(q, scope);
            bits.andNot(d != null ? d : matchedAmong(q, bits, bits.cardinality(), scope));
        }
        return bits;
    }

    /** The union of the terms' postings within the scope. */
    private static FixedBitSet postings(List<Term> terms, UnitScope scope) throws IOException {
        FixedBitSet bits = new FixedBitSet(scope.end() - scope.start());
        LeafReader reader = scope.leaf().reader();
        int start = scope.start();
        int end = scope.end();
        PostingsEnum postings = null;
        TermsEnum te = null;
        String field = null;
        for (Term term : terms) {
            if (!term.field().equals(field)) {
                var t = reader.terms(term.field());
                te = t == null ? null : t.iterator();
                field = term.field();
            }
            if (te == null || !te.seekExact(term.bytes())) {
                continue;
            }
            postings = te.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.advance(start); doc < end; doc = postings.nextDoc()) {
                bits.set(doc - start);
            }
        }
        return bits;
    }

    /** The hits of a query that has no direct form: its bulk scorer over the scope marks them. */
    private FixedBitSet scored(Query query, UnitScope scope) throws IOException {
        FixedBitSet bits = new FixedBitSet(scope.end() - scope.start());
        BulkScorer scorer = weight(query).bulkScorer(scope.leaf());
        if (scorer != null) {
            int start = scope.start();
            scorer.score(new LeafCollector() {
                @Override
                public void setScorer(Scorable scorable) {
                    // no scores needed
                }

                @Override
                public void collect(int doc) {
                    bits.set(doc - start);
                }
            }, null, start, scope.end());
        }
        return bits;
    }

    /** Which of the {@code count} documents set in {@code among} the query matches, from the cheaper side. */
    private FixedBitSet matchedAmong(Query query, FixedBitSet among, int count, UnitScope scope) throws IOException {
        FixedBitSet matched = new FixedBitSet(among.length());
        ScorerSupplier supplier = count == 0 ? null : weight(query).scorerSupplier(scope.leaf());
        if (supplier == null) {
            return matched;
        }
        // Led by the few documents asked about: a date range then reads doc values rather than all its points.
        Scorer scorer = supplier.get(count);
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        DocIdSetIterator matches = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
        int start = scope.start();
        int end = scope.end();
        long inScope = matches.cost() * (end - start) / Math.max(1, scope.leaf().reader().maxDoc());
        if (inScope <= (long) count * ADVANCE_COST) {
            for (int doc = matches.advance(start); doc < end; doc = matches.nextDoc()) {
                if (among.get(doc - start) && (twoPhase == null || twoPhase.matches())) {
                    matched.set(doc - start);
                }
            }
        } else {
            for (int bit = nextSet(among, 0); bit != DocIdSetIterator.NO_MORE_DOCS; bit = nextSet(among, bit + 1)) {
                int doc = start + bit;
                int at = matches.docID() < doc ? matches.advance(doc) : matches.docID();
                if (at >= end) {
                    break;
                }
                if (at == doc && (twoPhase == null || twoPhase.matches())) {
                    matched.set(bit);
                }
            }
        }
        return matched;
    }

    private Weight weight(Query query) throws IOException {
        Weight w = weights.get(query);
        if (w == null) {
            w = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            weights.put(query, w);
        }
        return w;
    }

    private static int nextSet(FixedBitSet bits, int from) {
        return from < bits.length() ? bits.nextSetBit(from) : DocIdSetIterator.NO_MORE_DOCS;
    }
}
