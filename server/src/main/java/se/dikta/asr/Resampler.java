package se.dikta.asr;

import java.util.Arrays;

/**
 * Streaming polyphase resampler: windowed-sinc (Kaiser) low-pass at 95 % of the lower Nyquist
 * frequency, evaluated exactly at each output instant, so both upsampling (8 kHz) and downsampling
 * (44.1/48 kHz) keep the band and reject images and aliases. The filter is linear-phase and centred,
 * so the output is not delayed: word times stay true. Not thread-safe: one per stream.
 */
public final class Resampler {

    private static final int ZERO_CROSSINGS = 32;
    private static final double ROLLOFF = 0.95;
    private static final double KAISER_BETA = 8.0;

    private final int inRate;
    private final int outRate;
    private final int up;
    private final int down;
    private final int half;
    private final float[][] phases;

    /** Input samples from absolute index {@code bufferStart}; negative indices are the zero history. */
    private float[] buffer;
    private int buffered;
    private long bufferStart;
    private long inputCount;
    private long outputCount;

    public Resampler(int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive");
        }
        this.inRate = inRate;
        this.outRate = outRate;
        int g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        double cutoff = 0.5 * Math.min(1.0, (double) outRate / inRate) * ROLLOFF; // cycles per input sample
        this.half = (int) Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
        this.phases = passThrough() ? new float[0][] : kernel(cutoff);
        this.buffer = new float[4096 + 2 * half];
        this.buffered = half - 1;
        this.bufferStart = -(half - 1);
    }

    public int inRate() {
        return inRate;
    }

    public int outRate() {
        return outRate;
    }

    private boolean passThrough() {
        return up == down;
    }

    /** Coefficients per output phase p (output instant = integer input index + p/up). */
    private float[][] kernel(double cutoff) {
        float[][] table = new float[up][2 * half];
        double i0Beta = besselI0(KAISER_BETA);
        for (int p = 0; p < up; p++) {
            double frac = (double) p / up;
            double sum = 0;
            double[] c = new double[2 * half];
            for (int j = 0; j < 2 * half; j++) {
                int d = j - half + 1; // input index offset from floor(output instant)
                double x = frac - d;
                double r = x / half;
                double window = Math.abs(r) >= 1 ? 0 : besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / i0Beta;
                double arg = 2 * cutoff * x;
                double sinc = arg == 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
                c[j] = 2 * cutoff * sinc * window;
                sum += c[j];
            }
            for (int j = 0; j < c.length; j++) {
                table[p][j] = (float) (c[j] / sum); // unity gain at DC for every phase
            }
        }
        return table;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }

    /** Resamples the next {@code count} samples; returns the output samples now computable (at equal rates: the input). */
    public short[] process(short[] samples, int count) {
        if (passThrough()) {
            inputCount += count;
            outputCount += count;
            return count == samples.length ? samples : Arrays.copyOf(samples, count);
        }
        append(samples, count);
        return produce(inputCount);
    }

    /** Ends the stream: pads with silence so the last input samples reach the output. */
    public short[] flush() {
        if (passThrough()) {
            return new short[0];
        }
        long end = inputCount;
        append(new short[half + 1], half + 1);
        inputCount = end;
        return produce(end + half + 1);
    }

    private void append(short[] samples, int count) {
        if (buffered + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, buffered + count));
        }
        for (int i = 0; i < count; i++) {
            buffer[buffered + i] = samples[i];
        }
        buffered += count;
        inputCount += count;
    }

    /** Emits every output whose window lies within {@code available} input samples and whose instant lies before the end. */
    private short[] produce(long available) {
        long limitByInput = available - half; // need floor(t) + half < available
        long n = outputCount;
        long last = n - 1;
        while (true) {
            long pos = (last + 1) * down;
            long base = pos / up;
            if (base >= limitByInput || base >= inputCount) {
                break;
            }
            last++;
        }
        int produced = (int) (last - n + 1);
        short[] out = new short[Math.max(0, produced)];
        for (int i = 0; i < produced; i++, n++) {
            long pos = n * down;
            long base = pos / up;
            float[] c = phases[(int) (pos % up)];
            int from = (int) (base - half + 1 - bufferStart);
            double acc = 0;
            for (int j = 0; j < c.length; j++) {
                acc += c[j] * buffer[from + j];
            }
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(acc)));
        }
        outputCount = n;
        discardConsumed();
        return out;
    }

    private void discardConsumed() {
        long nextBase = outputCount * down / up;
        long keepFrom = nextBase - half + 1;
        int drop = (int) (keepFrom - bufferStart);
        if (drop > 0 && drop <= buffered) {
            System.arraycopy(buffer, drop, buffer, 0, buffered - drop);
            buffered -= drop;
            bufferStart += drop;
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
