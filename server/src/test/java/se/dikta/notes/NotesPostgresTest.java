package se.dikta.notes;

import java.util.Map;
import se.dikta.testing.PostgresServer;

/** {@link NotesBehaviour} on a real PostgreSQL server. */
class NotesPostgresTest extends NotesBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta");
    }
}
