package se.dikta.structure.localnames;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import se.dikta.structure.entities.EntityCategory;

/** The table {@code unit_local_names}: each unit's list, replaced as a whole. */
public final class LocalNameStore {

    public List<LocalName> list(Connection c, long unitId) throws SQLException {
        List<LocalName> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT spoken, written, type FROM unit_local_names WHERE unit_id = ? ORDER BY spoken")) {
            ps.setLong(1, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(new LocalName(rs.getString("spoken"), rs.getString("written"),
                            EntityCategory.valueOf(rs.getString("type"))));
                }
            }
        }
        return names;
    }

    public void replace(Connection c, long unitId, List<LocalName> names) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM unit_local_names WHERE unit_id = ?")) {
            ps.setLong(1, unitId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO unit_local_names (unit_id, spoken, written, type) VALUES (?, ?, ?, ?)")) {
            for (LocalName name : names) {
                ps.setLong(1, unitId);
                ps.setString(2, name.spoken());
                ps.setString(3, name.written());
                ps.setString(4, name.type().name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public boolean unitExists(Connection c, long unitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM units WHERE id = ?")) {
            ps.setLong(1, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
