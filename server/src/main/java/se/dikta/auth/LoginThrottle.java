package se.dikta.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Counts failed sign-ins per user name and per address in the database (shared by all nodes). Past
 * {@link AuthConfig#failureDelayStart()} failures answers slow down; at {@link AuthConfig#lockoutThreshold()}
 * the key is locked for {@link AuthConfig#lockoutDuration()}. Failures older than a lockout period are forgotten.
 */
public final class LoginThrottle {

    private final AuthConfig config;

    public LoginThrottle(AuthConfig config) {
        this.config = config;
    }

    public static String userKey(String username) {
        return "user:" + username.toLowerCase(java.util.Locale.ROOT);
    }

    public static String addressKey(String address) {
        return "addr:" + address;
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
        Timestamp lockedUntil = failures >= config.lockoutThreshold()
                ? Timestamp.from(now.plus(config.lockoutDuration())) : null;
        String sql = previous == null
                ? "INSERT INTO login_throttle (failures, last_failure, locked_until, throttle_key) VALUES (?, ?, ?, ?)"
                : "UPDATE login_throttle SET failures = ?, last_failure = ?, locked_until = ? WHERE throttle_key = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, failures);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, lockedUntil);
            ps.setString(4, key);
            ps.executeUpdate();
        }
        return failures;
    }

    public void reset(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_throttle WHERE throttle_key = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }

    /** The extra wait before answering after {@code failures} failures. */
    public Duration delayAfter(int failures) {
        int over = failures - config.failureDelayStart() + 1;
        return over <= 0 ? Duration.ZERO : config.failureDelay().multipliedBy(Math.min(over, 10));
    }
}
