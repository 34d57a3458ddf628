package se.dikta.search;

import java.util.Map;
import se.dikta.testing.PostgresServer;

/** {@link ConcurrentIndexWritersBehaviour} on a real PostgreSQL server. */
class ConcurrentIndexWritersPostgresTest extends ConcurrentIndexWritersBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta");
    }
}
