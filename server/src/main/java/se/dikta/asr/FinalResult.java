package se.dikta.asr;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import se.dikta.speech.WordTiming;

/**
 * A finished utterance. {@code seq} is the last audio frame it includes; an empty text marks an
 * endpoint in silence, which still lets the stream acknowledge its frames.
 */
public record FinalResult(String text, List<WordTiming> words, long seq) {
    public FinalResult {
        words = List.copyOf(words);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The stream's {@code final} message (api.md). */
    public JsonObject toJson() {
        JsonArray json = new JsonArray(words.stream().map(WordTiming::toJson).toList());
        return new JsonObject().put("type", "final").put("text", text).put("words", json).put("seq", seq);
    }
}
