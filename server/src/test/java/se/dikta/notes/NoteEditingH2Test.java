package se.dikta.notes;

import java.util.Map;

/** {@link NoteEditingBehaviour} on the embedded H2 database. */
class NoteEditingH2Test extends NoteEditingBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }
}
