package se.dikta.http;

import java.util.Map;
import se.dikta.testing.PostgresServer;

/** {@link EdgeValidationBehaviour} on a real PostgreSQL server. */
class EdgeValidationPostgresTest extends EdgeValidationBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta");
    }
}
