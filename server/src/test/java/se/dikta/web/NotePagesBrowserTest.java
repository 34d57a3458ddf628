package se.dikta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static se.dikta.web.PageFixture.testId;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import se.dikta.testing.ApiClient;

/**
 * The note pages in a real Chromium beyond live dictation: an expired session mid-edit, a WAV upload, user
 * content that looks like HTML, and accessibility (axe-core, injected by the test only).
 */
class NotePagesBrowserTest {

    static final String UPLOADED = "hallå mötet barnet | punkt rubrik bedömning | oro stöd samtal";
    static PageFixture f;

    @BeforeAll
    static void start() {
        // uploads over 2 s of audio become jobs, so both progress phases show
        f = PageFixture.start(true, false, false, Map.of("asr.inlineMaxSeconds", "2"));
        for (String id : List.of("2026-0201", "2026-0202", "2026-0203", "2026-0204")) {
            f.createCase(id, "Familj " + id.substring(7));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    static String value(String testId) {
        return f.hook(testId).getAttribute("value");
    }

    static String noteIdFromUrl() {
        f.await().until(d -> d.getCurrentUrl().contains("note="));
        String url = f.browser.getCurrentUrl();
        return url.substring(url.indexOf("note=") + 5).replaceAll("&.*", "");
    }

    static String section(ApiClient client, String noteId, String key) {
        return client.get("/api/notes/" + noteId).json().getJsonArray("sections").stream().map(s -> (JsonObject) s)
                .filter(s -> s.getString("key").equals(key)).map(s -> s.getString("text")).findFirst().orElse("");
    }

    @Test
    void anExpiredSessionMidEditAsksToSignInAgainAndTheEditIsSaved() {
        f.signIn("/diktera?case=2026-0201");
        WebElement kontakt = f.visible("section-KONTAKT");
        kontakt.sendKeys("Telefonsamtal med mamma.");
        f.awaitState("save-state", "saved");
        String noteId = noteIdFromUrl();

        f.server.database().txBlocking(c -> {
            try (var st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM sessions"); // the session expires on the server
            }
        });
        f.anna = f.server.login("anna");
        kontakt.sendKeys(" Mamma berättar att pojken sover dåligt.");
        WebElement dialog = f.visible("reauth-dialog");
        f.screenshot("reauth-dialog");
        WebElement username = dialog.findElement(testId("username"));
        if (username.getAttribute("value").isEmpty()) {
            username.sendKeys("anna");
        }
        dialog.findElement(testId("password")).sendKeys("losen-anna");
        dialog.findElement(testId("login")).click();

        f.awaitState("save-state", "saved");
        assertThat(value("section-KONTAKT")).isEqualTo("Telefonsamtal med mamma. Mamma berättar att pojken sover dåligt.");
        f.await().until(d -> section(f.anna, noteId, "KONTAKT").equals(value("section-KONTAKT")));
        assertThat(dialog.isDisplayed()).isFalse();
    }

    @Test
    void aWavUploadShowsItsProgressAndEndsInTheStructuredNote() {
        Path wav = PageFixture.uploadWav("upload", UPLOADED);
        f.signIn("/diktera?case=2026-0202");
        f.awaitState("rec-state", "idle");
        f.script("window.__phases = [];"
                + "const bar = document.querySelector(\"[data-testid='upload-progress']\");"
                + "new MutationObserver(() => { const p = bar.dataset.phase;"
                + "  if (p && window.__phases[window.__phases.length - 1] !== p) window.__phases.push(p); })"
                + ".observe(bar, {attributes: true});");
        f.hook("upload").sendKeys(wav.toAbsolutePath().toString());
        f.await().until(d -> "job".equals(f.hook("upload-progress").getAttribute("data-phase"))
                || "done".equals(f.hook("upload-progress").getAttribute("data-phase")));
        f.screenshot("upload-progress");
        f.await().until(d -> "done".equals(f.hook("upload-progress").getAttribute("data-phase")));
        f.await().until(d -> value("section-BEDOMNING").toLowerCase().contains("oro"));
        f.awaitState("save-state", "saved");
        f.screenshot("upload-structured");

        @SuppressWarnings("unchecked")
        List<String> phases = (List<String>) f.script("return window.__phases;");
        assertThat(phases).containsSubsequence("upload", "job", "done");
        assertThat(f.hook("upload-progress").isDisplayed()).isTrue();
        String noteId = noteIdFromUrl();
        f.await().until(d -> !f.anna.get("/api/notes/" + noteId).json().getString("transcript").isEmpty());
        JsonObject note = f.anna.get("/api/notes/" + noteId).json();
        assertThat(note.getString("transcript")).isEqualTo(UPLOADED.replace(" |", ""));
        assertThat(note.getJsonObject("metrics").getString("mode")).isEqualTo("dictated");
        assertThat(note.getJsonObject("metrics").getDouble("audioSeconds")).isGreaterThan(2);
        assertThat(section(f.anna, noteId, "BEDOMNING").toLowerCase()).contains("oro").doesNotContain("rubrik");
    }

    @Test
    void htmlInASectionIsShownAsTextInTheEditorAndTheReadView() {
        // CSP already forbids inline script; the hook proves nothing ran, the element checks that nothing
        // was inserted as markup
        String payload = "<img src=x onerror=\"localStorage.setItem('xss','img')\">"
                + "<script>localStorage.setItem('xss','script')</script><b>fet</b>";
        f.signIn("/diktera?case=2026-0203");
        f.script("localStorage.removeItem('xss');");
        f.visible("section-KONTAKT").sendKeys("Hembesök.");
        f.hook("section-BEDOMNING").sendKeys(payload);
        f.awaitState("save-state", "saved");
        assertThat(value("section-BEDOMNING")).isEqualTo(payload);
        String noteId = noteIdFromUrl();
        f.await().until(d -> section(f.anna, noteId, "BEDOMNING").equals(payload));

        f.hook("sign").click();
        f.visible("confirm-sign");
        assertThat(f.browser.findElements(By.cssSelector("#sign-dialog img, #sign-dialog b"))).isEmpty();
        f.hook("confirm-sign").click();
        f.awaitState("note-status", "signed");

        f.browser.get(f.baseUrl() + "/anteckning/" + noteId);
        f.await().until(d -> f.hook("section-BEDOMNING").getText().equals(payload));
        assertThat(f.hook("section-BEDOMNING").findElements(By.cssSelector("*"))).isEmpty();
        assertThat(f.browser.findElements(By.cssSelector("main img, main script:not([src]), main b"))).isEmpty();
        assertThat(f.script("return localStorage.getItem('xss');")).isNull();
        f.screenshot("xss-read-view");
    }

    @Test
    void signInCasesDictationAndReadViewHaveNoSeriousAccessibilityViolations() {
        JsonArray sections = new JsonArray()
                .add(new JsonObject().put("key", "KONTAKT").put("text", "Hembesök hos familjen."))
                .add(new JsonObject().put("key", "BEDOMNING").put("text", "Barnet har behov av stöd."));
        String noteId = f.anna.post("/api/notes", new JsonObject().put("caseId", "2026-0204")
                .put("template", "journalanteckning").put("sections", sections)).json().getString("id");
        assertThat(f.anna.post("/api/notes/" + noteId + "/sign", new JsonObject()).status()).isEqualTo(200);

        f.browser.get(f.baseUrl() + "/");
        f.browser.manage().deleteAllCookies();
        f.browser.get(f.baseUrl() + "/");
        f.visible("username");
        f.screenshot("a11y-sign-in");
        f.assertAccessible("sign-in");

        f.signIn("/arenden");
        f.await().until(d -> !d.findElements(testId("case-row")).isEmpty());
        f.screenshot("a11y-cases");
        f.assertAccessible("cases");

        f.browser.get(f.baseUrl() + "/diktera?case=2026-0204");
        f.awaitState("rec-state", "idle");
        f.visible("section-KONTAKT");
        f.screenshot("a11y-dictation");
        f.assertAccessible("dictation");

        f.browser.get(f.baseUrl() + "/anteckning/" + noteId);
        f.awaitState("note-status", "signed");
        f.visible("section-KONTAKT");
        f.screenshot("a11y-read-view");
        f.assertAccessible("read view");
    }
}
