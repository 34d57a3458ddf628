package se.dikta.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import se.dikta.identity.AuthUser;

/**
 * Appends to the audit log inside the caller's transaction, so an action and its audit row commit or
 * roll back together. Details name what happened, never note content.
 */
public final class AuditLog {

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public void record(Connection c, AuthUser actor, String action, String entity, String entityId, String detail)
            throws SQLException {
        record(c, actor == null ? null : actor.id(), actor == null ? null : actor.username(), action, entity,
                entityId, detail);
    }

    public void record(Connection c, Long userId, String username, String action, String entity, String entityId,
            String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (at, user_id, username, action, "
                + "entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setObject(2, userId);
            ps.setString(3, username);
            ps.setString(4, action);
            ps.setString(5, entity);
            ps.setString(6, entityId);
            ps.setString(7, detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000)));
            ps.executeUpdate();
        }
    }
}
