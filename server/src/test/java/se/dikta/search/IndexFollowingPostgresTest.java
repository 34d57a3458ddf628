package se.dikta.search;

import java.util.Map;
import se.dikta.testing.PostgresServer;

/** {@link IndexFollowingBehaviour} on a real PostgreSQL server, as several nodes would share it. */
class IndexFollowingPostgresTest extends IndexFollowingBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta");
    }
}
