package se.dikta.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.MutableClock;
import se.dikta.testing.TestServer;

/**
 * Sign-in throttling: a user name is locked only together with the address the failures came from, an
 * address spraying many user names is locked, locks end after their time, and wrong answers slow down.
 * Clients act from several addresses through {@code X-Forwarded-For}, which the server believes because
 * it is told loopback is its proxy.
 */
class SignInThrottleTest {

    static final MutableClock CLOCK = new MutableClock();
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("http.trustedProxies", "127.0.0.1", "auth.lockoutThreshold", "3",
                "auth.addressLockoutThreshold", "5", "auth.lockoutDuration", "15m"), CLOCK);
        for (String name : new String[] {"anna", "bo", "cecilia", "david"}) {
            server.addUser(name, Role.WORKER, "IFO Barn och unga");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ApiClient.Response signIn(String address, String user, String password) {
        return server.anonymous().from(address).post("/api/login",
                new JsonObject().put("username", user).put("password", password));
    }

    static ApiClient.Response signIn(String address, String user) {
        return signIn(address, user, TestServer.PASSWORD_PREFIX + user);
    }

    @Test
    void failuresFromOneAddressLockThatUserThereButNotFromAnotherAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("198.51.100.1", "anna", "fel-losen").status()).isEqualTo(401);
        }
        ApiClient.Response locked = signIn("198.51.100.1", "anna");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.error()).contains("låst").contains("15 min");
        assertThat(signIn("198.51.100.2", "anna").status()).as("the worker from her own address").isEqualTo(200);
        assertThat(signIn("198.51.100.1", "bo").status()).as("another user from the attacker's address")
                .isEqualTo(200);
    }

    @Test
    void anAddressTryingManyUserNamesIsLockedForEveryName() {
        String[] names = {"okand1", "okand2", "okand3", "okand4", "okand5"};
        for (String name : names) {
            assertThat(signIn("203.0.113.9", name, "fel-losen").status()).isEqualTo(401);
        }
        assertThat(signIn("203.0.113.9", "cecilia").status()).as("spraying address, a name it never tried")
                .isEqualTo(429);
        assertThat(signIn("203.0.113.10", "cecilia").status()).as("the same user from elsewhere").isEqualTo(200);
    }

    @Test
    void aLockEndsAfterTheLockoutDuration() {
        for (int i = 0; i < 3; i++) {
            signIn("192.0.2.5", "david", "fel-losen");
        }
        assertThat(signIn("192.0.2.5", "david").status()).isEqualTo(429);
        CLOCK.advance(Duration.ofMinutes(14));
        ApiClient.Response stillLocked = signIn("192.0.2.5", "david");
        assertThat(stillLocked.status()).isEqualTo(429);
        assertThat(stillLocked.error()).contains("1 min");
        CLOCK.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(signIn("192.0.2.5", "david").status()).isEqualTo(200);
        // The success reset the count: a new failure does not lock again at once.
        assertThat(signIn("192.0.2.5", "david", "fel-losen").status()).isEqualTo(401);
        assertThat(signIn("192.0.2.5", "david").status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsAreAnsweredSlowerOnceTheDelayStarts() {
        try (TestServer slow = TestServer.start(Map.of("auth.failureDelayStart", "2", "auth.failureDelay", "0.4",
                "auth.lockoutThreshold", "10"))) {
            slow.addUser("eva", Role.WORKER, "IFO Vuxen");
            ApiClient client = slow.anonymous();
            JsonObject wrong = new JsonObject().put("username", "eva").put("password", "fel-losen");
            long first = millis(() -> assertThat(client.post("/api/login", wrong).status()).isEqualTo(401));
            long second = millis(() -> assertThat(client.post("/api/login", wrong).status()).isEqualTo(401));
            long third = millis(() -> assertThat(client.post("/api/login", wrong).status()).isEqualTo(401));
            assertThat(second).as("second failure: one delay").isGreaterThanOrEqualTo(400);
            assertThat(third).as("third failure: two delays").isGreaterThanOrEqualTo(800);
            assertThat(first + second + third).as("all three").isGreaterThanOrEqualTo(1200);
        }
    }

    private static long millis(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
