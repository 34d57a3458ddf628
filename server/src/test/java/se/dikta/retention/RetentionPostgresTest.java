package se.dikta.retention;

import java.util.Map;
import se.dikta.testing.PostgresServer;

/** {@link RetentionBehaviour} on a real PostgreSQL server, where several nodes share the database. */
class RetentionPostgresTest extends RetentionBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta");
    }
}
