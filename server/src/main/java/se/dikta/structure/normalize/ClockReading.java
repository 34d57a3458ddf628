package se.dikta.structure.normalize;

/**
 * A clock time as spoken, before the part of the day is known.
 *
 * @param hour      0–24 as computed from the words ("halv tre" gives 2)
 * @param namedHour the hour word said, 1–12, or 0 when a 24-hour time was said ("klockan fjorton")
 * @param to        index of the first word after the time
 * @param strong    true for kvart/halv forms, which are times even without "klockan"
 * @param relative  true for "N över/i [halv] H", which needs "klockan" or a preposition before it
 */
record ClockReading(int hour, int minute, int namedHour, int to, boolean strong, boolean relative) {

    /** Written on the 24-hour clock with a full stop, hour without a leading zero: 9.15, 14.30, 0.45. */
    String written(DayPeriod period) {
        int h = hour;
        if (namedHour > 0 && period.afterNoon(namedHour)) {
            h = (h + 12) % 24;
        }
        return h + "." + WrittenNumbers.twoDigits(minute);
    }
}
