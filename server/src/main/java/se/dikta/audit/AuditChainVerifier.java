package se.dikta.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Recomputes the audit chain from the first row, or, once retention removed the oldest rows, from the
 * newest {@link AuditCheckpoint}. A row whose content no longer matches its hash was
 * altered; a gap in the sequence means rows were deleted; a row outside the sequence, or one whose
 * previous hash is not the row before it, was inserted; a chain shorter than its recorded head was cut
 * at the end (compare also with the anchors in the server log and /metrics, which an editor of the
 * database cannot reach).
 */
public final class AuditChainVerifier {

    /** The outcome: how many rows were checked, the head, and the first problem if any. */
    public record Result(long rows, String lastHash, Optional<String> problem) {
        public boolean intact() {
            return problem.isEmpty();
        }
    }

    public Result verify(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_log WHERE seq IS NULL OR hash IS NULL")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return problemAtStart(c, "rad utan plats i kedjan (infogad utanför Dikta)");
                }
            }
            AuditCheckpoint start = AuditCheckpoint.latest(c); // retention removed the rows before it
            String previous = start.lastHash();
            long expected = start.throughSeq() + 1;
            try (ResultSet rs = s.executeQuery("SELECT " + AuditRow.COLUMNS
                    + ", seq, prev_hash, hash, id FROM audit_log ORDER BY seq")) {
                while (rs.next()) {
                    AuditRow row = AuditRow.readFull(rs, 1);
                    long seq = rs.getLong(14);
                    String prev = rs.getString(15);
                    String hash = rs.getString(16);
                    long id = rs.getLong(17);
                    if (seq > expected) {
                        return fail(expected - 1, previous, "rad " + expected + (seq - expected > 1 ? "–" + (seq - 1) : "")
                                + " saknas (raderad) före rad " + seq + " (id " + id + ")");
                    }
                    if (seq < expected) {
                        return fail(expected - 1, previous, "rad " + seq + " (id " + id + ") finns två gånger (infogad)");
                    }
                    if (!previous.equals(prev)) {
                        return fail(expected - 1, previous, "rad " + seq + " (id " + id
                                + ") pekar inte på raden före (infogad eller ändrad kedja)");
                    }
                    if (!row.hash(seq, prev).equals(hash) || row.outcome() == null && (row.role() != null
                            || row.unitId() != null || row.unit() != null || row.address() != null || row.caseId() != null)) {
                        return fail(expected - 1, previous, "rad " + seq + " (id " + id + ") är ändrad i efterhand");
                    }
                    previous = hash;
                    expected++;
                }
            }
            long rows = expected - 1;
            try (ResultSet rs = s.executeQuery("SELECT last_hash, row_count FROM audit_chain WHERE id = 1")) {
                if (rs.next() && (rs.getLong(2) != rows || !rs.getString(1).equals(previous))) {
                    return fail(rows, previous, "kedjans huvud anger " + rs.getLong(2) + " rader men " + rows
                            + " finns (rader borttagna i slutet)");
                }
            }
            return new Result(rows, previous, Optional.empty());
        }
    }

    private Result problemAtStart(Connection c, String what) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT MIN(id) FROM audit_log WHERE seq IS NULL OR hash IS NULL")) {
            rs.next();
            return new Result(0, AuditRow.GENESIS, Optional.of(what + ": id " + rs.getLong(1)));
        }
    }

    private static Result fail(long rows, String last, String problem) {
        return new Result(rows, last, Optional.of(problem));
    }
}
