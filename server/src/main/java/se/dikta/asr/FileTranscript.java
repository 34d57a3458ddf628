package se.dikta.asr;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import se.dikta.speech.WordTiming;

/** The result of transcribing a file. */
public record FileTranscript(String transcript, List<WordTiming> words, double audioSeconds, double processingSeconds) {

    public FileTranscript {
        words = List.copyOf(words);
    }

    static FileTranscript of(List<FinalResult> utterances, double audioSeconds, double processingSeconds) {
        List<WordTiming> words = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (FinalResult r : utterances) {
            words.addAll(r.words());
            texts.add(r.text());
        }
        return new FileTranscript(String.join(" ", texts), words, audioSeconds, processingSeconds);
    }

    public JsonObject toJson() {
        JsonArray w = new JsonArray(words.stream().map(WordTiming::toJson).toList());
        return new JsonObject().put("transcript", transcript).put("words", w)
                .put("audioSeconds", WordTiming.round(audioSeconds))
                .put("processingSeconds", WordTiming.round(processingSeconds));
    }
}
