package se.dikta.structure.normalize;

import java.util.Set;

/**
 * Clock times, written on the 24-hour clock: "klockan fjorton" → "klockan 14.00", "klockan kvart över nio"
 * → "klockan 9.15", "klockan tretton och trettio" → "klockan 13.30". Spoken twelve-hour forms:
 * "kvart över/i H", "halv H" (half before H), "N över/i H", "N i/över halv H". A named hour of 1–6 is
 * the afternoon unless a marker such as "på morgonen" or "i natt" is near ({@link DayPeriod}).
 * <p>
 * Without "klockan" only the kvart/halv forms are times on their own; "N över/i H" also after a
 * preposition ("vid fem i tre"); a bare hour only as the second end of a range
 * ("mellan klockan nio och tio" → "mellan klockan 9.00 och 10.00").
 */
final class TimeRule implements NormalizationRule {

    private static final Set<String> PREPOSITIONS = Set.of("vid", "till", "från", "mellan", "innan", "före",
            "efter", "kring", "runt", "omkring", "senast", "tidigast", "ca", "cirka", "ungefär", "strax", "sedan");
    /** Words before "klockan" that make "och N" the other end of a range, not minutes. */
    private static final Set<String> RANGE_START = Set.of("mellan", "från");
    private static final Set<String> RANGE_JOIN = Set.of("och", "till", "eller");

    @Override
    public Match apply(Sentence s, int i) {
        if (s.is(i, "klockan")) {
            ClockReading r = read(s, i + 1, true, s.anyBefore(i, 2, RANGE_START));
            return r == null ? null : time("klockan " + r.written(DayPeriod.around(s, i, r.to())), i, r.to());
        }
        boolean rangeEnd = continuesRange(s, i);
        ClockReading r = read(s, i, rangeEnd, true);
        if (r == null || !rangeEnd && !standsAlone(s, i, r)) {
            return null;
        }
        return time(r.written(DayPeriod.around(s, i, r.to())), i, r.to());
    }

    /** "… klockan 9.00 och tio": the previous tokens are a time and a joining word. */
    private static boolean continuesRange(Sentence s, int i) {
        WrittenToken join = s.writtenBefore(i);
        WrittenToken time = s.writtenTwoBack();
        return join != null && s.isAny(i - 1, RANGE_JOIN) && time != null && time.entity() == EntityType.TIME
                && time.toWord() == i - 1;
    }

    private static boolean standsAlone(Sentence s, int i, ClockReading r) {
        if (r.strong()) {
            return !(s.is(i, "kvart") && s.is(i - 1, "en"));
        }
        return r.relative() && s.isAny(i - 1, PREPOSITIONS);
    }

    private static ClockReading read(Sentence s, int j, boolean bareHour, boolean inRange) {
        if (s.is(j, "kvart") && (s.is(j + 1, "över") || s.is(j + 1, "i"))) {
            SpokenNumber h = hour12(s, j + 2);
            if (h != null) {
                return s.is(j + 1, "över") ? relative(h, 0, 15, true) : relative(h, -1, 45, true);
            }
        }
        if (s.is(j, "halv")) {
            SpokenNumber h = hour12(s, j + 1);
            if (h != null) {
                return relative(h, -1, 30, true);
            }
        }
        SpokenNumber n = s.cardinal(j, NumberScope.UNDER_HUNDRED, 1, 29);
        if (n != null && (s.is(n.to(), "över") || s.is(n.to(), "i"))) {
            boolean over = s.is(n.to(), "över");
            int minutes = (int) n.value();
            if (s.is(n.to() + 1, "halv")) {
                SpokenNumber h = hour12(s, n.to() + 2);
                if (h != null) {
                    return relative(h, -1, over ? 30 + minutes : 30 - minutes, false);
                }
            } else {
                SpokenNumber h = hour12(s, n.to() + 1);
                if (h != null) {
                    return over ? relative(h, 0, minutes, false) : relative(h, -1, 60 - minutes, false);
                }
            }
        }
        return bareHour ? hourAndMinutes(s, j, inRange) : null;
    }

    /** "fjorton", "tretton och trettio", "tretton trettio", "nio noll fem". */
    private static ClockReading hourAndMinutes(Sentence s, int j, boolean inRange) {
        SpokenNumber h = s.cardinal(j, NumberScope.UNDER_HUNDRED, 0, 24);
        if (h == null) {
            return null;
        }
        int end = h.to();
        int minute = 0;
        if (s.is(end, "och")) {
            SpokenNumber m = s.cardinal(end + 1, NumberScope.UNDER_HUNDRED, 1, 59);
            // "klockan nio och tio" is 9.10, but "mellan klockan nio och tio" is a range of hours.
            if (m != null && (m.value() >= 25 || !inRange && m.value() >= 10 && m.value() % 5 == 0)) {
                minute = (int) m.value();
                end = m.to();
            }
        } else if (s.isMorpheme(end, MorphemeKind.ZERO, 0) && s.singleMorpheme(end + 1) != null
                && s.singleMorpheme(end + 1).kind().compareTo(MorphemeKind.UNIT) <= 0) {
            minute = s.singleMorpheme(end + 1).value();
            end += 2;
        } else {
            SpokenNumber m = s.cardinal(end, NumberScope.UNDER_HUNDRED, 10, 59);
            if (m != null) {
                minute = (int) m.value();
                end = m.to();
            }
        }
        int hour = (int) h.value();
        return new ClockReading(hour, minute, hour >= 1 && hour <= 12 ? hour : 0, end, false, false);
    }

    /** An hour 1–12 named in a twelve-hour form, unless a count follows ("kvart i tre dagar"). */
    private static SpokenNumber hour12(Sentence s, int j) {
        SpokenNumber h = s.cardinal(j, NumberScope.UNDER_HUNDRED, 1, 12);
        return h == null || Vocabulary.isUnit(s.word(h.to())) ? null : h;
    }

    private static ClockReading relative(SpokenNumber named, int hourOffset, int minute, boolean strong) {
        int namedHour = (int) named.value();
        return new ClockReading(namedHour + hourOffset, minute, namedHour, named.to(), strong, !strong);
    }

    private static Match time(String text, int from, int to) {
        return Match.of(new WrittenToken(text, from, to, EntityType.TIME, null));
    }
}
