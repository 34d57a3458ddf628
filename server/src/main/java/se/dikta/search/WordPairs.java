package se.dikta.search;

import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Word pairs: every part of the combined text (a section's field, {@link NoteFields#UNSECTIONED}) has a field
 * beside it ({@link #field}) that holds, per value, each pair of terms one or two positions apart as one term
 * ({@link WordPairsFilter}). An exact phrase of two words — "det finns oro" is "finns oro" once the stop word is
 * gone, "behov av stöd" is "behov" and "stöd" two positions apart — then matches exactly the notes that have its
 * pair term: its hits and section counts come from one term's postings, no positions read.
 *
 * <p>The pairs are taken from the terms the index analyzer puts at each position (written form, stem, compound
 * parts, joined compound), every term at one position with every term one and two positions on, so a pair term is
 * present exactly where the phrase query finds its two terms that far apart. Pairs never span two values (each value is
 * analysed on its own), as phrases do not (the position gap). Only the phrase's hits and counts come from pairs: the
 * page is still scored by the phrase itself on the combined text (scores unchanged).
 */
final class WordPairs {

    /** Positions apart that pairs are indexed for: adjacent words, and words with one stop word between. */
    static final int MAX_DISTANCE = 2;

    private static final String PREFIX = "2.";

    /** Indexed, not stored, documents only: a pair's hits, nothing to score. */
    static final FieldType TYPE = pairType();

    private WordPairs() {
    }

    /** The pair field beside a part of the combined text. */
    static String field(String partField) {
        return PREFIX + partField;
    }

    static boolean isPairField(String field) {
        return field.startsWith(PREFIX);
    }

    /** The pair term of two terms {@code distance} positions apart. */
    static String term(String first, String second, int distance) {
        return distance == 1 ? first + ' ' + second : first + " _ " + second;
    }

    /**
     * The query restricted to one part, answered from pairs where it can be: the pair term itself for an exact
     * phrase of two terms (equivalent), else the query as is. (A longer phrase filtered by its pairs, and the page's
     * phrase with the notes that have its pairs as a filter beside it, both measured slower: the candidates are
     * nearly the hits, and reading the pairs' postings only adds to reading the phrase's.)
     */
    static Query partQuery(Query query, String partField) {
        Term pair = pair(query, partField);
        return pair == null ? query : new TermQuery(pair);
    }

    /** The pair term (in the pair field of {@code field}) of an exact phrase of two terms, or null. */
    private static Term pair(Query query, String field) {
        if (!(query instanceof PhraseQuery p) || p.getSlop() != 0 || p.getTerms().length != 2
                || !p.getField().equals(field)) {
            return null;
        }
        Term[] terms = p.getTerms();
        int distance = p.getPositions()[1] - p.getPositions()[0];
        return distance < 1 || distance > MAX_DISTANCE ? null
                : new Term(field(field), term(terms[0].text(), terms[1].text(), distance));
    }

    private static FieldType pairType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.setStored(false);
        type.freeze();
        return type;
    }
}
