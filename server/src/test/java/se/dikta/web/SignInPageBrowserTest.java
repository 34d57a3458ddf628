package se.dikta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.dikta.demo.DemoSeeder;
import se.dikta.testing.Browser;
import se.dikta.testing.TestServer;

/** A newcomer following the README signs in as the demo worker in a real browser. */
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

    private void signIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(server.baseUrl() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-button")).click();
    }

    @Test
    void demoWorkerSignsInAndOut() {
        signIn("anna", DemoSeeder.DEMO_PASSWORD);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("Anna Lind");
        assertThat(browser.findElement(By.id("unit")).getText()).isEqualTo("IFO Barn och unga");

        browser.findElement(By.id("logout-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
    }

    @Test
    void wrongPasswordShowsSwedishMessage() {
        signIn("anna", "fel-lösenord");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Fel användarnamn"));
        assertThat(browser.findElement(By.id("signed-in")).isDisplayed()).isFalse();
    }
}
