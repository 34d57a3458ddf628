package se.dikta.notes;

import java.util.Map;

/** {@link NotesBehaviour} on the embedded H2 database. */
class NotesH2Test extends NotesBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }
}
