package se.dikta.search;

import java.util.Map;
import se.dikta.testing.PostgresServer;

/** {@link IndexRebuildAtStartBehaviour} on a real PostgreSQL server. */
class IndexRebuildAtStartPostgresTest extends IndexRebuildAtStartBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta");
    }
}
