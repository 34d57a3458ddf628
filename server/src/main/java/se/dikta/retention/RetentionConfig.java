package se.dikta.retention;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import se.dikta.settings.Settings;

/**
 * Retention (gallring): how long each kind of data lives before the daily pass removes it.
 *
 * @param drafts unsigned drafts not saved for this long are removed ({@code retention.drafts}, default 30 days;
 *        0 keeps them)
 * @param audio uploaded audio is kept this long after its transcription ({@code retention.audio}); the default
 *        0 deletes it as soon as the transcription ends, and the pass removes files a crash left behind once
 *        they are a day old
 * @param transcriptionJobs transcription jobs (with their transcripts) not updated for this long are removed
 *        ({@code retention.transcriptionJobs}, default 30 days; 0 keeps them)
 * @param signedNoteYears signed notes are removed this many years after the last note of their case
 *        ({@code retention.signedNoteYears}); the default 0 removes none, the journal system of record keeps them
 * @param auditLogYears audit rows older than this many years are removed, behind a checkpoint row from which
 *        {@code audit verify} starts ({@code retention.auditLogYears}); the default 0 keeps the whole log
 * @param daily run the pass once a day on one of the nodes ({@code retention.daily}, default true)
 * @param runAt the local time (Europe/Stockholm) after which a day's pass runs ({@code retention.runAt}, "02:00")
 * @param checkInterval how often a node checks whether the day's pass is due ({@code retention.checkInterval})
 */
public record RetentionConfig(Duration drafts, Duration audio, Duration transcriptionJobs, int signedNoteYears,
        int auditLogYears, boolean daily, LocalTime runAt, Duration checkInterval) {

    /** Files in the upload folder younger than this are never removed: a long transcription may still read them. */
    public static final Duration UPLOAD_GRACE = Duration.ofDays(1);

    public static RetentionConfig from(Settings s) {
        String at = s.string("retention.runAt", "02:00");
        LocalTime runAt;
        try {
            runAt = LocalTime.parse(at);
        } catch (DateTimeParseException e) {
            throw s.invalid("retention.runAt", "expected a time of day like 02:00");
        }
        Duration check = s.duration("retention.checkInterval", Duration.ofMinutes(10));
        if (check.toMillis() < 10) {
            throw s.invalid("retention.checkInterval", "must be at least 10 ms");
        }
        return new RetentionConfig(
                s.duration("retention.drafts", Duration.ofDays(30)),
                s.duration("retention.audio", Duration.ZERO),
                s.duration("retention.transcriptionJobs", Duration.ofDays(30)),
                s.integer("retention.signedNoteYears", 0, 0, 100),
                s.integer("retention.auditLogYears", 0, 0, 100),
                s.bool("retention.daily", true),
                runAt,
                check);
    }

    /** Uploaded audio is kept after its transcription ends. */
    public boolean keepsAudio() {
        return !audio.isZero();
    }

    /** How old a file in the upload folder must be before the pass removes it. */
    public Duration uploadAge() {
        return audio.compareTo(UPLOAD_GRACE) > 0 ? audio : UPLOAD_GRACE;
    }
}
