package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import se.dikta.failure.DomainException;

class WavReaderTest {

    private static byte[] wav(int tag, int channels, int rate, int bits, short[] interleaved, boolean withList) {
        byte[] list = withList ? "LIST\u0005\0\0\0abcde\0".getBytes(StandardCharsets.ISO_8859_1) : new byte[0];
        int data = interleaved.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + list.length + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + list.length + data)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) tag)
                .putShort((short) channels).putInt(rate).putInt(rate * channels * bits / 8)
                .putShort((short) (channels * bits / 8)).putShort((short) bits);
        b.put(list);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        for (short s : interleaved) {
            b.putShort(s);
        }
        return b.array();
    }

    private static short[] readAll(WavReader r, byte[] file, int chunk) throws AudioFormatException {
        short[] out = new short[0];
        for (int off = 0; off < file.length; off += chunk) {
            short[] s = r.feed(Arrays.copyOfRange(file, off, Math.min(file.length, off + chunk)));
            short[] joined = Arrays.copyOf(out, out.length + s.length);
            System.arraycopy(s, 0, joined, out.length, s.length);
            out = joined;
        }
        r.end();
        return out;
    }

    @Test
    void readsMonoInAnyChunking() throws AudioFormatException {
        short[] samples = {1, -2, 300, -32768, 32767, 5};
        byte[] file = wav(1, 1, 16000, 16, samples, true);
        for (int chunk : new int[] {1, 3, 7, file.length}) {
            WavReader r = new WavReader();
            assertThat(readAll(r, file, chunk)).containsExactly(samples);
            assertThat(r.format()).hasValueSatisfying(f -> {
                assertThat(f.sampleRate()).isEqualTo(16000);
                assertThat(f.declaredSeconds()).isEqualTo(6 / 16000.0);
            });
        }
    }

    @Test
    void publishesTheFormatOnlyOnceTheDataChunkAndItsLengthAreKnown() throws AudioFormatException {
        byte[] file = wav(1, 1, 16000, 16, new short[] {1, 2, 3}, true);
        WavReader r = new WavReader();
        r.feed(Arrays.copyOf(file, 36)); // RIFF header and fmt chunk
        assertThat(r.format()).isEmpty();
        r.feed(Arrays.copyOfRange(file, 36, file.length - 6));
        assertThat(r.format()).hasValueSatisfying(f -> assertThat(f.dataBytes()).hasValue(6));
    }

    @Test
    void downmixesStereoByAveraging() throws AudioFormatException {
        byte[] file = wav(1, 2, 48000, 16, new short[] {100, 300, -1000, 0, 32767, 32767}, false);
        assertThat(readAll(new WavReader(), file, 5)).containsExactly((short) 200, (short) -500, (short) 32767);
    }

    @Test
    void rejectsFilesThatAreNotWavAs415() {
        assertThatThrownBy(() -> readAll(new WavReader(), "ID3\u0004 mp3 data".getBytes(StandardCharsets.ISO_8859_1), 4))
                .isInstanceOfSatisfying(AudioFormatException.class, e -> assertThat(e.failure().kind()).isEqualTo(DomainException.Kind.UNSUPPORTED));
        byte[] avi = wav(1, 1, 16000, 16, new short[] {1}, false);
        System.arraycopy("AVI ".getBytes(StandardCharsets.US_ASCII), 0, avi, 8, 4);
        assertThatThrownBy(() -> readAll(new WavReader(), avi, 100))
                .isInstanceOfSatisfying(AudioFormatException.class, e -> assertThat(e.failure().kind()).isEqualTo(DomainException.Kind.UNSUPPORTED));
    }

    @Test
    void rejectsEncodingsOtherThanPcm16As415() {
        assertThatThrownBy(() -> readAll(new WavReader(), wav(3, 1, 16000, 32, new short[] {1, 2}, false), 64))
                .isInstanceOfSatisfying(AudioFormatException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(DomainException.Kind.UNSUPPORTED);
                    assertThat(e.getMessage()).contains("16-bitars PCM");
                });
        assertThatThrownBy(() -> readAll(new WavReader(), wav(1, 1, 96000, 16, new short[] {1}, false), 64))
                .isInstanceOfSatisfying(AudioFormatException.class, e -> assertThat(e.failure().kind()).isEqualTo(DomainException.Kind.UNSUPPORTED));
    }

    @Test
    void rejectsEmptyAndTruncatedFilesAs400WithTheReason() {
        assertThatThrownBy(() -> readAll(new WavReader(), new byte[0], 1))
                .isInstanceOfSatisfying(AudioFormatException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.getMessage()).isEqualTo("Filen är tom");
                });
        byte[] headerOnly = Arrays.copyOf(wav(1, 1, 16000, 16, new short[] {1}, false), 30);
        assertThatThrownBy(() -> readAll(new WavReader(), headerOnly, 8))
                .isInstanceOfSatisfying(AudioFormatException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.getMessage()).contains("ofullständigt");
                });
        byte[] noAudio = wav(1, 1, 16000, 16, new short[0], false);
        assertThatThrownBy(() -> readAll(new WavReader(), noAudio, 8))
                .isInstanceOfSatisfying(AudioFormatException.class, e -> assertThat(e.getMessage()).contains("inget ljud"));
    }

    @Test
    void rejectsInconsistentFormatAs400() {
        byte[] file = wav(1, 1, 16000, 16, new short[] {1, 2}, false);
        file[32] = 4; // block align 4 for a mono 16-bit file
        assertThatThrownBy(() -> readAll(new WavReader(), file, 64))
                .isInstanceOfSatisfying(AudioFormatException.class, e -> assertThat(e.failure().kind()).isEqualTo(DomainException.Kind.INVALID));
    }
}
