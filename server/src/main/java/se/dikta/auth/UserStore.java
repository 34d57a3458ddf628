package se.dikta.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;

/** Users and units in the database. Methods take the caller's connection so they join its transaction. */
public final class UserStore {

    /** A user row with what sign-in needs beyond {@link AuthUser}. */
    public record StoredUser(AuthUser user, String passwordHash, boolean disabled) {}

    /** What creating a user takes; the password is already hashed. */
    public record NewUser(String username, String displayName, String title, Role role, String unit) {}

    /** A user as the administration sees it: no password hash, but whether active and when last signed in. */
    public record UserSummary(AuthUser user, boolean active, Instant lastLoginAt, Instant createdAt) {}

    private static final String SELECT = "SELECT u.id, u.username, u.role, n.name AS unit, u.unit_id, u.display_name, "
            + "u.title, u.password_hash, u.disabled, u.last_login_at, u.created_at FROM users u "
            + "JOIN units n ON n.id = u.unit_id ";

    /** The id of the unit with this name, created when missing. */
    public long unitId(Connection c, String unitName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM units WHERE name = ?")) {
            ps.setString(1, unitName);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO units (name) VALUES (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, unitName);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public boolean exists(Connection c, String username) throws SQLException {
        return findByUsername(c, username).isPresent();
    }

    public AuthUser create(Connection c, NewUser u, String passwordHash, Instant now) throws SQLException {
        long unitId = unitId(c, u.unit());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO users (username, display_name, title, role, unit_id, password_hash, created_at, disabled) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, FALSE)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, u.username());
            ps.setString(2, u.displayName());
            ps.setString(3, u.title());
            ps.setString(4, u.role().id());
            ps.setLong(5, unitId);
            ps.setString(6, passwordHash);
            ps.setTimestamp(7, Timestamp.from(now));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return new AuthUser(rs.getLong(1), u.username(), u.role(), u.unit(), unitId, u.displayName(),
                        u.title());
            }
        }
    }

    public Optional<StoredUser> findByUsername(Connection c, String username) throws SQLException {
        return one(c, SELECT + "WHERE u.username = ?", username);
    }

    public Optional<StoredUser> findById(Connection c, long id) throws SQLException {
        return one(c, SELECT + "WHERE u.id = ?", id);
    }

    public List<AuthUser> list(Connection c) throws SQLException {
        List<AuthUser> users = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + "ORDER BY n.name, u.username");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.add(read(rs).user());
            }
        }
        return users;
    }

    /** Every user with what the administration page shows, by unit and user name. */
    public List<UserSummary> summaries(Connection c) throws SQLException {
        List<UserSummary> users = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + "ORDER BY n.name, u.username");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.add(summary(rs));
            }
        }
        return users;
    }

    public Optional<UserSummary> summary(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE u.username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(summary(rs)) : Optional.empty();
            }
        }
    }

    /** The names of all units, sorted. */
    /** A unit as the administration lists it. */
    public record Unit(long id, String name) {}

    public List<Unit> units(Connection c) throws SQLException {
        List<Unit> units = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM units ORDER BY name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                units.add(new Unit(rs.getLong(1), rs.getString(2)));
            }
        }
        return units;
    }

    /** Sets role, unit (created when new), display name and title of a user. */
    public void update(Connection c, long id, Role role, String unit, String displayName, String title)
            throws SQLException {
        long unitId = unitId(c, unit);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE users SET role = ?, unit_id = ?, display_name = ?, title = ? WHERE id = ?")) {
            ps.setString(1, role.id());
            ps.setLong(2, unitId);
            ps.setString(3, displayName);
            ps.setString(4, title);
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }

    public void setDisabled(Connection c, long id, boolean disabled) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET disabled = ? WHERE id = ?")) {
            ps.setBoolean(1, disabled);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    public void setPasswordHash(Connection c, long id, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
            ps.setString(1, hash);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    public void recordLogin(Connection c, long id, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET last_login_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static UserSummary summary(ResultSet rs) throws SQLException {
        StoredUser stored = read(rs);
        Timestamp last = rs.getTimestamp("last_login_at");
        Timestamp created = rs.getTimestamp("created_at");
        return new UserSummary(stored.user(), !stored.disabled(), last == null ? null : last.toInstant(),
                created == null ? null : created.toInstant());
    }

    private Optional<StoredUser> one(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    static StoredUser read(ResultSet rs) throws SQLException {
        AuthUser user = new AuthUser(rs.getLong("id"), rs.getString("username"), Role.parse(rs.getString("role")),
                rs.getString("unit"), rs.getLong("unit_id"), rs.getString("display_name"), rs.getString("title"));
        return new StoredUser(user, rs.getString("password_hash"), rs.getBoolean("disabled"));
    }
}
