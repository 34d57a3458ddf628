package se.dikta.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts failed sign-ins in the database (shared by all nodes) under three keys, so that nobody can lock a
 * named worker out from elsewhere:
 * <ul>
 *   <li>user name and address together ({@link #pairKey}): locked at {@link AuthConfig#lockoutThreshold()}
 *       failures, so guessing one user's password from one address stops, while the same user signs in
 *       from any other address as usual;</li>
 *   <li>address ({@link #addressKey}): locked at {@link AuthConfig#addressLockoutThreshold()} failures over
 *       any user names, so spraying many user names from one address stops;</li>
 *   <li>user name ({@link #userKey}): never locked (that would hand anyone a way to lock a worker out), but
 *       its failures from every address slow the answers to further wrong passwords.</li>
 * </ul>
 * Past {@link AuthConfig#failureDelayStart()} failures (of the key with most), wrong answers slow down; a
 * lock lasts {@link AuthConfig#lockoutDuration()}. Failures older than a lockout period are forgotten.
 */
public final class LoginThrottle {

    private final AuthConfig config;

    public LoginThrottle(AuthConfig config) {
        this.config = config;
    }

    /** The user name across addresses (hashed: a sign-in form's user name may be any text, of any length). */
    public static String userKey(String username) {
        return "name:" + PasswordHasher.sha256Hex(username.toLowerCase(Locale.ROOT));
    }

    /** The user name from one address. */
    public static String pairKey(String username, String address) {
        return "pair:" + PasswordHasher.sha256Hex(username.toLowerCase(Locale.ROOT) + "\n" + address);
    }

    public static String addressKey(String address) {
        return "addr:" + address;
    }

    /** Whether failures under {@code key} can lock it. */
    private int threshold(String key) {
        if (key.startsWith("addr:")) {
            return config.addressLockoutThreshold();
        }
        return key.startsWith("pair:") ? config.lockoutThreshold() : Integer.MAX_VALUE;
    }

    /** How long the longest lock among {@code keys} still lasts, if any is locked. */
    public Optional<Duration> lockedFor(Connection c, List<String> keys, Instant now) throws SQLException {
        Duration longest = null;
        for (String key : keys) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT locked_until FROM login_throttle WHERE throttle_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getTimestamp(1) != null) {
                        Instant until = rs.getTimestamp(1).toInstant();
                        if (until.isAfter(now)) {
                            Duration left = Duration.between(now, until);
                            longest = longest == null || left.compareTo(longest) > 0 ? left : longest;
                        }
                    }
                }
            }
        }
        return Optional.ofNullable(longest);
    }

    /** Records a failure for {@code key} and returns the failure count now. */
    public int recordFailure(Connection c, String key, Instant now) throws SQLException {
        Integer previous = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT failures, last_failure FROM login_throttle WHERE throttle_key = ? FOR UPDATE")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    boolean stale = rs.getTimestamp(2).toInstant().isBefore(now.minus(config.lockoutDuration()));
                    previous = stale ? 0 : rs.getInt(1);
                }
            }
        }
        int failures = previous == null ? 1 : previous + 1;
        Timestamp lockedUntil = failures >= threshold(key)
                ? Timestamp.from(now.plus(config.lockoutDuration())) : null;
        String sql = previous == null
                ? "INSERT INTO login_throttle (failures, last_failure, locked_until, throttle_key) VALUES (?, ?, ?, ?)"
                : "UPDATE login_throttle SET failures = ?, last_failure = ?, locked_until = ? WHERE throttle_key = ?";
        // Two first failures for one key at once (two nodes, or two requests) both find no row; the second
        // insert then breaks the key's uniqueness. A savepoint keeps the transaction usable, and the retry
        // finds the row the other one inserted and counts on from it.
        Savepoint beforeInsert = previous == null ? c.setSavepoint() : null;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, failures);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, lockedUntil);
            ps.setString(4, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (beforeInsert == null || !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(beforeInsert);
            return recordFailure(c, key, now);
        }
        return failures;
    }

    private static final String UNIQUE_VIOLATION = "23505"; // the same SQLSTATE in H2 and PostgreSQL

    public void reset(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_throttle WHERE throttle_key = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }

    /** Forgets failures older than a lockout period whose lock (if any) has ended; returns how many keys. */
    public int purge(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_throttle WHERE last_failure < ? "
                + "AND (locked_until IS NULL OR locked_until <= ?)")) {
            ps.setTimestamp(1, Timestamp.from(now.minus(config.lockoutDuration())));
            ps.setTimestamp(2, Timestamp.from(now));
            return ps.executeUpdate();
        }
    }

    /** The extra wait before answering after {@code failures} failures. */
    public Duration delayAfter(int failures) {
        int over = failures - config.failureDelayStart() + 1;
        return over <= 0 ? Duration.ZERO : config.failureDelay().multipliedBy(Math.min(over, 10));
    }
}
