package se.dikta.structure.normalize;

import java.util.List;
import java.util.Set;

/**
 * Recognises street names in recogniser form: compounds ending in a street word ("storgatan",
 * "kvarnbackavägen", "järntorget"), or a genitive followed by "väg"/"gata" ("kristinas väg"). The bare
 * words ("gatan", "vägen") are ordinary nouns ("på vägen hem") and are not street names.
 */
final class StreetNames {

    private static final List<String> SUFFIXES = List.of("gatan", "gata", "vägen", "väg", "gränd", "gränden",
            "stigen", "backen", "torget", "allén", "allé", "kajen", "esplanaden", "promenaden", "leden");
    private static final Set<String> SEPARATE_STREET_WORDS = Set.of("väg", "vägen", "gata", "gatan", "gränd",
            "allé");
    private static final int MIN_FIRST_PART = 2;

    private StreetNames() {
    }

    static boolean isStreetName(String word) {
        for (String suffix : SUFFIXES) {
            if (word.length() >= suffix.length() + MIN_FIRST_PART && word.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** True when the words ending just before {@code i} name a street, so a number at {@code i} is its number. */
    static boolean endsBefore(Sentence s, int i) {
        String previous = s.word(i - 1);
        if (isStreetName(previous)) {
            return true;
        }
        String genitive = s.word(i - 2);
        return SEPARATE_STREET_WORDS.contains(previous) && genitive.length() > MIN_FIRST_PART
                && genitive.endsWith("s");
    }
}
