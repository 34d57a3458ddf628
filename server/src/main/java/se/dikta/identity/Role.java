package se.dikta.identity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a signed-in user may do. Every API route names the roles it admits. */
public enum Role {
    /** Dictates, reads and searches the notes of their own unit. */
    WORKER,
    /** Also reads the time-saved reports of their unit. */
    MANAGER,
    /** Manages users and reads the audit log; reads no note content. */
    ADMIN;

    public static final Set<Role> ALL = Collections.unmodifiableSet(EnumSet.allOf(Role.class));
    /** Roles that may read note content. */
    public static final Set<Role> NOTE_READERS = Collections.unmodifiableSet(EnumSet.of(WORKER, MANAGER));

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "worker", "manager" or "admin"; anything else is an {@link IllegalArgumentException}. */
    public static Role parse(String s) {
        for (Role r : values()) {
            if (r.id().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + s + "': use worker, manager or admin");
    }
}
