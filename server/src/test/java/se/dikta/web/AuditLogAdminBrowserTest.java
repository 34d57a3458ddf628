package se.dikta.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/**
 * /admin shows the audit log: rows of who did what from where with which outcome, filtered and paged, and
 * a CSV link carrying the same filter; a worker probing another unit's note shows up as a refusal. Text
 * from the log (a user name written as markup) stays text.
 */
class AuditLogAdminBrowserTest {

    @RegisterExtension
    static final BrowserServer web = new BrowserServer(Map.of());
    static PageDriver admin;
    static String noteId;

    @BeforeAll
    static void start() {
        web.server().addUser("anna", Role.WORKER, "IFO Barn och unga");
        web.server().addUser("david", Role.WORKER, "Ekonomiskt bistånd");
        web.server().addUser("admin", Role.ADMIN, "IT");
        ApiClient anna = web.server().login("anna");
        assertThat(anna.post("/api/cases", new JsonObject().put("id", "2026-0042").put("title", "Ärende")).status())
                .isEqualTo(201);
        noteId = anna.post("/api/notes", new JsonObject().put("caseId", "2026-0042").put("template", "journalanteckning")
                .put("sections", new JsonArray().add(new JsonObject().put("key", "KONTAKT").put("text", "Hemligt innehåll"))))
                .json().getString("id");
        anna.get("/api/notes/" + noteId);
        assertThat(web.server().login("david").get("/api/notes/" + noteId).status()).isEqualTo(404);
        web.server().anonymous().post("/api/login", new JsonObject().put("username", "<b>inkräktare</b>").put("password", "x"));
        admin = web.newPage();
    }

    @Test
    void theAdminFiltersTheLogAndSeesTheRefusedProbe() throws Exception {
        admin.signInAt("/admin", "admin", TestServer.PASSWORD_PREFIX + "admin");
        admin.await().until(d -> !admin.hooks("audit-row").isEmpty());
        assertThat(admin.hook("audit-count").getText()).startsWith("Visar 1–");
        assertThat(admin.browser.findElement(By.id("audit-rows")).getText()).contains("<b>inkräktare</b>")
                .doesNotContain("Hemligt innehåll");
        assertThat(admin.browser.findElements(By.cssSelector("#audit-rows b"))).isEmpty();

        admin.hook("audit-filter-note").sendKeys(noteId);
        admin.hook("audit-search").click();
        admin.await().until(d -> admin.hook("audit-count").getText().contains("av 3 händelser"));
        List<WebElement> rows = admin.hooks("audit-row");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getAttribute("data-outcome")).isEqualTo("denied");
        assertThat(rows.get(0).findElement(By.cssSelector("[data-col=user]")).getText()).isEqualTo("david");
        assertThat(rows.get(0).findElement(By.cssSelector("[data-col=outcome]")).getText()).isEqualTo("Nekat");
        assertThat(rows.get(0).findElement(By.cssSelector("[data-col=role]")).getText())
                .isEqualTo("Handläggare, Ekonomiskt bistånd");
        assertThat(rows.get(0).findElement(By.cssSelector("[data-col=address]")).getText()).isNotBlank();
        assertThat(rows.get(2).getAttribute("data-action")).isEqualTo("note-create");
        admin.js("document.getElementById('audit-count').scrollIntoView()");
        admin.screenshot("admin-audit-log");

        new Select(admin.hook("audit-filter-outcome")).selectByValue("denied");
        admin.hook("audit-search").click();
        admin.await().until(d -> admin.hooks("audit-row").size() == 1);
        assertThat(admin.hook("audit-csv").getAttribute("href")).contains("/api/audit.csv?")
                .contains("note=" + noteId).contains("outcome=denied");
        assertThat(admin.hook("audit-next").isEnabled()).isFalse();
        admin.assertNoSeriousAccessibilityViolations();
    }

    @Test
    void aUserTheLogNamesIsShownByUserNameNotByItsNumber() throws Exception {
        admin.signInAt("/admin", "admin", TestServer.PASSWORD_PREFIX + "admin");
        By annasLogin = By.xpath("//*[@data-testid='audit-row' and @data-action='login']"
                + "[.//*[@data-col='user' and text()='anna']]");
        admin.await().until(d -> !d.findElements(annasLogin).isEmpty());
        assertThat(admin.browser.findElement(annasLogin).findElement(By.cssSelector("[data-col=entity]")).getText())
                .isEqualTo("Användare anna");
    }
}
