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

    private OfficeCalendar() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** Parses {@code ÅÅÅÅ-MM-DD}; anything else is invalid, with a Swedish message naming {@code field}. */
    public static LocalDate parseDate(String value, String field) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("Ogiltigt datum i " + field + ": skriv ÅÅÅÅ-MM-DD");
        }
    }
}
