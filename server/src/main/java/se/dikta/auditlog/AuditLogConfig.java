package se.dikta.auditlog;

import se.dikta.settings.Settings;

/**
 * Reading the audit log.
 *
 * @param exportPageSize rows the CSV export reads per database query ({@code audit.exportPageSize}, default 1000):
 *        the export holds about one page in memory however many rows it sends
 */
public record AuditLogConfig(int exportPageSize) {

    public static AuditLogConfig from(Settings s) {
        return new AuditLogConfig(s.integer("audit.exportPageSize", 1000, 1, 100_000));
    }
}
