package se.dikta.auditlog;

import java.util.Map;
import se.dikta.testing.PostgresServer;

/** {@link NoteAuditTrailBehaviour} on a real PostgreSQL server. */
class NoteAuditTrailPostgresTest extends NoteAuditTrailBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta");
    }
}
