package se.dikta.timelog;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.dikta.audit.AuditEntry;
import se.dikta.audit.AuditLog;
import se.dikta.db.Database;

/**
 * Computes time-saved reports. The database sums the scoped, indexed rows per group, worker and unit
 * (GROUP BY); Java only combines those few sums with the typing baselines, since a worker's baseline
 * is a ratio measured from other rows. The per-note saved minutes are read once more as a single
 * narrow column for what needs the distribution: the median and the bootstrap interval.
 *
 * <p>Per dictated note: baseline seconds = words × 60 / typing speed, saved seconds = baseline −
 * audio − editing seconds (negative when dictating took longer than typing would have).
 */
public final class TimeSavedReport {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final String TOTAL = "Totalt";

    private final Database db;
    private final TimeLogConfig cfg;
    private final Pseudonyms pseudonyms;
    private final AuditLog audit;

    public TimeSavedReport(Database db, TimeLogConfig cfg, Pseudonyms pseudonyms, AuditLog audit) {
        this.db = db;
        this.audit = audit;
        this.cfg = cfg;
        this.pseudonyms = pseudonyms;
    }

    /** What a report reads from the database; {@link #summarise} computes from it without a connection. */
    record Measured(TypingBaseline baseline, Map<String, Sums> groups, Sums total,
            Map<String, DoubleList> saved, Map<String, String> labels, long signedNotes) {}

    /**
     * Reads the sums and per-note minutes in one transaction, which also writes the viewing's audit row
     * ({@code seen}); the connection is released before computing.
     */
    Future<Measured> measure(ReportRequest request, AuditEntry seen) {
        return db.tx(c -> {
            Measured measured = measure(c, request);
            audit.record(c, seen);
            return measured;
        });
    }

    public TimeSaved compute(Connection c, ReportRequest request) throws SQLException {
        return summarise(request, measure(c, request));
    }

    Measured measure(Connection c, ReportRequest request) throws SQLException {
        TypingBaseline baseline = TypingBaseline.measure(c, request.to(), cfg);
        Scope scope = new Scope(request);
        Map<String, Sums> groups = new HashMap<>();
        Sums total = new Sums();
        for (Part part : parts(c, scope)) {
            TypingBaseline.Rate rate = baseline.forNote(part.userId, part.unitId);
            groups.computeIfAbsent(part.key, k -> new Sums()).add(part, rate);
            total.add(part, rate);
        }
        Map<String, DoubleList> saved = savedMinutes(c, scope, baseline);
        return new Measured(baseline, groups, total, saved, labels(c, request, groups.keySet()),
                SignedNotes.count(c, request));
    }

    /** CPU only (the bootstrap): run it on a worker pool, not on the event loop and not inside a transaction. */
    TimeSaved summarise(ReportRequest request, Measured m) {
        Bootstrap bootstrap = new Bootstrap(cfg.bootstrapIterations(), cfg.bootstrapSeed());
        boolean suppress = request.scope().managerView() && request.groupBy() != GroupBy.WORKER;
        List<TimeSaved.Row> rows = new ArrayList<>();
        m.groups().forEach((key, sums) -> {
            String label = m.labels().getOrDefault(key, key);
            rows.add(suppress && sums.workers.size() < cfg.minWorkersPerRow()
                    ? TimeSaved.Row.suppressed(label)
                    : sums.toRow(label, m.saved().getOrDefault(key, new DoubleList()), bootstrap));
        });
        rows.sort(rowOrder(request.groupBy()));

        Sums total = m.total();
        TimeSaved.Row totalRow = suppress && total.notes > 0 && total.workers.size() < cfg.minWorkersPerRow()
                ? TimeSaved.Row.suppressed(TOTAL)
                : total.toRow(TOTAL, DoubleList.concat(m.saved().values()), bootstrap);
        return new TimeSaved(request, method(request, m.baseline(), totalRow), rows, totalRow, m.signedNotes());
    }

