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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.failure.DomainException;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/**
 * Notes and search through the real HTTP API of a running server, the same suite on each database
 * (subclasses say which). One server per class; every test works in cases of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NotesBehaviour {

    private static final String UNIT_A = "IFO Barn och unga";
    private static final String UNIT_B = "Ekonomiskt bistånd";

    private final AtomicInteger cases = new AtomicInteger();
    private TestServer server;
    private AuthUser annaUser;
    private ApiClient anna;
    private ApiClient bo;
    private ApiClient cecilia;
    private ApiClient david;
    private ApiClient admin;

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

    private String newCase(ApiClient owner) {
        String id = "T-" + cases.incrementAndGet();
        ApiClient.Response r = owner.post("/api/cases", new JsonObject().put("id", id).put("title", "Testärende"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return id;
    }

    private static JsonObject note(String caseId, String... keyTextPairs) {
        JsonArray sections = new JsonArray();
        for (int i = 0; i < keyTextPairs.length; i += 2) {
            sections.add(new JsonObject().put("key", keyTextPairs[i]).put("text", keyTextPairs[i + 1]));
        }
        return new JsonObject().put("caseId", caseId).put("template", "journalanteckning").put("sections", sections)
                .put("metrics", new JsonObject().put("mode", "typed").put("audioSeconds", 0).put("editSeconds", 42.5));
    }

    private static JsonObject created(ApiClient client, JsonObject body) {
        ApiClient.Response r = client.post("/api/notes", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** A save body: only sections, so everything else is kept. */
    private static JsonObject sections(String... keyTextPairs) {
        return new JsonObject().put("sections", note("", keyTextPairs).getJsonArray("sections"));
    }

    /** Searches until the expected total shows (the index follows saves within milliseconds; allow slack). */
    private static JsonObject awaitSearch(ApiClient client, String query, long expectedTotal) throws InterruptedException {
        return awaitSearch(client, query, expectedTotal, java.time.Duration.ofSeconds(10));
    }

    /**
     * Searches until the expected total shows; a 503 (index briefly not ready) is retried, any other error
     * fails at once, and reaching {@code limit} fails with what was last seen.
     */
    private static JsonObject awaitSearch(ApiClient client, String query, long expectedTotal, java.time.Duration limit)
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

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void draftIsSavedAsVersionsThenSignedThenAmendedWithTheOriginalKept() throws InterruptedException {
        String caseId = newCase(anna);
        JsonObject draft = created(anna, note(caseId, "KONTAKT", "Hembesök hos familjen.",
                "BEDOMNING", "Första bedömning."));
        String id = draft.getString("id");
        assertThat(draft.getString("status")).isEqualTo("draft");
        assertThat(draft.getInteger("version")).isEqualTo(1);
        assertThat(draft.getJsonObject("author").getString("name")).isEqualTo(annaUser.displayName());

        JsonObject v2 = anna.put("/api/notes/" + id, sections("KONTAKT", "Hembesök hos familjen.",
                "BEDOMNING", "Andra bedömning.").put("version", 1)).json();
        assertThat(v2.getInteger("version")).isEqualTo(2);
        JsonObject v3 = anna.put("/api/notes/" + id, sections("KONTAKT", "Hembesök hos familjen.",
                "BEDOMNING", "Slutlig bedömning.")).json();
        assertThat(v3.getInteger("version")).isEqualTo(3);

        JsonArray versions = anna.get("/api/notes/" + id + "/versions").json().getJsonArray("versions");
        assertThat(versions).hasSize(3);
        assertThat(versions.getJsonObject(0).getJsonArray("sections").getJsonObject(1).getString("text"))
                .isEqualTo("Första bedömning.");
        assertThat(versions.getJsonObject(1).getJsonArray("sections").getJsonObject(1).getString("text"))
                .isEqualTo("Andra bedömning.");

        ApiClient.Response signed = anna.post("/api/notes/" + id + "/sign", new JsonObject());
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().getString("status")).isEqualTo("signed");
        assertThat(signed.json().getJsonObject("signed").getJsonObject("by").getString("name"))
                .isEqualTo(annaUser.displayName());

        ApiClient.Response amended = bo.post("/api/notes/" + id + "/amendments",
                new JsonObject().put("section", "BEDOMNING").put("text", "Rättelse: bedömningen gäller äldsta barnet."));
        assertThat(amended.status()).as(amended.body()).isEqualTo(201);

        JsonObject now = anna.get("/api/notes/" + id).json();
        assertThat(now.getJsonArray("sections").getJsonObject(1).getString("text")).isEqualTo("Slutlig bedömning.");
        assertThat(now.getInteger("version")).isEqualTo(3);
        JsonArray amendments = now.getJsonArray("amendments");
        assertThat(amendments).hasSize(1);
        assertThat(amendments.getJsonObject(0).getString("text")).startsWith("Rättelse:");
        assertThat(amendments.getJsonObject(0).getJsonObject("author").getString("name")).isEqualTo("bo");
        assertThat(anna.get("/api/notes/" + id + "/versions").json().getJsonArray("versions")).hasSize(3);

        JsonObject hits = awaitSearch(anna, q("äldsta barnet") + "&caseId=" + caseId, 1);
        assertThat(hits.getJsonArray("hits").getJsonObject(0).getString("status")).isEqualTo("signed");
    }

    @Test
    void signedNoteCannotBeChangedThroughAnyRoute() {
        String caseId = newCase(anna);
        String id = created(anna, note(caseId, "KONTAKT", "Telefonsamtal med mamma.")).getString("id");
        assertThat(anna.post("/api/notes/" + id + "/sign", new JsonObject()).status()).isEqualTo(200);
        JsonObject before = anna.get("/api/notes/" + id).json();

        ApiClient.Response put = anna.put("/api/notes/" + id, sections("KONTAKT", "Ändrad text."));
        assertThat(put.status()).isEqualTo(409);
        assertThat(put.error()).contains("signerad");
        assertThat(anna.post("/api/notes/" + id + "/sign", new JsonObject()).status()).isEqualTo(409);
        assertThat(anna.delete("/api/notes/" + id).status()).isEqualTo(405);
        assertThat(anna.send("PATCH", "/api/notes/" + id, sections("KONTAKT", "x").encode(), "application/json")
                .status()).isEqualTo(405);
        assertThat(server.notes().appendTranscript(annaUser, id, -1, "mer text", new JsonArray(), 1.0)
                .toCompletionStage().toCompletableFuture())
                .failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));

        JsonObject after = anna.get("/api/notes/" + id).json();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void onlyTheAuthorChangesADraftButColleaguesReadIt() {
        String caseId = newCase(anna);
        String id = created(anna, note(caseId, "KONTAKT", "Besök på kontoret.")).getString("id");

        assertThat(bo.get("/api/notes/" + id).status()).isEqualTo(200);
        assertThat(cecilia.get("/api/notes/" + id).status()).isEqualTo(200);
        assertThat(bo.put("/api/notes/" + id, sections("KONTAKT", "Ändrat av Bo.")).status()).isEqualTo(403);
        assertThat(bo.post("/api/notes/" + id + "/sign", new JsonObject()).status()).isEqualTo(403);
        assertThat(anna.get("/api/notes/" + id).json().getInteger("version")).isEqualTo(1);
    }

    @Test
    void staleSaveIsAConflictNotAnOverwrite() {
        String caseId = newCase(anna);
        String id = created(anna, note(caseId, "KONTAKT", "Första.")).getString("id");
        assertThat(anna.put("/api/notes/" + id, sections("KONTAKT", "Andra.").put("version", 1)).status())
                .isEqualTo(200);

        ApiClient.Response stale = anna.put("/api/notes/" + id, sections("KONTAKT", "Tredje.").put("version", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(anna.get("/api/notes/" + id).json().getJsonArray("sections").getJsonObject(0).getString("text"))
                .isEqualTo("Andra.");
    }

    @Test
    void anotherUnitSeesNoTraceOfTheNote() throws InterruptedException {
        String caseId = newCase(anna);
        String id = created(anna, note(caseId, "BEDOMNING", "Oro för kvarglömd zebrafink.")).getString("id");
        awaitSearch(anna, q("zebrafink"), 1);

        for (ApiClient.Response r : new ApiClient.Response[] {
            david.get("/api/notes/" + id),
            david.put("/api/notes/" + id, sections("KONTAKT", "x")),
            david.post("/api/notes/" + id + "/sign", new JsonObject()),
            david.post("/api/notes/" + id + "/amendments", new JsonObject().put("text", "x")),
            david.get("/api/notes/" + id + "/versions"),
            david.get("/api/notes?caseId=" + caseId),
            david.post("/api/notes", note(caseId, "KONTAKT", "x"))}) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
        }
        JsonObject davidSees = david.get("/api/search?" + q("zebrafink")).json();
        assertThat(davidSees.getLong("total")).isZero();
        assertThat(davidSees.getJsonArray("hits")).isEmpty();
        assertThat(davidSees.getJsonObject("facets").getJsonObject("section")).isEmpty();
        assertThat(davidSees.getJsonObject("facets").getJsonObject("template")).isEmpty();
        JsonObject davidAll = david.get("/api/search").json();
        assertThat(davidAll.getJsonArray("hits").stream().map(h -> ((JsonObject) h).getString("id"))).doesNotContain(id);

        JsonObject managerSees = cecilia.get("/api/search?" + q("zebrafink")).json();
        assertThat(managerSees.getLong("total")).isEqualTo(1);
        assertThat(managerSees.getJsonObject("facets").getJsonObject("section").getInteger("BEDOMNING")).isEqualTo(1);
    }

    @Test
    void adminReadsNoNoteContent() {
        String caseId = newCase(anna);
        String id = created(anna, note(caseId, "KONTAKT", "Hembesök.")).getString("id");

        assertThat(admin.get("/api/notes/" + id).status()).isEqualTo(403);
        assertThat(admin.get("/api/notes?caseId=" + caseId).status()).isEqualTo(403);
        assertThat(admin.get("/api/search?q=hembes%C3%B6k").status()).isEqualTo(403);
        assertThat(admin.get("/api/notes/" + id).body()).doesNotContain("Hembesök");
    }

    @Test
    void unknownNoteAndCaseAre404() {
        assertThat(anna.get("/api/notes/00000000-0000-4000-8000-000000000000").status()).isEqualTo(404);
        assertThat(anna.get("/api/notes/not-an-id").status()).isEqualTo(404);
        assertThat(anna.post("/api/notes", note("NO-SUCH-CASE", "KONTAKT", "x")).status()).isEqualTo(404);
        assertThat(anna.get("/api/notes?caseId=NO-SUCH-CASE").status()).isEqualTo(404);
    }

    @Test
    void rejectsMalformedNotesWithReasons() {
        String caseId = newCase(anna);
        Map<String, JsonObject> bad = Map.of(
                "no case", note(caseId, "KONTAKT", "x").put("caseId", ""),
                "no template", note(caseId, "KONTAKT", "x").put("template", null),
                "sections not a list", note(caseId).put("sections", "KONTAKT"),
                "lower-case key", note(caseId, "kontakt", "x"),
                "repeated key", note(caseId, "KONTAKT", "x", "KONTAKT", "y"),
                "unknown mode", note(caseId).put("metrics", new JsonObject().put("mode", "sung")),
                "negative seconds", note(caseId).put("metrics", new JsonObject().put("mode", "typed").put("editSeconds", -1)),
                "bad date", note(caseId).put("eventDate", "12 mars"),
                "words not a list", note(caseId).put("words", "hej"));
        bad.forEach((why, body) -> {
            ApiClient.Response r = anna.post("/api/notes", body);
            assertThat(r.status()).as(why + ": " + r.body()).isEqualTo(400);
            assertThat(r.error()).as(why).isNotBlank();
        });
        assertThat(anna.send("POST", "/api/notes", "{\"caseId\":", "application/json").status()).isEqualTo(400);
        assertThat(anna.get("/api/notes").status()).isEqualTo(400);
        String id = created(anna, note(caseId, "KONTAKT", "x")).getString("id");
        assertThat(anna.put("/api/notes/" + id, sections("KONTAKT", "y").put("version", "två")).status()).isEqualTo(400);
        assertThat(anna.post("/api/notes/" + id + "/sign", new JsonObject()).status()).isEqualTo(200);
        assertThat(anna.post("/api/notes/" + id + "/amendments", new JsonObject().put("text", " ")).status())
                .isEqualTo(400);
    }

    @Test
    void emptyNoteCannotBeSignedAndDraftCannotBeAmended() {
        String caseId = newCase(anna);
        String id = created(anna, note(caseId, "KONTAKT", "  ")).getString("id");
        assertThat(anna.post("/api/notes/" + id + "/sign", new JsonObject()).status()).isEqualTo(400);
        assertThat(anna.post("/api/notes/" + id + "/amendments", new JsonObject().put("text", "x")).status())
                .isEqualTo(409);
    }

    @Test
    void liveDictationAppendsToTheDraftWithoutNewVersions() {
        String caseId = newCase(anna);
        NoteService notes = server.notes();
        Note draft = notes.createDraft(annaUser, caseId, "journalanteckning").await();
        JsonArray words = new JsonArray().add(new JsonObject().put("word", "mamma").put("start", 0.5).put("end", 0.9)
                .put("conf", 0.93)).add(new JsonObject().put("word", "berättar").put("start", 0.9).put("end", 1.4));
        notes.appendTranscript(annaUser, draft.id(), -1, "mamma berättar", words, 1.5).await();
        notes.appendTranscript(annaUser, draft.id(), -1, "att hon sover dåligt", null, 2.0).await();

        JsonObject now = anna.get("/api/notes/" + draft.id()).json();
        assertThat(now.getString("transcript")).isEqualTo("mamma berättar att hon sover dåligt");
        assertThat(now.getJsonArray("words")).hasSize(2);
        assertThat(now.getJsonArray("words").getJsonObject(0).getDouble("start")).isEqualTo(0.5);
        assertThat(now.getJsonObject("metrics").getString("mode")).isEqualTo("dictated");
        assertThat(now.getJsonObject("metrics").getDouble("audioSeconds")).isEqualTo(3.5);
        assertThat(now.getInteger("version")).isEqualTo(1);

        JsonObject saved = anna.put("/api/notes/" + draft.id(), sections("INFORMATION",
                "Mamma berättar att hon sover dåligt.")).json();
        assertThat(saved.getString("transcript")).isEqualTo("mamma berättar att hon sover dåligt");
        assertThat(saved.getInteger("version")).isEqualTo(2);
    }

    @Test
    void aSaveKeepsTheServerMeasuredModeAndAudioSecondsWhateverMetricsItSends() {
        String caseId = newCase(anna);
        NoteService notes = server.notes();
        Note draft = notes.createDraft(annaUser, caseId, "journalanteckning").await();
        notes.appendTranscript(annaUser, draft.id(), -1, "mamma berättar", null, 4.25).await();
        String path = "/api/notes/" + draft.id();

        JsonObject[] saves = {
            sections("KONTAKT", "Utan metrics."),
            sections("KONTAKT", "Metrics utan ljud.").put("metrics", new JsonObject().put("editSeconds", 0)),
            sections("KONTAKT", "Påstått skrivet.").put("metrics", new JsonObject().put("mode", "typed")
                    .put("audioSeconds", 0).put("editSeconds", 0)),
            sections("KONTAKT", "Uppblåst.").put("metrics", new JsonObject().put("mode", "dictated")
                    .put("audioSeconds", 9999).put("editSeconds", 0)),
        };
        for (JsonObject save : saves) {
            ApiClient.Response r = anna.put(path, save);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            for (JsonObject metrics : new JsonObject[] {r.json().getJsonObject("metrics"),
                    anna.get(path).json().getJsonObject("metrics")}) {
                assertThat(metrics.getString("mode")).as(save.encode()).isEqualTo("dictated");
                assertThat(metrics.getDouble("audioSeconds")).as(save.encode()).isEqualTo(4.25);
            }
        }
    }

    @Test
    void listsTheNotesOfACaseNewestFirst() {
        String caseId = newCase(anna);
        created(anna, note(caseId, "KONTAKT", "Äldre.").put("eventDate", "2025-01-10"));
        created(bo, note(caseId, "KONTAKT", "Nyare.").put("eventDate", "2025-02-10"));

        JsonArray list = cecilia.get("/api/notes?caseId=" + caseId).json().getJsonArray("notes");
        assertThat(list).hasSize(2);
        assertThat(list.getJsonObject(0).getString("eventDate")).isEqualTo("2025-02-10");
        assertThat(list.getJsonObject(1).getJsonArray("sections").getJsonObject(0).getString("text")).isEqualTo("Äldre.");
        assertThat(list.getJsonObject(0).containsKey("words")).isFalse();
    }

    @Test
    void searchFindsInflectedFormsPhrasesAndExclusions() throws InterruptedException {
        String caseId = newCase(anna);
        created(anna, note(caseId, "BEDOMNING", "Min bedömning är att det finns oro för barnen."));
        created(anna, note(caseId, "KONTAKT", "Ett hembesök gjordes i lägenheten.", "BEDOMNING", "Ingen oro."));
        String inCase = "&caseId=" + caseId;
        awaitSearch(anna, "caseId=" + caseId, 2);

        assertThat(awaitSearch(anna, q("bedömningen") + inCase, 1).getLong("total")).isEqualTo(1);
        assertThat(awaitSearch(anna, q("hembesöket") + inCase, 1).getLong("total")).isEqualTo(1);
        assertThat(awaitSearch(anna, q("\"finns oro\"") + inCase, 1).getLong("total")).isEqualTo(1);
        assertThat(awaitSearch(anna, q("oro") + inCase, 2).getLong("total")).isEqualTo(2);
        JsonObject excluded = awaitSearch(anna, q("oro -lägenheten") + inCase, 1);
        assertThat(excluded.getJsonArray("hits").getJsonObject(0).getString("snippet")).contains("Min bedömning", "<mark>oro</mark>");
        JsonObject facets = awaitSearch(anna, q("oro") + inCase, 2).getJsonObject("facets");
        assertThat(facets.getJsonObject("section").getMap()).containsOnly(Map.entry("BEDOMNING", 2));
        assertThat(facets.getJsonObject("template").getMap()).containsOnly(Map.entry("journalanteckning", 2));
    }

    @Test
    void searchFindsAPersonnummerHoweverItIsTyped() throws InterruptedException {
        String caseId = newCase(anna);
        created(anna, note(caseId, "NARVARANDE", "Kalle Svensson (19840312-4567) deltog."));
        for (String typed : new String[] {"19840312-4567", "198403124567", "840312-4567", "8403124567"}) {
            assertThat(awaitSearch(anna, q(typed) + "&caseId=" + caseId, 1).getLong("total")).as(typed).isEqualTo(1);
        }
    }

    @Test
    void savedNoteBecomesSearchableWithoutWaitingForAPoll() throws InterruptedException {
        String caseId = newCase(anna);
        created(anna, note(caseId, "OBSERVATION", "En kvittrande undulat satt i buren."));
        long start = System.nanoTime();
        JsonObject r = awaitSearch(anna, q("undulat"), 1, java.time.Duration.ofSeconds(2)); // the poll is 60 s
        assertThat(r.getLong("total")).isEqualTo(1);
        assertThat(r.getJsonArray("hits").getJsonObject(0).getString("snippet")).contains("<mark>undulat</mark>");
        System.out.printf("save → searchable: %.0f ms%n", (System.nanoTime() - start) / 1e6);
    }

    @Test
    void searchSnippetIsEscapedHtml() throws InterruptedException {
        String caseId = newCase(anna);
        created(anna, note(caseId, "OBSERVATION", "Pojken skrev <b>hej</b> & <script>x</script> på tavlan."));
        String snippet = awaitSearch(anna, q("tavlan") + "&caseId=" + caseId, 1).getJsonArray("hits").getJsonObject(0)
                .getString("snippet");
        assertThat(snippet).contains("<mark>tavlan</mark>").contains("&lt;script&gt;").doesNotContain("<script>", "<b>");
    }

    @Test
    void searchRejectsParametersItCannotServe() {
        Map<String, String> bad = Map.of(
                "size=0", "size",
                "size=1000", "100",
                "page=abc", "page",
                "from=2025-13-01", "from",
                "from=2025-03-01&to=2025-02-01", "efter",
                "sort=popular", "sort",
                "section=bedömning", "section",
                "status=deleted", "status",
                "page=1000&size=100", "långt bak",
                q("oro ".repeat(200)), "lång");
        bad.forEach((query, reason) -> {
            ApiClient.Response r = anna.get("/api/search?" + query);
            assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(400);
            assertThat(r.error()).as(query).contains(reason);
        });
        for (String lenient : new String[] {"\"oro", "(oro", "oro)", "-", "*", "\\", "&&", "AND OR"}) {
            assertThat(anna.get("/api/search?" + q(lenient)).status()).as(lenient).isEqualTo(200);
        }
    }

    @Test
    void healthReportsTheIndex() {
        ApiClient.Response r = server.anonymous().get("/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("index")).isEqualTo("UP");
    }
}
