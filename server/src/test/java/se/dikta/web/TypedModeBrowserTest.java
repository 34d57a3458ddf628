package se.dikta.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Without a speech model the dictation page offers typed mode, and the typed note is saved as typed. */
class TypedModeBrowserTest {

    static PageFixture f;

    @BeforeAll
    static void start() {
        f = PageFixture.start(false, false, false, Map.of());
        f.createCase("2026-0301", "Familj Lund");
    }

    @AfterAll
    static void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void withoutSpeechRecognitionTheWorkerTypesTheNoteAndItIsSavedAsTyped() {
        long started = System.nanoTime();
        f.signIn("/diktera?case=2026-0301");
        f.awaitState("rec-state", "unavailable");
        assertThat(f.hook("record").isEnabled()).isFalse();
        assertThat(f.visible("asr-status").getText()).isNotBlank();
        assertThat(f.visible("typed-mode").getAttribute("aria-pressed")).isEqualTo("true");
        f.screenshot("typed-mode-offered");

        f.visible("section-KONTAKT").sendKeys("Telefonsamtal med skolans kurator.");
        f.hook("section-BEDOMNING").sendKeys("Ingen oro för barnets skolgång.");
        f.awaitState("save-state", "saved");
        f.await().until(d -> d.getCurrentUrl().contains("note="));
        String url = f.browser.getCurrentUrl();
        String noteId = url.substring(url.indexOf("note=") + 5).replaceAll("&.*", "");
        f.await().until(d -> f.anna.get("/api/notes/" + noteId).json().getJsonArray("sections").stream()
                .anyMatch(s -> ((JsonObject) s).getString("text").equals("Ingen oro för barnets skolgång.")));
        f.screenshot("typed-mode-saved");

        JsonObject metrics = f.anna.get("/api/notes/" + noteId).json().getJsonObject("metrics");
        assertThat(metrics.getString("mode")).isEqualTo("typed");
        assertThat(metrics.getDouble("audioSeconds")).isZero();
        assertThat(metrics.getDouble("editSeconds")).isBetween(0.0, (System.nanoTime() - started) / 1e9);
    }
}
