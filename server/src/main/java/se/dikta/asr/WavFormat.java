package se.dikta.asr;

import java.util.OptionalLong;

/**
 * The fmt chunk of a PCM16 WAV file plus the declared data length, when the writer knew it.
 */
public record WavFormat(int sampleRate, int channels, OptionalLong dataBytes) {

    /** Seconds of audio the header announces, if it announces a length. */
    public double declaredSeconds() {
        return dataBytes.isPresent() ? dataBytes.getAsLong() / (2.0 * channels * sampleRate) : Double.NaN;
    }
}
