package se.dikta.audit;

import java.util.Locale;

/** How an audited attempt ended. */
public enum AuditOutcome {
    /** The action was done (or the content shown). */
    ALLOWED,
    /** Refused by access control: another unit's note, a role without access, a wrong password's lock. */
    DENIED,
    /** Not done for another reason: no such thing, a wrong password, a conflict, invalid input. */
    FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "allowed", "denied" or "failed"; anything else is an {@link IllegalArgumentException}. */
    public static AuditOutcome parse(String s) {
        for (AuditOutcome o : values()) {
            if (o.id().equalsIgnoreCase(s == null ? "" : s.strip())) {
                return o;
            }
        }
        throw new IllegalArgumentException("Unknown outcome '" + s + "'");
    }
}
