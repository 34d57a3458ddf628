package se.dikta.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import se.dikta.db.Database;
import se.dikta.failure.DomainException;
import se.dikta.testing.PostgresServer;

/**
 * An audit row that cannot be written refuses the action (503) either way, but says why as a worker needs it: the
 * database gone mid-request is the same outage every other request reports, not a fault to take to the
 * system administrator.
 */
class AuditRowWithoutTheDatabaseTest {

    private static AuditEntry entry() {
        return new AuditEntry(1L, "anna", null, null, null, null, "note-read", "note", "n-1", null, null,
                AuditOutcome.ALLOWED);
    }

    @Test
    void anAuditRowWhoseConnectionTheDatabaseDroppedAnswersThatTheDatabaseCannotBeReached() throws Exception {
        String url = PostgresServer.shared().createDatabase();
        try (Connection c = DriverManager.getConnection(url, "dikta", "");
                Connection other = DriverManager.getConnection(url, "dikta", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            try (Statement kill = other.createStatement()) {
                kill.execute("SELECT pg_terminate_backend(" + rs.getInt(1) + ")");
            }

            assertThatThrownBy(() -> new AuditLog(null, Clock.systemUTC()).record(c, entry()))
                    .isInstanceOf(DomainException.class).hasMessage(Database.UNREACHABLE);
        }
    }

    @Test
    void anAuditRowTheDatabaseRefusesIsTheAuditLogsOwnUnavailability() throws Exception {
        String url = PostgresServer.shared().createDatabase(); // no migrations: there is no audit table
        try (Connection c = DriverManager.getConnection(url, "dikta", "")) {
            assertThatThrownBy(() -> new AuditLog(null, Clock.systemUTC()).record(c, entry()))
                    .isInstanceOf(DomainException.class).hasMessage(AuditLog.UNAVAILABLE);
        }
    }
}
