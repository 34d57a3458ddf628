package se.dikta.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns what a person types into the search box into a Lucene {@link Query}.
 *
 * <p>The syntax is deliberately small and forgiving, and every word is required by default:
 * <ul>
 *   <li>{@code oro skolan} — notes containing both words (in any form: the analyzer stems them);</li>
 *   <li>{@code "det finns oro"} — the exact phrase, words as written (stop words are skipped but keep
 *       their place); a quoted single word is that exact form;</li>
 *   <li>{@code hembesök -telefon} — the first word but not the second;</li>
 *   <li>{@code bedöm*} — any word starting with the prefix (not stemmed);</li>
 *   <li>a compound ({@code hembesök}) also matches its parts written apart ({@code hem besök}); the index
 *       holds the parts of every compound, so {@code utredning} finds {@code barnavårdsutredningen};</li>
 *   <li>{@code oro | rädsla} — either word; parentheses group; {@code "a b"~3} allows three words between.</li>
 * </ul>
 *
 * <p>It is built on Lucene's {@link SimpleQueryParser}, which never throws: an unbalanced quote or
 * parenthesis is read as literally as possible rather than rejected, so a typing slip gives hits instead
 * of an error. Fuzzy matching ({@code word~2}) is switched off because it would surprise people who type
 * a tilde by accident and does not combine well with stemming. What this class does reject, with a
 * reason, is a query too long to be a search ({@link InvalidQueryException}).
 */
public final class UserQueryParser {

    /** Longer than any real search; keeps boolean queries well under Lucene's clause limit. */
    static final int MAX_LENGTH = 500;

    private static final int FLAGS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.ESCAPE_OPERATOR
            | SimpleQueryParser.WHITESPACE_OPERATOR | SimpleQueryParser.NEAR_OPERATOR;

    /** Two plain words, nothing else typed. */
    private static final Pattern TWO_WORDS = Pattern.compile("\\s*\\p{L}+\\s+\\p{L}+\\s*");

    private final Analyzer analyzer;
    private final QueryBuilder exactForms;
    private final QueryBuilder stemmedPhrases;
    private final CompoundSplitter compounds;

    public UserQueryParser(SwedishNoteAnalyzer analyzer) {
        this.analyzer = analyzer.forQueries();
        this.exactForms = new QueryBuilder(SwedishNoteAnalyzer.exactForms());
        this.stemmedPhrases = new QueryBuilder(this.analyzer);
        this.compounds = analyzer.compounds();
    }

    /**
     * Parses {@code text} against one field. Blank text is the caller's case (match everything); a text
     * of stop words only ("och det") matches nothing.
     */
    public Query parse(String text, String field) {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidQueryException("Sökfrågan är för lång (högst " + MAX_LENGTH + " tecken)");
        }
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of(field, 1f), FLAGS) {
            @Override
            protected Query newPhraseQuery(String phrase, int slop) {
                return exactForms.createPhraseQuery(field, phrase, slop);
            }

            @Override
            protected Query newDefaultQuery(String text) {
                return orSplitCompound(super.newDefaultQuery(text), text, field);
            }
        };
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return boostJoinedCompound(parser.parse(text), text, field);
    }

    /**
     * Two typed words that make a compound ("hem besök") still require both words, but notes that have the
     * compound ("hembesök") or the two words side by side rank first.
     */
    private Query boostJoinedCompound(Query query, String text, String field) {
        String[] words = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (compounds == null || query == null || words.length != 2 || !TWO_WORDS.matcher(text).matches()
                || !compounds.split(words[0] + words[1]).equals(List.of(words[0], words[1]))) {
            return query;
        }
        BooleanQuery.Builder boosted = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        Query joined = stemmedPhrases.createBooleanQuery(field, words[0] + words[1]);
        Query phrase = stemmedPhrases.createPhraseQuery(field, words[0] + " " + words[1]);
        if (joined != null) {
            boosted.add(joined, BooleanClause.Occur.SHOULD);
        }
        if (phrase != null) {
            boosted.add(phrase, BooleanClause.Occur.SHOULD);
        }
        return boosted.build();
    }

    /**
     * A typed compound also matches its parts written apart: "hembesök" finds "hem besök" (how a recogniser often
     * writes it) but not a note that only has "hem" somewhere. A known compound of two parts is one indexed term;
     * others (three or more parts, "barnavårdsutredning", or not in the dictionary) are still matched as the
     * phrase of the parts.
     */
    private Query orSplitCompound(Query whole, String text, String field) {
        if (compounds == null || whole == null) {
            return whole;
        }
        List<String> parts = compounds.split(text.toLowerCase(Locale.ROOT));
        if (parts.isEmpty() || parts.size() == 2 && compounds.isKnown(text.toLowerCase(Locale.ROOT))) {
            // Not a compound, or a known one of two parts: the index holds two adjacent words that make a known
            // compound also as the compound itself (CompoundJoinFilter), so the term alone finds "familj behandlare".
            return whole;
        }
        Query phrase = stemmedPhrases.createPhraseQuery(field, String.join(" ", parts));
        if (phrase == null) {
            return whole;
        }
        // The parts are indexed at the compound's own position, so every note with the compound has both parts
        // and the phrase would read positions in all of them only to fail; excluding the notes that have the
        // compound first (a plain postings check) finds the same notes far cheaper.
        Query apart = new BooleanQuery.Builder().add(phrase, BooleanClause.Occur.MUST)
                .add(whole, BooleanClause.Occur.MUST_NOT).build();
        return new BooleanQuery.Builder().add(whole, BooleanClause.Occur.SHOULD)
                .add(apart, BooleanClause.Occur.SHOULD).build();
    }

    /** A query the person must change; the message (Swedish) says why. */
    public static final class InvalidQueryException extends RuntimeException {
        public InvalidQueryException(String message) {
            super(message, null, false, false);
        }
    }
}
