package se.dikta.structure.core;

import java.util.Set;
import se.dikta.structure.normalize.SpokenNumberNormalizer;

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

    /** "en" or "ett": a digit inside a longer spoken number ("åtta ett tre"), an article elsewhere. */
    public boolean isCardinalOne(String word) {
        return word.equals("en") || word.equals("ett");
    }
}
