package se.dikta.structure.normalize;

import static java.util.Map.entry;

import java.util.Map;

/** The part of the day a spoken clock time is placed in by the words around it. */
enum DayPeriod {
    MORNING, EVENING, NIGHT,
    /** No marker: office hours, so hours 1–6 are the afternoon ("halv tre" is 14.30). */
    OFFICE_HOURS;

    private static final Map<String, DayPeriod> MARKERS = Map.ofEntries(
            entry("morgonen", MORNING), entry("morgnarna", MORNING), entry("morse", MORNING),
            entry("bitti", MORNING), entry("förmiddagen", MORNING), entry("förmiddag", MORNING),
            entry("förmiddags", MORNING), entry("förmiddagarna", MORNING),
            entry("eftermiddagen", EVENING), entry("eftermiddag", EVENING), entry("eftermiddags", EVENING),
            entry("eftermiddagarna", EVENING), entry("kvällen", EVENING), entry("kväll", EVENING),
            entry("ikväll", EVENING), entry("kvällarna", EVENING), entry("kvällstid", EVENING),
            entry("natten", NIGHT), entry("natt", NIGHT), entry("inatt", NIGHT), entry("nätterna", NIGHT),
            entry("nattetid", NIGHT));

    /** How far from the time expression a marker is looked for ("klockan halv tre i natt", "i natt vid halv tre"). */
    private static final int WINDOW = 3;

    /** The marker nearest after the words [from, to), else the nearest before, else office hours. */
    static DayPeriod around(Sentence s, int from, int to) {
        for (int j = to; j < to + WINDOW; j++) {
            DayPeriod p = MARKERS.get(s.word(j));
            if (p != null) {
                return p;
            }
        }
        for (int j = from - 1; j >= from - WINDOW; j--) {
            DayPeriod p = MARKERS.get(s.word(j));
            if (p != null) {
                return p;
            }
        }
        return OFFICE_HOURS;
    }

    /** Whether a time said with the twelve-hour {@code namedHour} (1–12) falls after noon. */
    boolean afterNoon(int namedHour) {
        return switch (this) {
            case OFFICE_HOURS -> namedHour <= 6;
            case MORNING -> false;
            case EVENING -> namedHour < 12;
            case NIGHT -> namedHour >= 7;
        };
    }
}
