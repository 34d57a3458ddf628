package se.dikta.asr;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import se.dikta.db.Database;

/** Background transcription jobs in the database (V20): any node can report a job; each belongs to its creator. */
final class TranscriptionJobs {

    /** A running job not refreshed for this long (four missed heartbeats) lost its node (crash, restart). */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(20);
    static final String INTERRUPTED = "Jobbet avbröts när servern stoppades; skicka filen igen";
    static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final Database db;
    private final Clock clock;

    TranscriptionJobs(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Future<String> create(long userId) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO transcription_jobs "
                    + "(id, user_id, status, progress, created_at, updated_at) VALUES (?, ?, 'running', 0, ?, ?)")) {
                ps.setString(1, id);
                ps.setLong(2, userId);
                ps.setTimestamp(3, now);
                ps.setTimestamp(4, now);
                ps.executeUpdate();
            }
            return id;
        });
    }

    /** Records progress 0..1; also the heartbeat that shows the job is alive. */
    Future<Void> progress(String id, double progress) {
        return update("UPDATE transcription_jobs SET progress = ?, updated_at = ? WHERE id = ? AND status = 'running'",
                ps -> {
                    ps.setDouble(1, Math.max(0, Math.min(1, progress)));
                    ps.setTimestamp(2, Timestamp.from(clock.instant()));
                    ps.setString(3, id);
                });
    }

    Future<Void> done(String id, FileTranscript t) {
        JsonObject json = t.toJson();
        return update("UPDATE transcription_jobs SET status = 'done', progress = 1, transcript = ?, words = ?, "
                + "audio_seconds = ?, processing_seconds = ?, updated_at = ? WHERE id = ?", ps -> {
                    ps.setString(1, t.transcript());
                    ps.setString(2, json.getJsonArray("words").encode());
                    ps.setDouble(3, t.audioSeconds());
                    ps.setDouble(4, t.processingSeconds());
                    ps.setTimestamp(5, Timestamp.from(clock.instant()));
                    ps.setString(6, id);
                });
    }

    Future<Void> failed(String id, String message) {
        return update("UPDATE transcription_jobs SET status = 'failed', error = ?, updated_at = ? WHERE id = ?", ps -> {
            ps.setString(1, message.length() > 500 ? message.substring(0, 500) : message);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, id);
        });
    }

    /**
     * At the start of a server on the embedded database (one node by definition): every job still
     * {@code running} belonged to an earlier process of this node and is marked failed now. Returns how many.
     */
    Future<Integer> failInterrupted() {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE transcription_jobs SET status = 'failed', "
                    + "error = ?, updated_at = ? WHERE status = 'running'")) {
                ps.setString(1, INTERRUPTED);
                ps.setTimestamp(2, Timestamp.from(clock.instant()));
                return ps.executeUpdate();
            }
        });
    }

    /** The job as api.md shows it, if it exists and belongs to {@code userId}. */
    Future<Optional<JsonObject>> find(long userId, String id) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT status, progress, audio_seconds, processing_seconds, "
                    + "transcript, words, error, updated_at FROM transcription_jobs WHERE id = ? AND user_id = ?")) {
                ps.setString(1, id);
                ps.setLong(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(toJson(id, rs)) : Optional.<JsonObject>empty();
                }
            }
        });
    }

    private JsonObject toJson(String id, ResultSet rs) throws java.sql.SQLException {
        String status = rs.getString("status");
        JsonObject json = new JsonObject().put("id", id);
        Instant updated = rs.getTimestamp("updated_at").toInstant();
        if (status.equals("running") && updated.isBefore(clock.instant().minus(ABANDONED_AFTER))) {
            return json.put("status", "failed").put("progress", rs.getDouble("progress"))
                    .put("error", INTERRUPTED);
        }
        json.put("status", status).put("progress", rs.getDouble("progress"));
        if (status.equals("done")) {
            json.put("transcript", rs.getString("transcript"))
                    .put("words", new JsonArray(rs.getString("words")))
                    .put("audioSeconds", rs.getDouble("audio_seconds"))
                    .put("processingSeconds", rs.getDouble("processing_seconds"));
        } else if (status.equals("failed")) {
            json.put("error", rs.getString("error"));
        }
        return json;
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws java.sql.SQLException;
    }

    private Future<Void> update(String sql, Binder binder) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
