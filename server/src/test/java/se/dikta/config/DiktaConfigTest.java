package se.dikta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.settings.ConfigException;
import se.dikta.settings.Settings;

class DiktaConfigTest {

    @TempDir
    Path dir;

    private Path file(String json) throws Exception {
        Path f = dir.resolve("dikta.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void defaultsApplyWithoutAnySource() {
        DiktaConfig c = DiktaConfig.load(Map.of(), Map.of());
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(c.db().url()).startsWith("jdbc:h2:file:").endsWith("data/dikta");
        assertThat(c.auth().sessionMaxAge()).isEqualTo(Duration.ofHours(8));
        assertThat(c.auth().sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void fileThenEnvironmentThenFlagsTakePrecedence() throws Exception {
        Path f = file("{\"port\": 9001, \"dataDir\": \"/srv/dikta\", \"db\": {\"poolSize\": 4}}");
        DiktaConfig fromFile = DiktaConfig.load(Map.of("--config", f.toString()), Map.of());
        assertThat(fromFile.port()).isEqualTo(9001);
        assertThat(fromFile.db().poolSize()).isEqualTo(4);

        DiktaConfig fromEnv = DiktaConfig.load(Map.of("--config", f.toString()),
                Map.of("DIKTA_PORT", "9002", "DIKTA_DB_POOL_SIZE", "6"));
        assertThat(fromEnv.port()).isEqualTo(9002);
        assertThat(fromEnv.db().poolSize()).isEqualTo(6);
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/srv/dikta"));

        DiktaConfig fromFlags = DiktaConfig.load(Map.of("--config", f.toString(), "--port", "0",
                "--data-dir", dir.toString()), Map.of("DIKTA_PORT", "9002"));
        assertThat(fromFlags.port()).isEqualTo(0);
        assertThat(fromFlags.dataDir()).isEqualTo(dir);
        assertThat(fromFlags.db().url()).contains(dir.toString());
    }

    @Test
    void databaseUrlUserAndPasswordComeFromFlagsOrEnvironment() {
        DiktaConfig c = DiktaConfig.load(Map.of("--db-url", "jdbc:postgresql://db/dikta", "--db-user", "dikta"),
                Map.of("DIKTA_DB_PASSWORD", "s3cret"));
        assertThat(c.db().url()).isEqualTo("jdbc:postgresql://db/dikta");
        assertThat(c.db().user()).isEqualTo("dikta");
        assertThat(c.db().password()).isEqualTo("s3cret");
        assertThat(c.db().toString()).doesNotContain("s3cret");
    }

    @Test
    void badValueNamesTheKeyAndItsSource() {
        assertThatThrownBy(() -> DiktaConfig.load(Map.of(), Map.of("DIKTA_PORT", "eighty")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'port'").hasMessageContaining("DIKTA_PORT");
        assertThatThrownBy(() -> DiktaConfig.load(Map.of("--port", "70000"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'port'").hasMessageContaining("--port");
        assertThatThrownBy(() -> DiktaConfig.load(Map.of("--db-url", "jdbc:mysql://x"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'db.url'");
        assertThatThrownBy(() -> DiktaConfig.load(Map.of("--auth-session-idle-timeout", "soon"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'auth.sessionIdleTimeout'");
    }

    @Test
    void unknownKeysAreReported() throws Exception {
        Path f = file("{\"prot\": 80}");
        assertThatThrownBy(() -> DiktaConfig.load(Map.of("--config", f.toString()), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'prot'");
        assertThatThrownBy(() -> DiktaConfig.load(Map.of("--prot", "80"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--prot");
        assertThatThrownBy(() -> DiktaConfig.load(Map.of(), Map.of("DIKTA_PROT", "80")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DIKTA_PROT");
    }

    @Test
    void malformedConfigFileIsReported() throws Exception {
        Path f = file("{ not json");
        assertThatThrownBy(() -> DiktaConfig.load(Map.of("--config", f.toString()), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void namesDeriveFromKeys() {
        assertThat(Settings.envName("asr.maxStreams")).isEqualTo("DIKTA_ASR_MAX_STREAMS");
        assertThat(Settings.flagName("asr.maxStreams")).isEqualTo("--asr-max-streams");
        assertThat(Settings.flagName("dataDir")).isEqualTo("--data-dir");
        assertThat(Settings.envName("db.url")).isEqualTo("DIKTA_DB_URL");
    }
}
