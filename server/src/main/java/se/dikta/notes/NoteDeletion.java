package se.dikta.notes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of removing notes for retention (gallring): a note goes with its versions and amendments, and
 * leaves a {@link NoteTombstone} (table {@code deleted_notes}, V100) with a revision of its own, so every
 * follower of the revision feed removes it too. Takes the caller's connection and never commits.
 */
public final class NoteDeletion {

    private final NoteStore store = new NoteStore();

    /**
     * Deletes the notes and writes their tombstones. The revision row is updated after the deletes, as in
     * {@link NoteStore#stampRevision}, so its lock is held only to the end of this transaction and revisions
     * stay visible in order.
     */
    public void delete(Connection c, List<String> noteIds, Instant at) throws SQLException {
        if (noteIds.isEmpty()) {
            return;
        }
        for (String table : new String[] {"note_amendments", "note_versions", "notes"}) {
            String column = table.equals("notes") ? "id" : "note_id";
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + column + " = ?")) {
                for (String id : noteIds) {
                    ps.setString(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE note_revision SET revision = revision + ? WHERE id = 1")) {
            ps.setLong(1, noteIds.size());
            ps.executeUpdate();
        }
        long first = store.latestRevision(c) - noteIds.size() + 1;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO deleted_notes (note_id, revision, deleted_at) VALUES (?, ?, ?)")) {
            for (int i = 0; i < noteIds.size(); i++) {
                ps.setString(1, noteIds.get(i));
                ps.setLong(2, first + i);
                ps.setTimestamp(3, Timestamp.from(at));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Tombstones with a revision above {@code revision}, in revision order, at most {@code limit}. */
    public List<NoteTombstone> deletedSince(Connection c, long revision, int limit) throws SQLException {
        List<NoteTombstone> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT note_id, revision FROM deleted_notes WHERE revision > ? "
                + "ORDER BY revision LIMIT " + Math.max(1, limit))) {
            ps.setLong(1, revision);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new NoteTombstone(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        return out;
    }
}
