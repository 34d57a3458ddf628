package se.dikta.notes;

import java.time.Instant;
import se.dikta.identity.AuthUser;

/**
 * A committed (or committing) change to a note, as {@link NoteListener}s see it.
 *
 * @param note the note after the change, including its new revision
 * @param actor who made the change
 * @param at when, by the service's clock
 */
public record NoteChange(Kind kind, Note note, AuthUser actor, Instant at) {

    /** What happened. */
    public enum Kind {
        /** A new note (version 1); also a draft opened for live dictation. */
        CREATED,
        /** A new version of a draft. */
        SAVED,
        /** Live dictation appended recognised text to a draft (no new version). */
        TRANSCRIPT_APPENDED,
        /** The note was locked. */
        SIGNED,
        /** A correction was added to a signed note. */
        AMENDED
    }

    /** Words in the note's written text (its sections), as a person would count them. */
    public int words() {
        return NoteText.words(note.text());
    }

    /** Characters in the note's written text. */
    public int characters() {
        return note.text().length();
    }
}
