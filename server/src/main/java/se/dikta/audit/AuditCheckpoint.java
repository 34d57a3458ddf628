package se.dikta.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the audit chain starts once retention has removed its oldest rows: the removed rows' count, the
 * last removed row's place ({@code throughSeq}) and hash. It is written as a row of the chain itself
 * (action {@value #ACTION}), so it is hashed and linked like any other row: deleting, editing or forging it
 * breaks the chain. {@link AuditChainVerifier} starts after the newest checkpoint, whose row must come after
 * the rows it describes.
 *
 * @param throughSeq the last removed row's place in the chain; 0 for a chain with nothing removed
 * @param lastHash that row's hash, which the first remaining row must point to
 * @param removed rows removed by the retention pass that wrote this checkpoint
 */
public record AuditCheckpoint(long throughSeq, String lastHash, long removed) {

    public static final String ACTION = "audit.checkpoint";
    /** The chain's start when nothing was ever removed. */
    public static final AuditCheckpoint GENESIS = new AuditCheckpoint(0, AuditRow.GENESIS, 0);
    private static final Pattern DETAIL = Pattern.compile("removed=(\\d+) throughSeq=(\\d+) lastHash=([0-9a-f]{64})");

    /** The checkpoint row's detail. */
    public String detail() {
        return "removed=" + removed + " throughSeq=" + throughSeq + " lastHash=" + lastHash;
    }

    static Optional<AuditCheckpoint> parse(String detail) {
        Matcher m = detail == null ? null : DETAIL.matcher(detail);
        return m != null && m.matches()
                ? Optional.of(new AuditCheckpoint(Long.parseLong(m.group(2)), m.group(3), Long.parseLong(m.group(1))))
                : Optional.empty();
    }

    /**
     * The newest checkpoint in the chain, or {@link #GENESIS}. A checkpoint row whose detail cannot be read
     * counts as none: the chain is then verified from row 1, and the removed rows show as missing.
     */
    public static AuditCheckpoint latest(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT detail FROM audit_log WHERE action = ? ORDER BY seq DESC LIMIT 1")) {
            ps.setString(1, ACTION);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? parse(rs.getString(1)).orElse(GENESIS) : GENESIS;
            }
        }
    }
}
