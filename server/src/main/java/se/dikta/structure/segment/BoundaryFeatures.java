package se.dikta.structure.segment;

import java.util.Arrays;
import java.util.List;

/**
 * The context of one word boundary for the sentence-boundary model: the words around it, their classes
 * ({@link WordClasses}) and usual parts of speech ({@link PosLexicon}: what lets it generalise to text of other
 * domains, whose words it never saw), where the next finite verb stands and what follows it (Swedish main
 * clauses put it second: "hon berättar", "fallrisken i bostaden är", "i en vanlig familj är det"), whether the
 * sentence so far has a verb at all, its first word and its length. Thread-safe; a {@link Run} is not, and belongs to one call.
 */
public final class BoundaryFeatures {

    /** Bump when the features change so that cached models trained with the old ones are not reused. */
    public static final String VERSION = "boundary-7";

    private static final int VERB_LOOKAHEAD = 4;
    private static final int FINITE_LOOKAHEAD = 7;

    private final WordClasses classes;
    private final PosLexicon tags;
    private final LengthPriors lengths;

    public BoundaryFeatures(WordClasses classes) {
        this(classes, PosLexicon.EMPTY, LengthPriors.NONE);
    }

    /**
     * @param tags    the usual part of speech of words, from the tagged outside text
     * @param lengths the sentence-length priors the decoder adds (learned from the training text at load time,
     *                so they are not part of the stored model)
     */
    public BoundaryFeatures(WordClasses classes, PosLexicon tags, LengthPriors lengths) {
        this.classes = classes;
        this.tags = tags;
        this.lengths = lengths;
    }

    public WordClasses classes() {
        return classes;
    }

    public LengthPriors lengths() {
        return lengths;
    }

    /** Prepares the boundaries of one run of words. */
    public Run prepare(List<String> words) {
        return new Run(words);
    }

    /**
     * The boundaries of one run of words. Most features depend only on the words around a boundary and are
     * computed once, however many segmentation hypotheses ask about that boundary; only the features of the
     * open sentence (its first word, length, whether it has a verb) are built per question.
     */
    public final class Run {
        private final List<String> words;
        private final String[] wordClass;
        private final String[] tag;
        private final int[] verbsBefore;
        private final String[][] fixed;
        private final String[] verbAt;

        private Run(List<String> words) {
            this.words = words;
            int n = words.size();
            wordClass = new String[n];
            tag = new String[n];
            verbsBefore = new int[n + 1];
            for (int k = 0; k < n; k++) {
                wordClass[k] = classes.of(words.get(k));
                tag[k] = wordClass[k].equals(WordClasses.VERB) ? PosLexicon.FINITE : tags.of(words.get(k));
                verbsBefore[k + 1] = verbsBefore[k] + (isVerbClass(wordClass[k]) ? 1 : 0);
            }
            fixed = new String[n][];
            verbAt = new String[n];
        }

        /**
         * Context for the boundary after {@code words[i]}.
         *
         * @param length words of the open sentence up to and including {@code words[i]}
         */
        public String[] context(int i, int length) {
            String[] base = fixed[i] == null ? (fixed[i] = fixedFeatures(i)) : fixed[i];
            int start = Math.max(0, i - length + 1);
            String s0 = words.get(start);
            String n1c = classAt(i + 1);
            String len = bucket(length);
            String hasVerb = Boolean.toString(verbsBefore[i + 1] - verbsBefore[start] > 0);
            String[] f = Arrays.copyOf(base, base.length + 7);
            int k = base.length;
            f[k++] = "s0=" + s0;
            f[k++] = "s0_n1c=" + s0 + "_" + n1c;
            f[k++] = "hasverb=" + hasVerb;
            f[k++] = "hasverb_verb=" + hasVerb + "_" + verbAt[i];
            f[k++] = "len=" + len;
            f[k++] = "len_n1c=" + len + "_" + n1c;
            f[k] = "len_hasverb=" + len + "_" + hasVerb;
            return f;
        }

