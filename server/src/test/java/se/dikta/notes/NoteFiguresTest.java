package se.dikta.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/**
 * The figures the time-saved report is built on cannot be inflated by a client: mode and audio seconds are
 * the server's own, and reported editing seconds are bounded by the wall-clock time since the last save.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoteFiguresTest {

    private TestServer server;
    private AuthUser annaUser;
    private ApiClient anna;

    @BeforeAll
    void start() {
        server = TestServer.start();
        annaUser = server.addUser("anna", Role.WORKER, "IFO");
        anna = server.login("anna");
        assertThat(anna.post("/api/cases", new JsonObject().put("id", "2026-0001")).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String newNote(JsonObject metrics) {
        ApiClient.Response r = anna.post("/api/notes", new JsonObject().put("caseId", "2026-0001")
                .put("template", "journalanteckning").put("metrics", metrics));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    private JsonObject metrics(String noteId) {
        return anna.get("/api/notes/" + noteId).json().getJsonObject("metrics");
    }

    private JsonObject save(String noteId, JsonObject metrics) {
        ApiClient.Response r = anna.put("/api/notes/" + noteId, new JsonObject().put("metrics", metrics));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getJsonObject("metrics");
    }

    private void lastSavedAnHourAgo(String noteId) {
        server.database().txBlocking(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE note_versions SET saved_at = saved_at - INTERVAL '1' HOUR WHERE note_id = ?")) {
                ps.setString(1, noteId);
                return ps.executeUpdate();
            }
        });
    }

    @Test
    void aClientCannotClaimDictationOrAudioSeconds() {
        String id = newNote(new JsonObject().put("mode", "dictated").put("audioSeconds", 500).put("editSeconds", 300));
        assertThat(metrics(id)).isEqualTo(new JsonObject().put("mode", "typed").put("audioSeconds", 0.0)
                .put("editSeconds", 0.0));

        JsonObject saved = save(id, new JsonObject().put("mode", "dictated").put("audioSeconds", 900));
        assertThat(saved.getString("mode")).isEqualTo("typed");
        assertThat(saved.getDouble("audioSeconds")).isZero();
    }

    @Test
    void dictationMakesTheNoteDictatedAndASaveKeepsItsAudioSeconds() {
        String id = newNote(new JsonObject().put("mode", "typed"));
        server.notes().appendTranscript(annaUser, id, -1, "hallå mötet", null, 12.5).await();

        JsonObject saved = save(id, new JsonObject().put("mode", "typed").put("audioSeconds", 0).put("editSeconds", 0));
        assertThat(saved.getString("mode")).isEqualTo("dictated");
        assertThat(saved.getDouble("audioSeconds")).isEqualTo(12.5);
    }

    @Test
    void reportedEditingSecondsAreBoundedByTheTimeSinceTheLastSave() {
        String id = newNote(new JsonObject().put("mode", "typed"));
        long before = System.nanoTime();
        double first = save(id, new JsonObject().put("editSeconds", 3600)).getDouble("editSeconds");
        assertThat(first).isLessThanOrEqualTo((System.nanoTime() - before) / 1e9 + 1.0);

        lastSavedAnHourAgo(id);
        double second = save(id, new JsonObject().put("editSeconds", 95)).getDouble("editSeconds");
        assertThat(second).isCloseTo(first + 95, within(1e-9));

        lastSavedAnHourAgo(id);
        double third = save(id, new JsonObject().put("editSeconds", 4000)).getDouble("editSeconds");
        assertThat(third - second).isCloseTo(3600, within(2.0));
    }
}
