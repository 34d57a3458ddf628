package se.dikta.speech;

import io.vertx.core.json.JsonObject;

/** A recognised word with its time in the audio (seconds) and the recogniser's confidence 0..1. */
public record WordTiming(String word, double start, double end, double conf) {

    /** As api.md shows it, times and confidence to the millisecond / thousandth. */
    public JsonObject toJson() {
        return new JsonObject().put("word", word).put("start", round(start)).put("end", round(end))
                .put("conf", round(conf));
    }

    public static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
