package se.dikta.auth;

import java.util.Map;
import se.dikta.testing.PostgresServer;

/** {@link UserAdminBehaviour} on a real PostgreSQL server. */
class UserAdminPostgresTest extends UserAdminBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta");
    }
}
