package se.dikta.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (packages {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them). Nothing is downloaded: a missing browser fails the
 * test with a message saying what to install.
 */
public final class Browser {

    private Browser() {}

    public static WebDriver start() {
        return start(false);
    }

    /**
     * A browser that grants microphone access without asking and lets pages play audio without a gesture, for a
     * test that gives the page a microphone of its own ({@code se.dikta.web.CuedMicrophone}; Chromium's fake
     * device only beeps). Chromium's file microphone ({@code --use-file-for-fake-audio-capture}) is not used: it
     * starts playing when the page opens it, before the page listens, so a loaded machine lost the first word.
     */
    public static WebDriver startWithMicrophoneAccess() {
        return start(true);
    }

    private static WebDriver start(boolean microphone) {
        Path chromium = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path driver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (chromium == null || driver == null) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=sv-SE");
        if (microphone) {
            options.addArguments("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                    "--autoplay-policy=no-user-gesture-required");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        return browser;
    }

    private static Path firstExisting(String... candidates) {
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }
}
