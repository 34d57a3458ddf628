package se.dikta.notes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.dikta.testing.ApiClient;

/**
 * Searching notes through the real HTTP API: inflected forms, phrases, exclusions and facets; a personnummer however
 * it is typed; a save searchable at once, without waiting for the index's poll; escaped snippets; parameters it cannot
 * serve refused with the reason; the index in /health. The same suite on each database (subclasses say which).
 */
abstract class NoteSearchBehaviour extends NotesFixture {

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
