package se.dikta.timelog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import se.dikta.notes.NoteMode;

/**
 * The constructed data set the report tests compute by hand. Units A and B; Anna and Bo in A, Cilla
 * in B. With a minimum of two typed notes and a 365-day baseline window ending 2025-04-30:
 *
 * <pre>
 * typed (counted)     Anna 100 w / 300 s (2024-11-15), 200 w / 300 s (2025-03-01) → 300 w / 10 min = 30 wpm (own)
 *                     Bo   100 w / 600 s (2025-02-01): only one note, so Bo uses unit A's speed
 *                     unit A: 400 w / 1200 s = 20 wpm; unit B has no typed notes → configured 25 wpm
 * typed, ignored      Anna 1000 w / 60 s on 2024-03-01 (outside the window), a typed draft save
 *
 * dictated (counted)  local time          words audio edit  baseline           saved
 *   D1 Anna  2025-01-01 00:30 (W01, Jan)   150    60   90   150/30 = 300 s     +150 s = +2.5 min
 *   D2 Anna  2025-02-10 10:00 (W07, Feb)    60   100  200    60/30 = 120 s     -180 s = -3.0 min
 *   D3 Anna  2025-04-30 23:30 (W18, Apr)   300   120  120   300/30 = 600 s     +360 s = +6.0 min
 *   D4 Bo    2025-03-31 00:30 (W14, Mar)   100    30   30   100/20 = 300 s     +240 s = +4.0 min
 *   D5 Bo    2025-01-02 11:00 (W01, Jan)    40    20   40    40/20 = 120 s      +60 s = +1.0 min
 *   D6 Cilla 2025-03-03 11:00, unit B      250    90   60   250/25 = 600 s     +450 s = +7.5 min
 * not counted: D1's draft save and first signing (superseded by the re-signing above), a draft-only
 * note, Anna's dictated note at 2025-05-01 00:30 local (tertial T2).
 * </pre>
 */
final class TimeSavedFixture {

    long unitA;
    long unitB;
    long anna;
    long bo;
    long cilla;

    /**
     * Creates the units, workers and rows; {@code tag} keeps names unique so tests can share one
     * database (every figure is scoped by unit or user id, so other tests' rows do not interfere).
     */
    static TimeSavedFixture create(Connection c, TimeLog log, String tag) throws SQLException {
        long a = unit(c, "Enhet A" + tag);
        long b = unit(c, "Enhet B" + tag);
        return forWorkers(a, b)
                .workers(user(c, "anna" + tag, "Anna Andersson", a), user(c, "bo" + tag, "Bo Berg", a),
                        user(c, "cilla" + tag, "Cilla Ceder", b))
                .insert(c, log);
    }

    /** The fixture for units and workers that exist already (e.g. created through the server). */
    static TimeSavedFixture forWorkers(long unitA, long unitB) {
        TimeSavedFixture f = new TimeSavedFixture();
        f.unitA = unitA;
        f.unitB = unitB;
        return f;
    }

    TimeSavedFixture workers(long anna, long bo, long cilla) {
        this.anna = anna;
        this.bo = bo;
        this.cilla = cilla;
        return this;
    }

    TimeSavedFixture insert(Connection c, TimeLog log) throws SQLException {
        log.insert(c, entries());
        return this;
    }

    /** Note ids unique to this fixture's workers, as real (UUID) note ids are. */
    String note(String name) {
        return anna + "-" + name;
    }

    private List<TimeLogEntry> entries() {
        List<TimeLogEntry> e = new ArrayList<>();
        e.add(sign(anna, unitA, note("ta1"), NoteMode.TYPED, 100, 0, 300, "2024-11-15T09:00:00Z"));
        e.add(sign(anna, unitA, note("ta2"), NoteMode.TYPED, 200, 0, 300, "2025-03-01T09:00:00Z"));
        e.add(sign(bo, unitA, note("tb1"), NoteMode.TYPED, 100, 0, 600, "2025-02-01T09:00:00Z"));
        e.add(sign(anna, unitA, note("ta-old"), NoteMode.TYPED, 1000, 0, 60, "2024-03-01T09:00:00Z"));
        e.add(entry(anna, unitA, note("ta-draft"), NoteMode.TYPED, LogEvent.SAVE, 1000, 0, 60, "2025-03-02T09:00:00Z"));

        e.add(entry(anna, unitA, note("d1"), NoteMode.DICTATED, LogEvent.SAVE, 80, 60, 30, "2024-12-31T23:10:00Z"));
        e.add(entry(anna, unitA, note("d1"), NoteMode.DICTATED, LogEvent.SIGN, 140, 60, 70, "2024-12-31T23:20:00Z"));
        e.add(new TimeLogEntry(anna, unitA, note("d1"), "journalanteckning", NoteMode.DICTATED, LogEvent.SIGN,
                150, 900, 60, 90, 12, 140, Instant.parse("2024-12-31T23:30:00Z")));
        e.add(sign(anna, unitA, note("d2"), NoteMode.DICTATED, 60, 100, 200, "2025-02-10T09:00:00Z"));
        e.add(sign(anna, unitA, note("d3"), NoteMode.DICTATED, 300, 120, 120, "2025-04-30T21:30:00Z"));
        e.add(sign(bo, unitA, note("d4"), NoteMode.DICTATED, 100, 30, 30, "2025-03-30T22:30:00Z"));
        e.add(sign(bo, unitA, note("d5"), NoteMode.DICTATED, 40, 20, 40, "2025-01-02T10:00:00Z"));
        e.add(sign(cilla, unitB, note("d6"), NoteMode.DICTATED, 250, 90, 60, "2025-03-03T10:00:00Z"));

        e.add(entry(bo, unitA, note("draft-only"), NoteMode.DICTATED, LogEvent.SAVE, 500, 10, 10, "2025-02-11T09:00:00Z"));
        e.add(sign(anna, unitA, note("d-may"), NoteMode.DICTATED, 500, 10, 10, "2025-04-30T22:30:00Z"));
        return e;
    }

    private static TimeLogEntry sign(long user, long unit, String note, NoteMode mode, int words, double audio,
                                     double edit, String at) {
        return entry(user, unit, note, mode, LogEvent.SIGN, words, audio, edit, at);
    }

    private static TimeLogEntry entry(long user, long unit, String note, NoteMode mode, LogEvent event, int words,
                                      double audio, double edit, String at) {
        return new TimeLogEntry(user, unit, note, "journalanteckning", mode, event, words, words * 6, audio, edit,
                null, null, Instant.parse(at));
    }

    static long unit(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO units (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    static long user(Connection c, String username, String displayName, long unitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (username, display_name, title, role, unit_id,"
                + " password_hash, created_at) VALUES (?, ?, 'Socialsekreterare', 'worker', ?, 'x', CURRENT_TIMESTAMP)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, username);
            ps.setString(2, displayName);
            ps.setLong(3, unitId);
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong("id");
        }
    }
}
