package se.dikta.structure.normalize;

/** The grammatical role of a number morpheme; the multipliers close a group of three digits. */
enum MorphemeKind {
    ZERO, UNIT, TEEN, TENS, HUNDRED, THOUSAND, MILLION, MILLIARD;

    boolean isMultiplier() {
        return this == THOUSAND || this == MILLION || this == MILLIARD;
    }

    /** Power of ten of a multiplier (thousand 3, million 6, milliard 9). */
    int exponent() {
        return switch (this) {
            case THOUSAND -> 3;
            case MILLION -> 6;
            case MILLIARD -> 9;
            default -> throw new IllegalStateException(name() + " is not a multiplier");
        };
    }
}
