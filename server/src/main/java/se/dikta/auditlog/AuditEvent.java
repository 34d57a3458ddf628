package se.dikta.auditlog;

import java.time.Instant;

/** One audit row as the log follow-up sees it. */
public record AuditEvent(long id, long seq, Instant at, Long userId, String username, String role, Long unitId,
        String unit, String address, String action, String entity, String entityId, String caseId, String detail,
        String outcome) {}
