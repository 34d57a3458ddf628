package se.dikta.notes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.MutableClock;
import se.dikta.testing.TestServer;

/**
 * A contact date typed with a slip (a year after today, or years back) is refused with a Swedish message instead
 * of being saved silently and sorting the note first or last; a note keeps the date it has however old it grows.
 */
class ContactDateTest {

    // 2026-12-07 noon in Stockholm
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T11:00:00Z"));
    private TestServer server;
    private ApiClient anna;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of(), clock);
        server.addUser("anna", Role.WORKER, "IFO");
        anna = server.login("anna");
        assertThat(anna.post("/api/cases", new JsonObject().put("id", "2026-0001")).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApiClient.Response create(String date) {
        return anna.post("/api/notes", new JsonObject().put("caseId", "2026-0001").put("template", "journalanteckning")
                .put("eventDate", date));
    }

    @Test
    void aContactDateAfterTodayIsRefusedWhenCreatingAndWhenSaving() {
        ApiClient.Response future = create("2062-12-07");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().getString("error")).isEqualTo("Kontaktdatum kan inte ligga efter dagens datum (2026-12-07)");
        assertThat(create("2026-12-08").status()).isEqualTo(400);

        ApiClient.Response today = create("2026-12-07");
        assertThat(today.status()).isEqualTo(201);
        String id = today.json().getString("id");
        assertThat(anna.put("/api/notes/" + id, new JsonObject().put("eventDate", "2026-12-08")).status()).isEqualTo(400);
        assertThat(anna.get("/api/notes/" + id).json().getString("eventDate")).isEqualTo("2026-12-07");
    }

    @Test
    void aContactDateMoreThanFiveYearsBackIsRefusedAndOneWithinThemIsKept() {
        ApiClient.Response old = create("2016-12-07");
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json().getString("error")).contains("5 år bakåt").contains("kontrollera året");
        assertThat(create("2021-12-06").status()).isEqualTo(400);

        ApiClient.Response withinFive = create("2021-12-07");
        assertThat(withinFive.status()).isEqualTo(201);
        assertThat(withinFive.json().getString("eventDate")).isEqualTo("2021-12-07");
    }

    @Test
    void aNoteWhoseDateHasGrownOldCanStillBeSavedWithItsOwnDate() {
        String id = create("2026-12-01").json().getString("id");
        clock.advance(Duration.ofDays(6 * 366));
        ApiClient annaLater = server.login("anna");

        ApiClient.Response saved = annaLater.put("/api/notes/" + id, new JsonObject().put("eventDate", "2026-12-01")
                .put("transcript", "senare"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().getString("eventDate")).isEqualTo("2026-12-01");
    }
}
