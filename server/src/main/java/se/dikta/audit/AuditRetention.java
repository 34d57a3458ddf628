package se.dikta.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The one way audit rows are ever deleted: retention removes the oldest part of the chain (every row before
 * the first one written at or after a cutoff) and records what it removed as an {@link AuditCheckpoint} row
 * in the chain, from which {@code audit verify} then starts. Runs in the caller's transaction.
 */
public final class AuditRetention {

    private final AuditLog log;

    public AuditRetention(AuditLog log) {
        this.log = log;
    }

    /** Rows that {@link #removeBefore} would remove now. */
    public long countBefore(Connection c, Instant cutoff) throws SQLException {
        long through = lastDueSeq(c, cutoff);
        AuditCheckpoint base = AuditCheckpoint.latest(c);
        return Math.max(0, through - base.throughSeq());
    }

    /** Removes the chain's prefix written before {@code cutoff} and appends the checkpoint row; returns the count. */
    public long removeBefore(Connection c, Instant cutoff) throws SQLException {
        // Writers queue behind the chain's head while the prefix goes and the checkpoint is written.
        try (PreparedStatement ps = c.prepareStatement("SELECT row_count FROM audit_chain WHERE id = 1 FOR UPDATE");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
        }
        long through = lastDueSeq(c, cutoff);
        long removed = countBefore(c, cutoff);
        if (removed == 0) {
            return 0;
        }
        String lastHash;
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_log WHERE seq = ?")) {
            ps.setLong(1, through);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("audit row " + through + " is missing; run audit verify");
                }
                lastHash = rs.getString(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit_log WHERE seq <= ?")) {
            ps.setLong(1, through);
            ps.executeUpdate();
        }
        AuditCheckpoint checkpoint = new AuditCheckpoint(through, lastHash, removed);
        log.record(c, (Long) null, "retention", AuditCheckpoint.ACTION, "audit", Long.toString(through),
                checkpoint.detail());
        return removed;
    }

    /** The last row of the prefix written before {@code cutoff}: one before the first row at or after it. */
    private static long lastDueSeq(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(seq) FROM audit_log WHERE at >= ?")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long first = rs.getLong(1);
                if (!rs.wasNull()) {
                    return first - 1;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT row_count FROM audit_chain WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
