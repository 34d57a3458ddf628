package se.dikta.search;

import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishMinimalStemFilter;

/**
 * Turns Swedish journal text into the terms the note index stores and searches. The same analyzer runs
 * at index time and at query time, so whatever it does to a note it also does to a query.
 *
 * <p>The chain, in order:
 * <ol>
 *   <li><b>Personnummer normalisation</b> (a char filter, before tokenising): {@code 19840312-4567},
 *       {@code 198403124567}, {@code 840312-4567}, {@code 840312+4567} and {@code 8403124567} all become
 *       {@code 8403124567}. Without it the tokenizer would split the hyphenated forms into two numbers, and
 *       a search typed with a century would never meet a note written without one. The char filter keeps
 *       an offset map, so highlighting still marks the number exactly as it was written.</li>
 *   <li>{@link StandardTokenizer}: Unicode word boundaries (UAX #29). Letters å, ä and ö are word
 *       characters; punctuation goes.</li>
 *   <li>{@link LowerCaseFilter}. There is deliberately <em>no</em> ASCII folding: in Swedish å, ä and ö
 *       are letters of their own ("får" and "far", "hör" and "hor" are different words).</li>
 *   <li>{@link StopFilter} with Lucene's Swedish stop words ("och", "att", "det", ...). Removed words
 *       leave a position gap, so phrase queries still line up.</li>
 *   <li>{@link KeywordRepeatFilter} + {@link SwedishMinimalStemFilter} + {@link RemoveDuplicatesTokenFilter}:
 *       every word is indexed both as written and stemmed, at the same position. The minimal stemmer
 *       removes plural and definite endings ("bedömningen" → "bedömning", "hembesöket" → "hembesök",
 *       "vårdnadshavare" and "vårdnadshavarna" → "vårdnadshav"), but like every rule-based stemmer it sometimes
 *       treats a base form as if it had an ending ("barn" → "bar" while "barnen" → "barn"). Keeping the
 *       unstemmed word as well closes that gap: the query "barn" yields {barn, bar}, the note word
 *       "barnen" yields {barnen, barn}, and they meet on "barn". Query parsers turn the two terms at one
 *       position into a synonym query, so an exact form also scores a little higher than a stem-only
 *       match. The light stemmer and Snowball were tried first: Snowball leaves "hembesöket" whole and
 *       the light stemmer maps "vårdnadshavare" and "vårdnadshavarna" apart.</li>
 * </ol>
 *
 * <p>Between the stop filter and stemming, the index-time analyzer adds the parts of Swedish compounds
 * ({@link CompoundPartsFilter}, {@link CompoundSplitter}): "barnavårdsutredningen" is indexed also as barn,
 * vård, utredningen (then stemmed), so "utredning" finds it. Last, two adjacent words that make a compound
 * ("familj behandlare") are also indexed as the compound ({@link CompoundJoinFilter}: "familjebehandlare" at the
 * first word's position, offsets over both words), so a typed two-part compound is one term. Queries are analysed without that step
 * ({@link #forQueries()}).
 *
 * <p>{@link #normalize(String, TokenStream)} only lower-cases: that is what prefix queries
 * ({@code bedöm*}) see, since a prefix is not a whole word and must not be stemmed.
 *
 * <p>{@link #exactForms()} is the same chain without the stemming step, for quoted phrases: because every
 * word is also indexed as written, at its own position, a phrase of unstemmed words finds exactly the
 * written phrase (and is a plain, cheap {@link org.apache.lucene.search.PhraseQuery}).
 */
public final class SwedishNoteAnalyzer extends Analyzer {

    /**
     * A personnummer or samordningsnummer as people write it: optional century, six date digits, an
     * optional "-" or "+" and four digits, not inside a longer run of digits. Group 1 is the date part
     * without century, group 2 the last four digits.
     */
    static final Pattern PERSONNUMMER = Pattern.compile("(?<![\\d-])(?:19|20)?(\\d{6})[-+]?(\\d{4})(?!\\d)");

    /**
     * Changes whenever the terms this analyzer produces change; the index records it with each commit and is
     * rebuilt from the database when it was built with another version. 2: compound parts. 3: two words
     * written apart also as their compound. 4: known compounds also from the general word lists ("vård plan" is
     * indexed as "vårdplan" too).
     */
    public static final String VERSION = "4";

    /**
     * Positions left empty between two values of a field: more than a typed phrase spans (a wider phrase or slop is
     * searched in the combined text only: {@link TextParts}), and small, since a term's first position in a
     * document is stored whole (a gap of 1000 made the positions file half as large again; 32 a few per cent).
     */
    static final int VALUE_POSITION_GAP = 32;

    private final CharArraySet stopWords;
    private final boolean stemming;
    private final CompoundSplitter compounds;
    private final boolean valueGaps;

    /** The index-time analyzer: words as written and stemmed, compounds also as their parts. */
    public SwedishNoteAnalyzer() {
        this(true, CompoundSplitter.packaged(), true);
    }

    private SwedishNoteAnalyzer(boolean stemming, CompoundSplitter compounds, boolean valueGaps) {
        super(PER_FIELD_REUSE_STRATEGY); // the word-pair fields end in one more filter (WordPairs)
        this.stopWords = SwedishAnalyzer.getDefaultStopSet();
        this.stemming = stemming;
        this.compounds = compounds;
        this.valueGaps = valueGaps;
    }

    /**
     * The same terms without the gaps between a field's values: for the highlighter, which is handed the stored text
     * whole and insists on Lucene's default offset gap (its offsets come from the postings, indexed with the gaps).
     */
    SwedishNoteAnalyzer withoutValueGaps() {
        return new SwedishNoteAnalyzer(stemming, compounds, false);
    }

    /** Words only as written (lower-cased, personnummer normalised): for exact phrases at query time. */
    public static SwedishNoteAnalyzer exactForms() {
        return new SwedishNoteAnalyzer(false, null, false);
    }

    /**
     * The query-time analyzer: as at index time but without compound parts, so "hembesök" does not turn into
     * "hem OR besök" (a compound query is matched whole, or as the phrase of its parts: {@link UserQueryParser}).
     */
    public SwedishNoteAnalyzer forQueries() {
        return new SwedishNoteAnalyzer(stemming, null, false);
    }

    /** The compound splitter of the index-time analyzer, or null. */
    CompoundSplitter compounds() {
        return compounds;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new PatternReplaceCharFilter(PERSONNUMMER, "$1$2", reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new StopFilter(stream, stopWords);
        if (compounds != null) {
            stream = new CompoundPartsFilter(stream, compounds);
        }
        if (stemming) {
            stream = new KeywordRepeatFilter(stream);
            stream = new SwedishMinimalStemFilter(stream);
            stream = new RemoveDuplicatesTokenFilter(stream);
        }
        if (compounds != null) {
            stream = new CompoundJoinFilter(stream, compounds);
        }
        if (WordPairs.isPairField(fieldName)) {
            stream = new WordPairsFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }

    /**
     * Between two values of one field (the sections and amendments of the combined text, a section and its
     * amendment): so a phrase or a joined compound never spans a section break, and every match lies within one
     * section or amendment.
     */
    @Override
    public int getPositionIncrementGap(String fieldName) {
        return valueGaps ? VALUE_POSITION_GAP : super.getPositionIncrementGap(fieldName);
    }

    /** The separator the stored combined text has between its values, so offsets point into it. */
    @Override
    public int getOffsetGap(String fieldName) {
        return valueGaps ? NoteFields.VALUE_SEPARATOR.length() : super.getOffsetGap(fieldName);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
