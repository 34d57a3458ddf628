package se.dikta.timelog;

import io.vertx.core.json.JsonObject;
import io.vertx.core.json.JsonArray;

/** The JSON form of a report (contract: "Time saved" in api.md). */
public final class TimeSavedJson {

    private TimeSavedJson() {
    }

    public static JsonObject of(TimeSaved report) {
        JsonArray rows = new JsonArray();
        report.rows().forEach(r -> rows.add(row(r)));
        ReportRequest request = report.request();
        return new JsonObject()
                .put("from", request.from().toString())
                .put("to", request.to().toString())
                .put("groupBy", request.groupBy().param())
                .put("method", method(report.method()))
                .put("rows", rows)
                .put("total", row(report.total()))
                .put("headline", headline(report));
    }

    /**
     * The figures a committee report quotes: saved hours in all, per worker, saved minutes per note, how many
     * notes that rests on and the share of signed notes that were dictated. Only {@code suppressed} when the
     * total row is.
     */
    private static JsonObject headline(TimeSaved report) {
        TimeSaved.Row total = report.total();
        if (total.suppressed()) {
            return new JsonObject().put("suppressed", true);
        }
        double hours = total.savedSeconds() / 3600;
        return new JsonObject()
                .put("savedHours", Figures.round(hours, 1))
                .put("savedHoursPerWorker", total.workers() == 0 ? null : Figures.round(hours / total.workers(), 1))
                .put("savedMinutesPerNote", total.meanSavedMinutes() == null ? null
                        : Figures.minutes(total.meanSavedMinutes()))
                .put("dictatedNotes", total.notes())
                .put("signedNotes", report.signedNotes())
                .put("dictatedShare", report.signedNotes() == 0 ? null
                        : Figures.round((double) total.notes() / report.signedNotes(), 3))
                .put("workers", total.workers());
    }

    private static JsonObject method(TimeSaved.Method m) {
        return new JsonObject()
                .put("baselineWordsPerMinute", m.baselineWordsPerMinute() == null ? null
                        : Figures.wordsPerMinute(m.baselineWordsPerMinute()))
                .put("source", m.source())
                .put("configuredWordsPerMinute", m.configuredWordsPerMinute())
                .put("configuredSource", m.configuredSource())
                .put("minTypedNotes", m.minTypedNotes())
                .put("baselineFrom", m.baselineFrom().toString())
                .put("baselineTo", m.baselineTo().toString())
                .put("bootstrapIterations", m.bootstrapIterations())
                .put("bootstrapSeed", m.bootstrapSeed())
                .put("pseudonymised", m.pseudonymised())
                .put("suppression", m.suppression())
                .put("minWorkersPerRow", m.minWorkersPerRow())
                .put("text", m.text());
    }

    private static JsonObject row(TimeSaved.Row r) {
        JsonObject json = new JsonObject().put("key", r.key());
        if (r.suppressed()) {
            return json.put("suppressed", true);
        }
        TimeSaved.BaselineUse use = r.baseline();
        return json
                .put("notes", r.notes())
                .put("workers", r.workers())
                .put("words", r.words())
                .put("audioSeconds", Figures.seconds(r.audioSeconds()))
                .put("editSeconds", Figures.seconds(r.editSeconds()))
                .put("baselineSeconds", Figures.seconds(r.baselineSeconds()))
                .put("savedSeconds", Figures.seconds(r.savedSeconds()))
                .put("meanSavedMinutes", r.meanSavedMinutes() == null ? null : Figures.minutes(r.meanSavedMinutes()))
                .put("medianSavedMinutes", r.medianSavedMinutes() == null ? null : Figures.minutes(r.medianSavedMinutes()))
                .put("ci95", r.ci95() == null ? null : new JsonObject()
                        .put("low", Figures.minutes(r.ci95().low()))
                        .put("high", Figures.minutes(r.ci95().high())))
                .put("baseline", new JsonObject()
                        .put("wordsPerMinute", r.baselineWordsPerMinute() == null ? null
                                : Figures.wordsPerMinute(r.baselineWordsPerMinute()))
                        .put("source", use.source())
                        .put("workerNotes", use.workerNotes())
                        .put("unitNotes", use.unitNotes())
                        .put("configuredNotes", use.configuredNotes()))
                .put("changedWords", r.changedWords())
                .put("proposalWords", r.proposalWords());
    }
}
