package se.dikta.structure.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * The context of one word boundary for the sentence-boundary model: the words around it, their classes
 * ({@link WordClasses}), where the next finite verb stands (Swedish main clauses put it second: "hon
 * berättar", "fallrisken i bostaden är"), whether the sentence so far has a verb at all, and its length.
 * Thread-safe.
 */
public final class BoundaryFeatures {

    /** Bump when the features change so that cached models trained with the old ones are not reused. */
    public static final String VERSION = "boundary-5";

    private static final int VERB_LOOKAHEAD = 4;

    private final WordClasses classes;

    public BoundaryFeatures(WordClasses classes) {
        this.classes = classes;
    }

    public WordClasses classes() {
        return classes;
    }

    /**
     * Context for the boundary after {@code words[i]}.
     *
     * @param sentenceLength words of the current sentence up to and including {@code words[i]}
     */
    public String[] context(List<String> words, int i, int sentenceLength) {
        String p1 = words.get(i);
        String p2 = at(words, i - 1);
        String n1 = at(words, i + 1);
        String n2 = at(words, i + 2);
        String n3 = at(words, i + 3);
        int remaining = words.size() - i - 1;
        String p1c = classes.of(p1);
        String n1c = classes.of(n1);
        String n2c = classes.of(n2);
        String len = bucket(sentenceLength);
        String verbAt = nextVerbPosition(words, i);
        String hasVerb = Boolean.toString(hasVerb(words, i - sentenceLength + 1, i));
        String s0 = words.get(Math.max(0, i - sentenceLength + 1));
        List<String> f = new ArrayList<>(30);
        f.add("s0=" + s0);
        f.add("s0_n1c=" + s0 + "_" + n1c);
        f.add("p1=" + p1);
        f.add("p2=" + p2);
        f.add("n1=" + n1);
        f.add("n2=" + n2);
        f.add("n3=" + n3);
        f.add("p2p1=" + p2 + "_" + p1);
        f.add("n1n2=" + n1 + "_" + n2);
        f.add("p1n1=" + p1 + "_" + n1);
        f.add("p1s=" + suffix(p1, 3));
        f.add("n1s=" + suffix(n1, 3));
        f.add("n2s=" + suffix(n2, 2));
        f.add("p1c=" + p1c);
        f.add("n1c=" + n1c);
        f.add("n2c=" + n2c);
        f.add("n1c_n2c=" + n1c + "_" + n2c);
        f.add("p1c_n1c=" + p1c + "_" + n1c);
        f.add("n1_n2c=" + n1 + "_" + n2c);
        f.add("p1_n1c=" + p1 + "_" + n1c);
        f.add("verb=" + verbAt);
        f.add("verb_n1c=" + verbAt + "_" + n1c);
        f.add("hasverb=" + hasVerb);
        f.add("hasverb_verb=" + hasVerb + "_" + verbAt);
        f.add("len=" + len);
        f.add("rem=" + bucket(remaining));
        f.add("len_n1c=" + len + "_" + n1c);
        f.add("len_hasverb=" + len + "_" + hasVerb);
        return f.toArray(String[]::new);
    }

    /** 1..4: the position after the boundary of the first verb-like word, or "none" before a clause word. */
    private String nextVerbPosition(List<String> words, int i) {
        for (int k = 1; k <= VERB_LOOKAHEAD && i + k < words.size(); k++) {
            String w = words.get(i + k);
            if (classes.isVerbLike(w)) {
                return Integer.toString(k);
            }
            if (w.equals("att") || w.equals("som") || w.equals("och")) {
                return "none";
            }
        }
        return "none";
    }

    private boolean hasVerb(List<String> words, int from, int to) {
        for (int k = Math.max(0, from); k <= to; k++) {
            if (classes.isVerbLike(words.get(k))) {
                return true;
            }
        }
        return false;
    }

    private static String at(List<String> words, int i) {
        if (i < 0) {
            return "<s>";
        }
        return i < words.size() ? words.get(i) : "</s>";
    }

    private static String suffix(String w, int n) {
        return w.length() <= n ? w : w.substring(w.length() - n);
    }

    private static String bucket(int n) {
        if (n <= 3) {
            return Integer.toString(n);
        }
        if (n <= 5) {
            return "4-5";
        }
        if (n <= 8) {
            return "6-8";
        }
        if (n <= 12) {
            return "9-12";
        }
        if (n <= 20) {
            return "13-20";
        }
        return "21+";
    }
}
