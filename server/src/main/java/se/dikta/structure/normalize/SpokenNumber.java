package se.dikta.structure.normalize;

/**
 * A number read from the word range [from, to).
 *
 * @param hundredStyle read as "nittonhundraåttiofyra" (hundreds above ten), the way years are said
 * @param last         the last morpheme, e.g. to tell "två miljoner" or the ending of an ordinal
 */
record SpokenNumber(long value, int from, int to, boolean ordinal, boolean hundredStyle, int morphemes,
                    Morpheme last) {

    int words() {
        return to - from;
    }

    /** A single word that is a single morpheme, such as "tjugo" but not "tjugotvå" or "tjugo två". */
    boolean isSingleMorpheme() {
        return morphemes == 1;
    }

    boolean endsWithMultiplier() {
        return last.kind().isMultiplier();
    }
}
