package se.dikta.notes;

import java.time.LocalDate;
import java.util.List;
import se.dikta.speech.WordTiming;

/**
 * What a writer sends when creating or saving a note. A null field means "keep what the note has"
 * (on creation: the default), so a save from the editor does not wipe a transcript that live dictation
 * appended in the meantime.
 */
public record NoteContent(LocalDate eventDate, List<NoteSection> sections, String transcript, List<WordTiming> words,
        NoteMetrics metrics, String proposal) {

    public NoteContent {
        sections = sections == null ? null : List.copyOf(sections);
        words = words == null ? null : List.copyOf(words);
    }

    /** The content with other metrics, e.g. the server's own instead of what a client claimed. */
    public NoteContent withMetrics(NoteMetrics newMetrics) {
        return new NoteContent(eventDate, sections, transcript, words, newMetrics, proposal);
    }

    static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
