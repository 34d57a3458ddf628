package se.dikta.timelog;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.dikta.calendar.OfficeCalendar;

/**
 * Reporting periods in Swedish local time: ISO week, calendar month and tertial (T1 Jan–Apr,
 * T2 May–Aug, T3 Sep–Dec, the municipal follow-up periods). The instant is converted to a
 * Europe/Stockholm date first, so a note signed 00:30 on 1 January belongs to the new year even
 * though it is still 31 December in UTC, and DST changes only move the clock, never the date.
 */
public final class Periods {

    private static final Pattern TERTIAL = Pattern.compile("(\\d{4})-T([123])");

    /** The period keys of one moment; they sort chronologically as strings. */
    public record Keys(LocalDate localDate, String isoWeek, String month, String tertial) { }

    /** A closed date range. */
    public record Range(LocalDate from, LocalDate to) { }

    private final ZoneId zone;

    public Periods(ZoneId zone) {
        this.zone = zone;
    }

    public static Periods stockholm() {
        return new Periods(OfficeCalendar.ZONE);
    }

    public Keys keys(Instant at) {
        return keys(at.atZone(zone).toLocalDate());
    }

    public LocalDate localDate(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    public static Keys keys(LocalDate date) {
        return new Keys(date, isoWeek(date), month(date), tertial(date));
    }

    /** ISO-8601 week with its week-based year: 2024-12-30 is "2025-W01", 2027-01-01 is "2026-W53". */
    public static String isoWeek(LocalDate date) {
        return String.format("%04d-W%02d",
                date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static String month(LocalDate date) {
        return String.format("%04d-%02d", date.getYear(), date.getMonthValue());
    }

    public static String tertial(LocalDate date) {
        return String.format("%04d-T%d", date.getYear(), tertialNumber(date));
    }

    public static int tertialNumber(LocalDate date) {
        return (date.getMonthValue() - 1) / 4 + 1;
    }

    /** The dates of the tertial that contains {@code date}. */
    public static Range tertialRange(LocalDate date) {
        LocalDate first = LocalDate.of(date.getYear(), (tertialNumber(date) - 1) * 4 + 1, 1);
        return new Range(first, first.plusMonths(4).minusDays(1));
    }

    /** Parses "2025-T2" into its dates; throws {@link IllegalArgumentException} for anything else. */
    public static Range parseTertial(String key) {
        Matcher m = TERTIAL.matcher(key == null ? "" : key.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a tertial key: " + key);
        }
        try {
            return tertialRange(LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 4 + 1, 1));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a tertial key: " + key, e);
        }
    }
}
