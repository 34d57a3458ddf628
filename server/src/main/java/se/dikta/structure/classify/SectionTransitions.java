package se.dikta.structure.classify;

import java.util.Arrays;
import java.util.List;
import se.dikta.structure.core.SectionKey;
import se.dikta.structure.corpus.CorpusNote;
import se.dikta.structure.corpus.LabeledSentence;

/**
 * How sections follow each other in dictated notes, counted from the corpus (add-one smoothed): a report
 * of what the school said tends to continue as INFORMATION, PLANERING tends to come last. Immutable.
 */
public final class SectionTransitions {

    private static final int KEYS = SectionKey.values().length;

    private final double[] logStart;
    private final double[][] logNext;

    private SectionTransitions(double[] logStart, double[][] logNext) {
        this.logStart = logStart;
        this.logNext = logNext;
    }

    public static SectionTransitions count(List<CorpusNote> notes) {
        double[] start = new double[KEYS];
        double[][] next = new double[KEYS][KEYS];
        Arrays.fill(start, 1.0);
        for (double[] row : next) {
            Arrays.fill(row, 1.0);
        }
        for (CorpusNote note : notes) {
            List<LabeledSentence> sentences = note.sentences();
            start[sentences.get(0).key().ordinal()]++;
            for (int i = 1; i < sentences.size(); i++) {
                next[sentences.get(i - 1).key().ordinal()][sentences.get(i).key().ordinal()]++;
            }
        }
        normaliseToLog(start);
        for (double[] row : next) {
            normaliseToLog(row);
        }
        return new SectionTransitions(start, next);
    }

    /** log P(a note's first sentence has key {@code k}), by ordinal. */
    public double logStart(int k) {
        return logStart[k];
    }

    /** log P(next sentence has key {@code to} | this one has key {@code from}), by ordinal. */
    public double logNext(int from, int to) {
        return logNext[from][to];
    }

    private static void normaliseToLog(double[] counts) {
        double total = Arrays.stream(counts).sum();
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.log(counts[i] / total);
        }
    }
}
