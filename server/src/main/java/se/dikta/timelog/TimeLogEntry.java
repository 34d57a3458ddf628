package se.dikta.timelog;

import java.time.Instant;
import java.util.Objects;
import se.dikta.notes.NoteMode;

/**
 * One time-log row: the figures of a note at a save or a signing. Audio and editing seconds are the
 * note's totals so far (not the increment since the last save), so the latest signing alone
 * describes the whole note. {@code changedWords} and {@code proposalWords} are null when the note
 * had no structured proposal (typed notes).
 */
public record TimeLogEntry(long userId, long unitId, String noteId, String template, NoteMode mode, LogEvent event,
                           int words, int chars, double audioSeconds, double editSeconds,
                           Integer changedWords, Integer proposalWords, Instant loggedAt) {

    public TimeLogEntry {
        Objects.requireNonNull(noteId, "noteId");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(loggedAt, "loggedAt");
        if (words < 0 || chars < 0 || audioSeconds < 0 || editSeconds < 0
                || !Double.isFinite(audioSeconds) || !Double.isFinite(editSeconds)) {
            throw new IllegalArgumentException("time-log figures must be finite and non-negative");
        }
    }

    /**
     * Measures the final text (words, characters) and, when there was a proposal, how many of its
     * words the worker changed; the texts themselves are not kept.
     */
    public static TimeLogEntry measure(long userId, long unitId, String noteId, String template, NoteMode mode,
                                       LogEvent event, String proposal, String finalText,
                                       double audioSeconds, double editSeconds, Instant at) {
        String text = finalText == null ? "" : finalText;
        boolean hasProposal = proposal != null && !proposal.isBlank();
        return new TimeLogEntry(userId, unitId, noteId, template, mode, event,
                WordEditDistance.count(text), text.codePointCount(0, text.length()), audioSeconds, editSeconds,
                hasProposal ? WordEditDistance.between(proposal, text) : null,
                hasProposal ? WordEditDistance.count(proposal) : null, at);
    }
}
