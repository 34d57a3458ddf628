package se.dikta.structure.normalize;

import java.util.List;
import java.util.OptionalLong;

/**
 * Reads Swedish spoken numbers, cardinal and ordinal, joined ("tjugofem") or split ("tjugo fem") over
 * words, up to 999 999 999 999. Reading is greedy but word-atomic: a word joins the number only if all
 * of its morphemes continue it, so "fem sex" is two numbers and "tjugo tjugotvå" is 20 then 22.
 * Immutable and thread-safe.
 */
public final class SwedishNumberParser {

    private final NumberLexicon lexicon = new NumberLexicon();

    /** True when {@code word} on its own is a number word ("tjugofem", "första", "tusen"). */
    public boolean isNumberWord(String word) {
        return lexicon.decompose(word) != null;
    }

    /** The value of {@code words} read as exactly one number (cardinal or ordinal), or empty. */
    public OptionalLong valueOf(List<String> words) {
        Morpheme[][] lexed = new Morpheme[words.size()][];
        for (int i = 0; i < lexed.length; i++) {
            lexed[i] = lexicon.decompose(words.get(i));
        }
        SpokenNumber n = read(lexed, 0, NumberScope.FULL);
        return n != null && n.to() == words.size() ? OptionalLong.of(n.value()) : OptionalLong.empty();
    }

    Morpheme[] morphemes(String word) {
        return lexicon.decompose(word);
    }

    /**
     * A year said as one joined century pair, "nittonåttiofyra" 1984 or "tjugotjugotvå" 2022, which is not
     * one number by the cardinal grammar; 0 otherwise.
     */
    int joinedYear(String word) {
        int century = word.startsWith("nitton") ? 19 : word.startsWith("tjugo") ? 20 : 0;
        if (century == 0) {
            return 0;
        }
        Morpheme[] rest = lexicon.decompose(word.substring(century == 19 ? 6 : 5));
        if (rest == null) {
            return 0;
        }
        NumberState state = NumberState.EMPTY;
        for (Morpheme m : rest) {
            state = NumberScope.UNDER_HUNDRED.allows(m) ? state.next(m) : null;
            if (state == null) {
                return 0;
            }
        }
        long tail = state.value();
        return tail >= 10 && (century == 19 || tail <= 49) ? century * 100 + (int) tail : 0;
    }

    /** The longest number starting at word {@code from} within {@code scope}, or null. */
    SpokenNumber read(Morpheme[][] lexed, int from, NumberScope scope) {
        NumberState state = NumberState.EMPTY;
        int end = from;
        for (int i = from; i < lexed.length && lexed[i] != null; i++) {
            NumberState next = state;
            for (Morpheme m : lexed[i]) {
                next = scope.allows(m) ? next.next(m) : null;
                if (next == null) {
                    break;
                }
            }
            if (next == null) {
                break;
            }
            state = next;
            end = i + 1;
        }
        if (end == from) {
            return null;
        }
        return new SpokenNumber(state.value(), from, end, state.ordinal(), state.hundredStyle(), state.count(),
                state.last());
    }
}
