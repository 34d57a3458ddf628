package se.dikta.auditlog;

import java.util.List;

/** One page of matching audit rows, newest first, and how many match in all. */
public record AuditPage(long total, int page, int size, List<AuditEvent> events) {}
