package se.dikta.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import se.dikta.identity.AuthUser;
import se.dikta.notes.Note;
import se.dikta.notes.NoteStore;
import se.dikta.notes.Person;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/**
 * The running-server part the search benchmarks share: cases and synthetic notes written straight into the
 * database (the index follows them), then notes saved through {@code POST /api/notes} and searched for through
 * {@code GET /api/search} until found.
 */
final class SaveToSearchableProbe {

    private SaveToSearchableProbe() {
    }

    /** Creates cases 2024-0001 … through the API, as a worker would, and returns their ids. */
    static List<String> createCases(ApiClient client, int count) {
        List<String> caseIds = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = String.format("2024-%04d", i);
            client.post("/api/cases", new JsonObject().put("id", id));
            caseIds.add(id);
        }
        return caseIds;
    }

    /** Writes {@code notes} synthetic notes by {@code author} straight into the store, 1,000 per transaction. */
    static void insertNotes(TestServer server, AuthUser author, List<String> caseIds, int notes) {
        SyntheticNotes generator = new SyntheticNotes(43, author.unitId(), caseIds,
                List.of(new Person(author.id(), author.displayName(), author.title())));
        NoteStore store = new NoteStore();
        for (int batch = 0; batch < notes / 1_000; batch++) {
            int first = batch * 1_000 + 1;
            server.database().txBlocking(c -> {
                for (int n = first; n < first + 1_000; n++) {
                    Note note = generator.note(n);
                    store.insert(c, note);
                    store.stampRevision(c, note.id());
                }
                return null;
            });
        }
    }

    /** Waits until a search sees at least {@code notes} notes. */
    static void awaitIndexed(ApiClient client, int notes) throws InterruptedException {
        while (client.get("/api/search?size=1").json().getLong("total") < notes) {
            Thread.sleep(100);
        }
    }

    /**
     * Saves {@code saves} notes, each with a word no other note has ({@code firstCode} makes the words of separate
     * runs differ), and after each save searches until the note is found.
     */
    static Times saveAndFind(ApiClient client, List<String> caseIds, int saves, int firstCode) {
        double[] save = new double[saves];
        double[] visible = new double[saves];
        for (int i = 0; i < saves; i++) {
            String word = "kodord" + Integer.toString(firstCode + i, 36);
            JsonObject body = new JsonObject().put("caseId", caseIds.get(i % caseIds.size()))
                    .put("template", "journalanteckning")
                    .put("sections", new JsonArray().add(new JsonObject().put("key", "OBSERVATION")
                            .put("text", "Vid besöket nämndes " + word + " flera gånger.")));
            long start = System.nanoTime();
            if (client.post("/api/notes", body).status() != 201) {
                throw new IllegalStateException("save failed");
            }
            long saved = System.nanoTime();
            while (client.get("/api/search?size=1&q=" + word).json().getLong("total") < 1) {
                Thread.onSpinWait();
            }
            save[i] = (saved - start) / 1e6;
            visible[i] = (System.nanoTime() - saved) / 1e6;
        }
        Arrays.sort(save);
        Arrays.sort(visible);
        return new Times(save, visible);
    }

    /** Sorted milliseconds per save: the save request, and from its answer until a search finds the note. */
    record Times(double[] save, double[] visible) {

        double saveP50() {
            return save[save.length / 2];
        }

        double saveP95() {
            return save[(int) (save.length * 0.95)];
        }

        double visibleP50() {
            return visible[visible.length / 2];
        }

        double visibleP95() {
            return visible[(int) (visible.length * 0.95)];
        }

        double visibleMax() {
            return visible[visible.length - 1];
        }
    }
}
