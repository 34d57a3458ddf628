package se.dikta.structure.normalize;

import static se.dikta.structure.normalize.MorphemeKind.HUNDRED;
import static se.dikta.structure.normalize.MorphemeKind.TENS;
import static se.dikta.structure.normalize.MorphemeKind.UNIT;
import static se.dikta.structure.normalize.MorphemeKind.ZERO;

/**
 * The Swedish cardinal grammar as an immutable state machine over morphemes. A group (0–999) is built
 * from [unit|teen] hundra [teen|tens [unit] | unit]; a multiplier (tusen, miljon, miljard) closes the group,
 * each multiplier smaller than the one before. "nitton hundra" (1900) is allowed as the year style,
 * but then no multiplier may follow. Zero stands alone; an ordinal morpheme ends the number.
 *
 * @param groupLast kind of the last morpheme in the current group, null at the start of a group
 * @param cap       exponent the next multiplier must stay below
 */
record NumberState(long total, int group, MorphemeKind groupLast, int cap, boolean closed, boolean ordinal,
                   boolean hundredStyle, int count, Morpheme last) {

    static final NumberState EMPTY = new NumberState(0, 0, null, 12, false, false, false, 0, null);

    long value() {
        return total + group;
    }

    /** The state after {@code m}, or null when {@code m} cannot continue this number. */
    NumberState next(Morpheme m) {
        if (closed) {
            return null;
        }
        long newTotal = total;
        int newGroup = group;
        MorphemeKind newLast = m.kind();
        int newCap = cap;
        boolean newHundredStyle = hundredStyle;
        switch (m.kind()) {
            case ZERO -> {
                if (count != 0) {
                    return null;
                }
            }
            case UNIT -> {
                if (groupLast != null && groupLast != TENS && groupLast != HUNDRED) {
                    return null;
                }
                newGroup += m.value();
            }
            case TEEN, TENS -> {
                if (groupLast != null && groupLast != HUNDRED) {
                    return null;
                }
                newGroup += m.value();
            }
            case HUNDRED -> {
                // "trehundra", "nittonhundra" (years), but not "tjugo hundra" or "tjugotvå hundra".
                if (groupLast == HUNDRED || groupLast == TENS || group >= 100 || groupLast == UNIT && group > 9) {
                    return null;
                }
                newHundredStyle = group >= 10;
                newGroup = (group == 0 ? 1 : group) * 100;
            }
            case THOUSAND, MILLION, MILLIARD -> {
                int exponent = m.kind().exponent();
                if (exponent >= cap || group > 999) {
                    return null;
                }
                newTotal += (group == 0 ? 1L : group) * pow10(exponent);
                newGroup = 0;
                newLast = null;
                newCap = exponent;
            }
            default -> throw new IllegalStateException();
        }
        boolean closes = m.ordinal() || m.kind() == ZERO;
        return new NumberState(newTotal, newGroup, newLast, newCap, closes, m.ordinal(), newHundredStyle,
                count + 1, m);
    }

    private static long pow10(int exponent) {
        long p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= 10;
        }
        return p;
    }
}
