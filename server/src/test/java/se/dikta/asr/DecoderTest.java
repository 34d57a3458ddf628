package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.dikta.speech.WordTiming;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneWavWriter;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/** Resampling + recogniser on the generated tone model through the real library. */
class DecoderTest {

    private static final String SCRIPT = "hallå mötet bedömning | punkt rubrik | förskola socialtjänsten åtgärd";

    @TempDir
    static Path dir;
    static ToneModel toneModel;
    static SpeechModel model;

    @BeforeAll
    static void load() throws Exception {
        LoadedToneModel loaded = LoadedToneModel.generate(dir.resolve("tone"));
        toneModel = loaded.tone();
        model = loaded.speech();
    }

    @AfterAll
    static void free() {
        model.close();
    }

    static List<DecodeEvent> decode(ToneAudio audio, int frameMillis) throws IOException {
        List<DecodeEvent> events = new ArrayList<>();
        try (Decoder decoder = new Decoder(model, audio.sampleRate())) {
            ByteBuffer pcm = ByteBuffer.wrap(audio.pcm()).order(ByteOrder.LITTLE_ENDIAN);
            int frame = audio.sampleRate() * frameMillis / 1000;
            long seq = 0;
            while (pcm.hasRemaining()) {
                short[] samples = new short[Math.min(frame, pcm.remaining() / 2)];
                pcm.asShortBuffer().get(samples);
                pcm.position(pcm.position() + samples.length * 2);
                events.addAll(decoder.accept(samples, samples.length, ++seq));
            }
            events.addAll(decoder.finish(seq));
            assertThat(decoder.audioSeconds()).isCloseTo(audio.seconds(), within(1e-9));
        }
        return events;
    }

    static List<FinalResult> finals(List<DecodeEvent> events) {
        return events.stream().filter(DecodeEvent.Final.class::isInstance)
                .map(e -> ((DecodeEvent.Final) e).result()).filter(r -> !r.isEmpty()).toList();
    }

    static void assertMatches(List<FinalResult> finals, ToneAudio audio) {
        List<WordTiming> words = finals.stream().flatMap(f -> f.words().stream()).toList();
        assertThat(words).extracting(WordTiming::word).containsExactlyElementsOf(audio.words());
        for (int i = 0; i < words.size(); i++) {
            assertThat(words.get(i).start()).isCloseTo(audio.spans().get(i).start(), within(0.06));
            assertThat(words.get(i).end()).isCloseTo(audio.spans().get(i).end(), within(0.06));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16000, 8000, 11025, 22050, 44100, 48000})
    void decodesTheSameWordsAtEveryInputRate(int rate) throws IOException {
        ToneAudio audio = new ToneWavWriter(toneModel).render(SCRIPT, rate);
        List<FinalResult> finals = finals(decode(audio, 100));
        assertMatches(finals, audio);
        assertThat(finals).extracting(FinalResult::text)
                .containsExactly("hallå mötet bedömning", "punkt rubrik", "förskola socialtjänsten åtgärd");
    }

    @Test
    void partialsComeBeforeTheirFinal() throws IOException {
        ToneAudio audio = new ToneWavWriter(toneModel).render("oro stöd läkare", 16000);
        List<DecodeEvent> events = decode(audio, 50);
        int firstPartial = events.indexOf(events.stream().filter(e -> e instanceof DecodeEvent.Partial p
                && p.text().equals("oro")).findFirst().orElseThrow());
        int firstFinal = events.indexOf(events.stream().filter(e -> e instanceof DecodeEvent.Final f
                && !f.result().isEmpty()).findFirst().orElseThrow());
        assertThat(firstPartial).isLessThan(firstFinal);
        assertThat(((DecodeEvent.Final) events.get(firstFinal)).result().text()).isEqualTo("oro stöd läkare");
    }

    @Test
    void finalsCarryTheFrameThatEndedTheUtterance() throws IOException {
        ToneAudio audio = new ToneWavWriter(toneModel).render("mamma | pappa", 16000);
        List<FinalResult> finals = finals(decode(audio, 100));
        assertThat(finals).hasSize(2);
        // the endpoint needs 0.5 s of silence after the tone, which ends at 0.6 s
        assertThat(finals.get(0).seq()).isBetween(11L, 13L);
    }
}
