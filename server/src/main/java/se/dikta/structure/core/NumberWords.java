package se.dikta.structure.core;

import java.util.List;
import java.util.Set;
import se.dikta.structure.normalize.SpokenNumberNormalizer;
import se.dikta.structure.normalize.WrittenToken;

/**
 * Spoken Swedish number words ("tre", "tjugofem", "trettonde") as a word class for the command parser and the
 * boundary model, leaving out the few that are far more often something else on their own ("en", "ett",
 * "andra", "första"). The conversion itself belongs to the normaliser.
 */
public final class NumberWords {

    private static final Set<String> AMBIGUOUS_ALONE = Set.of("en", "ett", "andra", "första");

    private final SpokenNumberNormalizer normalizer;

    public NumberWords(SpokenNumberNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    public boolean isNumberWord(String word) {
        return !AMBIGUOUS_ALONE.contains(word) && normalizer.isNumberWord(word);
    }

    /** Words before the end that the normaliser looks at to see whether a spoken number ends there. */
    private static final int WINDOW = 12;

    /**
     * True when the words just before {@code end} (exclusive) end a number, date, time, amount, identifier or
     * law reference that the normaliser writes ("klockan halv ett", "rum nummer ett", "paragraf ett"): the
     * last word is then part of that expression, not an article or adjective before a noun.
     */
    public boolean endsWrittenNumber(List<String> words, int end) {
        if (end <= 0) {
            return false;
        }
        int from = Math.max(0, end - WINDOW);
        List<WrittenToken> tokens = normalizer.normalize(words.subList(from, end));
        WrittenToken last = tokens.get(tokens.size() - 1);
        return last.entity() != null || !last.text().equals(words.get(end - 1))
                || last.toWord() - last.fromWord() > 1;
    }

    /** "en" or "ett": a digit inside a longer spoken number ("åtta ett tre"), an article elsewhere. */
    public boolean isCardinalOne(String word) {
        return word.equals("en") || word.equals("ett");
    }
}
