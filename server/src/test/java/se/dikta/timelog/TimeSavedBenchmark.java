package se.dikta.timelog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.PostgresServer;
import se.dikta.testing.TestServer;

/**
 * {@code GET /api/reports/time-saved} over 1,000,000 time-log rows on H2 and on PostgreSQL, per
 * groupBy and period, through the real HTTP server. Writes the {@code timelog} section of
 * docs/benchmarks.md. Run: {@code mvn -o -q -B -pl server -Pbench test -Dtest=TimeSavedBenchmark}.
 */
@Tag("bench")
class TimeSavedBenchmark {

    private static final int ROWS = 1_000_000;
    private static final int UNITS = 5;
    private static final int WORKERS = 265;
    private static final LocalDate FIRST = LocalDate.of(2023, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2025, 12, 31);
    private static final int WARM_UP = 3;
    private static final int RUNS = 15;
    private static final String[][] PERIODS = {
        {"tertial 2025-T1", "tertial=2025-T1"},
        {"year 2025", "from=2025-01-01&to=2025-12-31"},
        {"three years 2023–2025", "from=2023-01-01&to=2025-12-31"},
    };

    /** One measured report: latency over the runs. */
    private record Figure(String database, String period, String groupBy, int rows, long notes, double p50, double max,
                          double cpuP50) { }

