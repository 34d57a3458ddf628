package se.dikta.structure.normalize;

/** How much of the number grammar a reading may use. */
enum NumberScope {
    /** 0–99 cardinals: a digit group of a personnummer, minutes, an hour. */
    UNDER_HUNDRED,
    /** 0–999 cardinals: a digit group of a phone number. */
    UNDER_THOUSAND,
    /** Everything: multipliers up to miljard, and ordinals. */
    FULL;

    boolean allows(Morpheme m) {
        return switch (this) {
            case UNDER_HUNDRED -> !m.ordinal() && m.kind().compareTo(MorphemeKind.HUNDRED) < 0;
            case UNDER_THOUSAND -> !m.ordinal() && m.kind().compareTo(MorphemeKind.HUNDRED) <= 0;
            case FULL -> true;
        };
    }
}
