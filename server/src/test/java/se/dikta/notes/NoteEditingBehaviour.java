package se.dikta.notes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.dikta.failure.DomainException;
import se.dikta.testing.ApiClient;

/**
 * How a note is written, through the real HTTP API: a draft saved as versions, signed, amended with the original
 * kept; a signed note that no route changes; a stale save refused; live dictation appended without new versions; the
 * mode and audio seconds the server measured kept whatever a save sends; a case's notes listed newest first.
 * The same suite on each database (subclasses say which).
 */
abstract class NoteEditingBehaviour extends NotesFixture {

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
        String older = LocalDate.now().minusDays(60).toString();
        String newer = LocalDate.now().minusDays(30).toString();
        created(anna, note(caseId, "KONTAKT", "Äldre.").put("eventDate", older));
        created(bo, note(caseId, "KONTAKT", "Nyare.").put("eventDate", newer));

        JsonArray list = cecilia.get("/api/notes?caseId=" + caseId).json().getJsonArray("notes");
        assertThat(list).hasSize(2);
        assertThat(list.getJsonObject(0).getString("eventDate")).isEqualTo(newer);
        assertThat(list.getJsonObject(1).getJsonArray("sections").getJsonObject(0).getString("text")).isEqualTo("Äldre.");
        assertThat(list.getJsonObject(0).containsKey("words")).isFalse();
    }
}
