package se.dikta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.config.DiktaConfig;

/** The systemd unit and environment file in docs/systemd are valid as shipped. */
class ServiceUnitTest {

    private static final Path DIR = Path.of(System.getProperty("dikta.repoRoot", ".."), "docs", "systemd");

    @TempDir
    Path tmp;

    @Test
    void everyDiktaVariableInTheEnvironmentFileIsAcceptedByTheServer() throws Exception {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("dikta.env"))) {
            String l = line.strip();
            if (l.startsWith("#")) {
                l = l.substring(1).strip(); // commented examples must be valid too
            }
            int eq = l.indexOf('=');
            if (l.startsWith("DIKTA_") && eq > 0) {
                env.put(l.substring(0, eq), l.substring(eq + 1));
            }
        }
        assertThat(env).containsKeys("DIKTA_DATA_DIR", "DIKTA_DB_URL", "DIKTA_HTTP_PUBLIC_ORIGIN");
        env.put("DIKTA_DATA_DIR", tmp.toString());
        DiktaConfig config = DiktaConfig.load(Map.of(), env);
        assertThat(config.http().publicOrigin()).hasValue("https://dikta.kommun.se");
        assertThat(config.db().url()).startsWith("jdbc:postgresql:");
    }

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed here");
        Path unit = Files.copy(DIR.resolve("dikta.service"), tmp.resolve("dikta.service"));
        Process p = new ProcessBuilder(analyze.toString(), "verify", unit.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes());
        // Only the unit's own lines count; the host's other units may have warnings of their own.
        assertThat(output.lines().filter(l -> l.contains("dikta.service"))).as(output).isEmpty();
        assertThat(p.exitValue()).as(output).isZero();
    }
}
