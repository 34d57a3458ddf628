package se.dikta.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

class SignInTest {

    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of("auth.lockoutThreshold", "3", "auth.sessionIdleTimeout", "2s"));
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
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
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
    void logoutEndsTheSession() {
        ApiClient client = server.login("anna");
        assertThat(client.post("/api/logout", null).status()).isEqualTo(200);
        assertThat(client.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void idleSessionExpires() throws InterruptedException {
        ApiClient client = server.login("anna");
        Thread.sleep(2500);
        assertThat(client.get("/api/me").status()).isEqualTo(401);
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
