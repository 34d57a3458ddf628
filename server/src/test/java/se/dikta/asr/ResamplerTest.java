package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static short[] sine(int rate, double hz, double seconds, double amplitude) {
        short[] s = new short[(int) Math.round(rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    private static short[] resampleAll(Resampler r, short[] in, int chunk) {
        short[] out = new short[0];
        for (int off = 0; off < in.length; off += chunk) {
            int len = Math.min(chunk, in.length - off);
            out = concat(out, r.process(Arrays.copyOfRange(in, off, off + len), len));
        }
        return concat(out, r.flush());
    }

    private static short[] concat(short[] a, short[] b) {
        short[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Amplitude of the component at {@code hz} (Goertzel), over the middle of the signal. */
    private static double amplitudeAt(short[] s, int rate, double hz) {
        int from = s.length / 4;
        int to = 3 * s.length / 4;
        double re = 0;
        double im = 0;
        for (int i = from; i < to; i++) {
            re += s[i] * Math.cos(2 * Math.PI * hz * i / rate);
            im += s[i] * Math.sin(2 * Math.PI * hz * i / rate);
        }
        return 2 * Math.hypot(re, im) / (to - from);
    }

    @Test
    void upsamplingKeepsLengthAmplitudeAndFrequency() {
        short[] out = resampleAll(new Resampler(8000, 16000), sine(8000, 1000, 1.0, 10000), 160);
        assertThat(out.length).isEqualTo(16000);
        assertThat(amplitudeAt(out, 16000, 1000)).isCloseTo(10000, within(100.0));
        // the image at 8000 - 1000 Hz is what naive sample repetition would leave behind
        assertThat(amplitudeAt(out, 16000, 7000)).isLessThan(20);
    }

    @Test
    void downsamplingRejectsWhatWouldAlias() {
        Resampler r = new Resampler(48000, 16000);
        assertThat(amplitudeAt(resampleAll(r, sine(48000, 3000, 1.0, 10000), 4800), 16000, 3000))
                .isCloseTo(10000, within(100.0));
        // 12 kHz cannot exist at 16 kHz; dropping samples would fold it onto 4 kHz at full strength
        short[] out = resampleAll(new Resampler(48000, 16000), sine(48000, 12000, 1.0, 10000), 4800);
        assertThat(amplitudeAt(out, 16000, 4000)).isLessThan(10);
    }

    @Test
    void oddRatiosGiveTheRightLength() {
        short[] out = resampleAll(new Resampler(44100, 16000), sine(44100, 440, 2.0, 5000), 1000);
        assertThat(out.length).isEqualTo(32000);
        assertThat(amplitudeAt(out, 16000, 440)).isCloseTo(5000, within(50.0));
    }

    @Test
    void chunkingDoesNotChangeTheOutput() {
        short[] in = sine(22050, 700, 0.5, 8000);
        short[] whole = resampleAll(new Resampler(22050, 16000), in, in.length);
        short[] pieces = resampleAll(new Resampler(22050, 16000), in, 37);
        assertThat(pieces).containsExactly(whole);
    }

    @Test
    void doesNotDelayTheSignal() {
        short[] in = new short[4800];
        in[2400] = 30000; // an impulse at 50 ms
        short[] out = resampleAll(new Resampler(48000, 16000), in, 480);
        int peak = 0;
        for (int i = 0; i < out.length; i++) {
            if (Math.abs(out[i]) > Math.abs(out[peak])) {
                peak = i;
            }
        }
        assertThat(peak).isEqualTo(800);
    }

    @Test
    void sameRatePassesThrough() {
        short[] in = sine(16000, 500, 0.1, 1000);
        assertThat(resampleAll(new Resampler(16000, 16000), in, 100)).containsExactly(in);
    }
}
