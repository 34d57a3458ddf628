package se.dikta.audit;

import se.dikta.identity.AuthUser;

/**
 * What one audit row says: who (user id, name, role and unit as they were), from where (client address),
 * what (action, the entity it concerned and, for notes, their case) and with what outcome. {@code detail}
 * names what happened in a few words and ids, never note content.
 */
public record AuditEntry(Long userId, String username, String role, Long unitId, String unit, String address,
        String action, String entity, String entityId, String caseId, String detail, AuditOutcome outcome) {

    public AuditEntry {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("An audit entry needs an action");
        }
        if (outcome == null) {
            outcome = AuditOutcome.ALLOWED;
        }
        detail = cut(detail, 2000);
        address = cut(address, 100);
        entityId = cut(entityId, 100);
        caseId = cut(caseId, 100);
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.substring(0, Math.min(s.length(), max));
    }

    /** An allowed action by {@code user} (who may be null: the system itself). */
    public static AuditEntry by(AuthUser user, String action) {
        if (user == null) {
            return new AuditEntry(null, null, null, null, null, null, action, null, null, null, null, null);
        }
        return new AuditEntry(user.id(), user.username(), user.role().id(), user.unitId(), user.unit(), user.address(),
                action, null, null, null, null, null);
    }

    /** An action by someone not signed in, known only by the name they gave (may be null) and their address. */
    public static AuditEntry anonymous(String username, String address, String action) {
        return new AuditEntry(null, cut(username, 100), null, null, null, address, action, null, null, null, null, null);
    }

    public AuditEntry on(String entity, String entityId) {
        return new AuditEntry(userId, username, role, unitId, unit, address, action, entity, entityId, caseId, detail,
                outcome);
    }

    /** The case the entity belongs to (a note's case). */
    public AuditEntry inCase(String caseId) {
        return new AuditEntry(userId, username, role, unitId, unit, address, action, entity, entityId, caseId, detail,
                outcome);
    }

    public AuditEntry detail(String detail) {
        return new AuditEntry(userId, username, role, unitId, unit, address, action, entity, entityId, caseId, detail,
                outcome);
    }

    public AuditEntry outcome(AuditOutcome outcome) {
        return new AuditEntry(userId, username, role, unitId, unit, address, action, entity, entityId, caseId, detail,
                outcome);
    }
}
