package se.dikta.timelog;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import se.dikta.db.Database;

/**
 * Computes time-saved reports. Sums, means and medians are aggregated by the database (GROUP BY over
 * the scoped, indexed rows); only the per-note saved minutes travel to Java, because the bootstrap
 * interval has to resample them.
 *
 * <p>Per dictated note: baseline seconds = words × 60 / typing speed, saved seconds = baseline −
 * audio − editing seconds (negative when dictating took longer than typing would have).
 */
public final class TimeSavedReport {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private final Database db;
    private final TimeLogConfig cfg;
    private final Pseudonyms pseudonyms;

    public TimeSavedReport(Database db, TimeLogConfig cfg, Pseudonyms pseudonyms) {
        this.db = db;
        this.cfg = cfg;
        this.pseudonyms = pseudonyms;
    }

    public Future<TimeSaved> compute(ReportRequest request) {
        return db.tx(c -> compute(c, request));
    }

    public TimeSaved compute(Connection c, ReportRequest request) throws SQLException {
        TypingBaseline baseline = TypingBaseline.measure(c, request.to(), cfg);
        PerNote perNote = new PerNote(request, baseline, cfg.defaultWordsPerMinute());
        List<Aggregate> groups = aggregates(c, perNote, true);
        Aggregate total = aggregates(c, perNote, false).get(0);
        Map<String, DoubleList> values = savedMinutesByKey(c, perNote);
        Map<String, String> labels = labels(c, request, groups);

        Bootstrap bootstrap = new Bootstrap(cfg.bootstrapIterations(), cfg.bootstrapSeed());
        boolean suppress = request.scope().managerView() && request.groupBy() != GroupBy.WORKER;
        List<TimeSaved.Row> rows = new ArrayList<>();
        for (Aggregate g : groups) {
            String label = labels.getOrDefault(g.key, g.key);
            DoubleList v = values.getOrDefault(g.key, new DoubleList());
            rows.add(suppress && g.workers < cfg.minWorkersPerRow()
                    ? TimeSaved.Row.suppressed(label)
                    : g.toRow(label, bootstrap.meanInterval95(v.values, v.size)));
        }
        rows.sort(rowOrder(request.groupBy()));

        DoubleList all = DoubleList.concat(values.values());
        TimeSaved.Row totalRow = suppress && total.notes > 0 && total.workers < cfg.minWorkersPerRow()
                ? TimeSaved.Row.suppressed("Totalt")
                : total.toRow("Totalt", bootstrap.meanInterval95(all.values, all.size));
        return new TimeSaved(request, method(request, baseline, total), rows, totalRow);
    }

