package se.dikta.structure.eval;

/** Counts of true positives, false positives and false negatives, with precision, recall and F1. */
public final class Prf {

    private int truePositives;
    private int falsePositives;
    private int falseNegatives;

    public void add(int tp, int fp, int fn) {
        truePositives += tp;
        falsePositives += fp;
        falseNegatives += fn;
    }

    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Adds another count's figures to this one. */
    public void addAll(Prf other) {
        add(other.truePositives, other.falsePositives, other.falseNegatives);
    }

    /** Gold items counted (true positives plus false negatives). */
    public int support() {
        return truePositives + falseNegatives;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
