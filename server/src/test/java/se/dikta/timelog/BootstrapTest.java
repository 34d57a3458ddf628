package se.dikta.timelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static double[] normal(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 5 + r.nextGaussian() * 2;
        }
        return v;
    }

    @Test
    void sameSeedAndValuesGiveTheSameIntervalWhateverTheirOrder() {
        double[] v = normal(200, 1);
        double[] reversed = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            reversed[i] = v[v.length - 1 - i];
        }
        Bootstrap.Interval a = new Bootstrap(1000, 42).meanInterval95(v, v.length);
        Bootstrap.Interval b = new Bootstrap(1000, 42).meanInterval95(reversed, v.length);
        assertThat(a).isEqualTo(b);
        assertThat(new Bootstrap(1000, 43).meanInterval95(v, v.length)).isNotEqualTo(a);
    }

    @Test
    void intervalMatchesTheStandardErrorOfTheMeanForNormalData() {
        double[] v = normal(400, 7);
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        Bootstrap.Interval ci = new Bootstrap(4000, 3).meanInterval95(v, v.length);
        // sd 2, n 400: standard error 0.1, so the interval is about mean ± 0.196
        assertThat(ci.low()).isLessThan(mean);
        assertThat(ci.high()).isGreaterThan(mean);
        assertThat(ci.high() - ci.low()).isCloseTo(0.392, within(0.04));
    }

    @Test
    void constantValuesAndSingleNotesGiveAPointInterval() {
        double[] same = {3.5, 3.5, 3.5, 3.5};
        assertThat(new Bootstrap(500, 1).meanInterval95(same, 4)).isEqualTo(new Bootstrap.Interval(3.5, 3.5));
        assertThat(new Bootstrap(500, 1).meanInterval95(new double[] {-2}, 1)).isEqualTo(new Bootstrap.Interval(-2, -2));
        assertThat(new Bootstrap(500, 1).meanInterval95(new double[0], 0)).isNull();
    }

    @Test
    void percentileInterpolatesLikeSqlPercentileCont() {
        assertThat(Bootstrap.percentile(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
        assertThat(Bootstrap.percentile(new double[] {1, 2, 3, 4, 5}, 0.5)).isEqualTo(3);
        assertThat(Bootstrap.percentile(new double[] {0, 10}, 0.025)).isCloseTo(0.25, within(1e-12));
    }
}
