package se.dikta.asr;

import java.util.Map;
import se.dikta.testing.PostgresServer;

/** {@link LongDictationDraftBehaviour} on a real PostgreSQL server. */
class LongDictationDraftPostgresTest extends LongDictationDraftBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta");
    }
}
