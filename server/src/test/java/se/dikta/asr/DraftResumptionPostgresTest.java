package se.dikta.asr;

import java.util.Map;
import se.dikta.testing.PostgresServer;

/** {@link DraftResumptionBehaviour} on a real PostgreSQL server. */
class DraftResumptionPostgresTest extends DraftResumptionBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta");
    }
}