    @Test
    void reportLatencyOverAMillionRows() throws Exception {
        List<String> lines = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        try (TestServer h2 = TestServer.start()) {
            lines.add(load(h2, "H2"));
            figures.addAll(measure(h2, "H2"));
        }
        try (TestServer pg = TestServer.start(Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta"))) {
            lines.add(load(pg, "PostgreSQL"));
            figures.addAll(measure(pg, "PostgreSQL"));
        }
        writeSection(lines, figures);
        assertThat(figures).allMatch(f -> f.notes > 0);
    }

    /** Five units, 265 workers, realistic rows for three years, cut at exactly one million. */
    private static String load(TestServer server, String database) throws Exception {
        AuthUser chef = server.addUser("chef", Role.MANAGER, "Enhet 1");
        TimeLog log = new TimeLog(server.database(), Periods.stockholm());
        TimeLogDemoData demo = new TimeLogDemoData(log);
        long[] units = new long[UNITS];
        List<TimeLogDemoData.Worker> workers = server.database().txBlocking(c -> {
            units[0] = chef.unitId();
            for (int u = 1; u < UNITS; u++) {
                units[u] = TimeSavedFixture.unit(c, "Enhet " + (u + 1));
            }
            List<TimeLogDemoData.Worker> list = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                long unit = units[w % UNITS];
                list.add(new TimeLogDemoData.Worker(TimeSavedFixture.user(c, "w" + w, "Medarbetare " + w, unit), unit));
            }
            return list;
        });
        long start = System.nanoTime();
        long written = 0;
        for (TimeLogDemoData.Worker w : workers) {
            if (written >= ROWS) {
                break;
            }
            List<TimeLogEntry> rows = demo.generate(w, FIRST, LAST, 42);
            List<TimeLogEntry> batch = rows.subList(0, (int) Math.min(rows.size(), ROWS - written));
            server.database().txBlocking(c -> {
                log.insert(c, batch);
                return null;
            });
            written += batch.size();
        }
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        analyze(server, database);
        long[] counts = server.database().txBlocking(c -> {
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*),"
                    + " SUM(CASE WHEN counted THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN counted AND mode = 'dictated' THEN 1 ELSE 0 END) FROM time_log")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        });
        assertThat(counts[0]).isEqualTo(ROWS);
        String line = String.format(Locale.ROOT, "%s: %d rows (%d counted notes, %d of them dictated) loaded in batches"
                + " of 1,000 in %.0f s (%.0f rows/s)", database, counts[0], counts[1], counts[2], loadSeconds,
                counts[0] / loadSeconds);
        System.out.println(line);
        return line;
    }

    /** Fresh statistics, as autovacuum/autoanalyze would have them on a live system. */
    private static void analyze(TestServer server, String database) throws Exception {
        try (Connection c = server.database().dataSource().getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute(database.equals("H2") ? "ANALYZE" : "VACUUM ANALYZE time_log");
        }
    }

    private static List<Figure> measure(TestServer server, String database) {
        ApiClient chef = server.login("chef");
        List<Figure> figures = new ArrayList<>();
        for (String[] period : PERIODS) {
            for (GroupBy g : GroupBy.values()) {
                String path = "/api/reports/time-saved?" + period[1] + "&groupBy=" + g.param();
                JsonObject last = null;
                for (int i = 0; i < WARM_UP; i++) {
                    last = chef.get(path).json();
                }
                double[] ms = new double[RUNS];
                double[] cpu = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long c = processCpuNanos();
                    long t = System.nanoTime();
                    ApiClient.Response r = chef.get(path);
                    ms[i] = (System.nanoTime() - t) / 1e6;
                    cpu[i] = (processCpuNanos() - c) / 1e6;
                    assertThat(r.status()).isEqualTo(200);
                }
                Arrays.sort(ms);
                Arrays.sort(cpu);
                Figure f = new Figure(database, period[0], g.param(), last.getJsonArray("rows").size(),
                        last.getJsonObject("total").getLong("notes"), ms[RUNS / 2], ms[RUNS - 1], cpu[RUNS / 2]);
                System.out.printf(Locale.ROOT, "%s %s %s: %d rows, %d notes, p50 %.0f ms, max %.0f ms, CPU p50 %.0f ms%n",
                        database, f.period, f.groupBy, f.rows, f.notes, f.p50, f.max, f.cpuP50);
                figures.add(f);
            }
        }
        return figures;
    }

    /** CPU time of this JVM (server and client share it; PostgreSQL's own work is not included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void writeSection(List<String> loads, List<Figure> figures) throws IOException {
        StringBuilder s = new StringBuilder("<!-- bench:timelog -->\n## timelog\n\n");
        s.append(String.format(Locale.ROOT, "Measured by `TimeSavedBenchmark` (`mvn -o -q -B -pl server -Pbench test"
                + " -Dtest=TimeSavedBenchmark`): `GET /api/reports/time-saved` through the real HTTP server, signed in"
                + " as the manager of one of %d units, over %,d time-log rows generated by `TimeLogDemoData` for %d"
                + " workers, %s to %s (saves, signings and a few amendments). Each figure is %d requests after %d"
                + " warm-up requests; the whole request is timed (session check, typing baselines, SQL, bootstrap with"
                + " 1,000 resamples per row and for the total, JSON). Wall clock includes waiting for a core: 2 cores"
                + " shared with other builds (load average %.2f at the end), Java %s. CPU is this JVM's CPU time per"
                + " request (H2 runs inside it; PostgreSQL's server processes are not counted). Target: < 1 s.%n%n", UNITS, ROWS, WORKERS, FIRST, LAST, RUNS,
                WARM_UP, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version")));
        for (String load : loads) {
            s.append("- ").append(load).append('\n');
        }
        s.append("\n| database | period | groupBy | rows | dictated notes | wall p50 | wall max | CPU p50 |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Figure f : figures) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %,d | %.0f ms | %.0f ms | %.0f ms |%n",
                    f.database, f.period, f.groupBy, f.rows, f.notes, f.p50, f.max, f.cpuP50));
        }
        s.append("<!-- /bench:timelog -->\n");
        Path file = Path.of(System.getProperty("dikta.repoRoot", ".."), "docs", "benchmarks.md");
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int start = text.indexOf("<!-- bench:timelog -->");
        int end = text.indexOf("<!-- /bench:timelog -->");
        String updated = start >= 0 && end > start
                ? text.substring(0, start) + s + text.substring(end + "<!-- /bench:timelog -->\n".length())
                : text.stripTrailing() + "\n\n" + s;
        Files.createDirectories(file.getParent());
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
