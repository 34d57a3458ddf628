package se.dikta.timelog;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence interval of a mean: resample the values with replacement
 * {@code iterations} times, take the 2.5th and 97.5th percentiles of the resampled means. Each
 * interval starts a fresh generator from the configured seed over the values in sorted order, so it
 * depends only on the multiset of values: the same row gets the same interval on every run, on
 * either database, whatever order the rows arrive in and whatever other rows the report contains.
 */
public final class Bootstrap {

    /** A two-sided interval; for a single value both ends are that value. */
    public record Interval(double low, double high) { }

    private final int iterations;
    private final long seed;

    public Bootstrap(int iterations, long seed) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
        this.seed = seed;
    }

    /** 95 % interval of the mean of {@code values[0..n)}; null when there are no values. */
    public Interval meanInterval95(double[] unordered, int n) {
        if (n == 0) {
            return null;
        }
        double[] values = Arrays.copyOf(unordered, n);
        Arrays.sort(values);
        if (n == 1) {
            return new Interval(values[0], values[0]);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[iterations];
        for (int b = 0; b < iterations; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        return new Interval(percentile(means, 0.025), percentile(means, 0.975));
    }

    /** Linear interpolation between closest ranks (the same definition as SQL PERCENTILE_CONT). */
    static double percentile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
