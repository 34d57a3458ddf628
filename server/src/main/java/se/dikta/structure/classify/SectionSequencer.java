package se.dikta.structure.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.dikta.structure.core.SectionKey;

/**
 * The neighbour step: combines each sentence's classifier probabilities with the section transitions of the
 * corpus and picks the best sequence for the whole note (Viterbi). A sentence under a heading command keeps
 * the heading's key and constrains its neighbours. The confidence reported is the sentence's posterior
 * marginal for the chosen key (forward-backward over the same scores), so a sentence the context pulls away
 * from its own best guess gets a low confidence.
 */
public final class SectionSequencer {

    private static final int KEYS = SectionKey.values().length;
    private static final double FLOOR = 1e-6;

    private final SectionTransitions transitions;
    private final double transitionWeight;

    /** @param transitionWeight how much the neighbours count against the sentence's own evidence (0 = ignore) */
    public SectionSequencer(SectionTransitions transitions, double transitionWeight) {
        this.transitions = transitions;
        this.transitionWeight = transitionWeight;
    }

    public List<SectionDecision> decide(List<double[]> probabilities, List<Optional<SectionKey>> forced) {
        int n = probabilities.size();
        if (n == 0) {
            return List.of();
        }
        double[][] emit = new double[n][KEYS];
        for (int t = 0; t < n; t++) {
            for (int k = 0; k < KEYS; k++) {
                Optional<SectionKey> fixed = forced.get(t);
                emit[t][k] = fixed.isPresent()
                        ? (fixed.get().ordinal() == k ? 0.0 : Double.NEGATIVE_INFINITY)
                        : Math.log(Math.max(probabilities.get(t)[k], FLOOR));
            }
        }
        int[] best = viterbi(emit);
        double[][] marginals = marginals(emit);
        List<SectionDecision> decisions = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            boolean isForced = forced.get(t).isPresent();
            double confidence = isForced ? 1.0 : marginals[t][best[t]];
            decisions.add(new SectionDecision(SectionKey.values()[best[t]], confidence, isForced));
        }
        return decisions;
    }

    private double trans(int from, int to) {
        return transitionWeight * transitions.logNext(from, to);
    }

    private int[] viterbi(double[][] emit) {
        int n = emit.length;
        double[][] score = new double[n][KEYS];
        int[][] back = new int[n][KEYS];
        for (int k = 0; k < KEYS; k++) {
            score[0][k] = transitionWeight * transitions.logStart(k) + emit[0][k];
        }
        for (int t = 1; t < n; t++) {
            for (int k = 0; k < KEYS; k++) {
                double bestScore = Double.NEGATIVE_INFINITY;
                int bestFrom = 0;
                for (int j = 0; j < KEYS; j++) {
                    double s = score[t - 1][j] + trans(j, k);
                    if (s > bestScore) {
                        bestScore = s;
                        bestFrom = j;
                    }
                }
                score[t][k] = bestScore + emit[t][k];
                back[t][k] = bestFrom;
            }
        }
        int[] path = new int[n];
        path[n - 1] = argmax(score[n - 1]);
        for (int t = n - 1; t > 0; t--) {
            path[t - 1] = back[t][path[t]];
        }
        return path;
    }

    private double[][] marginals(double[][] emit) {
        int n = emit.length;
        double[][] alpha = new double[n][KEYS];
        double[][] beta = new double[n][KEYS];
        for (int k = 0; k < KEYS; k++) {
            alpha[0][k] = transitionWeight * transitions.logStart(k) + emit[0][k];
        }
        double[] terms = new double[KEYS];
        for (int t = 1; t < n; t++) {
            for (int k = 0; k < KEYS; k++) {
                for (int j = 0; j < KEYS; j++) {
                    terms[j] = alpha[t - 1][j] + trans(j, k);
                }
                alpha[t][k] = logSum(terms) + emit[t][k];
            }
        }
        for (int t = n - 2; t >= 0; t--) {
            for (int j = 0; j < KEYS; j++) {
                for (int k = 0; k < KEYS; k++) {
                    terms[k] = trans(j, k) + emit[t + 1][k] + beta[t + 1][k];
                }
                beta[t][j] = logSum(terms);
            }
        }
        double[][] marginals = new double[n][KEYS];
        for (int t = 0; t < n; t++) {
            double[] joint = new double[KEYS];
            for (int k = 0; k < KEYS; k++) {
                joint[k] = alpha[t][k] + beta[t][k];
            }
            double total = logSum(joint);
            for (int k = 0; k < KEYS; k++) {
                marginals[t][k] = Math.exp(joint[k] - total);
            }
        }
        return marginals;
    }

    private static double logSum(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double v : values) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
