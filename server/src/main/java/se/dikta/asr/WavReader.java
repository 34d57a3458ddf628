package se.dikta.asr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Push parser for RIFF/WAVE PCM 16-bit files: feed it the body as it arrives, get mono samples back
 * (channels averaged). It holds at most one chunk header and one partial sample frame, so a file of any
 * length streams through in constant memory. Messages are Swedish: they go back to the uploader.
 */
public final class WavReader {

    public static final int MIN_RATE = 8000;
    public static final int MAX_RATE = 48000;
    private static final int MAX_CHANNELS = 8;
    private static final long UNKNOWN_LENGTH = 0xFFFFFFFFL;

    private enum State { RIFF, CHUNK_HEADER, FMT, SKIP, DATA }

    private State state = State.RIFF;
    private byte[] pending = new byte[0];
    private long chunkRemaining;
    private boolean chunkPadded;
    /** From the fmt chunk; published as {@link #format()} once the data chunk (and its length) is reached. */
    private WavFormat fmt;
    private WavFormat format;
    private long bytesSeen;
    private long samplesOut;

    /** The format, once the whole header up to the audio data has been read. */
    public Optional<WavFormat> format() {
        return Optional.ofNullable(format);
    }

    /** Mono samples delivered so far. */
    public long samples() {
        return samplesOut;
    }

    /** Parses the next part of the file; returns the mono samples it completes (possibly none). */
    public short[] feed(byte[] bytes) throws AudioFormatException {
        bytesSeen += bytes.length;
        byte[] in = pending.length == 0 ? bytes : concat(pending, bytes);
        int pos = 0;
        short[] out = new short[0];
        while (pos < in.length) {
            int before = pos;
            State stateBefore = state;
            switch (state) {
                case RIFF -> pos = riff(in, pos);
                case CHUNK_HEADER -> pos = chunkHeader(in, pos);
                case FMT -> pos = fmt(in, pos);
                case SKIP -> pos = skip(in, pos);
                case DATA -> {
                    int frame = 2 * format.channels();
                    int usable = (int) Math.min(chunkRemaining, in.length - pos);
                    usable -= usable % frame;
                    if (usable > 0) {
                        out = concat(out, downmix(in, pos, usable));
                        pos += usable;
                        chunkRemaining -= usable;
                    }
                    if (chunkRemaining < frame) {
                        // a declared length that is not whole frames: the stray bytes are no audio
                        state = State.SKIP;
                        chunkRemaining += chunkPadded ? 1 : 0;
                    }
                }
            }
            if (pos == before && state == stateBefore) {
                break; // need more bytes
            }
        }
        pending = Arrays.copyOfRange(in, pos, in.length);
        return out;
    }

    /** Called at the end of the body: fails unless a complete header and at least one sample arrived. */
    public void end() throws AudioFormatException {
        if (bytesSeen == 0) {
            throw AudioFormatException.corrupt("Filen är tom");
        }
        if (format == null) {
            throw AudioFormatException.corrupt("WAV-filens huvud är ofullständigt eller saknar ljuddata");
        }
        if (samplesOut == 0) {
            throw AudioFormatException.corrupt("WAV-filen innehåller inget ljud");
        }
    }

    private int riff(byte[] in, int pos) throws AudioFormatException {
        int have = in.length - pos;
        String tag = new String(in, pos, Math.min(4, have), StandardCharsets.US_ASCII);
        if (!"RIFF".startsWith(tag)) {
            throw AudioFormatException.unsupported("Filen är inte en WAV-fil (RIFF/WAVE med 16-bitars PCM)");
        }
        if (have < 12) {
            return pos;
        }
        if (!new String(in, pos + 8, 4, StandardCharsets.US_ASCII).equals("WAVE")) {
            throw AudioFormatException.unsupported("Filen är inte en WAV-fil (RIFF/WAVE med 16-bitars PCM)");
        }
        state = State.CHUNK_HEADER;
        return pos + 12;
    }

