package se.dikta.structure;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

class StructureApiTest {

    private static final String DICTATION = "hembesök hos familjen den tredje april klockan tio"
            + " mamma lisa berättar att hon sover dåligt"
            + " rubrik bedömning familjen behöver stöd"
            + " rubrik planering nästa hembesök bokas i maj";

    static TestServer server;
    static ApiClient worker;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        server.addUser("anna", Role.WORKER, "IFO Barn och unga");
        server.addUser("maja", Role.MANAGER, "IFO Barn och unga");
        server.addUser("admin", Role.ADMIN, "IT");
        worker = server.login("anna");
        awaitModels(server, "ready");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Models load in the background after start-up; /health tells when they are there. */
    static void awaitModels(TestServer s, String state) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonObject health = s.anonymous().get("/health").json();
            if (state.equals(health.getJsonObject("structure").getString("models"))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("structuring models never became " + state);
    }

    private static JsonObject request(String text) {
        return new JsonObject().put("text", text);
    }

    @Test
    void structuresDictationIntoTheTemplatesSections() {
        ApiClient.Response r = worker.post("/api/structure", request(DICTATION).put("template", "hembesok"));
        assertThat(r.status()).isEqualTo(200);
        JsonObject note = r.json();
        assertThat(note.getString("template")).isEqualTo("hembesok");
        JsonArray sections = note.getJsonArray("sections");
        assertThat(sections.getJsonObject(0).getString("key")).isEqualTo("KONTAKT");
        assertThat(sections.getJsonObject(0).getString("title")).isEqualTo("Besök");
        assertThat(sections.getJsonObject(0).getString("text")).isEqualTo("Hembesök hos familjen den 3 april klockan 10.00.");
        JsonObject assessment = note.getJsonArray("sentences").getJsonObject(2);
        assertThat(assessment.getString("text")).isEqualTo("Familjen behöver stöd.");
        assertThat(assessment.getString("section")).isEqualTo("BEDOMNING");
        assertThat(assessment.getDouble("confidence")).isEqualTo(1.0);
        assertThat(assessment.getJsonObject("words").getInteger("from")).isEqualTo(17);
        assertThat(assessment.containsKey("time")).isFalse();
        String text = note.getString("text");
        for (Object o : note.getJsonArray("entities")) {
            JsonObject e = (JsonObject) o;
            assertThat(text.substring(e.getInteger("start"), e.getInteger("end"))).isEqualTo(e.getString("text"));
        }
        assertThat(note.getJsonArray("entities").stream().map(o -> ((JsonObject) o).getString("type")))
                .contains("DATE", "TIME", "PERSON");
    }

    @Test
    void usesWordTimesWhenSent() {
        String text = "mamma sover dåligt pappa arbetar natt";
        JsonArray words = new JsonArray();
        String[] split = text.split(" ");
        for (int i = 0; i < split.length; i++) {
            double start = i < 3 ? i * 0.4 : 3.0 + i * 0.4;
            words.add(new JsonObject().put("word", split[i]).put("start", start).put("end", start + 0.3));
        }
        ApiClient.Response r = worker.post("/api/structure", request(text).put("words", words));
        assertThat(r.status()).isEqualTo(200);
        JsonArray sentences = r.json().getJsonArray("sentences");
        assertThat(sentences).hasSize(2);
        assertThat(sentences.getJsonObject(1).getJsonObject("time").getDouble("start")).isEqualTo(4.2);
    }

    @Test
    void managersMayStructureToo() {
        assertThat(server.login("maja").post("/api/structure", request("mamma sover dåligt")).status()).isEqualTo(200);
    }

    @Test
    void rejectsEmptyText() {
        ApiClient.Response r = worker.post("/api/structure", request("   "));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("text");
        assertThat(worker.post("/api/structure", new JsonObject()).status()).isEqualTo(400);
    }

    @Test
    void rejectsAnUnknownTemplateNamingTheKnownOnes() {
        ApiClient.Response r = worker.post("/api/structure", request("mamma sover").put("template", "brev"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("brev", "journalanteckning", "hembesok", "telefonsamtal", "natverksmote",
                "uppfoljning");
    }

    @Test
    void rejectsTextOverTheLimit() {
        ApiClient.Response r = worker.post("/api/structure", request("ord ".repeat(60_000)));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.error()).contains("för lång");
    }

    @Test
    void rejectsWordTimesThatDoNotMatchTheText() {
        JsonArray words = new JsonArray().add(new JsonObject().put("word", "mamma").put("start", 0.0).put("end", 0.3));
        ApiClient.Response r = worker.post("/api/structure", request("mamma sover").put("words", words));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("words");
    }

    @Test
    void adminsAndStrangersGetNoNoteContent() {
        ApiClient admin = server.login("admin");
        assertThat(admin.post("/api/structure", request("mamma sover")).status()).isEqualTo(403);
        assertThat(admin.get("/api/templates").status()).isEqualTo(403);
        assertThat(server.anonymous().get("/api/templates").status()).isEqualTo(401);
    }

    @Test
    void listsTheTemplatesWithTheirSections() {
        ApiClient.Response r = worker.get("/api/templates");
        assertThat(r.status()).isEqualTo(200);
        JsonArray templates = r.json().getJsonArray("templates");
        assertThat(templates.stream().map(t -> ((JsonObject) t).getString("id"))).contains("journalanteckning",
                "hembesok", "telefonsamtal", "natverksmote", "uppfoljning");
        JsonObject section = templates.getJsonObject(0).getJsonArray("sections").getJsonObject(0);
        assertThat(section.fieldNames()).containsExactlyInAnyOrder("key", "title", "hint");
    }

    @Test
    void answers503WhenTheModelsCannotBeTrained() throws Exception {
        Path empty = Files.createTempDirectory("dikta-no-corpus-");
        try (TestServer broken = TestServer.start(Map.of("structure.trainingDir", empty.toString()))) {
            broken.addUser("anna", Role.WORKER, "IFO Barn och unga");
            awaitModels(broken, "failed");
            ApiClient.Response r = broken.login("anna").post("/api/structure", request("mamma sover dåligt"));
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.error()).contains("Struktureringen");
            assertThat(broken.anonymous().get("/api/templates").status()).isEqualTo(401);
        } finally {
            TestServer.deleteTree(empty);
        }
    }
}
