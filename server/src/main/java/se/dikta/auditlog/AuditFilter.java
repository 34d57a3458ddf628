package se.dikta.auditlog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.dikta.audit.AuditOutcome;

/**
 * Which audit rows to show: any of user (user name or id), case, note, action and outcome, and a period of
 * days (inclusive, Swedish time); null means any. Pages are 1-based, newest row first.
 */
public record AuditFilter(String user, String caseId, String noteId, String action, AuditOutcome outcome,
        LocalDate from, LocalDate to, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** The filter in a few words, for the audit row that records this reading of the log. */
    String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "användare", user);
        add(parts, "ärende", caseId);
        add(parts, "anteckning", noteId);
        add(parts, "händelse", action);
        add(parts, "utfall", outcome == null ? null : outcome.id());
        add(parts, "från", from == null ? null : from.toString());
        add(parts, "till", to == null ? null : to.toString());
        return parts.isEmpty() ? "alla" : String.join("; ", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + ": " + value);
        }
    }
}
