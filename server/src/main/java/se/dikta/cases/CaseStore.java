package se.dikta.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Cases (ärenden). A case belongs to one unit; its notes inherit that unit. */
public final class CaseStore {

    /** A case: the id social workers use (e.g. "2026-0142") and a neutral title, never a client's name. */
    public record Case(String id, long unitId, String unit, String title, Instant createdAt) {}

    private static final String SELECT = "SELECT c.id, c.unit_id, u.name AS unit, c.title, c.created_at "
            + "FROM cases c JOIN units u ON u.id = c.unit_id ";

    public Case create(Connection c, String id, long unitId, String title, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO cases (id, unit_id, title, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setLong(2, unitId);
            ps.setString(3, title);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.executeUpdate();
        }
        return find(c, id).orElseThrow();
    }

    public Optional<Case> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE c.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public List<Case> listByUnit(Connection c, long unitId) throws SQLException {
        List<Case> cases = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE c.unit_id = ? ORDER BY c.id")) {
            ps.setLong(1, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cases.add(read(rs));
                }
            }
        }
        return cases;
    }

    private static Case read(ResultSet rs) throws SQLException {
        return new Case(rs.getString("id"), rs.getLong("unit_id"), rs.getString("unit"), rs.getString("title"),
                rs.getTimestamp("created_at").toInstant());
    }
}
