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

    private static final String SELECT = "SELECT u.id, u.username, u.role, n.name AS unit, u.unit_id, u.display_name, "
            + "u.title, u.password_hash, u.disabled FROM users u JOIN units n ON n.id = u.unit_id ";

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