    private List<Aggregate> aggregates(Connection c, PerNote perNote, boolean grouped) throws SQLException {
        String saved = "(base_s - audio_seconds - edit_seconds)";
        String sql = "SELECT " + (grouped ? "k" : "CAST(NULL AS VARCHAR(20))")
                + ", COUNT(*), COUNT(DISTINCT user_id), COALESCE(SUM(words), 0), COALESCE(SUM(audio_seconds), 0),"
                + " COALESCE(SUM(edit_seconds), 0), COALESCE(SUM(base_s), 0), COALESCE(SUM(" + saved + "), 0),"
                + " AVG(" + saved + "), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + saved + "),"
                + " SUM(CASE WHEN worker_wpm IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN worker_wpm IS NULL AND unit_wpm IS NOT NULL THEN 1 ELSE 0 END),"
                + " COALESCE(SUM(changed_words), 0), COALESCE(SUM(proposal_words), 0)"
                + " FROM (" + perNote.sql + ") n" + (grouped ? " GROUP BY k" : "");
        List<Aggregate> result = new ArrayList<>();
        try (PreparedStatement ps = perNote.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long notes = rs.getLong(2);
                long byWorker = rs.getLong(11);
                long byUnit = rs.getLong(12);
                result.add(new Aggregate(rs.getString(1), notes, rs.getInt(3), rs.getLong(4), rs.getDouble(5),
                        rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), nullableMinutes(rs, 9), nullableMinutes(rs, 10),
                        new TimeSaved.BaselineUse(byWorker, byUnit, notes - byWorker - byUnit), rs.getLong(13), rs.getLong(14)));
            }
        }
        return result;
    }

    private Map<String, DoubleList> savedMinutesByKey(Connection c, PerNote perNote) throws SQLException {
        Map<String, DoubleList> values = new HashMap<>();
        String sql = "SELECT k, (base_s - audio_seconds - edit_seconds) / 60.0 FROM (" + perNote.sql + ") n";
        try (PreparedStatement ps = perNote.prepare(c, sql)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.computeIfAbsent(rs.getString(1), k -> new DoubleList()).add(rs.getDouble(2));
                }
            }
        }
        return values;
    }

    /** Display labels of worker and unit keys (ids); calendar keys are their own labels. */
    private Map<String, String> labels(Connection c, ReportRequest request, List<Aggregate> groups) throws SQLException {
        if (groups.isEmpty() || (request.groupBy() != GroupBy.WORKER && request.groupBy() != GroupBy.UNIT)) {
            return Map.of();
        }
        List<Long> ids = groups.stream().map(g -> Long.parseLong(g.key)).collect(Collectors.toList());
        if (request.groupBy() == GroupBy.UNIT) {
            return names(c, "SELECT id, name FROM units WHERE id = ?", ids);
        }
        if (request.scope().managerView() && cfg.pseudonymise()) {
            return pseudonyms.labels(ids).entrySet().stream()
                    .collect(Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue));
        }
        return names(c, "SELECT id, COALESCE(display_name, username) FROM users WHERE id = ?", ids);
    }

    private static Map<String, String> names(Connection c, String sql, List<Long> ids) throws SQLException {
        Map<String, String> names = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (long id : ids) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        names.put(String.valueOf(id), rs.getString(2));
                    }
                }
            }
        }
        return names;
    }

    private static Comparator<TimeSaved.Row> rowOrder(GroupBy groupBy) {
        if (groupBy == GroupBy.WORKER || groupBy == GroupBy.UNIT) {
            Collator swedish = Collator.getInstance(SWEDISH);
            return Comparator.comparing(TimeSaved.Row::key, swedish);
        }
        return Comparator.comparing(TimeSaved.Row::key);
    }

    private TimeSaved.Method method(ReportRequest request, TypingBaseline baseline, Aggregate total) {
        Double effective = total.baselineSeconds > 0 ? total.words * 60.0 / total.baselineSeconds : null;
        boolean managerView = request.scope().managerView();
        String text = String.format(SWEDISH,
                "Sparad tid per dikterad anteckning = antal ord / skrivhastighet (ord per minut) − (inspelad tid"
                        + " + aktiv redigeringstid) / 60, i minuter. Ett negativt värde betyder att dikteringen tog längre"
                        + " tid än att skriva anteckningen. Skrivhastigheten mäts från maskinskrivna anteckningar signerade"
                        + " %s–%s: medarbetarens egen när hon eller han har minst %d sådana, annars enhetens (minst %d),"
                        + " annars standardvärdet %.1f ord per minut (%s). Varje anteckning räknas en gång, vid sin senaste"
                        + " signering, i den period då den signerades (svensk tid). Medelvärdets 95\u00a0%%-konfidensintervall är"
                        + " ett percentilintervall från %d bootstrap-omdragningar med fast frö (%d), så rapporten går att"
                        + " återskapa.%s%s",
                baseline.windowFrom(), baseline.windowTo(), cfg.minTypedNotes(), cfg.minTypedNotes(),
                cfg.defaultWordsPerMinute(), cfg.defaultWordsPerMinuteSource(), cfg.bootstrapIterations(),
                cfg.bootstrapSeed(),
                managerView && cfg.pseudonymise() ? " Medarbetare visas under pseudonym." : "",
                managerView && request.groupBy() != GroupBy.WORKER
                        ? String.format(SWEDISH, " Rader med färre än %d medarbetare redovisas inte.", cfg.minWorkersPerRow())
                        : "");
        return new TimeSaved.Method(effective, total.baseline.measuredOrConfigured(), cfg.defaultWordsPerMinute(),
                cfg.defaultWordsPerMinuteSource(), cfg.minTypedNotes(), baseline.windowFrom(), baseline.windowTo(),
                cfg.bootstrapIterations(), cfg.bootstrapSeed(), managerView && cfg.pseudonymise(),
                managerView && request.groupBy() != GroupBy.WORKER, cfg.minWorkersPerRow(), text);
    }

    private static Double nullableMinutes(ResultSet rs, int column) throws SQLException {
        double seconds = rs.getDouble(column);
        return rs.wasNull() ? null : seconds / 60.0;
    }

    /**
     * The scoped dictated notes with their baseline: one derived table reused by every query of a
     * report. The measured speeds are joined as inline VALUES tables, so the whole computation
     * stays one SQL statement per query and needs no temporary tables.
     */
    private static final class PerNote {
        final String sql;
        final List<Object> params = new ArrayList<>();

        PerNote(ReportRequest request, TypingBaseline baseline, double defaultWordsPerMinute) {
            Map<Long, TypingBaseline.Rate> workers = baseline.workerRates();
            Map<Long, TypingBaseline.Rate> units = baseline.unitRates();
            String workerWpm = workers.isEmpty() ? "CAST(NULL AS DOUBLE PRECISION)" : "w.wpm";
            String unitWpm = units.isEmpty() ? "CAST(NULL AS DOUBLE PRECISION)" : "u.wpm";
            StringBuilder s = new StringBuilder("SELECT ").append(request.groupBy().column()).append(" AS k,")
                    .append(" t.user_id, t.words, t.audio_seconds, t.edit_seconds, t.changed_words, t.proposal_words, ")
                    .append(workerWpm).append(" AS worker_wpm, ").append(unitWpm).append(" AS unit_wpm,")
                    .append(" t.words * 60.0 / COALESCE(").append(workerWpm).append(", ").append(unitWpm)
                    .append(", CAST(? AS DOUBLE PRECISION)) AS base_s FROM time_log t");
            params.add(defaultWordsPerMinute);
            valuesJoin(s, "w", "user_id", workers);
            valuesJoin(s, "u", "unit_id", units);
            s.append(" WHERE ").append(request.scope().column()).append(" = ?");
            params.add(request.scope().id());
            s.append(" AND t.counted AND t.mode = 'dictated' AND t.local_date BETWEEN ? AND ?");
            params.add(request.from());
            params.add(request.to());
            this.sql = s.toString();
        }

        PreparedStatement prepare(Connection c, String sql) throws SQLException {
            PreparedStatement ps = c.prepareStatement(sql);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps;
        }

        private void valuesJoin(StringBuilder s, String alias, String column, Map<Long, TypingBaseline.Rate> rates) {
            if (rates.isEmpty()) {
                return;
            }
            s.append(" LEFT JOIN (VALUES ");
            String separator = "";
            for (Map.Entry<Long, TypingBaseline.Rate> e : rates.entrySet()) {
                s.append(separator).append("(CAST(? AS BIGINT), CAST(? AS DOUBLE PRECISION))");
                params.add(e.getKey());
                params.add(e.getValue().wordsPerMinute());
                separator = ", ";
            }
            s.append(") AS ").append(alias).append(" (id, wpm) ON ").append(alias).append(".id = t.").append(column);
        }
    }

    private record Aggregate(String key, long notes, int workers, long words, double audioSeconds, double editSeconds,
                             double baselineSeconds, double savedSeconds, Double meanMinutes, Double medianMinutes,
                             TimeSaved.BaselineUse baseline, long changedWords, long proposalWords) {

        TimeSaved.Row toRow(String label, Bootstrap.Interval ci) {
            return new TimeSaved.Row(label, false, notes, workers, words, audioSeconds, editSeconds, baselineSeconds,
                    savedSeconds, meanMinutes, medianMinutes, ci, baseline, changedWords, proposalWords);
        }
    }

    /** A growable primitive array; the per-note values of a million-row report stay unboxed. */
    private static final class DoubleList {
        double[] values = new double[16];
        int size;

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        static DoubleList concat(Iterable<DoubleList> lists) {
            DoubleList all = new DoubleList();
            for (DoubleList l : lists) {
                for (int i = 0; i < l.size; i++) {
                    all.add(l.values[i]);
                }
            }
            return all;
        }
    }
}
