package se.dikta.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import se.dikta.failure.DomainException;

/**
 * Dates as the offices see them. Dikta serves Swedish municipalities: a note's date, a report's period and
 * "today" are Stockholm dates, whatever the server's own zone.
 */
public final class OfficeCalendar {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    /**
     * The years a date in a note, a search or a report may have. Anything outside (year 0, year 999999999) is a
     * typing slip or a probe, and some would not even fit the databases' DATE type.
     */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    private OfficeCalendar() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /**
     * Parses {@code ÅÅÅÅ-MM-DD} with a year from {@link #FIRST_YEAR} to {@link #LAST_YEAR}; anything else is
     * invalid, with a Swedish message naming {@code field}.
     */
    public static LocalDate parseDate(String value, String field) {
        String v = value.strip();
        if (v.length() != 10) {
            throw DomainException.invalid("Ogiltigt datum i " + field + ": skriv ÅÅÅÅ-MM-DD");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("Ogiltigt datum i " + field + ": skriv ÅÅÅÅ-MM-DD");
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw DomainException.invalid("Orimligt datum i " + field + ": året ska ligga mellan "
                    + FIRST_YEAR + " och " + LAST_YEAR);
        }
        return date;
    }
}
