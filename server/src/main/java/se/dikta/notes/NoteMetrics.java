package se.dikta.notes;

/**
 * How a note came about, for the time-saved report.
 *
 * @param audioSeconds seconds of dictated audio behind the note
 * @param editSeconds active editing seconds measured by the page
 */
public record NoteMetrics(NoteMode mode, double audioSeconds, double editSeconds) {

    public NoteMetrics {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        if (!(audioSeconds >= 0) || !(editSeconds >= 0) || Double.isInfinite(audioSeconds)
                || Double.isInfinite(editSeconds)) {
            throw new IllegalArgumentException("Durations must be finite and not negative");
        }
    }

    public static NoteMetrics dictated() {
        return new NoteMetrics(NoteMode.DICTATED, 0, 0);
    }

    /** Dictated audio added: the note counts as dictated from now on. */
    public NoteMetrics withAudioAdded(double seconds) {
        return new NoteMetrics(NoteMode.DICTATED, audioSeconds + seconds, editSeconds);
    }

    /**
     * Active editing seconds reported by the page since the last save at {@code lastSave}, counted at most
     * as the wall-clock time from then to {@code now}.
     */
    public NoteMetrics withEditAdded(double reported, java.time.Instant lastSave, java.time.Instant now) {
        double wall = Math.max(0, java.time.Duration.between(lastSave, now).toMillis() / 1000.0);
        return new NoteMetrics(mode, audioSeconds, editSeconds + Math.min(reported, wall));
    }
}