    private int chunkHeader(byte[] in, int pos) throws AudioFormatException {
        if (in.length - pos < 8) {
            return pos;
        }
        String id = new String(in, pos, 4, StandardCharsets.US_ASCII);
        long size = ByteBuffer.wrap(in, pos + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        chunkPadded = (size & 1) == 1 && size != UNKNOWN_LENGTH;
        switch (id) {
            case "fmt " -> {
                if (fmt != null) {
                    throw AudioFormatException.corrupt("WAV-filen har två fmt-block");
                }
                if (size < 16 || size > 1024) {
                    throw AudioFormatException.corrupt("WAV-filens fmt-block har ogiltig längd " + size);
                }
                chunkRemaining = size;
                state = State.FMT;
            }
            case "data" -> {
                if (fmt == null) {
                    throw AudioFormatException.corrupt("WAV-filen saknar fmt-block före ljuddata");
                }
                // Streaming writers leave the length at 0 or 0xFFFFFFFF: then the data runs to the end.
                boolean unknown = size == 0 || size == UNKNOWN_LENGTH;
                chunkRemaining = unknown ? Long.MAX_VALUE : size;
                format = new WavFormat(fmt.sampleRate(), fmt.channels(),
                        unknown ? OptionalLong.empty() : OptionalLong.of(size));
                state = State.DATA;
            }
            default -> {
                chunkRemaining = size + (chunkPadded ? 1 : 0);
                chunkPadded = false;
                state = State.SKIP;
            }
        }
        return pos + 8;
    }

    private int fmt(byte[] in, int pos) throws AudioFormatException {
        if (in.length - pos < chunkRemaining) {
            return pos;
        }
        ByteBuffer b = ByteBuffer.wrap(in, pos, (int) chunkRemaining).order(ByteOrder.LITTLE_ENDIAN);
        int tag = b.getShort() & 0xFFFF;
        int channels = b.getShort() & 0xFFFF;
        long rate = b.getInt() & 0xFFFFFFFFL;
        b.getInt(); // byte rate
        int blockAlign = b.getShort() & 0xFFFF;
        int bits = b.getShort() & 0xFFFF;
        if (tag == 0xFFFE && chunkRemaining >= 40) {
            b.position(b.position() + 8); // cbSize, valid bits, channel mask
            tag = b.getShort() & 0xFFFF; // first two bytes of the sub-format GUID
        }
        if (tag != 1 || bits != 16) {
            throw AudioFormatException.unsupported(
                    "Endast okomprimerad 16-bitars PCM stöds (filen har format " + tag + ", " + bits + " bitar)");
        }
        if (channels < 1 || channels > MAX_CHANNELS || blockAlign != 2 * channels) {
            throw AudioFormatException.corrupt("WAV-filens fmt-block är inkonsekvent (" + channels + " kanaler)");
        }
        if (rate < MIN_RATE || rate > MAX_RATE) {
            throw AudioFormatException.unsupported(
                    "Samplingsfrekvensen " + rate + " Hz stöds inte (" + MIN_RATE + "–" + MAX_RATE + " Hz)");
        }
        fmt = new WavFormat((int) rate, channels, OptionalLong.empty());
        int next = pos + (int) chunkRemaining;
        chunkRemaining = chunkPadded ? 1 : 0;
        state = chunkPadded ? State.SKIP : State.CHUNK_HEADER;
        return next;
    }

    private int skip(byte[] in, int pos) {
        int n = (int) Math.min(chunkRemaining, in.length - pos);
        chunkRemaining -= n;
        if (chunkRemaining == 0) {
            state = State.CHUNK_HEADER;
        }
        return pos + n;
    }

    private short[] downmix(byte[] in, int pos, int len) {
        int channels = format.channels();
        ByteBuffer b = ByteBuffer.wrap(in, pos, len).order(ByteOrder.LITTLE_ENDIAN);
        short[] out = new short[len / (2 * channels)];
        for (int i = 0; i < out.length; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += b.getShort();
            }
            out[i] = (short) Math.round((double) sum / channels);
        }
        samplesOut += out.length;
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static short[] concat(short[] a, short[] b) {
        if (a.length == 0) {
            return b;
        }
        short[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
