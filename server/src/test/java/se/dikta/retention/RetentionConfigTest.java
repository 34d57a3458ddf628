package se.dikta.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.dikta.settings.ConfigException;
import se.dikta.settings.Settings;

/** Retention's defaults keep signed notes and the audit log, keep no audio, and thin drafts and jobs after 30 days. */
class RetentionConfigTest {

    @Test
    void defaultsKeepSignedNotesAndTheAuditLogButNoAudio() {
        RetentionConfig c = RetentionConfig.from(Settings.of(Map.of()));
        assertThat(c.drafts()).isEqualTo(Duration.ofDays(30));
        assertThat(c.transcriptionJobs()).isEqualTo(Duration.ofDays(30));
        assertThat(c.keepsAudio()).isFalse();
        assertThat(c.uploadAge()).isEqualTo(RetentionConfig.UPLOAD_GRACE);
        assertThat(c.signedNoteYears()).isZero();
        assertThat(c.auditLogYears()).isZero();
        assertThat(c.daily()).isTrue();
        assertThat(c.runAt()).isEqualTo(LocalTime.of(2, 0));
    }

    @Test
    void keptAudioLivesAtLeastADay() {
        assertThat(RetentionConfig.from(Settings.of(Map.of("retention.audio", "1h"))).uploadAge())
                .isEqualTo(Duration.ofDays(1));
        assertThat(RetentionConfig.from(Settings.of(Map.of("retention.audio", "7d"))).uploadAge())
                .isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aBadTimeOfDayOrNegativeYearsNameTheKey() {
        assertThatThrownBy(() -> RetentionConfig.from(Settings.of(Map.of("retention.runAt", "2 am"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("retention.runAt");
        assertThatThrownBy(() -> RetentionConfig.from(Settings.of(Map.of("retention.signedNoteYears", "-1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("retention.signedNoteYears");
    }
}
