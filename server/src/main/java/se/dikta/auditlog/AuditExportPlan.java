package se.dikta.auditlog;

/**
 * A CSV export under way: its filter, how many rows matched when it was recorded, and the newest row it covers
 * (rows written later, such as the export's own audit row, are not in it).
 */
public record AuditExportPlan(AuditFilter filter, long total, long newestId) {}
