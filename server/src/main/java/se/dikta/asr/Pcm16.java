package se.dikta.asr;

import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The samples of a stream's binary frame: 16-bit little-endian mono PCM (an even number of bytes). */
final class Pcm16 {

    private Pcm16() {}

    static short[] samples(Buffer frame) {
        short[] samples = new short[frame.length() / 2];
        ByteBuffer.wrap(frame.getBytes()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }
}
