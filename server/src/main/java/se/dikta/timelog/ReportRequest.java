package se.dikta.timelog;

import java.time.LocalDate;
import java.util.Objects;

/** A time-saved report over the closed date range {@code [from, to]} in Swedish local dates. */
public record ReportRequest(LocalDate from, LocalDate to, GroupBy groupBy, ReportScope scope) {

    public ReportRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(scope, "scope");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to is before from");
        }
    }
}
