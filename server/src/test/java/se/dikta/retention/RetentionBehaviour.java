package se.dikta.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.audit.AuditChainVerifier;
import se.dikta.failure.DomainException;
import se.dikta.notes.Note;

/**
 * Retention (gallring) with a clock the test moves: what is due leaves the database, the upload folder and
 * the running server's search index, with one audit row of counts; what is still within its period stays;
 * a dry run changes nothing; the daily pass runs once per day and only on the node holding the day's lease.
 */
abstract class RetentionBehaviour extends RetentionFixture {

    @Test
    void dueDraftsJobsAndAudioGoFromDatabaseDiskAndIndexWhileYoungerOnesStay() throws Exception {
        start(Map.of());
        String caseId = newCase();
        Note old = note(caseId, "Gammal grävling i utkastet.");
        Note signedEarly = signed(caseId, "Underskriven grävling.");
        String oldJob = job(T0);
        clock.advance(Duration.ofDays(1));
        Note younger = note(caseId, "Yngre grävling i utkastet.");
        String youngerJob = job(clock.instant());
        clock.advance(Duration.ofDays(29).plusHours(1)); // old draft: 30 days and an hour; younger: a day less
        Path oldAudio = upload("old.wav", clock.instant().minus(Duration.ofDays(2)));
        Path freshAudio = upload("fresh.wav", clock.instant().minus(Duration.ofHours(2)));
        assertThat(searchHits("gr%C3%A4vling", caseId, 3)).isEqualTo(3);

        RetentionPlan dry = pass().plan();
        assertThat(dry.drafts()).containsExactly(old.id());
        assertThat(dry.signedNotes()).isEmpty();
        assertThat(dry.transcriptionJobs()).containsExactly(oldJob);
        assertThat(dry.audioFiles()).containsExactly(oldAudio);
        assertThat(exists(old)).isTrue();
        assertThat(Files.exists(oldAudio)).isTrue();
        assertThat(count("SELECT COUNT(*) FROM transcription_jobs WHERE id = ?", oldJob)).isEqualTo(1);
        assertThat(retentionAuditDetails()).isEmpty();

        RetentionPlan done = pass().apply(Optional.empty(), "test");
        assertThat(done.counts()).isEqualTo("drafts=1 signedNotes=0 transcriptionJobs=1 audioFiles=1 auditRows=0");

        assertThat(exists(old)).isFalse();
        assertThat(count("SELECT COUNT(*) FROM note_versions WHERE note_id = ?", old.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM deleted_notes WHERE note_id = ?", old.id())).isEqualTo(1);
        assertThatThrownBy(() -> server.notes().get(anna, old.id()).await())
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
        assertThat(count("SELECT COUNT(*) FROM transcription_jobs WHERE id = ?", oldJob)).isZero();
        assertThat(Files.exists(oldAudio)).isFalse();

        assertThat(exists(younger)).isTrue();
        assertThat(exists(signedEarly)).isTrue();
        assertThat(count("SELECT COUNT(*) FROM transcription_jobs WHERE id = ?", youngerJob)).isEqualTo(1);
        assertThat(Files.exists(freshAudio)).isTrue();

        assertThat(searchHits("gr%C3%A4vling", caseId, 2)).isEqualTo(2);
        assertThat(searchHits("gammal", caseId, 0)).isZero();
        assertThat(retentionAuditDetails()).containsExactly("drafts=1 signedNotes=0 transcriptionJobs=1 audioFiles=1 auditRows=0");
        assertThat(sql(c -> new AuditChainVerifier().verify(c)).intact()).isTrue();
    }

    @Test
    void signedNotesGoOnlyWhenTheLastNoteOfTheirCaseIsOlderThanTheRetentionYears() throws Exception {
        start(Map.of("retention.drafts", "0"));
        String quiet = newCase();
        String active = newCase();
        Note quietNote = signed(quiet, "Lodjur i det tysta ärendet.");
        Note activeFirst = signed(active, "Lodjur i det aktiva ärendet.");
        Note draft = note(quiet, "Ett utkast som aldrig gallras.");
        sql(c -> {
            try (var s = c.createStatement()) { // the draft is the case's newest note only by its own clock
                s.executeUpdate("UPDATE notes SET updated_at = TIMESTAMP '2026-03-01 00:00:00', "
                        + "entry_time = TIMESTAMP '2026-03-01 00:00:00' WHERE id = '" + draft.id() + "'");
            }
            return null;
        });
        clock.advance(Duration.ofDays(365));
        Note activeLater = signed(active, "Lodjur igen ett år senare.");
        clock.set(T0.plus(Duration.ofDays(5 * 365 + 2)));
        assertThat(searchHits("lodjur", quiet, 1)).isEqualTo(1);

        RetentionPlan done = pass().apply(Optional.empty(), "test");

        assertThat(done.signedNotes()).containsExactly(quietNote.id());
        assertThat(done.drafts()).isEmpty();
        assertThat(exists(quietNote)).isFalse();
        assertThat(exists(draft)).isTrue();
        assertThat(exists(activeFirst)).isTrue();
        assertThat(exists(activeLater)).isTrue();
        assertThat(searchHits("lodjur", quiet, 0)).isZero();
        assertThat(searchHits("lodjur", active, 2)).isEqualTo(2);
        assertThat(retentionAuditDetails()).containsExactly("drafts=0 signedNotes=1 transcriptionJobs=0 audioFiles=0 auditRows=0");
    }

    @Test
    void theCommandRemovesDueNotesAndAServerStartedAfterwardsNoLongerFindsThem(@TempDir Path dataDir) throws Exception {
        clock.set(Instant.now().minus(Duration.ofDays(40))); // the command reads the real clock
        start(Map.of("dataDir", dataDir.toString()));
        String caseId = newCase();
        Note old = note(caseId, "En utter i ett glömt utkast.");
        Note kept = signed(caseId, "En utter i en underskriven anteckning.");
        assertThat(searchHits("utter", caseId, 2)).isEqualTo(2);
        server.close(); // the index is committed with both notes in it
        server = null;

        String dry = command(dataDir, "--dry-run");
        assertThat(dry).contains("drafts=1 signedNotes=0").contains("draft " + old.id()).doesNotContain(kept.id())
                .doesNotContain("utter");
        String applied = command(dataDir, "--apply");
        assertThat(applied).contains("Removed: drafts=1 signedNotes=0");

        clock.set(Instant.now());
        restart(Map.of("dataDir", dataDir.toString()));
        assertThat(exists(old)).isFalse();
        assertThat(exists(kept)).isTrue();
        assertThat(searchHits("utter", caseId, 1)).isEqualTo(1);
        assertThat(retentionAuditDetails()).containsExactly("drafts=1 signedNotes=0 transcriptionJobs=0 audioFiles=0 auditRows=0");
    }

    @Test
    void oldAuditRowsGoBehindACheckpointFromWhichTheChainStillVerifies() throws Exception {
        start(Map.of("retention.auditLogYears", "2"));
        newCase();
        newCase();
        long old = auditRows();
        assertThat(old).isGreaterThanOrEqualTo(4); // user added, sign-ins, cases
        clock.advance(Duration.ofDays(2 * 366));
        newCase();
        long young = auditRows() - old;
        String lastOldHash = sql(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT hash FROM audit_log WHERE seq = " + old)) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(pass().plan().auditRows()).isEqualTo(old);
        assertThat(auditRows()).isEqualTo(old + young);

        RetentionPlan done = pass().apply(Optional.empty(), "test");

        assertThat(done.auditRows()).isEqualTo(old);
        assertThat(auditRows()).isEqualTo(young + 2); // the checkpoint and the pass's own row
        AuditChainVerifier.Result result = sql(c -> new AuditChainVerifier().verify(c));
        assertThat(result.problem()).isEmpty();
        assertThat(result.rows()).isEqualTo(old + young + 2);
        assertThat(checkpointDetail()).isEqualTo("removed=" + old + " throughSeq=" + old + " lastHash=" + lastOldHash);
        assertThat(retentionAuditDetails()).containsExactly(
                "drafts=0 signedNotes=0 transcriptionJobs=0 audioFiles=0 auditRows=" + old);

        // A second pass years later removes the first checkpoint with the rest and writes a new one.
        clock.advance(Duration.ofDays(3 * 366));
        server.login("anna");
        RetentionPlan again = pass().apply(Optional.empty(), "test");
        assertThat(again.auditRows()).isEqualTo(young + 2);
        assertThat(sql(c -> new AuditChainVerifier().verify(c)).problem()).isEmpty();

        // Removing rows behind retention's back is still found: the oldest remaining row, then the checkpoint.
        long first = count("SELECT MIN(seq) FROM audit_log", null);
        sql(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM audit_log WHERE seq = " + first);
            }
            return null;
        });
        assertThat(sql(c -> new AuditChainVerifier().verify(c)).problem()).get().asString().contains("saknas");
    }

    @Test
    void signedNotesStayForeverByDefault() {
        start(Map.of("retention.signedNoteYears", "0"));
        String caseId = newCase();
        Note note = signed(caseId, "Bevaras i verksamhetssystemet.");
        clock.advance(Duration.ofDays(50 * 365));
        RetentionPlan done = pass().apply(Optional.empty(), "test");
        assertThat(done.signedNotes()).isEmpty();
        assertThat(exists(note)).isTrue();
    }

    @Test
    void theDayIsLeasedToOneNodeAndTheOtherOnlySweepsItsUploadFolder() throws Exception {
        start(Map.of());
        String caseId = newCase();
        Note old = note(caseId, "Ett gammalt utkast.");
        clock.advance(Duration.ofDays(31));
        Path leftover = upload("leftover.wav", clock.instant().minus(Duration.ofDays(3)));
        LocalDate day = LocalDate.of(2026, 4, 2);

        RetentionPlan first = pass().apply(Optional.of(day), "node-a");
        assertThat(first.databasePart()).isTrue();
        assertThat(first.drafts()).containsExactly(old.id());
        assertThat(Files.exists(leftover)).isFalse();

        Note later = note(caseId, "Skrivet efter dagens gallring.");
        sql(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("UPDATE notes SET updated_at = TIMESTAMP '2026-01-01 00:00:00' WHERE id = '"
                        + later.id() + "'");
            }
            return null;
        });
        Path another = upload("another.wav", clock.instant().minus(Duration.ofDays(3)));
        RetentionPlan second = pass().apply(Optional.of(day), "node-b");
        assertThat(second.databasePart()).isFalse();
        assertThat(second.drafts()).isEmpty();
        assertThat(exists(later)).isTrue();
        assertThat(Files.exists(another)).isFalse();
        assertThat(retentionAuditDetails()).containsExactly("drafts=1 signedNotes=0 transcriptionJobs=0 audioFiles=1 auditRows=0",
                "drafts=0 signedNotes=0 transcriptionJobs=0 audioFiles=1 auditRows=0 (upload folder only)");

