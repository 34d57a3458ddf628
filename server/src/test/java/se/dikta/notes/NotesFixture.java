package se.dikta.notes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/**
 * Notes through the real HTTP API of a running server, on the database a subclass names: the server, its users and
 * the helpers of {@link NoteEditingBehaviour}, {@link NoteAccessBehaviour} and {@link NoteSearchBehaviour}. One
 * server per class; every test works in cases of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NotesFixture {

    static final String UNIT_A = "IFO Barn och unga";
    static final String UNIT_B = "Ekonomiskt bistånd";

    private final AtomicInteger cases = new AtomicInteger();
    TestServer server;
    AuthUser annaUser;
    ApiClient anna;
    ApiClient bo;
    ApiClient cecilia;
    ApiClient david;
    ApiClient admin;

    /** Configuration that selects the database under test. */
    protected abstract Map<String, String> databaseSettings();

    @BeforeAll
    void startServer() {
        Map<String, String> settings = new HashMap<>(databaseSettings());
        // a poll far longer than any wait below: a save on this node must reach the index without it
        settings.put("search.pollInterval", "60");
        server = TestServer.start(settings);
        annaUser = server.addUser("anna", Role.WORKER, UNIT_A);
        server.addUser("bo", Role.WORKER, UNIT_A);
        server.addUser("cecilia", Role.MANAGER, UNIT_A);
        server.addUser("david", Role.WORKER, UNIT_B);
        server.addUser("root", Role.ADMIN, UNIT_A);
        anna = server.login("anna");
        bo = server.login("bo");
        cecilia = server.login("cecilia");
        david = server.login("david");
        admin = server.login("root");
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    String newCase(ApiClient owner) {
        String id = "T-" + cases.incrementAndGet();
        ApiClient.Response r = owner.post("/api/cases", new JsonObject().put("id", id).put("title", "Testärende"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return id;
    }

    static JsonObject note(String caseId, String... keyTextPairs) {
        JsonArray sections = new JsonArray();
        for (int i = 0; i < keyTextPairs.length; i += 2) {
            sections.add(new JsonObject().put("key", keyTextPairs[i]).put("text", keyTextPairs[i + 1]));
        }
        return new JsonObject().put("caseId", caseId).put("template", "journalanteckning").put("sections", sections)
                .put("metrics", new JsonObject().put("mode", "typed").put("audioSeconds", 0).put("editSeconds", 42.5));
    }

    static JsonObject created(ApiClient client, JsonObject body) {
        ApiClient.Response r = client.post("/api/notes", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** A save body: only sections, so everything else is kept. */
    static JsonObject sections(String... keyTextPairs) {
        return new JsonObject().put("sections", note("", keyTextPairs).getJsonArray("sections"));
    }

    /** Searches until the expected total shows (the index follows saves within milliseconds; allow slack). */
    static JsonObject awaitSearch(ApiClient client, String query, long expectedTotal) throws InterruptedException {
        return awaitSearch(client, query, expectedTotal, java.time.Duration.ofSeconds(10));
    }

    /**
     * Searches until the expected total shows; a 503 (index briefly not ready) is retried, any other error
     * fails at once, and reaching {@code limit} fails with what was last seen.
     */
    static JsonObject awaitSearch(ApiClient client, String query, long expectedTotal, java.time.Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String last;
        do {
            ApiClient.Response r = client.get("/api/search?" + query);
            last = r.status() + " " + r.body();
            if (r.status() == 200 && r.json().getLong("total") == expectedTotal) {
                return r.json();
            }
            assertThat(r.status()).as(r.body()).isIn(200, 503);
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("search " + query + " did not reach " + expectedTotal + " hits within " + limit
                + "; last answer: " + last);
    }

    static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
