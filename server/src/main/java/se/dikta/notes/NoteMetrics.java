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

    public NoteMetrics withAudioAdded(double seconds) {
        return new NoteMetrics(mode, audioSeconds + seconds, editSeconds);
    }
}
