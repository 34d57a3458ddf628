package se.dikta.structure.localnames;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/** An admin keeps a unit's local names; structuring in that unit writes them, other units are unaffected. */
class LocalNamesApiTest {

    private static final String DICTATION = "möte på kvarnbackaskolan med rektor sven ekdahl och fältgruppen söder";

    static TestServer server;
    static ApiClient admin;
    static AuthUser anna;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        anna = server.addUser("anna", Role.WORKER, "IFO Barn och unga");
        server.addUser("bo", Role.WORKER, "IFO Vuxen");
        server.addUser("admin", Role.ADMIN, "IT");
        admin = server.login("admin");
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!"ready".equals(server.anonymous().get("/health").json().getJsonObject("structure").getString("models"))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String path(long unitId) {
        return "/api/admin/units/" + unitId + "/local-names";
    }

    private static JsonObject names(JsonObject... entries) {
        JsonArray array = new JsonArray();
        for (JsonObject e : entries) {
            array.add(e);
        }
        return new JsonObject().put("names", array);
    }

    private static JsonObject name(String written, String type) {
        return new JsonObject().put("written", written).put("type", type);
    }

    @Test
    void anAdminsListIsWrittenByStructuringInThatUnitOnly() {
        ApiClient.Response put = admin.put(path(anna.unitId()), names(name("Kvarnbackaskolan", "ORGANIZATION"),
                name("Sven Ekdahl", "PERSON"), new JsonObject().put("spoken", "fältgruppen söder")
                        .put("written", "Fältgruppen Söder").put("type", "organization")));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().getJsonArray("names")).hasSize(3);
        assertThat(admin.get(path(anna.unitId())).json().getJsonArray("names").getJsonObject(1).getString("spoken"))
                .isEqualTo("kvarnbackaskolan");

        JsonObject note = server.login("anna").post("/api/structure", new JsonObject().put("text", DICTATION)).json();
        assertThat(note.getString("text"))
                .isEqualTo("Möte på Kvarnbackaskolan med rektor Sven Ekdahl och Fältgruppen Söder.");
        assertThat(note.getJsonArray("entities").stream().map(e -> ((JsonObject) e).getString("type") + ":"
                + ((JsonObject) e).getString("text")))
                .contains("ORGANIZATION:Kvarnbackaskolan", "PERSON:Sven Ekdahl", "ORGANIZATION:Fältgruppen Söder");

        long audited = server.database().txBlocking(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE action = 'local-names-replace'"
                    + " AND entity_id = ?")) {
                ps.setString(1, Long.toString(anna.unitId()));
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assertThat(audited).isGreaterThanOrEqualTo(1);

        JsonObject other = server.login("bo").post("/api/structure", new JsonObject().put("text", DICTATION)).json();
        assertThat(other.getString("text")).doesNotContain("Kvarnbackaskolan");
    }

    @Test
    void onlyAdminsMayReadOrChangeTheList() {
        ApiClient worker = server.login("anna");
        assertThat(worker.get(path(anna.unitId())).status()).isEqualTo(403);
        assertThat(worker.put(path(anna.unitId()), names()).status()).isEqualTo(403);
    }

    @Test
    void rejectsBadListsAndUnknownUnitsInSwedish() {
        assertThat(admin.put(path(anna.unitId()), new JsonObject()).status()).isEqualTo(400);
        ApiClient.Response badType = admin.put(path(anna.unitId()), names(name("Kvarnbackaskolan", "DATE")));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.error()).contains("PERSON, PLACE eller ORGANIZATION");
        ApiClient.Response twice = admin.put(path(anna.unitId()), names(name("Sven Ekdahl", "PERSON"),
                name("sven ekdahl", "PERSON")));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(admin.get(path(999_999)).status()).isEqualTo(404);
        assertThat(admin.put(path(999_999), names()).status()).isEqualTo(404);
    }
}
