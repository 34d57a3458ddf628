package se.dikta.timelog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Typing speed in words per active editing minute, measured from signed typed notes in a date
 * window. A dictated note is compared with its author's own speed when the author has at least
 * {@code minTypedNotes} typed notes in the window, else with the speed of the unit it was written
 * in (same minimum), else with the configured default. Speeds are ratios of sums (all words over
 * all minutes), so long notes weigh more than a few quick ones.
 */
public final class TypingBaseline {

    /** Where a note's baseline came from. */
    public enum Source { WORKER, UNIT, CONFIGURED }

    /** A measured or configured speed and how many typed notes it rests on (0 when configured). */
    public record Rate(double wordsPerMinute, Source source, long typedNotes) { }

    private static final String TYPED = "SELECT user_id, unit_id, COUNT(*), SUM(words), SUM(edit_seconds) FROM time_log"
            + " WHERE mode = 'typed' AND counted = TRUE AND edit_seconds > 0 AND local_date BETWEEN ? AND ?"
            + " GROUP BY user_id, unit_id";

    private final Map<Long, Rate> workers;
    private final Map<Long, Rate> units;
    private final Rate configured;
    private final LocalDate from;
    private final LocalDate to;

    private TypingBaseline(Map<Long, Rate> workers, Map<Long, Rate> units, Rate configured, LocalDate from, LocalDate to) {
        this.workers = Map.copyOf(workers);
        this.units = Map.copyOf(units);
        this.configured = configured;
        this.from = from;
        this.to = to;
    }

    /** Measures the baselines from typed notes signed in {@code [to - windowDays + 1, to]}. */
    public static TypingBaseline measure(Connection c, LocalDate to, TimeLogConfig cfg) throws SQLException {
        LocalDate from = to.minusDays(cfg.baselineWindowDays() - 1L);
        Map<Long, Totals> perWorker = new HashMap<>();
        Map<Long, Totals> perUnit = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(TYPED)) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Totals t = new Totals(rs.getLong(3), rs.getLong(4), rs.getDouble(5));
                    perWorker.merge(rs.getLong(1), t, Totals::plus);
                    perUnit.merge(rs.getLong(2), t, Totals::plus);
                }
            }
        }
        return new TypingBaseline(rates(perWorker, Source.WORKER, cfg.minTypedNotes()),
                rates(perUnit, Source.UNIT, cfg.minTypedNotes()),
                new Rate(cfg.defaultWordsPerMinute(), Source.CONFIGURED, 0), from, to);
    }

    /** The baseline that applies to a dictated note by {@code userId} written in {@code unitId}. */
    public Rate forNote(long userId, long unitId) {
        Rate own = workers.get(userId);
        if (own != null) {
            return own;
        }
        return units.getOrDefault(unitId, configured);
    }

    /** Workers with a personal baseline. */
    public Map<Long, Rate> workerRates() {
        return workers;
    }

    /** Units with a measured baseline. */
    public Map<Long, Rate> unitRates() {
        return units;
    }

    public Rate configured() {
        return configured;
    }

    public LocalDate windowFrom() {
        return from;
    }

    public LocalDate windowTo() {
        return to;
    }

    private static Map<Long, Rate> rates(Map<Long, Totals> totals, Source source, int minNotes) {
        Map<Long, Rate> rates = new HashMap<>();
        totals.forEach((id, t) -> {
            if (t.notes >= minNotes) {
                rates.put(id, new Rate(t.words * 60.0 / t.seconds, source, t.notes));
            }
        });
        return rates;
    }

    private record Totals(long notes, long words, double seconds) {
        Totals plus(Totals o) {
            return new Totals(notes + o.notes, words + o.words, seconds + o.seconds);
        }
    }
}
