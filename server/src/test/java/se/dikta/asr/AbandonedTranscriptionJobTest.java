package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.MutableClock;
import se.dikta.testing.TestServer;

/**
 * A transcription job whose node stopped mid-way is reported failed once its heartbeat is older than
 * {@link TranscriptionJobs#ABANDONED_AFTER} (a running node beats every {@link TranscriptionJobs#HEARTBEAT}).
 */
class AbandonedTranscriptionJobTest {

    @Test
    void aRunningJobWhoseHeartbeatStoppedIsReportedFailedOnceItsHeartbeatIsOverdue() {
        MutableClock clock = new MutableClock();
        try (TestServer server = TestServer.start(Map.of(), clock)) {
            AuthUser anna = server.addUser("anna", Role.WORKER, "IFO Barn och unga");
            ApiClient client = server.login("anna");
            // what a node that stopped during a job leaves behind: a running job nobody updates any more
            String id = UUID.randomUUID().toString();
            server.database().txBlocking(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO transcription_jobs "
                        + "(id, user_id, status, progress, created_at, updated_at) VALUES (?, ?, 'running', 0.4, ?, ?)")) {
                    ps.setString(1, id);
                    ps.setLong(2, anna.id());
                    ps.setTimestamp(3, Timestamp.from(clock.instant()));
                    ps.setTimestamp(4, Timestamp.from(clock.instant()));
                    return ps.executeUpdate();
                }
            });
            String path = "/api/transcriptions/" + id;
            assertThat(client.get(path).json().getString("status")).isEqualTo("running");

            clock.advance(TranscriptionJobs.ABANDONED_AFTER.minusSeconds(1));
            assertThat(client.get(path).json().getString("status")).as("a heartbeat just within the limit")
                    .isEqualTo("running");

            clock.advance(Duration.ofSeconds(2));
            ApiClient.Response r = client.get(path);
            assertThat(r.status()).isEqualTo(200);
            JsonObject job = r.json();
            assertThat(job.getString("status")).isEqualTo("failed");
            assertThat(job.getDouble("progress")).isEqualTo(0.4);
            assertThat(job.getString("error")).contains("servern stoppades");
        }
    }
}
