package se.dikta.timelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.dikta.db.Database;
import se.dikta.db.DbConfig;
import se.dikta.notes.NoteMode;

/**
 * Report behaviour on a real database; a thin subclass per database runs it on H2 and PostgreSQL.
 * The tests share one database: each loads the fixture under its own units and workers, and every
 * figure is scoped by unit or worker. Expected figures are computed by hand in {@link TimeSavedFixture}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TimeSavedReportContract {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 4, 30);
    private static final byte[] SECRET = "pseudonym secret for the tests!!".getBytes(StandardCharsets.UTF_8);

    private Vertx vertx;
    private Database db;

    /** The database to run against; the migrations are applied when it is opened. */
    abstract DbConfig config();

    @BeforeAll
    void open() {
        vertx = Vertx.vertx();
        db = Database.open(vertx, config());
    }

    @AfterAll
    void close() {
        db.close();
        vertx.close().await();
    }

    private static final AtomicInteger TESTS = new AtomicInteger();
    private TimeSavedFixture data;
    private String tag;

    @BeforeEach
    void loadFixture() {
        TimeLog log = new TimeLog(db, Periods.stockholm());
        tag = " " + TESTS.incrementAndGet();
        data = db.txBlocking(c -> TimeSavedFixture.create(c, log, tag));
    }

    private static TimeLogConfig config(boolean pseudonymise, int minWorkers) {
        return new TimeLogConfig(25, 2, 365, pseudonymise, minWorkers, 1000, 7L, Optional.empty(), Path.of("unused"));
    }

    private TimeSaved report(TimeLogConfig cfg, GroupBy groupBy, ReportScope scope) {
        return report(cfg, new ReportRequest(FROM, TO, groupBy, scope));
    }

    private TimeSaved report(TimeLogConfig cfg, ReportRequest request) {
        TimeSavedReport report = new TimeSavedReport(db, cfg, new Pseudonyms(SECRET),
                new se.dikta.audit.AuditLog(db, java.time.Clock.systemUTC()));
        return db.txBlocking(c -> report.compute(c, request));
    }

    private TimeSaved managerReport(GroupBy groupBy) {
        return report(config(false, 1), groupBy, new ReportScope.Unit(data.unitA));
    }

    private static Map<String, TimeSaved.Row> byKey(TimeSaved report) {
        return report.rows().stream().collect(Collectors.toMap(TimeSaved.Row::key, r -> r));
    }

    @Test
    void workerRowsAndTotalMatchTheHandComputedFigures() {
        TimeSaved report = managerReport(GroupBy.WORKER);

        assertThat(report.rows()).extracting(TimeSaved.Row::key).containsExactly("Anna Andersson", "Bo Berg");
        TimeSaved.Row anna = report.rows().get(0);
        assertThat(anna.notes()).isEqualTo(3);
        assertThat(anna.words()).isEqualTo(510);
        assertThat(anna.audioSeconds()).isCloseTo(280, within(1e-9));
        assertThat(anna.editSeconds()).isCloseTo(410, within(1e-9));
        assertThat(anna.baselineSeconds()).isCloseTo(1020, within(1e-9));
        assertThat(anna.savedSeconds()).isCloseTo(330, within(1e-9));
        assertThat(anna.meanSavedMinutes()).isCloseTo(330 / 3.0 / 60, within(1e-9));
        assertThat(anna.medianSavedMinutes()).isCloseTo(2.5, within(1e-9));
        assertThat(anna.changedWords()).isEqualTo(12);
        assertThat(anna.proposalWords()).isEqualTo(140);

        TimeSaved.Row bo = report.rows().get(1);
        assertThat(bo.notes()).isEqualTo(2);
        assertThat(bo.words()).isEqualTo(140);
        assertThat(bo.baselineSeconds()).isCloseTo(420, within(1e-9));
        assertThat(bo.savedSeconds()).isCloseTo(300, within(1e-9));
        assertThat(bo.meanSavedMinutes()).isCloseTo(2.5, within(1e-9));
        assertThat(bo.medianSavedMinutes()).isCloseTo(2.5, within(1e-9));

        TimeSaved.Row total = report.total();
        assertThat(total.key()).isEqualTo("Totalt");
        assertThat(total.notes()).isEqualTo(5);
        assertThat(total.workers()).isEqualTo(2);
        assertThat(total.words()).isEqualTo(650);
        assertThat(total.audioSeconds()).isCloseTo(330, within(1e-9));
        assertThat(total.editSeconds()).isCloseTo(480, within(1e-9));
        assertThat(total.baselineSeconds()).isCloseTo(1440, within(1e-9));
        assertThat(total.savedSeconds()).isCloseTo(630, within(1e-9));
        assertThat(total.meanSavedMinutes()).isCloseTo(2.1, within(1e-9));
        // saved minutes sorted: -3, 1, 2.5, 4, 6
        assertThat(total.medianSavedMinutes()).isCloseTo(2.5, within(1e-9));
        assertThat(report.method().baselineWordsPerMinute()).isCloseTo(650 * 60 / 1440.0, within(1e-9));
        assertThat(report.method().source()).isEqualTo("measured");
    }

    @Test
    void baselineFallsBackFromWorkerToUnitToConfigured() {
        TimeSaved a = managerReport(GroupBy.WORKER);
        TimeSaved.Row anna = a.rows().get(0);
        TimeSaved.Row bo = a.rows().get(1);
        assertThat(anna.baseline().source()).isEqualTo("worker");
        assertThat(anna.baselineWordsPerMinute()).isCloseTo(30, within(1e-9));
        assertThat(bo.baseline().source()).isEqualTo("unit");
        assertThat(bo.baselineWordsPerMinute()).isCloseTo(20, within(1e-9));
        assertThat(a.total().baseline()).isEqualTo(new TimeSaved.BaselineUse(3, 2, 0));

        TimeSaved b = report(config(false, 1), GroupBy.WORKER, new ReportScope.Unit(data.unitB));
        TimeSaved.Row cilla = b.rows().get(0);
        assertThat(cilla.key()).isEqualTo("Cilla Ceder");
        assertThat(cilla.baseline().source()).isEqualTo("configured");
        assertThat(cilla.baselineSeconds()).isCloseTo(600, within(1e-9));
        assertThat(cilla.savedSeconds()).isCloseTo(450, within(1e-9));
        assertThat(b.method().source()).isEqualTo("configured");
    }

    @Test
    void aSecondTypedNoteGivesTheWorkerTheirOwnBaseline() {
        TimeLog log = new TimeLog(db, Periods.stockholm());
        db.txBlocking(c -> {
            // Bo: 100 w / 600 s plus 200 w / 600 s = 300 w in 20 min = 15 wpm of his own
            log.insert(c, List.of(new TimeLogEntry(data.bo, data.unitA, "tb2", "journalanteckning", NoteMode.TYPED,
                    LogEvent.SIGN, 200, 1200, 0, 600, null, null, java.time.Instant.parse("2025-04-01T08:00:00Z"))));
            return null;
        });
        TimeSaved.Row bo = managerReport(GroupBy.WORKER).rows().get(1);
        assertThat(bo.baseline().source()).isEqualTo("worker");
        assertThat(bo.baselineWordsPerMinute()).isCloseTo(15, within(1e-9));
        // D4: 100/15 min = 400 s − 60 s; D5: 40/15 min = 160 s − 60 s
        assertThat(bo.savedSeconds()).isCloseTo(340 + 100, within(1e-9));
    }

    @Test
    void aLaterSigningOfTheSameNoteReplacesTheEarlierOne() {
        TimeLog log = new TimeLog(db, Periods.stockholm());
        // D2 signed again (amended) with 120 words: baseline 240 s, saved 240 − 300 = −60 s instead of −180 s
        log.record(new TimeLogEntry(data.anna, data.unitA, data.note("d2"), "journalanteckning", NoteMode.DICTATED, LogEvent.SIGN,
                120, 700, 100, 200, 5, 60, java.time.Instant.parse("2025-02-12T09:00:00Z")))
                .toCompletionStage().toCompletableFuture().join();
        TimeSaved.Row anna = managerReport(GroupBy.WORKER).rows().get(0);
        assertThat(anna.notes()).isEqualTo(3);
        assertThat(anna.words()).isEqualTo(570);
        assertThat(anna.savedSeconds()).isCloseTo(330 + 120, within(1e-9));
        long counted = db.txBlocking(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM time_log WHERE note_id = ? AND counted")) {
                ps.setString(1, data.note("d2"));
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assertThat(counted).isEqualTo(1);
    }

    @Test
    void negativeSavingsAreReportedAsNegative() {
        TimeSaved.Row february = byKey(managerReport(GroupBy.MONTH)).get("2025-02");
        assertThat(february.notes()).isEqualTo(1);
        assertThat(february.savedSeconds()).isCloseTo(-180, within(1e-9));
        assertThat(february.meanSavedMinutes()).isCloseTo(-3, within(1e-9));
        assertThat(february.ci95()).isEqualTo(new Bootstrap.Interval(-3, -3));
    }

    @Test
    void monthsWeeksAndTertialsFollowStockholmDates() {
        Map<String, TimeSaved.Row> months = byKey(managerReport(GroupBy.MONTH));
        assertThat(months.keySet()).containsExactlyInAnyOrder("2025-01", "2025-02", "2025-03", "2025-04");
        assertThat(months.get("2025-01").savedSeconds()).isCloseTo(150 + 60, within(1e-9));
        assertThat(months.get("2025-03").savedSeconds()).isCloseTo(240, within(1e-9));
        assertThat(months.get("2025-04").savedSeconds()).isCloseTo(360, within(1e-9));

        TimeSaved weeks = managerReport(GroupBy.WEEK);
        assertThat(weeks.rows()).extracting(TimeSaved.Row::key).containsExactly("2025-W01", "2025-W07", "2025-W14", "2025-W18");
        assertThat(weeks.rows().get(0).notes()).isEqualTo(2);
        assertThat(weeks.rows().get(0).workers()).isEqualTo(2);

        TimeSaved tertials = managerReport(GroupBy.TERTIAL);
        assertThat(tertials.rows()).extracting(TimeSaved.Row::key).containsExactly("2025-T1");
        assertThat(tertials.rows().get(0).savedSeconds()).isCloseTo(630, within(1e-9));
    }

    @Test
    void theMayFirstNoteBelongsToTheNextTertial() {
        TimeSaved may = report(config(false, 1), new ReportRequest(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 8, 31),
                GroupBy.TERTIAL, new ReportScope.Worker(data.anna)));
        assertThat(may.rows()).extracting(TimeSaved.Row::key).containsExactly("2025-T2");
        assertThat(may.total().words()).isEqualTo(500);
    }

    @Test
    void unitRowCoversOnlyTheManagersUnit() {
        TimeSaved report = managerReport(GroupBy.UNIT);
        assertThat(report.rows()).extracting(TimeSaved.Row::key).containsExactly("Enhet A" + tag);
        assertThat(report.rows().get(0).savedSeconds()).isCloseTo(630, within(1e-9));
    }

    @Test
    void aWorkerSeesOnlyTheirOwnNotesUnderTheirOwnName() {
        TimeSaved report = report(config(true, 5), GroupBy.WORKER, new ReportScope.Worker(data.bo));
        assertThat(report.rows()).extracting(TimeSaved.Row::key).containsExactly("Bo Berg");
        assertThat(report.total().notes()).isEqualTo(2);
        assertThat(report.total().savedSeconds()).isCloseTo(300, within(1e-9));
        assertThat(report.total().suppressed()).isFalse();
    }

    @Test
    void pseudonymsReplaceNamesInManagerReportsAndStayStable() {
        TimeSaved first = report(config(true, 1), GroupBy.WORKER, new ReportScope.Unit(data.unitA));
        TimeSaved second = report(config(true, 1), GroupBy.WORKER, new ReportScope.Unit(data.unitA));
        Pseudonyms pseudonyms = new Pseudonyms(SECRET);
        assertThat(first.rows()).extracting(TimeSaved.Row::key)
                .allMatch(k -> k.matches("Medarbetare [0-9A-F]{4}"))
                .containsExactlyInAnyOrder(pseudonyms.of(data.anna), pseudonyms.of(data.bo))
                .isEqualTo(second.rows().stream().map(TimeSaved.Row::key).collect(Collectors.toList()));
        assertThat(first.method().pseudonymised()).isTrue();
        assertThat(first.method().text()).contains("pseudonym");
        TimeSaved.Row annaRow = first.rows().stream().filter(r -> r.key().equals(pseudonyms.of(data.anna))).findFirst().orElseThrow();
        assertThat(annaRow.savedSeconds()).isCloseTo(330, within(1e-9));
    }

    @Test
    void rowsWithTooFewWorkersAreSuppressedInManagerReports() {
        TimeSaved weeks = report(config(false, 2), GroupBy.WEEK, new ReportScope.Unit(data.unitA));
        Map<String, TimeSaved.Row> rows = byKey(weeks);
        assertThat(rows.get("2025-W01").suppressed()).isFalse();
        assertThat(rows.get("2025-W01").savedSeconds()).isCloseTo(210, within(1e-9));
        assertThat(rows.get("2025-W07").suppressed()).isTrue();
        assertThat(rows.get("2025-W07").notes()).isZero();
        assertThat(rows.get("2025-W07").meanSavedMinutes()).isNull();
        assertThat(weeks.total().suppressed()).isFalse();

        TimeSaved units = report(config(false, 3), GroupBy.UNIT, new ReportScope.Unit(data.unitA));
        assertThat(units.rows()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("Enhet A" + tag);
            assertThat(r.suppressed()).isTrue();
        });
        assertThat(units.total().suppressed()).isTrue();

        TimeSaved workers = report(config(false, 3), GroupBy.WORKER, new ReportScope.Unit(data.unitA));
        assertThat(workers.rows()).noneMatch(TimeSaved.Row::suppressed);
    }

    @Test
    void confidenceIntervalsAreReproducibleAndBracketTheMean() {
        TimeSaved first = managerReport(GroupBy.WORKER);
        TimeSaved second = managerReport(GroupBy.WORKER);
        assertThat(first.total().ci95()).isEqualTo(second.total().ci95());
        for (TimeSaved.Row r : first.rows()) {
            assertThat(r.ci95().low()).isLessThanOrEqualTo(r.meanSavedMinutes()).isGreaterThanOrEqualTo(-3.0);
            assertThat(r.ci95().high()).isGreaterThanOrEqualTo(r.meanSavedMinutes()).isLessThanOrEqualTo(6.0);
        }
        // identical notes give identical intervals, whichever row they are in
        assertThat(managerReport(GroupBy.UNIT).rows().get(0).ci95()).isEqualTo(first.total().ci95());
    }

    @Test
    void anEmptyPeriodGivesNoRowsAndAnEmptyTotal() {
        TimeSaved empty = report(config(false, 3), new ReportRequest(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 4, 30),
                GroupBy.WEEK, new ReportScope.Unit(data.unitA)));
        assertThat(empty.rows()).isEmpty();
        assertThat(empty.total().notes()).isZero();
        assertThat(empty.total().suppressed()).isFalse();
        assertThat(empty.total().meanSavedMinutes()).isNull();
        assertThat(empty.total().ci95()).isNull();
        assertThat(empty.method().baselineWordsPerMinute()).isNull();
    }
}
