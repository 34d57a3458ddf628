package se.dikta.auditlog;

import java.util.Map;
import se.dikta.testing.PostgresServer;

/** {@link AuditTrailBehaviour} on a real PostgreSQL server. */
class AuditTrailPostgresTest extends AuditTrailBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta");
    }
}