    /** Sums per group, worker and unit: at most groups × workers rows, however many notes. */
    private static List<Part> parts(Connection c, Scope scope) throws SQLException {
        String sql = "SELECT " + scope.key + ", t.user_id, t.unit_id, COUNT(*), SUM(t.words), SUM(t.audio_seconds),"
                + " SUM(t.edit_seconds), COALESCE(SUM(t.changed_words), 0), COALESCE(SUM(t.proposal_words), 0)"
                + " FROM time_log t" + scope.where + " GROUP BY " + scope.key + ", t.user_id, t.unit_id";
        List<Part> parts = new ArrayList<>();
        try (PreparedStatement ps = scope.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                parts.add(new Part(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getDouble(6), rs.getDouble(7), rs.getLong(8), rs.getLong(9)));
            }
        }
        return parts;
    }

    /** Saved minutes of every note, per group, for the median and the bootstrap. */
    private static Map<String, DoubleList> savedMinutes(Connection c, Scope scope, TypingBaseline baseline)
            throws SQLException {
        String sql = "SELECT " + scope.key + ", t.user_id, t.unit_id, t.words, t.audio_seconds + t.edit_seconds"
                + " FROM time_log t" + scope.where;
        Map<String, DoubleList> values = new HashMap<>();
        try (PreparedStatement ps = scope.prepare(c, sql)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double wpm = baseline.forNote(rs.getLong(2), rs.getLong(3)).wordsPerMinute();
                    values.computeIfAbsent(rs.getString(1), k -> new DoubleList())
                            .add(rs.getLong(4) / wpm - rs.getDouble(5) / 60);
                }
            }
        }
        return values;
    }

    /** Display labels of worker and unit keys (ids); calendar keys are their own labels. */
    private Map<String, String> labels(Connection c, ReportRequest request, Collection<String> keys) throws SQLException {
        if (keys.isEmpty() || (request.groupBy() != GroupBy.WORKER && request.groupBy() != GroupBy.UNIT)) {
            return Map.of();
        }
        List<Long> ids = keys.stream().map(Long::parseLong).sorted().collect(Collectors.toList());
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

    private TimeSaved.Method method(ReportRequest request, TypingBaseline baseline, TimeSaved.Row total) {
        Double effective = total.baselineWordsPerMinute();
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
        return new TimeSaved.Method(effective, total.baseline().measuredOrConfigured(), cfg.defaultWordsPerMinute(),
                cfg.defaultWordsPerMinuteSource(), cfg.minTypedNotes(), baseline.windowFrom(), baseline.windowTo(),
                cfg.bootstrapIterations(), cfg.bootstrapSeed(), managerView && cfg.pseudonymise(),
                managerView && request.groupBy() != GroupBy.WORKER, cfg.minWorkersPerRow(), text);
    }

    /** The WHERE clause every query of a report shares: scope, counted dictated notes, dates. */
    private static final class Scope {
        final String key;
        final String where;
        final List<Object> params;

        Scope(ReportRequest request) {
            key = request.groupBy().column();
            where = " WHERE " + request.scope().column() + " = ? AND t.counted = TRUE AND t.mode = 'dictated'"
                    + " AND t.local_date BETWEEN ? AND ?";
            params = List.of(request.scope().id(), request.from(), request.to());
        }

        PreparedStatement prepare(Connection c, String sql) throws SQLException {
            PreparedStatement ps = c.prepareStatement(sql);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps;
        }
    }

    /** One worker's notes of one group in one unit, summed by the database. */
    private record Part(String key, long userId, long unitId, long notes, long words, double audioSeconds,
                        double editSeconds, long changedWords, long proposalWords) { }

    /** A row's sums: the database's part sums, each with its worker's baseline applied. */
    private static final class Sums {
        final Set<Long> workers = new HashSet<>();
        long notes;
        long words;
        double audioSeconds;
        double editSeconds;
        double baselineSeconds;
        long changedWords;
        long proposalWords;
        final long[] notesBySource = new long[TypingBaseline.Source.values().length];

        void add(Part p, TypingBaseline.Rate rate) {
            workers.add(p.userId);
            notes += p.notes;
            words += p.words;
            audioSeconds += p.audioSeconds;
            editSeconds += p.editSeconds;
            baselineSeconds += p.words * 60.0 / rate.wordsPerMinute();
            changedWords += p.changedWords;
            proposalWords += p.proposalWords;
            notesBySource[rate.source().ordinal()] += p.notes;
        }

        TimeSaved.Row toRow(String label, DoubleList savedMinutes, Bootstrap bootstrap) {
            double[] sorted = savedMinutes.sorted();
            double saved = baselineSeconds - audioSeconds - editSeconds;
            return new TimeSaved.Row(label, false, notes, workers.size(), words, audioSeconds, editSeconds,
                    baselineSeconds, saved, notes == 0 ? null : saved / notes / 60,
                    sorted.length == 0 ? null : Bootstrap.percentile(sorted, 0.5),
                    bootstrap.meanInterval95(sorted, sorted.length),
                    new TimeSaved.BaselineUse(notesBySource[TypingBaseline.Source.WORKER.ordinal()],
                            notesBySource[TypingBaseline.Source.UNIT.ordinal()],
                            notesBySource[TypingBaseline.Source.CONFIGURED.ordinal()]),
                    changedWords, proposalWords);
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

        double[] sorted() {
            double[] copy = java.util.Arrays.copyOf(values, size);
            java.util.Arrays.sort(copy);
            return copy;
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
