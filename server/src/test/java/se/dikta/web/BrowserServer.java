package se.dikta.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import se.dikta.testing.Browser;
import se.dikta.testing.TestServer;

/**
 * One real server per test class and the headless Chromium pages its tests open on it, all closed after the class.
 * Register as {@code @RegisterExtension static final BrowserServer web = new BrowserServer(Map.of(...));} and open a
 * page with {@link #newPage()} (in a {@code @BeforeAll}, after any data the pages should show).
 */
final class BrowserServer implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> settings;
    private final List<PageDriver> pages = new ArrayList<>();
    private TestServer server;

    BrowserServer(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServer.start(settings);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            pages.forEach(page -> page.browser.quit());
        } finally {
            server.close();
        }
    }

    TestServer server() {
        return server;
    }

    /** A new browser on this server, quit with it. */
    PageDriver newPage() {
        PageDriver page = new PageDriver(server, Browser.start());
        pages.add(page);
        return page;
    }
}
