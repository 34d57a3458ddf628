package se.dikta.notes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.dikta.testing.ApiClient;

/**
 * Who may read and change a note, through the real HTTP API: colleagues read a draft and only its author changes it;
 * another unit sees no trace of it, not even in search; an admin reads no note content; unknown notes and cases are
 * 404; malformed notes are refused with a reason. The same suite on each database (subclasses say which).
 */
abstract class NoteAccessBehaviour extends NotesFixture {

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
}
