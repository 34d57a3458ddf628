package se.dikta.timelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.dikta.config.DiktaConfig;
import se.dikta.settings.ConfigException;

class TimeLogConfigTest {

    private static final Path DATA = Path.of("/tmp/dikta-data");

    @Test
    void defaultsUseTheDocumentedTypingSpeedAndItsSource() {
        TimeLogConfig cfg = DiktaConfig.forTest(DATA, Map.of()).timelog();
        assertThat(cfg.defaultWordsPerMinute()).isEqualTo(19.0);
        assertThat(cfg.defaultWordsPerMinuteSource()).contains("Karat").contains("19");
        assertThat(cfg.minTypedNotes()).isEqualTo(10);
        assertThat(cfg.pseudonymise()).isFalse();
        assertThat(cfg.minWorkersPerRow()).isEqualTo(3);
        assertThat(cfg.bootstrapIterations()).isEqualTo(1000);
        assertThat(cfg.pseudonymSecret()).isEmpty();
        assertThat(cfg.pseudonymSecretFile()).isEqualTo(DATA.resolve("timelog-pseudonym.key"));
    }

    @Test
    void readsEveryKeyAndSaysWhenTheSpeedIsNotTheStudysFigure() {
        TimeLogConfig cfg = DiktaConfig.forTest(DATA, Map.of("timelog.defaultWordsPerMinute", "24.5",
                "timelog.minTypedNotes", "5", "timelog.baselineWindowDays", "180", "timelog.pseudonymise", "true",
                "timelog.minWorkersPerRow", "5", "timelog.bootstrapIterations", "2000", "timelog.bootstrapSeed", "7",
                "timelog.pseudonymSecret", "en hemlighet som räcker")).timelog();
        assertThat(cfg).isEqualTo(new TimeLogConfig(24.5, 5, 180, true, 5, 2000, 7,
                Optional.of("en hemlighet som räcker"), DATA.resolve("timelog-pseudonym.key")));
        assertThat(cfg.defaultWordsPerMinuteSource()).doesNotContain("Karat");
    }

    @Test
    void rejectsOutOfRangeValuesNamingTheKey() {
        assertThatThrownBy(() -> DiktaConfig.forTest(DATA, Map.of("timelog.bootstrapIterations", "5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("timelog.bootstrapIterations");
        assertThatThrownBy(() -> DiktaConfig.forTest(DATA, Map.of("timelog.defaultWordsPerMinute", "snabbt")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("timelog.defaultWordsPerMinute");
    }
}
