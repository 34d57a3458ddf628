package se.dikta.timelog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import se.dikta.calendar.OfficeCalendar;
import se.dikta.db.Database;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.notes.NoteMode;
import se.dikta.structure.template.Template;

/**
 * Realistic time-log rows for demos and benchmarks. Each worker gets a fixed composition typing speed
 * (14–30 words/min), a dictation pace (70–110 words/min including pauses), a correction effort per
 * dictated word, and a share of dictated notes that grows over the period. On weekdays they sign a
 * few notes of log-normally distributed length (median about 170 words); most notes are saved once
 * or twice before signing and a few are amended and signed again later. Some dictated notes need so
 * much correction that they save no time. Everything follows from the seed.
 */
public final class TimeLogDemoData {

    /** A worker to generate notes for. */
    public record Worker(long userId, long unitId) { }

    private static final String TEMPLATE = Template.DEFAULT_ID;
    private static final long DEMO_SEED = 2026;

    private final TimeLog log;

    public TimeLogDemoData(TimeLog log) {
        this.log = log;
    }

    /**
     * Demo mode: a year of rows, up to today, for every worker, unless the time log already has rows
     * (so restarts add nothing). Returns how many rows were written. Blocking.
     */
    public long seedIfEmpty(Database db, List<AuthUser> users, Clock clock) {
        LocalDate today = OfficeCalendar.today(clock);
        List<Worker> workers = users.stream().filter(u -> u.role() == Role.WORKER)
                .map(u -> new Worker(u.id(), u.unitId())).collect(Collectors.toList());
        return db.txBlocking(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM time_log")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return 0L;
                }
            }
            return insert(c, workers, today.minusYears(1), today, DEMO_SEED);
        });
    }

    /** Generates and inserts the rows in the caller's transaction; returns how many rows were written. */
    public long insert(Connection c, List<Worker> workers, LocalDate from, LocalDate to, long seed) throws SQLException {
        long written = 0;
        for (Worker w : workers) {
            List<TimeLogEntry> rows = generate(w, from, to, seed);
            log.insert(c, rows);
            written += rows.size();
        }
        return written;
    }

    /** One worker's rows over the weekdays of {@code [from, to]}, in the order they were written. */
    public List<TimeLogEntry> generate(Worker w, LocalDate from, LocalDate to, long seed) {
        List<TimeLogEntry> rows = new ArrayList<>();
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + w.userId());
        Habits habits = new Habits(r);
        Instant end = to.plusDays(1).atStartOfDay(OfficeCalendar.ZONE).toInstant();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            double progress = (day.toEpochDay() - from.toEpochDay()) / (double) days;
            int notes = poisson(r, 2.4);
            for (int n = 0; n < notes; n++) {
                note(w, habits, r, day, progress, e -> {
                    if (e.loggedAt().isBefore(end)) {
                        rows.add(e);  // an amendment may fall after the period; it did not happen yet
                    }
                });
            }
        }
        return rows;
    }

    private static void note(Worker w, Habits h, SplittableRandom r, LocalDate day, double progress,
                             Consumer<TimeLogEntry> sink) {
        String noteId = new UUID(r.nextLong(), r.nextLong()).toString();
        int words = (int) Math.max(30, Math.min(1200, Math.round(170 * Math.exp(0.5 * gaussian(r)))));
        boolean dictated = r.nextDouble() < h.dictationShareAt(progress);
        double audio = 0;
        double edit;
        Integer proposalWords = null;
        Integer changedWords = null;
        if (dictated) {
            audio = words / h.dictationWpm * 60 * noise(r, 0.15);
            edit = (h.overheadSeconds + words * h.correctionSecondsPerWord) * noise(r, 0.3);
            if (r.nextDouble() < 0.05) {
                edit *= 4;  // a recording that went badly: the worker rewrote much of it
            }
            proposalWords = (int) Math.round(words * (0.95 + 0.1 * r.nextDouble()));
            changedWords = (int) Math.round(words * (0.03 + 0.2 * r.nextDouble()));
        } else {
            edit = words / h.typingWpm * 60 * noise(r, 0.2);
        }
        NoteMode mode = dictated ? NoteMode.DICTATED : NoteMode.TYPED;
        Instant signedAt = day.atTime(LocalTime.of(8, 0)).plusMinutes(r.nextInt(8 * 60))
                .atZone(OfficeCalendar.ZONE).toInstant();
        int saves = r.nextInt(3);
        for (int s = 1; s <= saves; s++) {
            double part = s / (saves + 1.0);
            sink.accept(new TimeLogEntry(w.userId(), w.unitId(), noteId, TEMPLATE, mode, LogEvent.SAVE,
                    (int) (words * part), (int) (words * part * 6.2), audio, edit * part, null, null,
                    signedAt.minusSeconds((long) (edit * (1 - part)) + 60)));
        }
        sink.accept(new TimeLogEntry(w.userId(), w.unitId(), noteId, TEMPLATE, mode, LogEvent.SIGN, words,
                (int) (words * 6.2), audio, edit, changedWords, proposalWords, signedAt));
        if (r.nextDouble() < 0.03) {
            int amended = words + 10 + r.nextInt(40);
            sink.accept(new TimeLogEntry(w.userId(), w.unitId(), noteId, TEMPLATE, mode, LogEvent.SIGN, amended,
                    (int) (amended * 6.2), audio, edit + (amended - words) / h.typingWpm * 60,
                    changedWords == null ? null : changedWords + amended - words, proposalWords,
                    signedAt.plusSeconds(86_400L * (1 + r.nextInt(5)))));
        }
    }

    private static int poisson(SplittableRandom r, double mean) {
        double limit = Math.exp(-mean);
        double p = r.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= r.nextDouble();
            k++;
        }
        return k;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static double noise(SplittableRandom r, double sigma) {
        return Math.exp(sigma * gaussian(r));
    }

    /** One worker's fixed characteristics. */
    private static final class Habits {
        final double typingWpm;
        final double dictationWpm;
        final double correctionSecondsPerWord;
        final double overheadSeconds;
        final double startShare;
        final double endShare;

        Habits(SplittableRandom r) {
            typingWpm = 14 + 16 * r.nextDouble();
            dictationWpm = 70 + 40 * r.nextDouble();
            correctionSecondsPerWord = 0.15 + 0.35 * r.nextDouble();
            overheadSeconds = 20 + 40 * r.nextDouble();
            startShare = 0.25 + 0.35 * r.nextDouble();
            endShare = Math.min(0.95, startShare + 0.2 + 0.2 * r.nextDouble());
        }

        double dictationShareAt(double progress) {
            return startShare + (endShare - startShare) * progress;
        }
    }
}
