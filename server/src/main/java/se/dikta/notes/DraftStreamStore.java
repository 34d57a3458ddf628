package se.dikta.notes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The SQL behind the server-owned figures of a draft: the last live-dictation frame stored in it
 * ({@code notes.stream_seq}) and when it was last saved. Takes the caller's connection; never commits.
 */
final class DraftStreamStore {

    /** The sequence number of the last live-dictation frame whose text is stored in the draft (0: none). */
    long streamSeq(Connection c, String noteId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT stream_seq FROM notes WHERE id = ?")) {
            ps.setString(1, noteId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    void setStreamSeq(Connection c, String noteId, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE notes SET stream_seq = ? WHERE id = ?")) {
            ps.setLong(1, seq);
            ps.setString(2, noteId);
            ps.executeUpdate();
        }
    }

    /** When the note was last saved (its newest version), if ever. */
    Optional<Instant> lastSavedAt(Connection c, String noteId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(saved_at) FROM note_versions WHERE note_id = ?")) {
            ps.setString(1, noteId);
            try (ResultSet rs = ps.executeQuery()) {
                OffsetDateTime t = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
                return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
            }
        }
    }
}
