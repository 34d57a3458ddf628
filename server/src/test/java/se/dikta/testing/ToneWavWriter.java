package se.dikta.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a word sequence into a PCM16 tone melody for a {@link ToneModel}: one tone per word, short
 * silences between words, and {@value #PAUSE} in the script for a pause long enough (0.8 s) to end an
 * utterance. Example: {@code "hallå mötet | punkt"} is two utterances.
 */
public final class ToneWavWriter {

    public static final String PAUSE = "|";

    /** Timing of a melody, in seconds. */
    public record Timing(double lead, double tone, double gap, double pause, double tail) {
        public static final Timing DEFAULT = new Timing(0.3, 0.30, 0.12, 0.8, 0.8);
    }

    /** When a word's tone sounds, in seconds from the start. */
    public record ToneSpan(String word, double start, double end) {}

    /** Rendered audio: interleaved little-endian PCM16 plus where each word sounds. */
    public record ToneAudio(byte[] pcm, int sampleRate, int channels, List<ToneSpan> spans) {
        public ToneAudio {
            spans = List.copyOf(spans);
        }

        public double seconds() {
            return pcm.length / (2.0 * channels * sampleRate);
        }

        public List<String> words() {
            return spans.stream().map(ToneSpan::word).toList();
        }

        /** The audio as a RIFF/WAVE file. */
        public byte[] wav() {
            ByteBuffer b = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
            b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + pcm.length).put(new byte[] {'W', 'A', 'V', 'E'});
            b.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) channels)
                    .putInt(sampleRate).putInt(sampleRate * channels * 2).putShort((short) (channels * 2))
                    .putShort((short) 16);
            b.put(new byte[] {'d', 'a', 't', 'a'}).putInt(pcm.length).put(pcm);
            return b.array();
        }

        public Path writeWav(Path file) throws IOException {
            return Files.write(file, wav());
        }
    }

    private static final double AMPLITUDE = 0.3 * 32767;
    /** Raised-cosine ramps keep tone edges from splattering into other bands. */
    private static final double RAMP = 0.005;

    private final ToneModel model;
    private final Timing timing;

    public ToneWavWriter(ToneModel model) {
        this(model, Timing.DEFAULT);
    }

    public ToneWavWriter(ToneModel model, Timing timing) {
        this.model = model;
        this.timing = timing;
    }

    /** Mono melody at {@code sampleRate}. */
    public ToneAudio render(String script, int sampleRate) {
        return render(script, sampleRate, 1);
    }

    /** Melody at {@code sampleRate}; with 2 channels the tone is in the left channel only. */
    public ToneAudio render(String script, int sampleRate, int channels) {
        List<String> tokens = List.of(script.trim().split("\\s+"));
        List<ToneSpan> spans = new ArrayList<>();
        double t = timing.lead();
        boolean previousWasWord = false;
        for (String token : tokens) {
            if (token.equals(PAUSE)) {
                t += timing.pause() - (previousWasWord ? timing.gap() : 0);
                previousWasWord = false;
                continue;
            }
            model.word(token);
            spans.add(new ToneSpan(token, t, t + timing.tone()));
            t += timing.tone() + timing.gap();
            previousWasWord = true;
        }
        double total = t + timing.tail();
        int frames = (int) Math.round(total * sampleRate);
        short[] mono = new short[frames];
        for (ToneSpan span : spans) {
            addTone(mono, sampleRate, span, model.word(span.word()).frequencyHz());
        }
        ByteBuffer pcm = ByteBuffer.allocate(frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : mono) {
            pcm.putShort(s);
            for (int c = 1; c < channels; c++) {
                pcm.putShort((short) 0);
            }
        }
        return new ToneAudio(pcm.array(), sampleRate, channels, spans);
    }

    private static void addTone(short[] out, int sampleRate, ToneSpan span, double frequency) {
        int from = (int) Math.round(span.start() * sampleRate);
        int to = Math.min(out.length, (int) Math.round(span.end() * sampleRate));
        int ramp = (int) Math.round(RAMP * sampleRate);
        for (int i = from; i < to; i++) {
            int edge = Math.min(i - from, to - 1 - i);
            double gain = edge >= ramp ? 1.0 : 0.5 - 0.5 * Math.cos(Math.PI * edge / ramp);
            double v = AMPLITUDE * gain * Math.sin(2 * Math.PI * frequency * (i - from) / sampleRate);
            out[i] = (short) Math.round(v);
        }
    }
}
