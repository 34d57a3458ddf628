package se.dikta.structure.core;

import java.util.List;
import java.util.Locale;

/**
 * What the recogniser produced: lowercase words and, when the client sent them, each word's start and end
 * time in seconds ({@code times} is then parallel to {@code words}; otherwise empty).
 */
public record Transcript(List<String> words, List<TimeSpan> times) {

    public record TimeSpan(double start, double end) {
    }

    public Transcript {
        words = List.copyOf(words);
        times = List.copyOf(times);
        if (!times.isEmpty() && times.size() != words.size()) {
            throw new IllegalArgumentException("times must be parallel to words");
        }
    }

    /** Splits recogniser text on whitespace; recogniser output is lowercase already, typed text may not be. */
    public static Transcript of(String text) {
        String trimmed = text.strip();
        List<String> words = trimmed.isEmpty() ? List.of() : List.of(trimmed.toLowerCase(Locale.ROOT).split("\\s+"));
        return new Transcript(words, List.of());
    }

    public boolean hasTimes() {
        return !times.isEmpty();
    }

    /** Silence between word {@code i} and the next one, or NaN when unknown. */
    public double pauseAfter(int i) {
        if (!hasTimes() || i + 1 >= words.size()) {
            return Double.NaN;
        }
        return times.get(i + 1).start() - times.get(i).end();
    }

    public int size() {
        return words.size();
    }
}
