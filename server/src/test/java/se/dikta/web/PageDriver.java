package se.dikta.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.dikta.testing.TestServer;

/** One browser on one test server, used the way a person uses the pages: through the data-testid hooks. */
final class PageDriver {

    final TestServer server;
    final WebDriver browser;

    PageDriver(TestServer server, WebDriver browser) {
        this.server = server;
        this.browser = browser;
    }

    WebDriverWait await() {
        // Pages re-render lists; an element found a moment before may be replaced while it is read.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    WebElement hook(String id) {
        return browser.findElement(testId(id));
    }

    List<WebElement> hooks(String id) {
        return browser.findElements(testId(id));
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

    /** Opens {@code path} signed out, signs in on the sign-in page and waits to be back on {@code path}. */
    void signInAt(String path, String user, String password) {
        browser.get(server.baseUrl() + "/");
        browser.manage().deleteAllCookies();
        browser.get(server.baseUrl() + path);
        visible("username").sendKeys(user);
        hook("password").sendKeys(password);
        hook("login").click();
        await().until(ExpectedConditions.visibilityOfElementLocated(testId("nav-user")));
        await().until(d -> d.getCurrentUrl().startsWith(server.baseUrl() + path.replaceAll("\\?.*", "")));
    }

    void open(String path) {
        browser.get(server.baseUrl() + path);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Runs axe-core on the page as it is now; fails on any serious or critical violation, naming them. */
    void assertNoSeriousAccessibilityViolations() {
        Results results = new AxeBuilder().analyze(browser);
        List<String> serious = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(PageDriver::describe)
                .toList();
        assertThat(serious).as("axe-core serious/critical violations on " + browser.getCurrentUrl()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
    }
}
