package se.dikta.notes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.dikta.demo.DemoSeeder;
import se.dikta.testing.ApiClient;
import se.dikta.testing.MutableClock;
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

            // the index is built from the demo notes in the background: search answers 503 until it is up
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            ApiClient.Response search = anna.get("/api/search?q=hembes%C3%B6ket");
            while (!(search.status() == 200 && search.json().getLong("total") == 1) && System.nanoTime() < deadline) {
                assertThat(search.status()).as(search.body()).isIn(200, 503);
                Thread.sleep(20);
                search = anna.get("/api/search?q=hembes%C3%B6ket");
            }
            assertThat(search.status()).as("search for the demo home visit within 60 s: " + search.body()).isEqualTo(200);
            assertThat(search.json().getLong("total")).as(search.body()).isEqualTo(1);
            assertThat(anna.get("/api/search?q=840312-4567").json().getLong("total")).isEqualTo(1);
            assertThat(login(server, "erik").get("/api/search?q=hembes%C3%B6ket").json().getLong("total")).isZero();
        }
    }

    @Test
    void aDemoStartedYearsLaterSeedsItsNotesWithContactDatesInTheYearBefore() {
        MutableClock later = new MutableClock(Instant.parse("2033-06-01T10:00:00Z"));
        try (TestServer server = TestServer.start(Map.of("demo", "true"), later)) {
            ApiClient anna = login(server, "anna");
            JsonObject home = anna.get("/api/notes?caseId=2026-0142").json().getJsonArray("notes").getJsonObject(0);
            assertThat(home.getString("eventDate")).as("the 12 March before 1 June 2033").isEqualTo("2033-03-12");
        }
    }
}
