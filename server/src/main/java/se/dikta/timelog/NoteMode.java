package se.dikta.timelog;

import java.util.Locale;

/** How the note's text was produced; typed notes measure the typing baseline. */
public enum NoteMode {
    DICTATED, TYPED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NoteMode parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
