package se.dikta.timelog;

import java.util.Locale;

/** What happened to the note when the row was written. */
public enum LogEvent {
    SAVE, SIGN;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
