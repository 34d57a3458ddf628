package se.dikta.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A generated Vosk model whose words are pure tones (see {@link ToneModelGenerator}).
 *
 * @param dir        the model directory, loadable with {@code new org.vosk.Model(dir)}
 * @param sampleRate the rate the model expects
 * @param words      the vocabulary with each word's tone
 */
public record ToneModel(Path dir, int sampleRate, List<ToneWord> words) {

    /** One vocabulary entry: word id in words.txt, phone id in the transition model, tone frequency. */
    public record ToneWord(String word, int wordId, int phone, double frequencyHz) {}

    public ToneModel {
        words = List.copyOf(words);
    }

    public Map<String, ToneWord> byWord() {
        return words.stream().collect(Collectors.toUnmodifiableMap(ToneWord::word, Function.identity()));
    }

    public ToneWord word(String word) {
        ToneWord w = byWord().get(word);
        if (w == null) {
            throw new IllegalArgumentException("not in the tone vocabulary: " + word);
        }
        return w;
    }
}
