package se.dikta.auth;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import se.dikta.identity.AuthUser;

/**
 * Server-side sessions in the database, so any node can serve any request. Only a SHA-256 of the session
 * id is stored: a copy of the table does not let anyone sign in.
 */
public final class SessionStore {

    /** A new session: the raw id goes into the cookie, the CSRF token into the XSRF-TOKEN cookie. */
    public record NewSession(String id, String csrfToken) {}

    /** A live session's user and CSRF token. */
    public record ActiveSession(AuthUser user, String csrfToken) {}

    /** last_seen is written at most this often, so reads do not turn into writes on every request. */
    private static final Duration TOUCH_INTERVAL = Duration.ofSeconds(30);

    private final AuthConfig config;
    private final SecureRandom random = new SecureRandom();

    public SessionStore(AuthConfig config) {
        this.config = config;
    }

    public NewSession create(Connection c, long userId, Instant now) throws SQLException {
        return create(c, userId, now, false);
    }

    /** A new session; {@code sso} records that it began with single sign-on. */
    public NewSession create(Connection c, long userId, Instant now, boolean sso) throws SQLException {
        NewSession s = new NewSession(token(), token());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (id_hash, user_id, csrf_token, "
                + "created_at, last_seen, expires_at, sso) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, PasswordHasher.sha256Hex(s.id()));
            ps.setLong(2, userId);
            ps.setString(3, s.csrfToken());
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setTimestamp(6, Timestamp.from(now.plus(config.sessionMaxAge())));
            ps.setBoolean(7, sso);
            ps.executeUpdate();
        }
        return s;
    }

    /** The session's user if the session exists, has not expired and has not been idle too long. */
    public Optional<ActiveSession> touch(Connection c, String id, Instant now) throws SQLException {
        String hash = PasswordHasher.sha256Hex(id);
        Instant lastSeen;
        ActiveSession active;
        try (PreparedStatement ps = c.prepareStatement("SELECT s.csrf_token, s.last_seen, s.expires_at, u.id, "
                + "u.username, u.role, n.name AS unit, u.unit_id, u.display_name, u.title, u.password_hash, "
                + "u.disabled FROM sessions s JOIN users u ON u.id = s.user_id JOIN units n ON n.id = u.unit_id "
                + "WHERE s.id_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                lastSeen = rs.getTimestamp("last_seen").toInstant();
                Instant expires = rs.getTimestamp("expires_at").toInstant();
                UserStore.StoredUser stored = UserStore.read(rs);
                if (stored.disabled() || !now.isBefore(expires)
                        || !now.isBefore(lastSeen.plus(config.sessionIdleTimeout()))) {
                    delete(c, id);
                    return Optional.empty();
                }
                active = new ActiveSession(stored.user(), rs.getString("csrf_token"));
            }
        }
        if (Duration.between(lastSeen, now).compareTo(TOUCH_INTERVAL) > 0) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET last_seen = ? WHERE id_hash = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, hash);
                ps.executeUpdate();
            }
        }
        return Optional.of(active);
    }

    /** Whether the session began with single sign-on (false when it does not exist). */
    public boolean isSso(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sso FROM sessions WHERE id_hash = ?")) {
            ps.setString(1, PasswordHasher.sha256Hex(id));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    public void delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE id_hash = ?")) {
            ps.setString(1, PasswordHasher.sha256Hex(id));
            ps.executeUpdate();
        }
    }

    /** Ends every session of a user, except the one given (null: all); returns how many. */
    public int deleteAllOf(Connection c, long userId, String exceptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?")) {
            ps.setLong(1, userId);
            ps.setString(2, exceptId == null ? "" : PasswordHasher.sha256Hex(exceptId));
            return ps.executeUpdate();
        }
    }

    /** Removes expired and idle sessions; returns how many. */
    public int purge(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE expires_at <= ? OR last_seen <= ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now.minus(config.sessionIdleTimeout())));
            return ps.executeUpdate();
        }
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
