package se.dikta.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Word pairs: every part of the combined text (a section's field, {@link NoteFields#UNSECTIONED}) has a field
 * beside it ({@link #field}) that holds, per value, each pair of terms one or two positions apart as one term
 * ({@link WordPairsFilter}). An exact phrase of two words — "det finns oro" is "finns oro" once the stop word is
 * gone, "behov av stöd" is "behov" and "stöd" two positions apart — then matches exactly the notes that have its
 * pair term: its hits and section counts come from one term's postings, no positions read. A longer exact phrase
 * is checked (positions) only in the notes that have all its pairs.
 *
 * <p>The pairs are taken from the terms the index analyzer puts at each position (written form, stem, compound
 * parts, joined compound), every term at one position with every term at the next, so a pair term is present
 * exactly where the phrase query finds its two terms that far apart. Pairs never span two values (each value is
 * analysed on its own), as phrases do not (the position gap). Only the phrase's hits come from pairs: the page is
 * still scored by the phrase itself, the pairs only a filter beside it (scores unchanged).
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
     * phrase of two terms (equivalent), the phrase filtered by its pairs for a longer one, else the query as is.
     */
    static Query partQuery(Query query, String partField) {
        List<Term> pairs = pairs(query, partField);
        if (pairs == null) {
            return query;
        }
        if (((PhraseQuery) query).getTerms().length == 2) {
            return new TermQuery(pairs.get(0));
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
        pairs.forEach(t -> b.add(new TermQuery(t), Occur.FILTER));
        return b.build();
    }

    /**
     * An exact phrase on the combined text with the notes that have its pairs in some part as a filter beside it,
     * so the phrase reads positions only there; its scores are the phrase's own. Other queries as they are.
     *
     * @param partFields the fields of the parts of the combined text in the index
     */
    static Query withCandidates(Query query, Collection<String> partFields) {
        List<Term> pairs = pairs(query, NoteFields.TEXT);
        if (pairs == null || partFields.isEmpty()) {
            return query;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
        for (Term pair : pairs) {
            BooleanQuery.Builder anyPart = new BooleanQuery.Builder();
            for (String part : partFields) {
                anyPart.add(new TermQuery(new Term(field(part), pair.bytes())), Occur.SHOULD);
            }
            b.add(anyPart.build(), Occur.FILTER);
        }
        return b.build();
    }

    /** The pair terms (in the pair field of {@code field}) of an exact phrase, or null for any other query. */
    private static List<Term> pairs(Query query, String field) {
        if (!(query instanceof PhraseQuery p) || p.getSlop() != 0 || p.getTerms().length < 2
                || !p.getField().equals(field)) {
            return null;
        }
        Term[] terms = p.getTerms();
        int[] positions = p.getPositions();
        List<Term> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < terms.length; i++) {
            int distance = positions[i + 1] - positions[i];
            if (distance >= 1 && distance <= MAX_DISTANCE) {
                pairs.add(new Term(field(field), term(terms[i].text(), terms[i + 1].text(), distance)));
            } else if (terms.length == 2) {
                return null;
            }
        }
        return pairs.isEmpty() ? null : pairs;
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
