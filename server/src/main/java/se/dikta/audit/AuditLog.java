package se.dikta.audit;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.db.Database;
import se.dikta.failure.DomainException;
import se.dikta.identity.AuthUser;

/**
 * Appends to the audit log inside the caller's transaction, so an action and its audit row commit or
 * roll back together; a refused attempt is written in a transaction of its own ({@link #recordAlone}), so
 * the refusal's rollback cannot take it along. Details name what happened, never note content. Each row is
 * linked into one hash chain ({@link AuditRow#hash}), which {@link AuditChainVerifier} recomputes.
 *
 * <p>A row that cannot be written is a {@link DomainException} of kind UNAVAILABLE (503): the action it
 * belongs to rolls back and no content is sent.
 */
public final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    static final String UNAVAILABLE = "Åtkomstloggen kan inte skrivas just nu, så inget visas eller ändras. "
            + "Försök igen om en stund eller kontakta systemförvaltaren.";

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** An allowed action by {@code actor} (null: the system). */
    public void record(Connection c, AuthUser actor, String action, String entity, String entityId, String detail)
            throws SQLException {
        record(c, AuditEntry.by(actor, action).on(entity, entityId).detail(detail));
    }

    /** An allowed action by someone known only by id and name (null: the system or the command line). */
    public void record(Connection c, Long userId, String username, String action, String entity, String entityId,
            String detail) throws SQLException {
        record(c, new AuditEntry(userId, username, null, null, null, null, action, entity, entityId, null, detail,
                AuditOutcome.ALLOWED));
    }

    /** Appends {@code entry} in the caller's transaction. */
    public void record(Connection c, AuditEntry entry) {
        try {
            append(c, entry);
        } catch (SQLException | RuntimeException e) {
            LOG.error("Audit row not written ({} {} {}): {}", entry.action(), entry.entity(), entry.entityId(),
                    e.toString());
            // the database gone mid-request is the outage every other request reports, not a fault of the log
            throw DomainException.unavailable(Database.isUnreachable(e) ? Database.UNREACHABLE : UNAVAILABLE);
        }
    }

    /** Appends {@code entry} in a transaction of its own (refused attempts, whose own transaction rolls back). */
    public Future<Void> recordAlone(AuditEntry entry) {
        return db.tx(c -> {
            record(c, entry);
            return null;
        }).recover(e -> Future.failedFuture(e instanceof DomainException ? e : DomainException.unavailable(UNAVAILABLE)))
                .mapEmpty();
    }

    private void append(Connection c, AuditEntry e) throws SQLException {
        AuditRow row = new AuditRow(clock.instant(), e.userId(), e.username(), e.action(), e.entity(), e.entityId(),
                e.detail(), e.role(), e.unitId(), e.unit(), e.address(), e.caseId(), e.outcome().id());
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
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (" + AuditRow.COLUMNS
                + ", seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.from(row.at()));
            setLong(ps, 2, row.userId());
            ps.setString(3, row.username());
            ps.setString(4, row.action());
            ps.setString(5, row.entity());
            ps.setString(6, row.entityId());
            ps.setString(7, row.detail());
            ps.setString(8, row.role());
            setLong(ps, 9, row.unitId());
            ps.setString(10, row.unit());
            ps.setString(11, row.address());
            ps.setString(12, row.caseId());
            ps.setString(13, row.outcome());
            ps.setLong(14, seq);
            ps.setString(15, previous);
            ps.setString(16, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_chain SET last_hash = ?, row_count = ? WHERE id = 1")) {
            ps.setString(1, hash);
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
