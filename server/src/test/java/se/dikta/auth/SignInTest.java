package se.dikta.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.MutableClock;
import se.dikta.testing.TestServer;

class SignInTest {

    final MutableClock clock = new MutableClock();
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of("auth.lockoutThreshold", "3", "auth.sessionIdleTimeout", "30m",
                "auth.sessionMaxAge", "8h"), clock);
        server.addUser("anna", Role.WORKER, "IFO Barn och unga");
        server.addUser("admin", Role.ADMIN, "IT");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonObject credentials(String user, String password) {
        return new JsonObject().put("username", user).put("password", password);
    }

    @Test
    void loginSetsHttpOnlyStrictSessionCookieAndCsrfCookie() {
        ApiClient client = server.anonymous();
        ApiClient.Response r = client.post("/api/login", credentials("anna", "losen-anna"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("role")).isEqualTo("worker");
        assertThat(r.json().getString("unit")).isEqualTo("IFO Barn och unga");
        String setCookies = String.join("\n", r.headers().allValues("set-cookie"));
        assertThat(setCookies).containsPattern("DIKTA_SESSION=[^;]+;.*HTTPOnly|DIKTA_SESSION=[^;]+;.*HttpOnly");
        assertThat(setCookies).contains("SameSite=Strict").contains("XSRF-TOKEN=");
        assertThat(client.get("/api/me").json().getString("username")).isEqualTo("anna");
    }

    @Test
    void wrongPasswordIs401() {
        ApiClient.Response r = server.anonymous().post("/api/login", credentials("anna", "fel-losen"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.error()).isNotBlank();
        assertThat(server.anonymous().post("/api/login", credentials("nobody", "whatever1")).status()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresFromOneAddressLockThatUserThereEvenForTheRightPassword() {
        for (int i = 0; i < 3; i++) {
            server.anonymous().post("/api/login", credentials("anna", "fel-losen"));
        }
        ApiClient.Response r = server.anonymous().post("/api/login", credentials("anna", "losen-anna"));
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.error()).contains("låst");
    }

    @Test
    void stateChangingRequestWithoutCsrfHeaderIsRejected() {
        ApiClient client = server.login("anna").withoutCsrf();
        ApiClient.Response r = client.post("/api/cases", new JsonObject().put("id", "X-1"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).contains("CSRF");
    }

    @Test
    void workerOnAdminRouteIsForbidden() {
        ApiClient.Response r = server.login("anna").get("/api/admin/users");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).isNotBlank();
    }

    @Test
    void adminCreatesUserWhoCanThenSignIn() {
        ApiClient admin = server.login("admin");
        ApiClient.Response r = admin.post("/api/admin/users", new JsonObject().put("username", "bo.ek")
                .put("role", "manager").put("unit", "IFO Vuxen").put("password", "hemligt-123"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(admin.post("/api/admin/users", new JsonObject().put("username", "bo.ek")
                .put("role", "manager").put("unit", "IFO Vuxen").put("password", "hemligt-123")).status())
                .isEqualTo(409);
        ApiClient.Response login = server.anonymous().post("/api/login", credentials("bo.ek", "hemligt-123"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().getString("role")).isEqualTo("manager");
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        ApiClient client = server.login("anna");
        String session = client.cookie("DIKTA_SESSION");
        assertThat(client.post("/api/logout", null).status()).isEqualTo(200);
        assertThat(client.get("/api/me").status()).isEqualTo(401);
        assertThat(server.anonymous().setCookie("DIKTA_SESSION", session).get("/api/me").status())
                .as("the old cookie, kept by someone").isEqualTo(401);
    }

    @Test
    void activityKeepsASessionAliveAndIdlenessEndsIt() {
        ApiClient client = server.login("anna");
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(client.get("/api/me").status()).as("after %d min, used every 20 min", 20 * (i + 1)).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(29));
        assertThat(client.get("/api/me").status()).as("29 min idle").isEqualTo(200);
        clock.advance(Duration.ofMinutes(30));
        assertThat(client.get("/api/me").status()).as("30 min idle").isEqualTo(401);
        clock.advance(Duration.ofMinutes(-59));
        assertThat(client.get("/api/me").status()).as("an idle session is gone, not just refused").isEqualTo(401);
    }

    @Test
    void aSessionEndsAtItsMaximumAgeHoweverBusy() {
        ApiClient client = server.login("anna");
        for (int i = 1; i < 24; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(client.get("/api/me").status()).as("after %d min", 20 * i).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(20));
        assertThat(client.get("/api/me").status()).as("8 h after sign-in").isEqualTo(401);
    }

    @Test
    void signInIssuesANewSessionIdAndEndsAnyTheBrowserAlreadyHad() {
        ApiClient other = server.login("admin");
        String planted = other.cookie("DIKTA_SESSION");
        ApiClient.Response r = server.anonymous().setCookie("DIKTA_SESSION", planted)
                .post("/api/login", credentials("anna", "losen-anna"));
        assertThat(r.status()).isEqualTo(200);
        String issued = sessionCookie(r);
        assertThat(issued).isNotEqualTo(planted).hasSizeGreaterThan(40);
        assertThat(withSession(issued).get("/api/me").json().getString("username")).isEqualTo("anna");
        assertThat(withSession(planted).get("/api/me").status()).as("the id set before sign-in no longer works")
                .isEqualTo(401);

        ApiClient.Response invented = server.anonymous().setCookie("DIKTA_SESSION", "valt-av-angriparen")
                .post("/api/login", credentials("anna", "losen-anna"));
        assertThat(invented.status()).isEqualTo(200);
        assertThat(sessionCookie(invented)).isNotEqualTo("valt-av-angriparen");
        assertThat(withSession("valt-av-angriparen").get("/api/me").status()).isEqualTo(401);
    }

    private ApiClient withSession(String id) {
        return server.anonymous().setCookie("DIKTA_SESSION", id);
    }

    private static String sessionCookie(ApiClient.Response r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("DIKTA_SESSION=([^;]+)")
                .matcher(String.join("\n", r.headers().allValues("set-cookie")));
        assertThat(m.find()).as("a session cookie is set").isTrue();
        return m.group(1);
    }

    @Test
    void passwordsAreStoredAsSlowSaltedHashes() {
        String stored = server.database().txBlocking(c -> new UserStore().findByUsername(c, "anna")).orElseThrow()
                .passwordHash();
        assertThat(stored).startsWith("pbkdf2-sha256$210000$").doesNotContain("losen-anna");
        PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);
        assertThat(hasher.hash("x")).isNotEqualTo(hasher.hash("x"));
        assertThat(hasher.matches("losen-anna", stored)).isTrue();
        assertThat(hasher.matches("losen-annb", stored)).isFalse();
    }
}
