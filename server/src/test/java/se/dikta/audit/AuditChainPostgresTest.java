package se.dikta.audit;

import java.util.Map;
import se.dikta.testing.PostgresServer;

/** {@link AuditChainBehaviour} on a real PostgreSQL server: the chain head's row lock serialises writers. */
class AuditChainPostgresTest extends AuditChainBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta");
    }
}