        RetentionPlan nextDay = pass().apply(Optional.of(day.plusDays(1)), "node-b");
        assertThat(nextDay.drafts()).containsExactly(later.id());
    }

    @Test
    void twoNodesRacingForTheSameDayRemoveEachNoteOnce() throws Exception {
        start(Map.of());
        String caseId = newCase();
        List<Note> old = List.of(note(caseId, "Ett."), note(caseId, "Två."), note(caseId, "Tre."));
        clock.advance(Duration.ofDays(31));
        LocalDate day = LocalDate.of(2026, 4, 2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> pass().apply(Optional.of(day), "node-a"));
            var b = pool.submit(() -> pass().apply(Optional.of(day), "node-b"));
            List<RetentionPlan> ran = new java.util.ArrayList<>();
            int failed = 0;
            for (var f : List.of(a, b)) {
                try {
                    ran.add(f.get(60, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++; // a lock timeout: the schedule tries again and then finds the day taken
                }
            }
            assertThat(failed).isLessThanOrEqualTo(1);
            assertThat(ran.stream().filter(RetentionPlan::databasePart).toList()).hasSize(1)
                    .first().satisfies(p -> assertThat(p.drafts()).hasSize(3));
        } finally {
            pool.shutdown();
        }
        for (Note n : old) {
            assertThat(exists(n)).isFalse();
            assertThat(count("SELECT COUNT(*) FROM deleted_notes WHERE note_id = ?", n.id())).isEqualTo(1);
        }
        assertThat(count("SELECT COUNT(*) FROM retention_runs", null)).isEqualTo(1);
        assertThat(retentionAuditDetails()).containsExactly("drafts=3 signedNotes=0 transcriptionJobs=0 audioFiles=0 auditRows=0");
    }

    @Test
    void theDailyPassRunsOnceTheClockPassesRunAtOnANewDay() throws Exception {
        start(Map.of("retention.daily", "true", "retention.checkInterval", "0.05", "retention.runAt", "03:00"));
        String caseId = newCase();
        Note old = note(caseId, "Utkast som den dagliga gallringen tar.");
        clock.set(Instant.parse("2026-04-02T00:30:00Z")); // 02:30 in Stockholm (summer time): not yet
        Thread.sleep(300);
        assertThat(exists(old)).isTrue();
        clock.set(Instant.parse("2026-04-02T01:30:00Z")); // 03:30 in Stockholm
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (exists(old) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(exists(old)).isFalse();
        assertThat(count("SELECT COUNT(*) FROM retention_runs WHERE run_date = DATE '2026-04-02'", null)).isEqualTo(1);
        Thread.sleep(300);
        assertThat(retentionAuditDetails()).containsExactly("drafts=1 signedNotes=0 transcriptionJobs=0 audioFiles=0 auditRows=0");
    }
}
