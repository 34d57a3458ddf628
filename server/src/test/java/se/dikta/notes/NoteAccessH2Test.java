package se.dikta.notes;

import java.util.Map;

/** {@link NoteAccessBehaviour} on the embedded H2 database. */
class NoteAccessH2Test extends NoteAccessBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }
}
