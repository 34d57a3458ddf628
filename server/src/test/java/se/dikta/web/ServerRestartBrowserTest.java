package se.dikta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static se.dikta.web.PageFixture.testId;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.dikta.testing.ApiClient;
import se.dikta.testing.Browser;
import se.dikta.testing.ChildServer;
import se.dikta.testing.Screenshots;
import se.dikta.testing.TestServer;

/**
 * Mid-dictation the server process is killed (SIGKILL) and a new one starts on the same port and database;
 * the page reconnects by itself and every acknowledged word ends up in the same draft exactly once.
 */
class ServerRestartBrowserTest {

    static final String SPOKEN = DictationPageBrowserTest.SPOKEN;
    static Path dir;
    static int port;
    static ChildServer child;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("dikta-restart-");
        port = ChildServer.freePort();
        child = startChild();
        browser = Browser.startWithMicrophoneAccess();
    }

    static ChildServer startChild() throws Exception {
        return ChildServer.startOn(dir, port, "512m", Map.of("asr.model", PageFixture.toneModel().dir().toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
            if (child != null) {
                child.close();
            }
        } finally {
            TestServer.deleteTree(dir);
        }
    }

    static WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    static void awaitState(String id, String state) {
        await().withMessage(() -> id + " never reached " + state)
                .until(d -> state.equals(d.findElement(testId(id)).getAttribute("data-state")));
    }

    @Test
    void aServerKilledMidDictationAndRestartedLosesNoWordAndDuplicatesNone() throws Exception {
        ApiClient anna = child.loginAnna();
        assertThat(anna.post("/api/cases", new JsonObject().put("id", "2026-0401").put("title", "Familj Ros"))
                .status()).isEqualTo(201);
        String base = "http://127.0.0.1:" + port;
        browser.get(base + "/diktera?case=2026-0401");
        await().until(d -> d.findElement(testId("username")).isDisplayed());
        browser.findElement(testId("username")).sendKeys("anna");
        browser.findElement(testId("password")).sendKeys("losen-anna");
        browser.findElement(testId("login")).click();
        awaitState("rec-state", "idle");
        await().until(d -> d.findElement(testId("record")).isEnabled());
        StreamLog.install(browser);
        CuedMicrophone.install(browser, SPOKEN);
        browser.findElement(testId("record")).click();
        awaitState("rec-state", "recording");
        CuedMicrophone.speak(browser); // as a person does once the page says "Spelar in"
        await().until(d -> d.findElement(testId("transcript")).getText().contains("barnet"));

        child.process().destroyForcibly().waitFor();
        awaitState("rec-state", "reconnecting");
        Screenshots.save(browser, "dictation-server-killed");
        child = startChild();
        await().until(d -> d.findElement(testId("transcript")).getText().contains("stöd"));
        awaitState("rec-state", "recording");
        browser.findElement(testId("record")).click();
        awaitState("rec-state", "stopped");
        await().until(d -> d.findElement(testId("record")).isEnabled());
        // Structuring catches up after the outage, and a warning from the outage does not outlive it.
        await().until(d -> d.findElements(By.cssSelector("textarea[data-testid^='section-']"))
                .stream().anyMatch(t -> !t.getAttribute("value").isBlank()));
        await().until(d -> d.findElements(By.cssSelector("[role=alert]")).stream()
                .noneMatch(b -> b.getText().contains("kunde inte struktureras")));
        Screenshots.save(browser, "dictation-after-server-restart");

        ApiClient again = child.loginAnna();
        JsonObject list = again.get("/api/notes?caseId=2026-0401").json();
        assertThat(list.getJsonArray("notes")).hasSize(1);
        JsonObject note = again.get("/api/notes/" + list.getJsonArray("notes").getJsonObject(0).getString("id")).json();
        List<String> acknowledged = StreamLog.acknowledgedWords(browser);
        assertThat(acknowledged).containsAll(DictationPageBrowserTest.spokenWords());
        assertThat(List.of(note.getString("transcript").split(" "))).isEqualTo(acknowledged);
    }
}
