package se.dikta.notes;

import java.util.Map;

/** {@link NoteSearchBehaviour} on the embedded H2 database. */
class NoteSearchH2Test extends NoteSearchBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }
}
