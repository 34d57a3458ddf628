package se.dikta.structure.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the sentence ends of a run of words with a beam search over the boundary model's decisions. A
 * greedy left-to-right pass commits to a wrong early cut ("... hur mycket pengar | han har kvar") because the
 * later evidence cannot undo it; the beam keeps the few best segmentations so far, and because the model's
 * features depend on the past only through the length of the open sentence, hypotheses with the same open
 * length are merged (keeping the better). Thread-safe.
 */
public final class BoundaryDecoder {

    /** What is known about a boundary before the model is asked. */
    public enum Constraint { FREE, NEVER, ALWAYS }

    private static final double FLOOR = 1e-9;

    private final BoundaryModel model;
    private final int beamWidth;

    public BoundaryDecoder(BoundaryModel model, int beamWidth) {
        this.model = model;
        this.beamWidth = beamWidth;
    }

    private record Hypothesis(double score, int openLength, Hypothesis previous, boolean endsHere) {
    }

    /**
     * @param constraints one per boundary: after words[0] .. after words[n-2]
     * @return for each boundary whether a sentence ends there
     */
    public boolean[] decode(List<String> words, Constraint[] constraints) {
        return decode(words, constraints, 0.0);
    }

    /**
     * @param minProbability a free boundary whose model probability is below this is never a boundary (a
     *                       speaker who dictates punctuation is trusted; the model adds only sure boundaries)
     */
    public boolean[] decode(List<String> words, Constraint[] constraints, double minProbability) {
        return decode(words, constraints, minProbability, SentenceLengths.NONE);
    }

    /**
     * @param lengths a sentence-length prior and a log-odds bias for the free boundaries ({@link SentenceLengths}):
     *                the dictation is cut as a whole, so each sentence's length counts once, when it ends
     */
    public boolean[] decode(List<String> words, Constraint[] constraints, double minProbability,
                            SentenceLengths lengths) {
        int boundaries = words.size() - 1;
        BoundaryFeatures.Run run = model.prepare(words);
        List<Hypothesis> beam = List.of(new Hypothesis(0.0, 0, null, false));
        for (int i = 0; i < boundaries; i++) {
            Hypothesis[] byLength = new Hypothesis[i + 2];
            for (Hypothesis h : beam) {
                int length = h.openLength() + 1;
                double p = switch (constraints[i]) {
                    case NEVER -> 0.0;
                    case ALWAYS -> 1.0;
                    case FREE -> {
                        double free = model.probability(run, i, length);
                        yield free < minProbability ? 0.0 : biased(free, lengths.bias());
                    }
                };
                if (p > 0.0) {
                    keep(byLength, new Hypothesis(h.score() + Math.log(Math.max(p, FLOOR)) + lengths.cut(length),
                            0, h, true));
                }
                if (p < 1.0) {
                    keep(byLength, new Hypothesis(h.score() + Math.log(Math.max(1 - p, FLOOR)), length, h, false));
                }
            }
            List<Hypothesis> next = new ArrayList<>(byLength.length);
            for (Hypothesis h : byLength) {
                if (h != null) {
                    next.add(h);
                }
            }
            next.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
            beam = next.size() > beamWidth ? next.subList(0, beamWidth) : next;
        }
        boolean[] ends = new boolean[Math.max(0, boundaries)];
        // the last sentence's length counts too
        Hypothesis h = beam.stream().max(Comparator.comparingDouble(
                (Hypothesis x) -> x.score() + lengths.cut(x.openLength() + 1))).orElseThrow();
        for (int i = boundaries - 1; i >= 0; i--) {
            ends[i] = h.endsHere();
            h = h.previous();
        }
        return ends;
    }

    private static double biased(double p, double bias) {
        if (bias == 0.0 || p <= 0.0 || p >= 1.0) {
            return p;
        }
        return 1.0 / (1.0 + Math.exp(-(Math.log(p / (1 - p)) + bias)));
    }

    private static void keep(Hypothesis[] byLength, Hypothesis candidate) {
        Hypothesis current = byLength[candidate.openLength()];
        if (current == null || candidate.score() > current.score()) {
            byLength[candidate.openLength()] = candidate;
        }
    }
}
