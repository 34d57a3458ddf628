package se.dikta.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.audit.AuditLog;
import se.dikta.audit.AuditRetention;
import se.dikta.db.Database;
import se.dikta.notes.NoteDeletion;

/**
 * One retention pass: finds what is due by {@link RetentionConfig} and the clock, and removes it from the
 * database (notes with a tombstone for the search index, transcription jobs, old audit rows behind a
 * checkpoint) and from the upload folder.
 * The database part and its audit row commit in one transaction; files go after the commit, so a crash in
 * between leaves only files, which the next pass removes. Blocking: run it on a worker thread.
 *
 * <p>A note is due only when its own period has passed: a draft by the time it was last saved, a signed
 * note by the time of the last note (or amendment) in its case. The queries lock what they return, so a
 * save that races the pass either commits first (and the note is no longer due) or finds the note gone.
 */
public final class RetentionPass {

    static final String AUDIT_ACTION = "retention.run";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPass.class);

    private final Database db;
    private final RetentionConfig config;
    private final Path uploadDir;
    private final AuditLog audit;
    private final Clock clock;
    private final NoteDeletion deletion = new NoteDeletion();
    private final AuditRetention auditRetention;

    public RetentionPass(Database db, RetentionConfig config, Path uploadDir, AuditLog audit, Clock clock) {
        this.db = db;
        this.config = config;
        this.uploadDir = uploadDir;
        this.audit = audit;
        this.clock = clock;
        this.auditRetention = new AuditRetention(audit);
    }

    /** What is due now; changes nothing (the dry run). */
    public RetentionPlan plan() {
        Instant now = clock.instant();
        return db.txBlocking(c -> due(c, now, false, dueFiles(now)));
    }

    /**
     * Removes what is due now and writes one audit row with the counts.
     *
     * @param day when set, the database part runs only if no other node has run this day's pass (the row in
     *        {@code retention_runs} is the lease); this node's upload folder is swept either way
     * @param node names this node in the lease row
     * @return what was removed
     */
    public RetentionPlan apply(Optional<LocalDate> day, String node) {
        Instant now = clock.instant();
        List<Path> files = dueFiles(now);
        RetentionPlan done = db.txBlocking(c -> {
            boolean databasePart = day.isEmpty() || takeLease(c, day.get(), node, now);
            RetentionPlan plan = databasePart ? due(c, now, true, files)
                    : new RetentionPlan(now, List.of(), List.of(), List.of(), files, 0, false);
            if (plan.isEmpty() && day.isPresent()) {
                return plan; // a quiet day: the lease row says it ran, no audit row for nothing
            }
            List<String> notes = new ArrayList<>(plan.drafts());
            notes.addAll(plan.signedNotes());
            deletion.delete(c, notes, now);
            deleteJobs(c, plan.transcriptionJobs());
            if (plan.auditRows() > 0) {
                auditRetention.removeBefore(c, auditCutoff(now));
            }
            audit.record(c, (Long) null, "retention", AUDIT_ACTION, "retention", day.map(LocalDate::toString).orElse(null),
                    plan.counts() + (databasePart ? "" : " (upload folder only)"));
            return plan;
        });
        for (Path f : done.audioFiles()) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                LOG.warn("Retention could not delete {}: {}", f, e.toString());
            }
        }
        if (!done.isEmpty()) {
            LOG.info("Retention removed {}", done.counts());
        }
        return done;
    }

    /** True when this transaction holds the day's lease; false when another node has (or is running) it. */
    private static boolean takeLease(Connection c, LocalDate day, String node, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM retention_runs WHERE run_date = ?")) {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        // Two nodes racing: the second insert waits for the first transaction and then fails on the key; the
        // savepoint keeps its transaction usable (PostgreSQL aborts it on an error) for sweeping its own files.
        Savepoint before = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO retention_runs (run_date, node, started_at) VALUES (?, ?, ?)")) {
            ps.setObject(1, day);
            ps.setString(2, node.length() > 200 ? node.substring(0, 200) : node);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(before);
            return false;
        }
        return true;
    }

    private RetentionPlan due(Connection c, Instant now, boolean lock, List<Path> files) throws SQLException {
        String forUpdate = lock ? " FOR UPDATE" : "";
        List<String> drafts = config.drafts().isZero() ? List.of()
                : ids(c, "SELECT id FROM notes WHERE status = 'draft' AND updated_at < ? ORDER BY id" + forUpdate,
                        now.minus(config.drafts()), 1);
        List<String> signed = List.of();
        if (config.signedNoteYears() > 0) {
            Instant cutoff = now.atZone(ZoneOffset.UTC).minusYears(config.signedNoteYears()).toInstant();
            signed = ids(c, "SELECT n.id FROM notes n WHERE n.status = 'signed' AND NOT EXISTS (SELECT 1 FROM notes m "
                    + "WHERE m.case_id = n.case_id AND (m.updated_at >= ? OR m.entry_time >= ? OR m.signed_at >= ?)) "
                    + "AND NOT EXISTS (SELECT 1 FROM note_amendments a JOIN notes m ON m.id = a.note_id "
                    + "WHERE m.case_id = n.case_id AND a.created_at >= ?) ORDER BY n.id" + forUpdate, cutoff, 4);
        }
        List<String> jobs = config.transcriptionJobs().isZero() ? List.of()
                : ids(c, "SELECT id FROM transcription_jobs WHERE updated_at < ? ORDER BY id" + forUpdate,
                        now.minus(config.transcriptionJobs()), 1);
        long auditRows = config.auditLogYears() == 0 ? 0 : auditRetention.countBefore(c, auditCutoff(now));
        return new RetentionPlan(now, drafts, signed, jobs, files, auditRows, true);
    }

    private Instant auditCutoff(Instant now) {
        return now.atZone(ZoneOffset.UTC).minusYears(config.auditLogYears()).toInstant();
    }

    private static List<String> ids(Connection c, String sql, Instant cutoff, int times) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= times; i++) {
                ps.setTimestamp(i, Timestamp.from(cutoff));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static void deleteJobs(Connection c, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM transcription_jobs WHERE id = ?")) {
            for (String id : ids) {
                ps.setString(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Regular files directly in the upload folder last written before {@link RetentionConfig#uploadAge()}. */
    private List<Path> dueFiles(Instant now) {
        if (!Files.isDirectory(uploadDir)) {
            return List.of();
        }
        Instant cutoff = now.minus(config.uploadAge());
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(uploadDir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                try {
                    if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
                        out.add(f);
                    }
                } catch (NoSuchFileException e) {
                    // removed meanwhile (its transcription ended)
                }
            }
        } catch (IOException e) {
            LOG.warn("Retention cannot list the upload folder {}: {}", uploadDir, e.toString());
        }
        return out;
    }
}
