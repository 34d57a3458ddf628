package se.dikta.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.dikta.testing.Browser;
import se.dikta.testing.TestServer;

/** A social worker signs in with the municipality's account in a real browser, and a refused one sees why. */
class SingleSignOnBrowserTest {

    static MockOAuth2Server provider;
    static TestServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        server = TestServer.start(SingleSignOnTest.config(provider, Map.of()));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        provider.shutdown();
    }

    private WebDriverWait waitUpTo() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** GET /api/me from the page, as the pages do: the status code. */
    private long meStatus() {
        return (Long) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/me', {credentials: 'same-origin'}).then(r => done(r.status), () => done(-1));");
    }

    @Test
    void aWorkerSignsInWithTheMunicipalitysAccount() throws IOException {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("kommun", "sub-j", "JWT", List.of("dikta"),
                Map.of("preferred_username", "jonna.sso", "name", "Jonna Jansson", "groups", List.of("sg-dikta-barn")),
                3600));
        browser.manage().deleteAllCookies();
        browser.get(server.baseUrl() + "/");
        waitUpTo().until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=login-sso]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=login-sso]")).getText())
                .isEqualTo("Logga in med kommunens konto");
        screenshot("sso-sign-in-page");

        browser.findElement(By.cssSelector("[data-testid=login-sso]")).click();

        waitUpTo().until(d -> d.getCurrentUrl().startsWith(server.baseUrl()) && meStatus() == 200);
        String me = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/me').then(r => r.text()).then(done, () => done(''));");
        assertThat(me).contains("\"username\":\"jonna.sso\"").contains("\"unit\":\"Barn och unga\"");
        screenshot("sso-signed-in");
    }

    @Test
    void aUserWithoutAMappedGroupSeesWhyOnTheSignInPage() throws IOException {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("kommun", "sub-k", "JWT", List.of("dikta"),
                Map.of("preferred_username", "karl.sso", "groups", List.of("sg-ekonomi")), 3600));
        browser.manage().deleteAllCookies();
        browser.get(server.baseUrl() + "/");
        waitUpTo().until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=login-sso]"))).click();

        waitUpTo().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[role=alert]"), "ingen behörighet till Dikta"));
        screenshot("sso-refused");
        assertThat(meStatus()).isEqualTo(401);
    }
}
