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
 */
public record AuditRow(Instant at, Long userId, String username, String action, String entity, String entityId,
        String detail) {

    public static final String GENESIS = "0".repeat(64);

    public AuditRow {
        at = truncate(at);
    }

    static Instant truncate(Instant at) {
        return Instant.ofEpochSecond(at.getEpochSecond(), at.getNano() / 1000 * 1000L);
    }

    /** Reads the seven content columns starting at {@code first}, in the order of the record's fields. */
    public static AuditRow read(ResultSet rs, int first) throws SQLException {
        Timestamp at = rs.getTimestamp(first);
        long userId = rs.getLong(first + 1);
        Long user = rs.wasNull() ? null : userId;
        return new AuditRow(at.toInstant(), user, rs.getString(first + 2), rs.getString(first + 3),
                rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6));
    }

    public String hash(long seq, String previousHash) {
        StringBuilder sb = new StringBuilder();
        field(sb, Long.toString(seq));
        field(sb, previousHash);
        field(sb, Long.toString(at.getEpochSecond() * 1_000_000L + at.getNano() / 1000));
        field(sb, userId == null ? null : userId.toString());
        field(sb, username);
        field(sb, action);
        field(sb, entity);
        field(sb, entityId);
        field(sb, detail);
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
