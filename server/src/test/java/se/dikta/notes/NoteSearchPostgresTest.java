package se.dikta.notes;

import java.util.Map;
import se.dikta.testing.PostgresServer;

/** {@link NoteSearchBehaviour} on a real PostgreSQL server. */
class NoteSearchPostgresTest extends NoteSearchBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta");
    }
}
