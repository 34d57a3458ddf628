package se.dikta.notes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.dikta.demo.DemoSeeder;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/** Demo mode seeds notes a newcomer can open and find, each unit only its own. */
class DemoNotesTest {

    private static ApiClient login(TestServer server, String username) {
        ApiClient client = server.anonymous();
        assertThat(client.post("/api/login", new JsonObject().put("username", username)
                .put("password", DemoSeeder.DEMO_PASSWORD)).status()).isEqualTo(200);
        return client;
    }

    @Test
    void demoNotesAreReadableAndSearchableInTheirUnit() throws InterruptedException {
        try (TestServer server = TestServer.start(Map.of("demo", "true"))) {
            ApiClient anna = login(server, "anna");
            JsonObject home = anna.get("/api/notes?caseId=2026-0142").json().getJsonArray("notes").getJsonObject(0);
            assertThat(home.getString("status")).isEqualTo("signed");
            assertThat(home.getJsonArray("amendments")).hasSize(1);

            long total = 0;
            for (int i = 0; i < 200 && total == 0; i++) {
                total = anna.get("/api/search?q=hembes%C3%B6ket").json().getLong("total");
                Thread.sleep(20);
            }
            assertThat(total).isEqualTo(1);
            assertThat(anna.get("/api/search?q=840312-4567").json().getLong("total")).isEqualTo(1);
            assertThat(login(server, "erik").get("/api/search?q=hembes%C3%B6ket").json().getLong("total")).isZero();
        }
    }
}
