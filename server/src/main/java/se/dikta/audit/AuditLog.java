package se.dikta.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import se.dikta.identity.AuthUser;

/**
 * Appends to the audit log inside the caller's transaction, so an action and its audit row commit or
 * roll back together. Details name what happened, never note content. Each row is linked into one
 * hash chain ({@link AuditRow#hash}), which {@link AuditChainVerifier} recomputes.
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
        AuditRow row = new AuditRow(clock.instant(), userId, username, action, entity, entityId,
                detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000)));
        // The chain head is locked until this transaction ends: writers on every node take their turn.
        String previous;
        long seq;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_hash, row_count FROM audit_chain WHERE id = 1 FOR UPDATE");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_chain has no head row");
            }
            previous = rs.getString(1);
            seq = rs.getLong(2) + 1;
        }
        String hash = row.hash(seq, previous);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (at, user_id, username, action, "
                + "entity, entity_id, detail, seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.from(row.at()));
            ps.setObject(2, row.userId());
            ps.setString(3, row.username());
            ps.setString(4, row.action());
            ps.setString(5, row.entity());
            ps.setString(6, row.entityId());
            ps.setString(7, row.detail());
            ps.setLong(8, seq);
            ps.setString(9, previous);
            ps.setString(10, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_chain SET last_hash = ?, row_count = ? WHERE id = 1")) {
            ps.setString(1, hash);
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
    }
}
