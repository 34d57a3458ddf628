package se.dikta.timelog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The precision every output (JSON, CSV, PDF) shows, so an export parses back to exactly the numbers
 * the API returns: seconds to a tenth, minutes per note to a hundredth, words per minute to a tenth.
 */
final class Figures {

    private Figures() {
    }

    static double seconds(double value) {
        return round(value, 1);
    }

    static double minutes(double value) {
        return round(value, 2);
    }

    static double wordsPerMinute(double value) {
        return round(value, 1);
    }

    /** The figure as Swedish Excel and readers expect it: rounded like the JSON, decimal comma, no grouping. */
    static String swedish(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    /** Half-up on the decimal value, not the binary one, so 2.675 rounds to 2.68 as a person expects. */
    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
