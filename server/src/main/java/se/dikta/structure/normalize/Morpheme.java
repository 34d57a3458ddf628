package se.dikta.structure.normalize;

/** One number morpheme: "tjugo" (TENS 20), "första" (UNIT 1, ordinal), "tusen" (THOUSAND). */
record Morpheme(MorphemeKind kind, int value, boolean ordinal) {

    /** True for första/andra and their compounds, which are written 1:a, 2:a, 21:a, 22:a. */
    boolean takesOrdinalA() {
        return ordinal && kind == MorphemeKind.UNIT && (value == 1 || value == 2);
    }
}
