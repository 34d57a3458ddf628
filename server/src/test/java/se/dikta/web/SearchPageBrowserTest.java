package se.dikta.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.dikta.demo.DemoSeeder;
import se.dikta.testing.ApiClient;

/** /sok in a real browser: highlighted snippets, facets that narrow, the URL as the search, hostile note text. */
class SearchPageBrowserTest {

    static final String XSS = "Om xssprov <img src=x onerror=\"window.__xss=1\"> och <script>window.__xss=2</script> slut";

    @RegisterExtension
    static final BrowserServer web = new BrowserServer(Map.of("demo", "true"));
    static PageDriver page;
    static ApiClient anna;

    @BeforeAll
    static void start() {
        page = web.newPage();
        anna = web.server().anonymous();
        assertThat(anna.post("/api/login", new JsonObject().put("username", "anna")
                .put("password", DemoSeeder.DEMO_PASSWORD)).status()).isEqualTo(200);
        signedNote(Map.of("INFORMATION", "Pojken berättar att fotbollen är det roligaste han vet."));
        signedNote(Map.of("INFORMATION", "Mamma säger att fotbollsträningen hjälper.",
                "BEDOMNING", "Fotbollen ger struktur i vardagen och bör fortsätta."));
        signedNote(Map.of("PLANERING", "Kontakta fotbollsföreningen om avgiften."));
        signedNote(Map.of("INFORMATION", XSS));
        awaitIndexed("fotboll*", 3);
        awaitIndexed("xssprov", 1);
    }

    /** A note by anna in the demo case 2026-0142, saved and signed through the API. */
    static String signedNote(Map<String, String> sections) {
        JsonArray list = new JsonArray();
        sections.forEach((key, text) -> list.add(new JsonObject().put("key", key).put("text", text)));
        ApiClient.Response created = anna.post("/api/notes", new JsonObject().put("caseId", "2026-0142")
                .put("template", "journalanteckning").put("sections", list)
                .put("metrics", new JsonObject().put("mode", "typed").put("editSeconds", 60)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("id");
        assertThat(anna.post("/api/notes/" + id + "/sign", new JsonObject()).status()).isEqualTo(200);
        return id;
    }

    static JsonObject search(String query) {
        return anna.get("/api/search?" + query).json();
    }

    static void awaitIndexed(String q, int total) {
        long deadline = System.currentTimeMillis() + 20_000;
        String query = "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
        while (search(query).getInteger("total") < total) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("search never found " + total + " notes for " + q);
            }
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int shownTotal() {
        return Integer.parseInt(page.visible("hits-total").getText());
    }

    @Test
    void aHitShowsMarkedWordsAFacetNarrowsToItsCountAndTheHitOpensTheNote() throws Exception {
        page.signInAt("/sok", "anna", DemoSeeder.DEMO_PASSWORD);
        page.visible("search-q").sendKeys("fotboll*");
        page.hook("search-submit").click();
        page.await().until(d -> !page.hooks("hit").isEmpty());
        JsonObject api = search("q=fotboll*&size=20");
        assertThat(shownTotal()).isEqualTo(api.getInteger("total")).isEqualTo(3);
        assertThat(page.browser.getCurrentUrl()).endsWith("/sok?q=fotboll*");
        List<WebElement> marks = page.browser.findElements(By.cssSelector("[data-testid='hit'] mark"));
        assertThat(marks).isNotEmpty();
        assertThat(marks.get(0).getText().toLowerCase()).startsWith("fotboll");
        page.screenshot("search-results");

        WebElement facet = page.hook("facet-section-BEDOMNING");
        assertThat(facet.getText()).contains("1");
        int facetCount = Integer.parseInt(facet.getAttribute("data-count"));
        assertThat(facetCount).isEqualTo(api.getJsonObject("facets").getJsonObject("section").getInteger("BEDOMNING"));
        facet.click();
        page.await().until(d -> d.getCurrentUrl().contains("section=BEDOMNING"));
        page.await().until(d -> shownTotal() == facetCount && page.hooks("hit").size() == facetCount);
        assertThat(page.hook("facet-section-BEDOMNING").getAttribute("aria-pressed")).isEqualTo("true");
        page.screenshot("search-facet-narrowed");

        page.browser.navigate().back();
        page.await().until(d -> shownTotal() == 3);
        assertThat(page.hook("search-q").getAttribute("value")).isEqualTo("fotboll*");

        page.browser.navigate().forward();
        page.await().until(d -> shownTotal() == facetCount);
        WebElement link = page.hook("hit").findElement(By.cssSelector("[data-testid='hit-link']"));
        String noteId = page.hook("hit").getAttribute("data-note");
        link.click();
        page.await().until(ExpectedConditions.urlContains("/anteckning/" + noteId));
        page.await().until(ExpectedConditions.textToBePresentInElementLocated(PageDriver.testId("section-BEDOMNING"),
                "struktur i vardagen"));
        page.await().until(d -> !d.findElements(By.cssSelector("[data-testid='section-BEDOMNING'] mark")).isEmpty());
        page.screenshot("search-hit-opened");
    }

    @Test
    void hostileNoteTextIsShownAsTextAndNoScriptRuns() throws Exception {
        page.signInAt("/sok?q=xssprov", "anna", DemoSeeder.DEMO_PASSWORD);
        page.await().until(d -> !page.hooks("hit").isEmpty());
        WebElement snippet = page.hook("hit").findElement(PageDriver.testId("snippet"));
        assertThat(snippet.getText()).contains("<img src=x onerror=\"window.__xss=1\">").contains("<script>");
        assertThat(page.browser.findElements(By.cssSelector("[data-testid='hit'] img, [data-testid='hit'] script")))
                .isEmpty();
        assertThat(snippet.findElements(By.cssSelector("*"))).allSatisfy(e -> assertThat(e.getTagName()).isEqualTo("mark"));
        assertThat(page.js("return window.__xss === undefined")).isEqualTo(true);
        page.screenshot("search-hostile-snippet");

        page.hook("hit").findElement(PageDriver.testId("hit-link")).click();
        page.await().until(ExpectedConditions.textToBePresentInElementLocated(PageDriver.testId("section-INFORMATION"),
                "<script>"));
        assertThat(page.hook("section-INFORMATION").getText()).contains("<img src=x onerror=");
        assertThat(page.browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
        assertThat(page.js("return window.__xss === undefined")).isEqualTo(true);
        page.screenshot("search-hostile-read-view");
    }

    @Test
    void aQueryTheParserRejectsIsAHintAndAnEmptyResultSuggestsWhatToTry() throws Exception {
        page.signInAt("/sok", "anna", DemoSeeder.DEMO_PASSWORD);
        page.open("/sok?q=skolan&from=2026-13-45");
        WebElement hint = page.visible("search-hint");
        assertThat(hint.getText()).contains("Sökningen kunde inte tolkas").contains("datum");
        assertThat(page.hooks("hit")).isEmpty();

        page.hook("search-q").clear();
        page.open("/sok?q=zzyzxordsomintefinns");
        page.visible("search-empty");
        assertThat(page.hook("hits-total").getText()).isEqualTo("0");
        assertThat(page.hook("search-empty").getText()).contains("Prova");
        page.screenshot("search-empty");
    }
}
