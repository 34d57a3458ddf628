package se.dikta.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.dikta.settings.Settings;
import se.dikta.testing.PostgresServer;
import se.dikta.testing.TestServer;

/**
 * Two first failures for one throttle key at once, on PostgreSQL (where two nodes meet): the second
 * transaction's insert waits for the first and then finds the key taken. It must count on, not fail.
 */
class LoginThrottleRaceTest {

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void twoFirstFailuresForOneKeyAtOnceCountTwoInsteadOfFailing() throws Exception {
        LoginThrottle throttle = new LoginThrottle(AuthConfig.from(Settings.of(Map.of())));
        String key = LoginThrottle.addressKey("192.0.2.7");
        Instant now = Instant.now();
        try (Connection first = server.database().dataSource().getConnection();
                Connection second = server.database().dataSource().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertThat(throttle.recordFailure(first, key, now)).isEqualTo(1); // inserted, not yet committed
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> {
                try {
                    int n = throttle.recordFailure(second, key, now); // blocks on the first's uncommitted key
                    second.commit();
                    return n;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300); // let the second insert reach the key's lock
            first.commit();
            assertThat(other.get(20, TimeUnit.SECONDS)).isEqualTo(2);
        }
    }
}
