package se.dikta.structure.segment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sentence-length priors of the two kinds of text the boundary model is trained on — the notes' short
 * sentences (10–11 words) and the outside prose's long ones (16–17) — and which one a dictation gets: the
 * notes' when at least {@link #NOTE_SHARE} of its words are note words, words far more frequent in the notes
 * than in the prose ("hon", "berättar", "hembesök", "mamma"). The threshold needs no tuning: on the training
 * text 95 % of the notes have a share above 0.33, 95 % of the prose documents below 0.06. Immutable.
 *
 * @param noteWords the note words
 */
public record LengthPriors(SentenceLengths prose, SentenceLengths notes, Set<String> noteWords) {

    public static final LengthPriors NONE = new LengthPriors(SentenceLengths.NONE, SentenceLengths.NONE, Set.of());
    static final double NOTE_SHARE = 0.15;
    /** A word seen fewer times in the notes tells nothing about them. */
    private static final int MIN_COUNT = 3;
    /** How many times more frequent per word of text in the notes than in the prose a note word is. */
    private static final double RATIO = 4.0;

    public LengthPriors {
        noteWords = Set.copyOf(noteWords);
    }

    /**
     * @param notes the project's notes (and entity documents), runs of sentences
     * @param prose the outside prose
     */
    public static LengthPriors learn(List<List<List<String>>> notes, List<List<List<String>>> prose) {
        Map<String, Integer> inNotes = new HashMap<>();
        Map<String, Integer> inProse = new HashMap<>();
        long noteTotal = count(notes, inNotes);
        long proseTotal = count(prose, inProse);
        Set<String> words = new HashSet<>();
        inNotes.forEach((w, c) -> {
            double proseRate = (inProse.getOrDefault(w, 0) + 0.5) / Math.max(1, proseTotal);
            if (c >= MIN_COUNT && c / (double) noteTotal >= RATIO * proseRate) {
                words.add(w);
            }
        });
        return new LengthPriors(SentenceLengths.learn(prose), SentenceLengths.learn(notes), words);
    }

    /** The share of note words in {@code words}. */
    public double noteShare(List<String> words) {
        return words.isEmpty() ? 0 : words.stream().filter(noteWords::contains).count() / (double) words.size();
    }

    /** Whether a dictation of these words reads as a note. */
    public boolean isNote(List<String> words) {
        return !noteWords.isEmpty() && noteShare(words) >= NOTE_SHARE;
    }

    /** The prior for a dictation of these words. */
    public SentenceLengths forDictation(List<String> words) {
        return isNote(words) ? notes : prose;
    }

    private static long count(List<List<List<String>>> documents, Map<String, Integer> counts) {
        long total = 0;
        for (List<List<String>> document : documents) {
            for (List<String> sentence : document) {
                for (String w : sentence) {
                    counts.merge(w, 1, Integer::sum);
                    total++;
                }
            }
        }
        return total;
    }
}
