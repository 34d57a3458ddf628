package se.dikta.structure.segment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The usual part of speech of a word (UD UPOS, with INF for infinitives), learned from the tagged outside text
 * ({@code dictation/*.upos.txt}), with a guess from the word's ending for words the text does not have. It lets
 * the boundary model see "a noun, then a pronoun and a finite verb" in text whose words it never saw; finite
 * verbs get a tag of their own ({@link #FINITE}), so their endings ("-ade") are learned too. Immutable.
 */
public final class PosLexicon {

    /** No tagged text: every word is unknown. */
    public static final PosLexicon EMPTY = new PosLexicon(Map.of(), Map.of());

    /** The tag of a finite verb form: the second place of a Swedish main clause. */
    public static final String FINITE = "FIN";

    private static final int MIN_SUFFIX = 2;
    private static final int MAX_SUFFIX = 4;
    /** A suffix must have been seen this often, with its tag in this share of cases, to guess by it. */
    private static final int SUFFIX_SUPPORT = 5;
    private static final double SUFFIX_PURITY = 0.6;

    private final Map<String, String> words;
    private final Map<String, String> suffixes;

    private PosLexicon(Map<String, String> words, Map<String, String> suffixes) {
        this.words = Map.copyOf(words);
        this.suffixes = Map.copyOf(suffixes);
    }

    /**
     * @param tokens per document, the words (commands in upper case are skipped)
     * @param tags   parallel to {@code tokens}: each word's tag ("CMD" for a command, "X" unknown)
     * @param finiteVerbs word forms that are finite verbs when tagged VERB or AUX (the tags do not say so)
     */
    public static PosLexicon learn(List<List<String>> tokens, List<List<String>> tags, Set<String> finiteVerbs) {
        Map<String, Map<String, Integer>> byWord = new HashMap<>();
        Map<String, Map<String, Integer>> bySuffix = new HashMap<>();
        for (int d = 0; d < tokens.size(); d++) {
            List<String> words = tokens.get(d);
            List<String> tagged = tags.get(d);
            for (int k = 0; k < words.size() && k < tagged.size(); k++) {
                String tag = tagged.get(k);
                if (tag.equals("CMD") || tag.equals("X")) {
                    continue;
                }
                String w = words.get(k);
                if ((tag.equals("VERB") || tag.equals("AUX")) && finiteVerbs.contains(w)) {
                    tag = FINITE;
                }
                byWord.computeIfAbsent(w, x -> new HashMap<>()).merge(tag, 1, Integer::sum);
            }
        }
        Map<String, String> words = new HashMap<>();
        byWord.forEach((w, counts) -> {
            words.put(w, best(counts));
            // Suffix statistics over word types, not tokens: open-class endings, not frequent function words.
            for (int n = MIN_SUFFIX; n <= MAX_SUFFIX && n < w.length(); n++) {
                bySuffix.computeIfAbsent(w.substring(w.length() - n), x -> new HashMap<>())
                        .merge(best(counts), 1, Integer::sum);
            }
        });
        Map<String, String> suffixes = new HashMap<>();
        bySuffix.forEach((s, counts) -> {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            String tag = best(counts);
            if (total >= SUFFIX_SUPPORT && counts.get(tag) >= SUFFIX_PURITY * total) {
                suffixes.put(s, tag);
            }
        });
        return new PosLexicon(words, suffixes);
    }

    /** The word's tag, else the tag its ending suggests, else "UNK". */
    public String of(String w) {
        String tag = words.get(w);
        if (tag != null) {
            return tag;
        }
        for (int n = Math.min(MAX_SUFFIX, w.length() - 1); n >= MIN_SUFFIX; n--) {
            String guess = suffixes.get(w.substring(w.length() - n));
            if (guess != null) {
                return guess;
            }
        }
        return "UNK";
    }

    /** The most frequent tag; ties go to the alphabetically first, so training stays deterministic. */
    private static String best(Map<String, Integer> counts) {
        String best = null;
        int most = -1;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > most || (e.getValue() == most && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }
}
