package se.dikta.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/** The admin's user management routes: who may call them, what they change, and how bad input is answered. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UserAdminBehaviour {

    TestServer server;
    ApiClient admin;

    /** The database the server runs on, as configuration overrides (none: embedded H2). */
    protected abstract Map<String, String> databaseSettings();

    @BeforeAll
    void start() {
        server = TestServer.start(databaseSettings());
        server.addUser("sara", Role.ADMIN, "IT");
        server.addUser("anna", Role.WORKER, "IFO Barn och unga");
        server.addUser("chef", Role.MANAGER, "IFO Barn och unga");
        admin = server.login("sara");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static JsonObject user(ApiClient client, String username) {
        JsonArray users = client.get("/api/admin/users").json().getJsonArray("users");
        return users.stream().map(JsonObject.class::cast).filter(u -> u.getString("username").equals(username))
                .findFirst().orElseThrow();
    }

    private ApiClient.Response create(String username, String role, String unit) {
        return admin.post("/api/admin/users", new JsonObject().put("username", username).put("role", role)
                .put("unit", unit).put("password", TestServer.PASSWORD_PREFIX + username)
                .put("displayName", "Namn " + username));
    }

    @Test
    void theUserListIsOrderedByUnitThenUserName() {
        assertThat(create("zorro", "worker", "Vuxenenheten").status()).isEqualTo(201);
        assertThat(create("adam", "worker", "Vuxenenheten").status()).isEqualTo(201);
        assertThat(create("bertil", "manager", "Ekonomiskt bistånd").status()).isEqualTo(201);
        ApiClient.Response r = admin.get("/api/admin/users");
        assertThat(r.status()).isEqualTo(200);
        java.util.List<JsonObject> users = r.json().getJsonArray("users").stream().map(JsonObject.class::cast).toList();
        assertThat(users).extracting(u -> u.getString("username")).contains("sara", "anna", "chef", "zorro", "adam", "bertil");
        assertThat(users).extracting(u -> u.getString("unit") + "/" + u.getString("username"))
                .containsSubsequence("Ekonomiskt bistånd/bertil", "IFO Barn och unga/anna", "IFO Barn och unga/chef",
                        "IT/sara", "Vuxenenheten/adam", "Vuxenenheten/zorro");
        assertThat(users).allSatisfy(u -> assertThat(u.containsKey("passwordHash") || u.containsKey("password")).isFalse());
        assertThat(admin.get("/api/admin/users/bertil").json().getString("unit")).isEqualTo("Ekonomiskt bistånd");
    }

    @Test
    void everyAdminRouteRefusesWorkersAndManagers() {
        create("mal", "worker", "IFO Vuxen");
        List<Function<ApiClient, ApiClient.Response>> calls = List.of(
                c -> c.get("/api/admin/users"),
                c -> c.get("/api/admin/units"),
                c -> c.get("/api/admin/users/mal"),
                c -> c.post("/api/admin/users", new JsonObject().put("username", "x1").put("role", "worker")
                        .put("unit", "IT").put("password", "losenord-lang")),
                c -> c.put("/api/admin/users/mal", new JsonObject().put("role", "manager")),
                c -> c.post("/api/admin/users/mal/deactivate", new JsonObject()),
                c -> c.post("/api/admin/users/mal/activate", new JsonObject()),
                c -> c.post("/api/admin/users/mal/password", new JsonObject().put("password", "nytt-losen-1")));
        for (String who : List.of("anna", "chef")) {
            ApiClient client = server.login(who);
            for (Function<ApiClient, ApiClient.Response> call : calls) {
                ApiClient.Response r = call.apply(client);
                assertThat(r.status()).as(who).isEqualTo(403);
                assertThat(r.error()).contains("behörighet");
            }
        }
        assertThat(server.anonymous().get("/api/admin/users").status()).isEqualTo(401);
        JsonObject mal = user(admin, "mal");
        assertThat(mal.getString("role")).isEqualTo("worker");
        assertThat(mal.getBoolean("active")).isTrue();
    }

    @Test
    void listShowsRoleUnitActiveAndLastSignInButNoPasswordHash() {
        server.login("anna");
        ApiClient.Response r = admin.get("/api/admin/users");
        assertThat(r.status()).isEqualTo(200);
        JsonObject anna = user(admin, "anna");
        assertThat(anna.getString("role")).isEqualTo("worker");
        assertThat(anna.getString("unit")).isEqualTo("IFO Barn och unga");
        assertThat(anna.getBoolean("active")).isTrue();
        assertThat(anna.getString("lastLoginAt")).isNotNull();
        assertThat(r.body()).doesNotContain("pbkdf2").doesNotContain("password");
        assertThat(admin.get("/api/admin/units").json().getJsonArray("units").getList())
                .contains("IT", "IFO Barn och unga");
    }

    @Test
    void createdUserSignsInAndNeverSignedInUserHasNoLastSignIn() {
        ApiClient.Response r = create("nils", "manager", "IFO Vuxen");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getString("displayName")).isEqualTo("Namn nils");
        assertThat(r.json().getBoolean("active")).isTrue();
        assertThat(r.json().getValue("lastLoginAt")).isNull();
        assertThat(server.login("nils").get("/api/me").json().getString("role")).isEqualTo("manager");
        assertThat(create("nils", "worker", "IT").status()).isEqualTo(409);
    }

    @Test
    void changingRoleAndUnitTakesEffectInTheUsersOpenSession() {
        create("olle", "worker", "IFO Vuxen");
        ApiClient olle = server.login("olle");
        ApiClient.Response r = admin.put("/api/admin/users/olle",
                new JsonObject().put("role", "manager").put("unit", "Ekonomiskt bistånd"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("role")).isEqualTo("manager");
        JsonObject me = olle.get("/api/me").json();
        assertThat(me.getString("role")).isEqualTo("manager");
        assertThat(me.getString("unit")).isEqualTo("Ekonomiskt bistånd");
        assertThat(me.getString("displayName")).isEqualTo("Namn olle");
    }

    @Test
    void deactivationEndsOpenSessionsAtOnceAndBlocksSignIn() {
        create("per", "worker", "IFO Vuxen");
        ApiClient per = server.login("per");
        assertThat(per.get("/api/me").status()).isEqualTo(200);
        ApiClient.Response r = admin.post("/api/admin/users/per/deactivate", new JsonObject());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getBoolean("active")).isFalse();
        assertThat(per.get("/api/me").status()).isEqualTo(401);
        ApiClient.Response again = server.anonymous().post("/api/login",
                new JsonObject().put("username", "per").put("password", TestServer.PASSWORD_PREFIX + "per"));
        assertThat(again.status()).isEqualTo(401);

        assertThat(admin.post("/api/admin/users/per/activate", new JsonObject()).json().getBoolean("active")).isTrue();
        assertThat(server.login("per").get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void passwordResetEndsSessionsAndOnlyTheNewPasswordWorks() {
        create("rut", "worker", "IFO Vuxen");
        ApiClient rut = server.login("rut");
        assertThat(admin.post("/api/admin/users/rut/password", new JsonObject().put("password", "helt-nytt-losen"))
                .status()).isEqualTo(200);
        assertThat(rut.get("/api/me").status()).isEqualTo(401);
        assertThat(server.anonymous().post("/api/login", new JsonObject().put("username", "rut")
                .put("password", TestServer.PASSWORD_PREFIX + "rut")).status()).isEqualTo(401);
        assertThat(server.anonymous().post("/api/login", new JsonObject().put("username", "rut")
                .put("password", "helt-nytt-losen")).status()).isEqualTo(200);
    }

    @Test
    void badInputIsASwedish4xx() {
        create("siv", "worker", "IFO Vuxen");
        assertError(admin.put("/api/admin/users/siv", new JsonObject().put("role", "chef")), 400, "Okänd roll");
        assertError(admin.put("/api/admin/users/siv", new JsonObject().put("password", "x")), 400, "kan inte ändras");
        assertError(admin.put("/api/admin/users/siv", new JsonObject().put("unit", " ")), 400, "'unit'");
        assertError(admin.put("/api/admin/users/siv", new JsonObject().put("role", 3)), 400, "ska vara text");
        assertError(admin.send("PUT", "/api/admin/users/siv", "{inte json", "application/json"), 400, "JSON");
        assertError(admin.put("/api/admin/users/ingen", new JsonObject().put("role", "worker")), 404, "finns inte");
        assertError(admin.post("/api/admin/users/ingen/deactivate", new JsonObject()), 404, "finns inte");
        assertError(admin.post("/api/admin/users/siv/password", new JsonObject().put("password", "kort")), 400,
                "minst 8");
        assertError(admin.post("/api/admin/users/siv/password", new JsonObject()), 400, "password");
        assertError(create("ny användare", "worker", "IT"), 400, "'username'");
        assertError(create("ny2", "boss", "IT"), 400, "Okänd roll");
    }

    @Test
    void adminCannotLockThemselvesOut() {
        assertError(admin.post("/api/admin/users/sara/deactivate", new JsonObject()), 400, "dig själv");
        assertError(admin.put("/api/admin/users/sara", new JsonObject().put("role", "worker")), 400, "egen roll");
        assertThat(admin.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void adminReadsNoNotes() {
        assertThat(admin.get("/api/notes?caseId=x").status()).isEqualTo(403);
        assertThat(admin.get("/api/search?q=test").status()).isEqualTo(403);
        assertThat(admin.get("/api/reports/time-saved").status()).isEqualTo(403);
    }

    private static void assertError(ApiClient.Response r, int status, String text) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.error()).contains(text);
    }
}
