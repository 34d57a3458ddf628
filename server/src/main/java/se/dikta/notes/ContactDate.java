package se.dikta.notes;

import java.time.Clock;
import java.time.LocalDate;
import se.dikta.calendar.OfficeCalendar;
import se.dikta.failure.DomainException;

/**
 * The date a note's contact took place, as a worker may set it. A contact documented in a journal has happened,
 * so a date after today is a slip (a year typed 2062 for 2026) that would also sort the note first in "newest
 * contact first"; one more than {@link #YEARS_BACK} years back is a slip the other way. Both are refused with a
 * Swedish message rather than saved silently. A note keeps the date it has: only a new or changed date is checked.
 */
final class ContactDate {

    static final int YEARS_BACK = 5;

    private ContactDate() {}

    /**
     * {@code date}, or {@code fallback} (today for a new note, the note's date for a save) when none is given;
     * a 400 when a date that differs from {@code fallback} is after today or too far back.
     */
    static LocalDate given(LocalDate date, LocalDate fallback, Clock clock) {
        if (date == null || date.equals(fallback)) {
            return fallback;
        }
        LocalDate today = OfficeCalendar.today(clock);
        if (date.isAfter(today)) {
            throw DomainException.invalid("Kontaktdatum kan inte ligga efter dagens datum (" + today + ")");
        }
        if (date.isBefore(today.minusYears(YEARS_BACK))) {
            throw DomainException.invalid("Kontaktdatum kan inte ligga mer än " + YEARS_BACK
                    + " år bakåt i tiden: kontrollera året");
        }
        return date;
    }
}
