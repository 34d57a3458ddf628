package se.dikta.structure.normalize;

import static se.dikta.structure.normalize.MorphemeKind.TEEN;
import static se.dikta.structure.normalize.MorphemeKind.TENS;
import static se.dikta.structure.normalize.MorphemeKind.UNIT;
import static se.dikta.structure.normalize.MorphemeKind.ZERO;

/** A year read from the words [from, to), written as four digits without a space. */
record SpokenYear(int value, int from, int to) {

    /** "artonhundrafemtio" is a year, "tolvhundra" is not likely to be one. */
    private static final int FIRST_HUNDRED_STYLE_YEAR = 1800;

    /**
     * The century-pair reading: "tjugo tjugotvå" 2022, "nitton åttio fyra" 1984, "tjugo noll fem" 2005,
     * also joined into one word ("tjugotjugotvå").
     * The second part is 10–99 after nitton and 10–49 after tjugo (later years are not yet dictated).
     */
    static SpokenYear centuryPair(Sentence s, int i) {
        if (s.joinedYear(i) > 0) {
            return yearUnlessCounted(s, s.joinedYear(i), i, i + 1);
        }
        int century = s.isMorpheme(i, TEEN, 19) ? 19 : s.isMorpheme(i, TENS, 20) ? 20 : 0;
        if (century == 0) {
            return null;
        }
        Morpheme afterZero = s.isMorpheme(i + 1, ZERO, 0) ? s.singleMorpheme(i + 2) : null;
        if (afterZero != null && afterZero.kind() == UNIT && !afterZero.ordinal()) {
            return yearUnlessCounted(s, century * 100 + afterZero.value(), i, i + 3);
        }
        SpokenNumber tail = s.cardinal(i + 1, NumberScope.UNDER_HUNDRED, 10, century == 19 ? 99 : 49);
        return tail == null ? null : yearUnlessCounted(s, century * 100 + (int) tail.value(), i, tail.to());
    }

    /** The cardinal reading: "två tusen tjugosex" 2026, "nittonhundraåttiofyra" 1984. */
    static SpokenYear cardinal(Sentence s, int i) {
        SpokenNumber n = s.cardinal(i, NumberScope.FULL, FIRST_HUNDRED_STYLE_YEAR, 2099);
        if (n == null || !n.hundredStyle() && n.value() < 1900) {
            return null;
        }
        return yearUnlessCounted(s, (int) n.value(), i, n.to());
    }

    /** Either reading. */
    static SpokenYear read(Sentence s, int i) {
        SpokenYear pair = centuryPair(s, i);
        return pair != null ? pair : cardinal(s, i);
    }

    /** "tjugo trettio minuter" is a range of minutes, "två tusen kronor" an amount: not years. */
    private static SpokenYear yearUnlessCounted(Sentence s, int value, int from, int to) {
        return Vocabulary.isUnit(s.word(to)) ? null : new SpokenYear(value, from, to);
    }

    String written() {
        return Integer.toString(value);
    }
}
