package se.dikta.notes;

import java.time.Instant;
import java.util.List;

/** One saved state of a note; every save adds one, none is ever changed. */
public record NoteVersion(String noteId, int version, Instant savedAt, Person savedBy, List<NoteSection> sections,
        String transcript, NoteMetrics metrics) {

    public NoteVersion {
        sections = List.copyOf(sections);
    }

    /** The state {@code note} is in now, saved by {@code by}. */
    static NoteVersion of(Note note, Person by) {
        return new NoteVersion(note.id(), note.version(), note.updatedAt(), by, note.sections(), note.transcript(),
                note.metrics());
    }
}
