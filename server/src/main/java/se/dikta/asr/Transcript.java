package se.dikta.asr;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The result of transcribing a file. */
public record Transcript(String transcript, List<WordTiming> words, double audioSeconds, double processingSeconds) {

    public Transcript {
        words = List.copyOf(words);
    }

    static Transcript of(List<FinalResult> utterances, double audioSeconds, double processingSeconds) {
        List<WordTiming> words = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (FinalResult r : utterances) {
            words.addAll(r.words());
            texts.add(r.text());
        }
        return new Transcript(String.join(" ", texts), words, audioSeconds, processingSeconds);
    }

    public JsonObject toJson() {
        JsonArray w = new JsonArray(words.stream().map(WordTiming::toJson).toList());
        return new JsonObject().put("transcript", transcript).put("words", w)
                .put("audioSeconds", WordTiming.round(audioSeconds))
                .put("processingSeconds", WordTiming.round(processingSeconds));
    }
}
