package se.dikta.notes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of notes, their versions and amendments. Every method takes the caller's connection, so the
 * caller decides the transaction; this class never commits.
 *
 * <p><b>Revisions.</b> Every change to a note ends with {@link #stampRevision}: it increments the single
 * row of {@code note_revision} and writes the new value into the note. The UPDATE locks that row until
 * the transaction ends, so two writers cannot interleave: a revision is only handed out after every
 * smaller one has committed or rolled back (and a rollback returns its number). Readers that ask for
 * "everything after revision N" ({@link #changedSince}) therefore never skip a change that commits
 * later with a smaller number, on H2 and on PostgreSQL alike, and any number of server nodes can follow
 * the same database independently. The lock is taken as the last statement, so it is held only for the
 * commit.
 */
public final class NoteStore {

    private static final String NOTE_COLUMNS = "id, case_id, unit_id, template, event_date, entry_time, author_id, "
            + "author_name, author_title, sections, transcript, words, proposal, mode, audio_seconds, edit_seconds, "
            + "status, version, signed_by, signed_by_name, signed_by_title, signed_at, updated_at, revision";

    public void insert(Connection c, Note n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notes (" + NOTE_COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, n.id());
            ps.setString(2, n.caseId());
            ps.setLong(3, n.unitId());
            ps.setString(4, n.template());
            ps.setObject(5, n.eventDate());
            ps.setObject(6, time(n.entryTime()));
            ps.setLong(7, n.author().userId());
            ps.setString(8, n.author().name());
            ps.setString(9, n.author().title());
            setContentAndState(ps, 10, n);
            ps.setLong(24, n.revision());
            ps.executeUpdate();
        }
    }

    /** Writes the note's changeable columns (content, metrics, status, signature); identity columns never change. */
    public void update(Connection c, Note n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE notes SET sections = ?, transcript = ?, words = ?, "
                + "proposal = ?, mode = ?, audio_seconds = ?, edit_seconds = ?, status = ?, version = ?, "
                + "signed_by = ?, signed_by_name = ?, signed_by_title = ?, signed_at = ?, updated_at = ?, "
                + "event_date = ? WHERE id = ?")) {
            setContentAndState(ps, 1, n);
            ps.setObject(15, n.eventDate());
            ps.setString(16, n.id());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("Note " + n.id() + " vanished during update");
            }
        }
    }

    /** Sets the 14 parameters from sections through updated_at, starting at {@code i}. */
    private static void setContentAndState(PreparedStatement ps, int i, Note n) throws SQLException {
        ps.setString(i, NoteJsonCodec.sections(n.sections()));
        ps.setString(i + 1, n.transcript());
        ps.setString(i + 2, NoteJsonCodec.words(n.words()));
        ps.setString(i + 3, n.proposal());
        ps.setString(i + 4, n.metrics().mode().id());
        ps.setDouble(i + 5, n.metrics().audioSeconds());
        ps.setDouble(i + 6, n.metrics().editSeconds());
        ps.setString(i + 7, n.status().id());
        ps.setInt(i + 8, n.version());
        Signature sig = n.signature();
        ps.setObject(i + 9, sig == null ? null : sig.by().userId(), java.sql.Types.BIGINT);
        ps.setString(i + 10, sig == null ? null : sig.by().name());
        ps.setString(i + 11, sig == null ? null : sig.by().title());
        ps.setObject(i + 12, sig == null ? null : time(sig.at()), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(i + 13, time(n.updatedAt()));
    }

    public void insertVersion(Connection c, NoteVersion v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO note_versions (note_id, version, saved_at, "
                + "saved_by, saved_by_name, saved_by_title, sections, transcript, mode, audio_seconds, edit_seconds) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, v.noteId());
            ps.setInt(2, v.version());
            ps.setObject(3, time(v.savedAt()));
            ps.setLong(4, v.savedBy().userId());
            ps.setString(5, v.savedBy().name());
            ps.setString(6, v.savedBy().title());
            ps.setString(7, NoteJsonCodec.sections(v.sections()));
            ps.setString(8, v.transcript());
            ps.setString(9, v.metrics().mode().id());
            ps.setDouble(10, v.metrics().audioSeconds());
            ps.setDouble(11, v.metrics().editSeconds());
            ps.executeUpdate();
        }
    }

    /** Inserts the amendment and returns it with its generated id. */
    public Amendment insertAmendment(Connection c, Amendment a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO note_amendments (note_id, author_id, author_name, "
                + "author_title, created_at, section, body) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            ps.setString(1, a.noteId());
            ps.setLong(2, a.author().userId());
            ps.setString(3, a.author().name());
            ps.setString(4, a.author().title());
            ps.setObject(5, time(a.createdAt()));
            ps.setString(6, a.section());
            ps.setString(7, a.text());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Amendment(keys.getLong(1), a.noteId(), a.author(), a.createdAt(), a.section(), a.text());
            }
        }
    }

    /**
     * Takes the next revision and stamps it on the note. Call it as the last statement of the transaction
     * (see the class comment).
     */
    public long stampRevision(Connection c, String noteId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE note_revision SET revision = revision + 1 WHERE id = 1")) {
            ps.executeUpdate();
        }
        long revision = latestRevision(c);
        try (PreparedStatement ps = c.prepareStatement("UPDATE notes SET revision = ? WHERE id = ?")) {
            ps.setLong(1, revision);
            ps.setString(2, noteId);
            ps.executeUpdate();
        }
        return revision;
    }

    /** The newest revision handed out and committed (or taken by this connection's transaction). */
    public long latestRevision(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM note_revision WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The note with its amendments; {@code lock} holds the row until the transaction ends. */
    public Optional<Note> find(Connection c, String id, boolean lock) throws SQLException {
        List<Note> found = query(c, "SELECT " + NOTE_COLUMNS + " FROM notes WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
                id);
        return found.stream().findFirst();
    }

    /** The notes of a case, newest contact first. */
    public List<Note> byCase(Connection c, String caseId) throws SQLException {
        return query(c, "SELECT " + NOTE_COLUMNS + " FROM notes WHERE case_id = ? "
                + "ORDER BY event_date DESC, entry_time DESC", caseId);
    }

    /** Notes whose latest change is after {@code revision}, in revision order, at most {@code limit}. */
    public List<Note> changedSince(Connection c, long revision, int limit) throws SQLException {
        return query(c, "SELECT " + NOTE_COLUMNS + " FROM notes WHERE revision > ? ORDER BY revision LIMIT "
                + Math.max(1, limit), revision);
    }

    public long countChangedSince(Connection c, long revision) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM notes WHERE revision > ?")) {
            ps.setLong(1, revision);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every saved version of a note, oldest first. */
    public List<NoteVersion> versions(Connection c, String noteId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, saved_at, saved_by, saved_by_name, "
                + "saved_by_title, sections, transcript, mode, audio_seconds, edit_seconds FROM note_versions "
                + "WHERE note_id = ? ORDER BY version")) {
            ps.setString(1, noteId);
            List<NoteVersion> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new NoteVersion(noteId, rs.getInt(1), instant(rs, 2),
                            new Person(rs.getLong(3), rs.getString(4), rs.getString(5)),
                            NoteJsonCodec.sections(rs.getString(6)), rs.getString(7),
                            new NoteMetrics(mode(rs.getString(8)), rs.getDouble(9), rs.getDouble(10))));
                }
            }
            return list;
        }
    }

    private List<Note> query(Connection c, String sql, Object param) throws SQLException {
        List<Note> notes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    notes.add(note(rs));
                }
            }
        }
        if (notes.isEmpty()) {
            return notes;
        }
        Map<String, List<Amendment>> amendments = amendments(c, notes);
        return notes.stream().map(n -> n.withAmendments(amendments.getOrDefault(n.id(), List.of()))).toList();
    }

    private static Map<String, List<Amendment>> amendments(Connection c, List<Note> notes) throws SQLException {
        Map<String, List<Amendment>> byNote = new HashMap<>();
        String marks = String.join(", ", java.util.Collections.nCopies(notes.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT id, note_id, author_id, author_name, author_title, "
                + "created_at, section, body FROM note_amendments WHERE note_id IN (" + marks + ") ORDER BY id")) {
            for (int i = 0; i < notes.size(); i++) {
                ps.setString(i + 1, notes.get(i).id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Amendment a = new Amendment(rs.getLong(1), rs.getString(2),
                            new Person(rs.getLong(3), rs.getString(4), rs.getString(5)), instant(rs, 6),
                            rs.getString(7), rs.getString(8));
                    byNote.computeIfAbsent(a.noteId(), k -> new ArrayList<>()).add(a);
                }
            }
        }
        return byNote;
    }

    private static Note note(ResultSet rs) throws SQLException {
        long signedBy = rs.getLong("signed_by");
        Signature signature = rs.wasNull() ? null
                : new Signature(new Person(signedBy, rs.getString("signed_by_name"), rs.getString("signed_by_title")),
                        instant(rs, "signed_at"));
        return new Note(
                rs.getString("id"),
                rs.getString("case_id"),
                rs.getLong("unit_id"),
                rs.getString("template"),
                rs.getObject("event_date", LocalDate.class),
                instant(rs, "entry_time"),
                new Person(rs.getLong("author_id"), rs.getString("author_name"), rs.getString("author_title")),
                NoteJsonCodec.sections(rs.getString("sections")),
                rs.getString("transcript"),
                NoteJsonCodec.words(rs.getString("words")),
                new NoteMetrics(mode(rs.getString("mode")), rs.getDouble("audio_seconds"), rs.getDouble("edit_seconds")),
                rs.getString("proposal"),
                NoteStatus.parse(rs.getString("status")),
                rs.getInt("version"),
                signature,
                instant(rs, "updated_at"),
                rs.getLong("revision"),
                List.of());
    }

    private static NoteMode mode(String id) {
        return NoteMode.parse(id).orElseThrow(() -> new IllegalStateException("Unknown note mode " + id));
    }

    private static OffsetDateTime time(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
