package se.dikta.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few seeded rounds of every kind of hostile input (see {@link HostileRequests}, {@link HostileAudio}) in the
 * default build: each answered with a 4xx and a JSON error, a success, or a clean WebSocket close — never a
 * 5xx, a stream left open or a job left running — and the server still answers another user afterwards.
 * The long variant with latency figures is {@code HostileInputBenchmark} ({@code -Pbench}).
 */
class HostileInputTest {

    @TempDir
    Path tmp;

    @Test
    void everyKindOfHostileInputGetsA4xxOrACleanCloseAndNeverA500() throws Exception {
        long seed = Long.getLong("dikta.fuzz.seed", 20_261_207L);
        try (HostileInputRun run = new HostileInputRun(tmp)) {
            HostileInputRun.Result result = run.run(seed, Integer.getInteger("dikta.fuzz.rounds", 16), 10);
            assertThat(result.tally().violations()).as("seed " + seed + "\n" + result.tally().table()).isEmpty();
            assertThat(result.tally().total()).isGreaterThan(6 * 16);
            assertThat(result.during().requests()).as("the other user kept being served").isPositive();
        }
    }
}