        private String[] fixedFeatures(int i) {
            String p1 = words.get(i);
            String p2 = at(i - 1);
            String n1 = at(i + 1);
            String n2 = at(i + 2);
            String n3 = at(i + 3);
            String p1c = wordClass[i];
            String n1c = classAt(i + 1);
            String n2c = classAt(i + 2);
            String p1t = tag[i];
            String p2t = tagAt(i - 1);
            String n1t = tagAt(i + 1);
            String n2t = tagAt(i + 2);
            String n3t = tagAt(i + 3);
            verbAt[i] = nextVerbPosition(i);
            String v2 = finiteAhead(i);
            return new String[] {
                "p1=" + p1, "p2=" + p2, "n1=" + n1, "n2=" + n2, "n3=" + n3,
                "p2p1=" + p2 + "_" + p1, "n1n2=" + n1 + "_" + n2, "p1n1=" + p1 + "_" + n1,
                "p1s=" + suffix(p1, 3), "n1s=" + suffix(n1, 3), "n2s=" + suffix(n2, 2),
                "p1c=" + p1c, "n1c=" + n1c, "n2c=" + n2c, "n1c_n2c=" + n1c + "_" + n2c, "p1c_n1c=" + p1c + "_" + n1c,
                "n1_n2c=" + n1 + "_" + n2c, "p1_n1c=" + p1 + "_" + n1c,
                "verb=" + verbAt[i], "verb_n1c=" + verbAt[i] + "_" + n1c,
                "rem=" + bucket(words.size() - i - 1),
                "p1t=" + p1t, "n1t=" + n1t, "n2t=" + n2t, "p2t_p1t=" + p2t + "_" + p1t, "p1t_n1t=" + p1t + "_" + n1t,
                "n1t_n2t=" + n1t + "_" + n2t, "p1t_n1t_n2t=" + p1t + "_" + n1t + "_" + n2t,
                "n1t_n2t_n3t=" + n1t + "_" + n2t + "_" + n3t, "p1t_n1=" + p1t + "_" + n1, "p1_n1t=" + p1 + "_" + n1t,
                "verb_n1t=" + verbAt[i] + "_" + n1t, "v2=" + v2, "n1t_v2=" + n1t + "_" + v2};
        }

        /** 1..4: the position after the boundary of the first verb-like word, or "none" before a clause word. */
        private String nextVerbPosition(int i) {
            for (int k = 1; k <= VERB_LOOKAHEAD && i + k < words.size(); k++) {
                if (isVerbClass(wordClass[i + k])) {
                    return Integer.toString(k);
                }
                String w = words.get(i + k);
                if (w.equals("att") || w.equals("som") || w.equals("och")) {
                    return "none";
                }
            }
            return "none";
        }

        /**
         * Where the next finite verb stands after the boundary (1..7) and what follows it: a fronted phrase then
         * the verb and its subject ("i en vanlig familj | är det") is how a Swedish main clause starts.
         */
        private String finiteAhead(int i) {
            for (int k = 1; k <= FINITE_LOOKAHEAD && i + k < words.size(); k++) {
                if (tag[i + k].equals(PosLexicon.FINITE)) {
                    return k + "_" + tagAt(i + k + 1);
                }
                if (tag[i + k].equals("SCONJ") || words.get(i + k).equals("som")) {
                    return "sub" + k;
                }
            }
            return "none";
        }

        private String at(int k) {
            if (k < 0) {
                return "<s>";
            }
            return k < words.size() ? words.get(k) : "</s>";
        }

        private String tagAt(int k) {
            if (k < 0) {
                return "<s>";
            }
            return k < words.size() ? tag[k] : "</s>";
        }

        private String classAt(int k) {
            return k < words.size() ? wordClass[k] : classes.of("</s>");
        }
    }

    private static boolean isVerbClass(String wordClass) {
        return wordClass.equals(WordClasses.VERB) || wordClass.equals(WordClasses.PASSIVE);
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
