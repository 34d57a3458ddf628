package se.dikta.timelog;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.dikta.db.Database;

/**
 * Writes time-log rows. A signing becomes the note's counted row and un-counts the note's earlier
 * signing (an amendment re-signs with updated totals), so every note is counted exactly once.
 */
public final class TimeLog {

    private static final String INSERT = "INSERT INTO time_log (user_id, unit_id, note_id, template, mode, event, counted,"
            + " words, chars, audio_seconds, edit_seconds, changed_words, proposal_words, logged_at,"
            + " local_date, iso_week, month_key, tertial_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String UNCOUNT = "UPDATE time_log SET counted = FALSE WHERE note_id = ? AND counted";
    private static final int BATCH = 1000;

    private final Database db;
    private final Periods periods;

    public TimeLog(Database db, Periods periods) {
        this.db = db;
        this.periods = periods;
    }

    /** Records one save or signing in its own transaction, on the database worker pool. */
    public Future<Void> record(TimeLogEntry entry) {
        return db.tx(c -> {
            insert(c, List.of(entry));
            return null;
        });
    }

    /**
     * Inserts rows in JDBC batches within the caller's transaction (bulk loads, demo data). Among
     * the given entries the last signing of each note is the counted one.
     */
    public void insert(Connection c, List<TimeLogEntry> entries) throws SQLException {
        Map<String, Integer> lastSigning = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).event() == LogEvent.SIGN) {
                lastSigning.put(entries.get(i).noteId(), i);
            }
        }
        uncount(c, new LinkedHashSet<>(lastSigning.keySet()));
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int i = 0; i < entries.size(); i++) {
                TimeLogEntry e = entries.get(i);
                bind(ps, e, Integer.valueOf(i).equals(lastSigning.get(e.noteId())));
                ps.addBatch();
                if ((i + 1) % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void uncount(Connection c, Set<String> noteIds) throws SQLException {
        if (noteIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(UNCOUNT)) {
            int pending = 0;
            for (String noteId : noteIds) {
                ps.setString(1, noteId);
                ps.addBatch();
                if (++pending % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private void bind(PreparedStatement ps, TimeLogEntry e, boolean counted) throws SQLException {
        Periods.Keys keys = periods.keys(e.loggedAt());
        ps.setLong(1, e.userId());
        ps.setLong(2, e.unitId());
        ps.setString(3, e.noteId());
        ps.setString(4, e.template());
        ps.setString(5, e.mode().id());
        ps.setString(6, e.event().dbValue());
        ps.setBoolean(7, counted);
        ps.setInt(8, e.words());
        ps.setInt(9, e.chars());
        ps.setDouble(10, e.audioSeconds());
        ps.setDouble(11, e.editSeconds());
        setNullableInt(ps, 12, e.changedWords());
        setNullableInt(ps, 13, e.proposalWords());
        ps.setObject(14, OffsetDateTime.ofInstant(e.loggedAt(), ZoneOffset.UTC));
        ps.setObject(15, keys.localDate());
        ps.setString(16, keys.isoWeek());
        ps.setString(17, keys.month());
        ps.setString(18, keys.tertial());
    }

    private static void setNullableInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
