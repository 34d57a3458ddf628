package se.dikta.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The content of one audit row as it is hashed. The hash covers the row's place in the chain, the
 * previous row's hash and every field, each written with its length so no two rows can hash alike by
 * moving text between fields. Times are hashed in microseconds, the precision both databases store.
 *
 * <p>Two forms: rows written before migration V80 have no outcome and are hashed over their first seven
 * fields, as they were; every newer row has an outcome and is hashed over all fields behind a version
 * mark, so removing or changing its role, unit, address, case or outcome (even blanking the outcome to pass it
 * off as an old row) changes its hash.
 */
public record AuditRow(Instant at, Long userId, String username, String action, String entity, String entityId,
        String detail, String role, Long unitId, String unit, String address, String caseId, String outcome) {

    public static final String GENESIS = "0".repeat(64);
    /** The columns {@link #readFull} reads, in order. */
    public static final String COLUMNS = "at, user_id, username, action, entity, entity_id, detail, role, unit_id, "
            + "unit, address, case_id, outcome";

    public AuditRow {
        at = truncate(at);
    }

    /** A row in the form written before V80 (no role, unit, address or outcome). */
    public AuditRow(Instant at, Long userId, String username, String action, String entity, String entityId,
            String detail) {
        this(at, userId, username, action, entity, entityId, detail, null, null, null, null, null, null);
    }

    static Instant truncate(Instant at) {
        return Instant.ofEpochSecond(at.getEpochSecond(), at.getNano() / 1000 * 1000L);
    }

    /** Reads the seven columns of the pre-V80 form starting at {@code first}, in the order of the record's fields. */
    public static AuditRow read(ResultSet rs, int first) throws SQLException {
        Timestamp at = rs.getTimestamp(first);
        return new AuditRow(at.toInstant(), nullableLong(rs, first + 1), rs.getString(first + 2),
                rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6));
    }

    /** Reads the {@link #COLUMNS} starting at {@code first}. */
    public static AuditRow readFull(ResultSet rs, int first) throws SQLException {
        AuditRow base = read(rs, first);
        return new AuditRow(base.at, base.userId, base.username, base.action, base.entity, base.entityId, base.detail,
                rs.getString(first + 7), nullableLong(rs, first + 8), rs.getString(first + 9),
                rs.getString(first + 10), rs.getString(first + 11), rs.getString(first + 12));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public String hash(long seq, String previousHash) {
        StringBuilder sb = new StringBuilder();
        if (outcome != null) {
            field(sb, "v2");
        }
        field(sb, Long.toString(seq));
        field(sb, previousHash);
        field(sb, Long.toString(at.getEpochSecond() * 1_000_000L + at.getNano() / 1000));
        field(sb, userId == null ? null : userId.toString());
        field(sb, username);
        field(sb, action);
        field(sb, entity);
        field(sb, entityId);
        field(sb, detail);
        if (outcome != null) {
            field(sb, role);
            field(sb, unitId == null ? null : unitId.toString());
            field(sb, unit);
            field(sb, address);
            field(sb, caseId);
            field(sb, outcome);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append('|');
    }
}
