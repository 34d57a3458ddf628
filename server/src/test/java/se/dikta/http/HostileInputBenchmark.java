package se.dikta.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.testing.BenchmarkReport;

/**
 * The long hostile-input run ({@code mvn -pl server -Pbench test -Dtest=HostileInputBenchmark}): many seeded
 * rounds of every kind, the same rules as {@link HostileInputTest}, and the other user's search and
 * {@code /health} latency before and during the run written to {@code docs/benchmarks.md}.
 */
@Tag("bench")
class HostileInputBenchmark {

    @TempDir
    Path tmp;

    @Test
    void hostileInputAtLength() throws Exception {
        long seed = Long.getLong("dikta.fuzz.seed", 20_261_207L);
        int rounds = Integer.getInteger("dikta.fuzz.rounds", 400);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        try (HostileInputRun run = new HostileInputRun(tmp)) {
            HostileInputRun.Result r = run.run(seed, rounds, 200);
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
            StringBuilder b = new StringBuilder();
            b.append("## Hostile input (seeded fuzz)\n\n");
            b.append(String.format(Locale.ROOT, "Seed %d, %d rounds of each kind, %d requests/streams in %.0f s; "
                            + "load average %s before, %s after (2 cores shared with other work). Violations (5xx, 4xx "
                            + "without a JSON error, stream not closed or closed 1011, job left running): **%d**.%n%n",
                    seed, rounds, r.tally().total(), r.seconds(), loadBefore, loadAfter, r.tally().violations().size()));
            b.append(r.tally().table()).append('\n');
            b.append("Another user's requests (search `q=oro` and `/health`, alternately, one at a time):\n\n");
            b.append("| phase | requests | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|\n");
            b.append(row("before the fuzz", r.before())).append(row("during the fuzz", r.during())).append('\n');
            b.append("414 and 431 are the HTTP codec's answers to a request line or headers over Vert.x's limits "
                    + "(4 096 / 8 192 bytes; a 100-KB query), given before any route, with a JSON error like every refusal.\n");
            b.append("`(retried)`: the client lost a kept-alive connection the server had just closed after an earlier 414 and sent the request again on a fresh one (answered then; counted in its row). `ws:closed-while-sending`: the server closed the socket after the first bad message while the client was still sending (text floods end there). 2xx answers in `wav:*` rows are mutations that stayed valid (e.g. a flipped byte in the data, or a size field claiming gigabytes, which becomes a job (202); every job of the run ended, done or failed).\n");
            BenchmarkReport.writeSection("hostile-input", b.toString());
            assertThat(r.tally().violations()).as("seed " + seed).isEmpty();
        }
    }

    private static String row(String phase, HostileInputRun.Latency l) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", phase, l.requests(), l.p50Millis(),
                l.p95Millis(), l.maxMillis());
    }
}
