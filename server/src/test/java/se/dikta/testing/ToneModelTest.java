package se.dikta.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;
import se.dikta.testing.ToneWavWriter.ToneAudio;
import se.dikta.testing.ToneWavWriter.ToneSpan;

/** The generated tone model decodes through the real org.vosk library. */
class ToneModelTest {

    @TempDir
    static Path dir;
    static ToneModel toneModel;
    static Model model;

    record Word(String word, double start, double end) {}

    @BeforeAll
    static void load() throws IOException {
        toneModel = new ToneModelGenerator().generate(dir.resolve("model"));
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        model = new Model(toneModel.dir().toString());
    }

    @AfterAll
    static void free() {
        model.close();
    }

    private static List<List<Word>> decode(ToneAudio audio) throws IOException {
        List<List<Word>> utterances = new ArrayList<>();
        try (Recognizer rec = new Recognizer(model, audio.sampleRate())) {
            rec.setWords(true);
            int chunk = audio.sampleRate() / 10 * 2;
            byte[] pcm = audio.pcm();
            for (int off = 0; off < pcm.length; off += chunk) {
                int len = Math.min(chunk, pcm.length - off);
                byte[] part = java.util.Arrays.copyOfRange(pcm, off, off + len);
                if (rec.acceptWaveForm(part, len)) {
                    addResult(utterances, rec.getResult());
                }
            }
            addResult(utterances, rec.getFinalResult());
        }
        return utterances;
    }

    private static void addResult(List<List<Word>> utterances, String json) {
        JsonArray result = new JsonObject(json).getJsonArray("result");
        if (result == null || result.isEmpty()) {
            return;
        }
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            JsonObject w = result.getJsonObject(i);
            words.add(new Word(w.getString("word"), w.getDouble("start"), w.getDouble("end")));
        }
        utterances.add(words);
    }

    private static void assertDecodes(String script) throws IOException {
        ToneAudio audio = new ToneWavWriter(toneModel).render(script, toneModel.sampleRate());
        List<List<Word>> utterances = decode(audio);
        List<Word> all = utterances.stream().flatMap(List::stream).toList();
        assertThat(all).extracting(Word::word).containsExactlyElementsOf(audio.words());
        for (int i = 0; i < all.size(); i++) {
            ToneSpan span = audio.spans().get(i);
            assertThat(all.get(i).start()).as("start of %s", span.word()).isCloseTo(span.start(), within(0.06));
            assertThat(all.get(i).end()).as("end of %s", span.word()).isCloseTo(span.end(), within(0.06));
        }
        long pauses = script.chars().filter(c -> c == '|').count();
        assertThat(utterances).hasSize((int) pauses + 1);
    }

    @Test
    void decodesEveryWordOfTheVocabulary() throws IOException {
        assertDecodes(String.join(" ", ToneModelGenerator.VOCABULARY));
    }

    @Test
    void decodesRepeatedWordsAndPauses() throws IOException {
        assertDecodes("hallå mötet | punkt punkt rubrik | bedömning förskola");
    }

    @Test
    void hiddenLayersMakeDecodingCostMoreButChangeNoWordNorTime() throws IOException {
        String script = "hallå mötet | punkt barnet rubrik | bedömning förskola stöd";
        ToneAudio audio = new ToneWavWriter(toneModel).render(script, toneModel.sampleRate());
        List<List<Word>> plain = decode(audio);
        ToneModel deep = new ToneModelGenerator().withHiddenLayers(2, 64).generate(dir.resolve("deep"));
        Model plainModel = model;
        try (Model deepModel = new Model(deep.dir().toString())) {
            model = deepModel;
            assertThat(decode(audio)).isEqualTo(plain);
        } finally {
            model = plainModel;
        }
        assertThat(java.nio.file.Files.size(deep.dir().resolve("am/final.mdl")))
                .isGreaterThan(java.nio.file.Files.size(toneModel.dir().resolve("am/final.mdl")) + 64 * 64);
    }

    @Test
    void decodesASingleWord() throws IOException {
        assertDecodes("stöd");
    }
}
