package se.dikta.search;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.HitQueue;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafSimScorer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * A plain word by relevance: every hit and the page in one read of the word's postings, instead of a counting pass
 * ({@link HitBits}) and a page pass ({@link ScopedSearch#top}) that each read them.
 *
 * <p>A word is one term or its forms at one position ({@link SynonymQuery}, every form weighing 1). Its postings are
 * decoded with their frequencies into the scope's bit set and a frequency per document (a few ns a posting, no
 * scorer, no collector). The page then walks the hits in doc-id order and scores them as Lucene would — the same
 * similarity and statistics as {@link SynonymQuery}'s weight (the largest document frequency, the summed term
 * frequencies), the score of the summed frequency and the document's norm — keeping the best in Lucene's
 * {@link HitQueue} (ties to the lower doc id). Block-max skipping spares little for a common word (the page pass
 * read most of its blocks); here a hit whose frequency cannot beat the page's lowest score even at the most
 * favourable norm is passed over without reading its norm, which for a word in most notes is nearly every hit.
 */
final class WordPage {

    /** Frequencies up to this have a precomputed best score; higher ones are always scored. */
    private static final int BOUNDED_FREQS = 64;

    private WordPage() {
    }

    /** The word's terms when the query (as built by {@link NoteSearcher}, no filter) is a plain word; else null. */
    static List<Term> terms(Query query) {
        if (query instanceof BooleanQuery b && b.clauses().size() == 1
                && b.clauses().get(0).getOccur() == BooleanClause.Occur.MUST) {
            return terms(b.clauses().get(0).getQuery());
        }
        if (query instanceof TermQuery t) {
            return List.of(t.getTerm());
        }
        if (query instanceof SynonymQuery s && !s.getTerms().isEmpty()) {
            return s.getTerms();
        }
        return null;
    }

    /** The best {@code window} hits of the word by relevance and every hit per scope (live documents only). */
    static ScopedSearch.Scored top(IndexSearcher searcher, List<Term> terms, List<UnitScope> scopes, int window)
            throws IOException {
        String field = terms.get(0).field();
        Similarity.SimScorer sim = simScorer(searcher, terms, field);
        Map<UnitScope, FixedBitSet> hits = new IdentityHashMap<>();
        HitQueue queue = new HitQueue(window, false);
        float[] bound = new float[BOUNDED_FREQS + 1];
        if (sim != null) {
            for (int f = 1; f <= BOUNDED_FREQS; f++) {
                float best = 0;
                for (int norm = Byte.MIN_VALUE; norm <= Byte.MAX_VALUE; norm++) {
                    best = Math.max(best, sim.score(f, norm));
                }
                bound[f] = best;
            }
        }
        for (UnitScope scope : scopes) {
            int length = scope.end() - scope.start();
            FixedBitSet bits = new FixedBitSet(length);
            hits.put(scope, bits);
            if (sim == null) {
                continue;
            }
            int[] freqs = new int[length];
            read(scope, terms, field, bits, freqs);
            LeafReader reader = scope.leaf().reader();
            Bits live = reader.getLiveDocs();
            LeafSimScorer scorer = new LeafSimScorer(sim, reader, field, true);
            int start = scope.start();
            int docBase = scope.leaf().docBase;
            for (int bit = nextSet(bits, 0); bit < length; bit = nextSet(bits, bit + 1)) {
                int doc = start + bit;
                if (live != null && !live.get(doc)) {
                    bits.clear(bit);
                    continue;
                }
                int freq = freqs[bit];
                if (queue.size() == window && freq <= BOUNDED_FREQS && bound[freq] < queue.top().score) {
                    continue; // cannot reach the page whatever its length
                }
                float score = scorer.score(doc, freq);
                if (queue.size() < window) {
                    queue.add(new ScoreDoc(docBase + doc, score));
                } else if (score > queue.top().score) {
                    // Docs come in increasing id order, so an equal score loses to the one already kept.
                    ScoreDoc least = queue.top();
                    least.doc = docBase + doc;
                    least.score = score;
                    queue.updateTop();
                }
            }
        }
        ScoreDoc[] page = new ScoreDoc[queue.size()];
        for (int i = page.length - 1; i >= 0; i--) {
            page[i] = queue.pop();
        }
        return new ScopedSearch.Scored(new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page),
                hits);
    }

    /** The similarity as {@link SynonymQuery}'s weight sets it up (for one term the same as a term query's). */
    private static Similarity.SimScorer simScorer(IndexSearcher searcher, List<Term> terms, String field)
            throws IOException {
        CollectionStatistics collection = searcher.collectionStatistics(field);
        long docFreq = 0;
        long totalTermFreq = 0;
        for (Term term : terms) {
            TermStates states = TermStates.build(searcher, term, true);
            if (states.docFreq() > 0) {
                TermStatistics stats = searcher.termStatistics(term, states.docFreq(), states.totalTermFreq());
                docFreq = Math.max(docFreq, stats.docFreq());
                totalTermFreq += stats.totalTermFreq();
            }
        }
        if (docFreq == 0 || collection == null) {
            return null;
        }
        return searcher.getSimilarity().scorer(1f, collection,
                new TermStatistics(new BytesRef("word"), docFreq, totalTermFreq));
    }

    /** Every term's postings within the scope: the documents into {@code bits}, the frequencies summed. */
    private static void read(UnitScope scope, List<Term> terms, String field, FixedBitSet bits, int[] freqs)
            throws IOException {
        Terms indexed = scope.leaf().reader().terms(field);
        if (indexed == null) {
            return;
        }
        TermsEnum te = indexed.iterator();
        PostingsEnum postings = null;
        int start = scope.start();
        int end = scope.end();
        for (Term term : terms) {
            if (!te.seekExact(term.bytes())) {
                continue;
            }
            postings = te.postings(postings, PostingsEnum.FREQS);
            for (int doc = postings.advance(start); doc < end; doc = postings.nextDoc()) {
                bits.set(doc - start);
                freqs[doc - start] += postings.freq();
            }
        }
    }

    private static int nextSet(FixedBitSet bits, int from) {
        return from < bits.length() ? bits.nextSetBit(from) : Integer.MAX_VALUE;
    }
}
