package se.dikta.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import se.dikta.testing.ToneModel.ToneWord;

/**
 * The decoding graph of a {@link ToneModelGenerator} model: the word list, the word boundaries and the HCLG
 * FST in OpenFst's binary "vector" format. Any word may follow any word or silence; each word costs
 * {@link #WORD_COST} to enter.
 */
final class ToneGraph {

    /** Graph cost of starting a word, so that brief noise does not become a word. */
    static final float WORD_COST = 2.0f;
    private static final int FST_MAGIC = 2125659606;

    private ToneGraph() {
    }

    static String wordsTxt(List<ToneWord> words) {
        StringBuilder sb = new StringBuilder("<eps> 0\n");
        for (ToneWord w : words) {
            sb.append(w.word()).append(' ').append(w.wordId()).append('\n');
        }
        return sb.toString();
    }

    /** Phone 1 is silence (nonword), every other phone is a whole word. */
    static String wordBoundary(int phones) {
        StringBuilder sb = new StringBuilder("1 nonword\n");
        for (int p = 2; p <= phones; p++) {
            sb.append(p).append(" singleton\n");
        }
        return sb.toString();
    }

    /**
     * State 0 starts, state p is "inside phone p". From every state an arc enters each phone with its
     * forward transition id (carrying the word, if any); each phone state loops on its self-loop id.
     * The forward-then-self-loops order is Kaldi's "reordered" HMM layout, which word alignment expects.
     */
    static byte[] hclg(List<ToneWord> words) {
        int phones = words.size() + 1;
        int states = phones + 1;
        long arcs = (long) states * phones + phones;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(4 + 4 + 6 + 4 + 8 + 4 + 4 + 8 + 8 + 8 + 8).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(FST_MAGIC);
        putString(header, "vector");
        putString(header, "standard");
        header.putInt(2).putInt(0).putLong(0x3L).putLong(0).putLong(states).putLong(arcs);
        out.write(header.array(), 0, header.position());
        for (int s = 0; s < states; s++) {
            int arcCount = phones + (s > 0 ? 1 : 0);
            ByteBuffer b = ByteBuffer.allocate(4 + 8 + arcCount * 16).order(ByteOrder.LITTLE_ENDIAN);
            b.putFloat(0f).putLong(arcCount);
            for (int p = 1; p <= phones; p++) {
                boolean silence = p == 1;
                int wordId = silence ? 0 : words.get(p - 2).wordId();
                b.putInt(2 * p).putInt(wordId).putFloat(silence ? 0f : WORD_COST).putInt(p);
            }
            if (s > 0) {
                b.putInt(2 * s - 1).putInt(0).putFloat(0f).putInt(s);
            }
            out.write(b.array(), 0, b.position());
        }
        return out.toByteArray();
    }

    private static void putString(ByteBuffer b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
        b.putInt(bytes.length).put(bytes);
    }
}
