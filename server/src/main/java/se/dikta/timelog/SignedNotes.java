package se.dikta.timelog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How many notes were signed in a report's scope and period, dictated or typed, each counted once. */
final class SignedNotes {

    private SignedNotes() {
    }

    static long count(Connection c, ReportRequest request) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM time_log t WHERE "
                + request.scope().column() + " = ? AND t.counted = TRUE AND t.local_date BETWEEN ? AND ?")) {
            ps.setLong(1, request.scope().id());
            ps.setObject(2, request.from());
            ps.setObject(3, request.to());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
