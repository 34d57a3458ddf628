package se.dikta.notes;

import java.util.Locale;

/** Where a note is in its life: a draft can still change; a signed note never does (amendments are added beside it). */
public enum NoteStatus {
    DRAFT, SIGNED;

    /** The name used in JSON, the database and the index. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NoteStatus parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
