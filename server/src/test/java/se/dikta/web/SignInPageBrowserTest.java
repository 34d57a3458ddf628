package se.dikta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.dikta.demo.DemoSeeder;
import se.dikta.testing.Browser;
import se.dikta.testing.TestServer;

/** The app shell in a real browser: sign-in, each role's start page, header, deep links, role guard, sign-out. */
class SignInPageBrowserTest {

    static TestServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("demo", "true"));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
    }

    @BeforeEach
    void signedOut() {
        browser.get(server.baseUrl() + "/");
        browser.manage().deleteAllCookies();
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private WebElement hook(String testId) {
        return browser.findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }

    private void signIn(String path, String user, String password) {
        browser.get(server.baseUrl() + path);
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='username']")));
        hook("username").sendKeys(user);
        hook("password").sendKeys(password);
        hook("login").click();
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void workerLandsOnDictationSeesNameAndUnitAndSignsOut() throws Exception {
        signIn("/", "anna", DemoSeeder.DEMO_PASSWORD);
        await().until(ExpectedConditions.urlToBe(server.baseUrl() + "/diktera"));
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='nav-user']")));
        assertThat(hook("nav-user").getText()).isEqualTo("Anna Lind");
        assertThat(hook("nav-unit").getText()).contains("IFO Barn och unga");
        assertThat(browser.findElements(By.cssSelector("nav a"))).extracting(WebElement::getText)
                .contains("Diktera", "Ärenden", "Sök").doesNotContain("Administration");
        screenshot("shell-worker-start");

        hook("logout").click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='login']")));
        browser.get(server.baseUrl() + "/arenden");
        await().until(ExpectedConditions.urlContains("/?next="));
    }

    @Test
    void deepLinkWithoutSessionContinuesThereAfterSignIn() throws Exception {
        signIn("/arenden/2026-0142", "maria", DemoSeeder.DEMO_PASSWORD);
        await().until(ExpectedConditions.urlToBe(server.baseUrl() + "/arenden/2026-0142"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Ärende 2026-0142"));
        assertThat(hook("nav-user").getText()).isEqualTo("Maria Berg");
        screenshot("shell-deep-link-case");
    }

    @Test
    void managerLandsOnReportsAndAdminOnAdministration() throws Exception {
        signIn("/", "maria", DemoSeeder.DEMO_PASSWORD);
        await().until(ExpectedConditions.urlToBe(server.baseUrl() + "/rapporter"));
        await().until(ExpectedConditions.textToBe(By.cssSelector("[data-testid='nav-user']"), "Maria Berg"));
        hook("logout").click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='login']")));

        signIn("/", "admin", DemoSeeder.DEMO_PASSWORD);
        await().until(ExpectedConditions.urlToBe(server.baseUrl() + "/admin"));
        await().until(ExpectedConditions.textToBe(By.cssSelector("[data-testid='nav-user']"), "Sara Nyström"));
        assertThat(browser.findElements(By.cssSelector("nav a"))).extracting(WebElement::getText)
                .containsExactly("Administration");
        screenshot("shell-admin-start");
    }

    @Test
    void adminOpeningACasePageIsToldTheRoleHasNoAccess() throws Exception {
        signIn("/arenden", "admin", DemoSeeder.DEMO_PASSWORD);
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='no-access']")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("inte behörighet");
        assertThat(browser.findElements(By.cssSelector("[data-testid='case-row']"))).isEmpty();
        screenshot("shell-no-access");
    }

    @Test
    void wrongPasswordShowsSwedishMessage() throws Exception {
        signIn("/", "anna", "fel-lösenord");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid='login-error']"),
                "Fel användarnamn"));
        assertThat(browser.getCurrentUrl()).isEqualTo(server.baseUrl() + "/");
        screenshot("shell-login-error");
    }
}
