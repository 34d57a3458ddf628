package se.dikta.structure.normalize;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of one sentence being normalised, each looked up once in the number lexicon, and the
 * tokens written so far. One instance per {@link SpokenNumberNormalizer#normalize} call.
 */
final class Sentence {

    private final List<String> original;
    /** Lower-cased words for matching; tokens passed through keep the original spelling. */
    private final String[] words;
    private final Morpheme[][] lexed;
    /** Years said as one joined word ("tjugotjugotvå"), 0 for every other word. */
    private final int[] joinedYears;
    private final SwedishNumberParser parser;
    private final List<WrittenToken> written;

    Sentence(List<String> words, SwedishNumberParser parser, List<WrittenToken> written) {
        this.original = words;
        this.parser = parser;
        this.written = written;
        this.words = new String[words.size()];
        this.lexed = new Morpheme[words.size()][];
        this.joinedYears = new int[words.size()];
        for (int i = 0; i < lexed.length; i++) {
            this.words[i] = words.get(i).toLowerCase(Locale.ROOT);
            lexed[i] = parser.morphemes(this.words[i]);
            if (lexed[i] == null) {
                joinedYears[i] = parser.joinedYear(this.words[i]);
            }
        }
    }

    int size() {
        return words.length;
    }

    /** The lower-cased word at {@code i}, or "" outside the sentence, so look-ahead and look-behind need no bounds checks. */
    String word(int i) {
        return i >= 0 && i < words.length ? words[i] : "";
    }

    /** The word at {@code i} as given. */
    String original(int i) {
        return original.get(i);
    }

    boolean is(int i, String word) {
        return word(i).equals(word);
    }

    boolean isAny(int i, Set<String> set) {
        return set.contains(word(i));
    }

    /** True if one of the {@code window} words before {@code i} is in {@code set}. */
    boolean anyBefore(int i, int window, Set<String> set) {
        for (int j = Math.max(0, i - window); j < i; j++) {
            if (set.contains(words[j])) {
                return true;
            }
        }
        return false;
    }

    /** The year of a joined century-pair word at {@code i}, or 0. */
    int joinedYear(int i) {
        return i >= 0 && i < joinedYears.length ? joinedYears[i] : 0;
    }

    boolean isNumber(int i) {
        return i >= 0 && i < lexed.length && lexed[i] != null;
    }

    /** The only morpheme of word {@code i} when it is a one-morpheme number word, otherwise null. */
    Morpheme singleMorpheme(int i) {
        return isNumber(i) && lexed[i].length == 1 ? lexed[i][0] : null;
    }

    /** True when word {@code i} is exactly one morpheme of {@code kind} with {@code value}. */
    boolean isMorpheme(int i, MorphemeKind kind, int value) {
        Morpheme m = singleMorpheme(i);
        return m != null && m.kind() == kind && m.value() == value && !m.ordinal();
    }

    SpokenNumber number(int i, NumberScope scope) {
        return isNumber(i) ? parser.read(lexed, i, scope) : null;
    }

    /** A cardinal within [min, max] starting at {@code i}, or null. */
    SpokenNumber cardinal(int i, NumberScope scope, long min, long max) {
        SpokenNumber n = number(i, scope);
        return n != null && !n.ordinal() && n.value() >= min && n.value() <= max ? n : null;
    }

    /** An ordinal within [min, max] starting at {@code i}, or null. */
    SpokenNumber ordinal(int i, long min, long max) {
        SpokenNumber n = number(i, NumberScope.FULL);
        return n != null && n.ordinal() && n.value() >= min && n.value() <= max ? n : null;
    }

    /** The last token written before word {@code i}, or null. */
    WrittenToken writtenBefore(int i) {
        if (written.isEmpty()) {
            return null;
        }
        WrittenToken last = written.get(written.size() - 1);
        return last.toWord() == i ? last : null;
    }

    /** The token written two tokens back, or null. */
    WrittenToken writtenTwoBack() {
        return written.size() >= 2 ? written.get(written.size() - 2) : null;
    }
}
