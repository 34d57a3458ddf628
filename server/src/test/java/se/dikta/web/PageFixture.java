package se.dikta.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.Browser;
import se.dikta.testing.CuttableProxy;
import se.dikta.testing.Screenshots;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;

/**
 * One real server (optionally behind a {@link CuttableProxy}) and one headless Chromium for a browser test
 * class, with the worker "anna" in unit "IFO Barn och unga" and helpers to drive the pages through their
 * {@code data-testid} hooks. The tone model is generated once per test JVM.
 */
final class PageFixture implements AutoCloseable {

    static final String UNIT = "IFO Barn och unga";
    static final Duration WAIT = Duration.ofSeconds(30);

    private static ToneModel toneModel;
    private static Path sharedDir;

    final TestServer server;
    final CuttableProxy proxy;
    final WebDriver browser;
    ApiClient anna; // signed in again by a test that ends every session

    private PageFixture(TestServer server, CuttableProxy proxy, WebDriver browser) {
        this.server = server;
        this.proxy = proxy;
        this.browser = browser;
        server.addUser("anna", Role.WORKER, UNIT);
        this.anna = server.login("anna");
    }

    /** The tone model, generated on first use and kept for the rest of the test run. */
    static synchronized ToneModel toneModel() {
        if (toneModel == null) {
            try {
                sharedDir = Files.createTempDirectory("dikta-pages-");
                toneModel = new ToneModelGenerator().generate(sharedDir.resolve("vosk-model-tone"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> TestServer.deleteTree(sharedDir)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return toneModel;
    }

    /** A 48 kHz upload file of {@code script}. */
    static Path uploadWav(String name, String script) {
        try {
            return new ToneWavWriter(toneModel()).render(script, 48000).writeWav(sharedDir.resolve(name + ".wav"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param speech     true: the tone model is the server's speech model; false: none is installed
     * @param microphone true: the page may open a microphone (the test gives it one: {@link CuedMicrophone})
     * @param overrides  more server settings
     */
    static PageFixture start(boolean speech, boolean microphone, boolean proxied, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(overrides);
        settings.put("asr.model", speech ? toneModel().dir().toString()
                : Path.of(System.getProperty("java.io.tmpdir"), "dikta-no-model").toString());
        TestServer server = TestServer.start(settings);
        try {
            CuttableProxy proxy = proxied ? new CuttableProxy(server.port()) : null;
            return new PageFixture(server, proxy, microphone ? Browser.startWithMicrophoneAccess() : Browser.start());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return proxy != null ? proxy.baseUrl() : server.baseUrl();
    }

    void createCase(String id, String title) {
        ApiClient.Response r = anna.post("/api/cases", new JsonObject().put("id", id).put("title", title));
        assertThat(r.status()).as(r.body()).isIn(201, 409);
    }

    WebDriverWait await() {
        return new WebDriverWait(browser, WAIT);
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    WebElement hook(String id) {
        return browser.findElement(testId(id));
    }

    /** Chooses {@code value} in the select {@code id} once the page has loaded that option (lists load after the page). */
    void choose(String id, String value) {
        await().until(d -> !d.findElements(By.cssSelector("[data-testid='" + id + "'] option[value='" + value + "']"))
                .isEmpty());
        new Select(hook(id)).selectByValue(value);
    }

    WebElement visible(String id) {
        return await().until(ExpectedConditions.visibilityOfElementLocated(testId(id)));
    }

    String state(String id) {
        return hook(id).getAttribute("data-state");
    }

    void awaitState(String id, String state) {
        await().withMessage(() -> id + " never reached data-state=" + state + " (is " + state(id) + ")")
                .until(d -> state.equals(d.findElement(testId(id)).getAttribute("data-state")));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    /** Opens {@code path} signed out and signs in as anna on the sign-in form it shows. */
    void signIn(String path) {
        browser.get(baseUrl() + "/");
        browser.manage().deleteAllCookies();
        browser.get(baseUrl() + path);
        visible("username").sendKeys("anna");
        hook("password").sendKeys(TestServer.PASSWORD_PREFIX + "anna");
        hook("login").click();
        visible("nav-user");
    }

    void screenshot(String name) {
        Screenshots.save(browser, name);
    }

    /** axe-core (injected by the test only) finds no serious or critical violation on the current page. */
    void assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        List<Rule> bad = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact())).toList();
        assertThat(bad).as("serious or critical axe violations on %s:%n%s", page, bad.stream()
                .map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at " + r.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    @Override
    public void close() throws IOException {
        try {
            browser.quit();
        } finally {
            if (proxy != null) {
                proxy.close();
            }
            server.close();
        }
    }
}
