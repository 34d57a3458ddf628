package se.dikta.timelog;

import java.time.LocalDate;
import java.util.List;

/**
 * A computed time-saved report: the method used, one row per group, a total row, and how many notes (dictated
 * or typed) were signed in the scope and period, for the share that was dictated.
 */
public record TimeSaved(ReportRequest request, Method method, List<Row> rows, Row total, long signedNotes) {

    /**
     * One group's dictated notes. Seconds are sums over the notes; mean and median are per note in
     * minutes (null without notes); a suppressed row carries only its key.
     */
    public record Row(String key, boolean suppressed, long notes, int workers, long words,
                      double audioSeconds, double editSeconds, double baselineSeconds, double savedSeconds,
                      Double meanSavedMinutes, Double medianSavedMinutes, Bootstrap.Interval ci95,
                      BaselineUse baseline, long changedWords, long proposalWords) {

        static Row suppressed(String key) {
            return new Row(key, true, 0, 0, 0, 0, 0, 0, 0, null, null, null, new BaselineUse(0, 0, 0), 0, 0);
        }

        /** The typing speed the row's baseline amounts to: all words over all baseline minutes. */
        public Double baselineWordsPerMinute() {
            return baselineSeconds > 0 ? words * 60.0 / baselineSeconds : null;
        }
    }

    /** How many of a row's notes were compared with a personal, a unit or the configured baseline. */
    public record BaselineUse(long workerNotes, long unitNotes, long configuredNotes) {

        /** "worker", "unit", "configured", or "mixed" when notes used different levels. */
        public String source() {
            int levels = (workerNotes > 0 ? 1 : 0) + (unitNotes > 0 ? 1 : 0) + (configuredNotes > 0 ? 1 : 0);
            if (levels > 1) {
                return "mixed";
            }
            return workerNotes > 0 ? "worker" : unitNotes > 0 ? "unit" : "configured";
        }

        /** "measured" when every note had a measured baseline, "configured" when none did, else "mixed". */
        public String measuredOrConfigured() {
            if (configuredNotes == 0 && workerNotes + unitNotes > 0) {
                return "measured";
            }
            return workerNotes + unitNotes == 0 ? "configured" : "mixed";
        }
    }

    /** What the figures rest on, for the report's method section. */
    public record Method(Double baselineWordsPerMinute, String source, double configuredWordsPerMinute,
                         String configuredSource, int minTypedNotes, LocalDate baselineFrom, LocalDate baselineTo,
                         int bootstrapIterations, long bootstrapSeed,
                         boolean pseudonymised, boolean suppression, int minWorkersPerRow, String text) { }
}
