package se.dikta.timelog;

import java.nio.file.Path;
import java.util.Optional;
import se.dikta.settings.Settings;

/**
 * Settings of the time-saved reports (keys {@code timelog.*}).
 *
 * @param defaultWordsPerMinute typing baseline used when neither the worker nor the unit has enough
 *                              typed notes; see {@link #DEFAULT_WPM_SOURCE}
 * @param minTypedNotes         typed notes a worker (or unit) needs before its own measured baseline is used
 * @param baselineWindowDays    typed notes signed within this many days up to the report's end date
 *                              measure the baseline, so it follows current typing speed
 * @param pseudonymise          show workers as "Medarbetare 7F3A" in manager reports and exports
 * @param minWorkersPerRow      aggregate rows covering fewer workers are suppressed in manager reports
 * @param bootstrapIterations   resamples for the confidence interval of the mean
 * @param bootstrapSeed         seed of the resampling, so reports are reproducible
 * @param pseudonymSecret       HMAC secret for pseudonyms; when absent one is generated into
 *                              {@code pseudonymSecretFile} on first use
 */
public record TimeLogConfig(double defaultWordsPerMinute, int minTypedNotes, int baselineWindowDays,
                            boolean pseudonymise, int minWorkersPerRow, int bootstrapIterations, long bootstrapSeed,
                            Optional<String> pseudonymSecret, Path pseudonymSecretFile) {

    /**
     * Composition typing on a keyboard, in corrected words per minute: Karat, Halverson, Horn and
     * Karat, "Patterns of entry and correction in large vocabulary continuous speech recognition
     * systems", CHI '99, measured about 19 words per minute when participants composed text with
     * the keyboard (against about 33 when copying text). Writing a journal note is composition, so
     * the lower figure is the conservative default; a unit's measured baseline replaces it.
     */
    public static final double DEFAULT_WPM = 19.0;
    public static final String DEFAULT_WPM_SOURCE = "Karat m.fl. (CHI 1999): skrivande av egen text med tangentbord,"
            + " cirka 19 korrigerade ord per minut";

    /** Where the configured speed comes from: the study above, unless the operator chose another figure. */
    public String defaultWordsPerMinuteSource() {
        return defaultWordsPerMinute == DEFAULT_WPM ? DEFAULT_WPM_SOURCE : "värde inställt i Diktas konfiguration";
    }

    public static TimeLogConfig from(Settings s, Path dataDir) {
        return new TimeLogConfig(
                s.decimal("timelog.defaultWordsPerMinute", DEFAULT_WPM, 1, 200),
                s.integer("timelog.minTypedNotes", 10, 1, 100_000),
                s.integer("timelog.baselineWindowDays", 365, 1, 3660),
                s.bool("timelog.pseudonymise", false),
                s.integer("timelog.minWorkersPerRow", 3, 1, 1000),
                s.integer("timelog.bootstrapIterations", 1000, 100, 100_000),
                s.longValue("timelog.bootstrapSeed", 20_240_901L, Long.MIN_VALUE, Long.MAX_VALUE),
                s.optionalString("timelog.pseudonymSecret"),
                dataDir.resolve("timelog-pseudonym.key"));
    }
}
