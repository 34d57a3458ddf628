package se.dikta.notes;

import java.util.Locale;
import java.util.Optional;

/** How a note was written; the time-saved report compares the two. */
public enum NoteMode {
    DICTATED, TYPED;

    /** The name used in JSON and the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "dictated" or "typed"; empty for anything else. */
    public static Optional<NoteMode> parse(String s) {
        for (NoteMode m : values()) {
            if (m.id().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
