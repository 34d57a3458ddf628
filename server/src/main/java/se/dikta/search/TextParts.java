package se.dikta.search;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Which queries on the combined text can be answered from its parts. {@link NoteFields#TEXT} is indexed one value per
 * section and amendment, with a position gap between values wider than a typed phrase spans; the section fields and
 * {@link NoteFields#UNSECTIONED} hold the same values. So a query whose every match lies within one value — a word,
 * a phrase, a prefix, or a disjunction of them — matches a note's combined text exactly when it matches one of its
 * parts, and its hits are the union of the parts' hits (which the section counts read anyway). A conjunction is not:
 * "oro skolan" matches a note with "oro" in one section and "skolan" in another, and no part of it.
 */
final class TextParts {

    private TextParts() {
    }

    /** True when every match of the query lies within one value of the field it searches. */
    static boolean matchWithinOnePart(Query query) {
        if (query instanceof BoostQuery b) {
            return matchWithinOnePart(b.getQuery());
        }
        if (query instanceof ConstantScoreQuery c) {
            return matchWithinOnePart(c.getQuery());
        }
        if (query instanceof TermQuery || query instanceof SynonymQuery || query instanceof MultiTermQuery) {
            return true;
        }
        if (query instanceof PhraseQuery p) {
            return withinGap(p.getPositions(), p.getSlop());
        }
        if (query instanceof MultiPhraseQuery p) {
            return withinGap(p.getPositions(), p.getSlop());
        }
        if (query instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() <= 1 && !b.clauses().isEmpty()) {
            // A disjunction: a note matches where one clause matches, each clause within one value.
            for (BooleanClause c : b.clauses()) {
                if (c.getOccur() != BooleanClause.Occur.SHOULD || !matchWithinOnePart(c.getQuery())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** A phrase whose words and slop span less than the gap between two values cannot match across it. */
    private static boolean withinGap(int[] positions, int slop) {
        int span = positions.length == 0 ? 0 : positions[positions.length - 1] - positions[0];
        return (long) span + slop < SwedishNoteAnalyzer.VALUE_POSITION_GAP;
    }
}
