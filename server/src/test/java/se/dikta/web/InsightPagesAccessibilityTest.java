package se.dikta.web;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.dikta.demo.DemoSeeder;

/** axe-core finds no serious or critical violation on the search, reports and administration pages in use. */
class InsightPagesAccessibilityTest {

    @RegisterExtension
    static final BrowserServer web = new BrowserServer(Map.of("demo", "true", "timelog.minWorkersPerRow", "2"));
    static PageDriver page;

    @BeforeAll
    static void start() {
        page = web.newPage();
    }

    @Test
    void searchWithResultsFacetsAndFilters() throws Exception {
        page.signInAt("/sok?q=skolan", "anna", DemoSeeder.DEMO_PASSWORD);
        page.await().until(d -> !page.hooks("hit").isEmpty());
        page.js("document.getElementById('filters').open = true; document.querySelector('.syntax-help').open = true;");
        page.assertNoSeriousAccessibilityViolations();
        page.open("/sok?q=skolan&from=2026-99-99");
        page.visible("search-hint");
        page.assertNoSeriousAccessibilityViolations();
        page.screenshot("a11y-search");
    }

    @Test
    void reportsWithTableChartsAndMethod() throws Exception {
        page.signInAt("/rapporter?groupBy=month", "maria", DemoSeeder.DEMO_PASSWORD);
        page.await().until(d -> page.hooks("report-row").size() > 1);
        page.js("document.querySelectorAll('details').forEach(d => d.open = true);");
        page.assertNoSeriousAccessibilityViolations();
        page.screenshot("a11y-reports");
    }

    @Test
    void administrationWithUsersAndEachDialog() throws Exception {
        page.signInAt("/admin", "admin", DemoSeeder.DEMO_PASSWORD);
        page.await().until(d -> page.hooks("admin-user-row").size() >= 5);
        page.assertNoSeriousAccessibilityViolations();
        page.hooks("user-edit").get(0).click();
        page.visible("edit-role");
        page.assertNoSeriousAccessibilityViolations();
        page.screenshot("a11y-admin-edit");
    }
}
