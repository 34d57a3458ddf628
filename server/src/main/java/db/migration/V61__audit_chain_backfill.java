package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import se.dikta.audit.AuditRow;

/** Chains the audit rows written before the chain existed, in the order they were written. */
public class V61__audit_chain_backfill extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<AuditRow> rows = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, at, user_id, username, action, entity, entity_id, detail FROM audit_log "
                        + "WHERE hash IS NULL ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
                rows.add(AuditRow.read(rs, 2));
            }
        }
        String previous = AuditRow.GENESIS;
        long seq = 0;
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?")) {
            for (int i = 0; i < rows.size(); i++) {
                seq++;
                String hash = rows.get(i).hash(seq, previous);
                ps.setLong(1, seq);
                ps.setString(2, previous);
                ps.setString(3, hash);
                ps.setLong(4, ids.get(i));
                ps.executeUpdate();
                previous = hash;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_chain SET last_hash = ?, row_count = ? WHERE id = 1")) {
            ps.setString(1, previous);
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
    }
}
