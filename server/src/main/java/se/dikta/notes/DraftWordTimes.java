package se.dikta.notes;

import java.util.ArrayList;
import java.util.List;
import se.dikta.speech.WordTiming;

/**
 * The bound on a draft's word times. They are stored as JSON in {@code notes.words} (V2: 1,000,000 characters,
 * ≈ 70 per word, so about 1.5 hours of dictation). A longer dictation keeps appending its text, so every
 * acknowledged word is stored, but stops storing times once they fill the column: the times then cover the
 * transcript's start only, and the editor structures the text without times (their count no longer matches).
 */
final class DraftWordTimes {

    /** The notes.words column's size. */
    static final int MAX_CHARS = 1_000_000;
    /** Times are appended only while the stored ones take less than this, so once full they stay full. */
    static final int APPEND_BELOW_CHARS = 900_000;

    private DraftWordTimes() {
    }

    /** {@code stored} with {@code added} after them when they fit, else {@code stored} unchanged. */
    static List<WordTiming> append(List<WordTiming> stored, List<WordTiming> added) {
        if (added.isEmpty() || NoteJsonCodec.words(stored).length() >= APPEND_BELOW_CHARS) {
            return stored;
        }
        List<WordTiming> all = new ArrayList<>(stored);
        all.addAll(added);
        return NoteJsonCodec.words(all).length() <= MAX_CHARS ? all : stored;
    }
}
