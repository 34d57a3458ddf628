package se.dikta.asr;

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
}
