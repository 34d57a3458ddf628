package se.dikta.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import se.dikta.demo.DemoSeeder;
import se.dikta.testing.ApiClient;

/** /admin in real browsers: an admin creates a user who signs in, then deactivates them mid-session. */
class AdminPageBrowserTest {

    @RegisterExtension
    static final BrowserServer web = new BrowserServer(Map.of("demo", "true"));
    static PageDriver admin;
    static PageDriver other;

    @BeforeAll
    static void start() {
        admin = web.newPage();
        other = web.newPage();
    }

    static WebElement row(PageDriver page, String username) {
        return page.browser.findElement(By.cssSelector("[data-testid='admin-user-row'][data-username='" + username + "']"));
    }

    @Test
    void createdUserSignsInAndIsStoppedAtTheNextRequestOnceDeactivated() throws Exception {
        admin.signInAt("/admin", "admin", DemoSeeder.DEMO_PASSWORD);
        admin.await().until(d -> admin.hooks("admin-user-row").size() >= 5);
        assertThat(row(admin, "anna").getText()).contains("Anna Lind", "Handläggare", "IFO Barn och unga");
        admin.hook("new-username").sendKeys("lisa.holm");
        admin.hook("new-name").sendKeys("Lisa Holm");
        new Select(admin.hook("new-role")).selectByValue("worker");
        admin.hook("new-unit").sendKeys("IFO Barn och unga");
        admin.hook("new-password").sendKeys("tillfalligt-1");
        admin.hook("new-user-submit").click();
        admin.visible("user-created");
        admin.await().until(d -> !d.findElements(By.cssSelector("[data-username='lisa.holm']")).isEmpty());
        assertThat(row(admin, "lisa.holm").getText()).contains("Lisa Holm", "Aldrig", "Aktiv");
        admin.screenshot("admin-user-created");

        other.signInAt("/sok", "lisa.holm", "tillfalligt-1");
        assertThat(other.hook("nav-user").getText()).isEqualTo("Lisa Holm");
        other.hook("search-q").sendKeys("skolan");
        other.hook("search-submit").click();
        other.await().until(d -> !other.hooks("hits-total").isEmpty());

        admin.open("/admin");
        admin.await().until(d -> !d.findElements(By.cssSelector("[data-username='lisa.holm']")).isEmpty());
        assertThat(row(admin, "lisa.holm").findElement(By.cssSelector("[data-col='last-login']")).getText())
                .isNotEqualTo("Aldrig");
        row(admin, "lisa.holm").findElement(PageDriver.testId("user-deactivate")).click();
        admin.visible("confirm-deactivate").click();
        admin.await().until(d -> "false".equals(row(admin, "lisa.holm").getAttribute("data-active")));
        assertThat(row(admin, "lisa.holm").getText()).contains("Inaktiverad");
        admin.screenshot("admin-user-deactivated");

        // Lisa's open page: the very next request finds the session ended and asks her to sign in again.
        other.hook("search-q").clear();
        other.hook("search-q").sendKeys("hembesök");
        other.hook("search-submit").click();
        other.visible("reauth-dialog");
        WebElement dialog = other.hook("reauth-dialog");
        dialog.findElement(PageDriver.testId("password")).sendKeys("tillfalligt-1");
        dialog.findElement(PageDriver.testId("login")).click();
        other.await().until(ExpectedConditions.visibilityOf(dialog.findElement(PageDriver.testId("login-error"))));
        assertThat(dialog.findElement(PageDriver.testId("login-error")).getText()).contains("Fel användarnamn");
        other.screenshot("admin-deactivated-user-stopped");
    }

    @Test
    void anAdminChangesRoleAndUnitAndResetsAPassword() throws Exception {
        admin.signInAt("/admin", "admin", DemoSeeder.DEMO_PASSWORD);
        admin.await().until(d -> !d.findElements(By.cssSelector("[data-username='erik']")).isEmpty());
        row(admin, "karim").findElement(PageDriver.testId("user-edit")).click();
        new Select(admin.visible("edit-role")).selectByValue("manager");
        admin.hook("edit-unit").clear();
        admin.hook("edit-unit").sendKeys("IFO Vuxen och missbruk");
        admin.screenshot("admin-edit-dialog");
        admin.hook("edit-save").click();
        admin.await().until(d -> row(admin, "karim").getText().contains("IFO Vuxen och missbruk"));
        assertThat(row(admin, "karim").findElement(By.cssSelector("[data-col='role']")).getText()).isEqualTo("Chef");

        row(admin, "karim").findElement(PageDriver.testId("user-password")).click();
        admin.visible("reset-password-input").sendKeys("kort");
        admin.hook("reset-password-save").click();
        admin.await().until(d -> admin.hook("password-dialog").getText().contains("minst 8 tecken"));
        admin.hook("reset-password-input").clear();
        admin.hook("reset-password-input").sendKeys("ett-nytt-losen");
        admin.hook("reset-password-save").click();
        admin.await().until(ExpectedConditions.invisibilityOf(admin.hook("password-dialog")));
        other.signInAt("/rapporter", "karim", "ett-nytt-losen");
        assertThat(other.hook("nav-unit").getText()).contains("Chef", "IFO Vuxen och missbruk");
    }

    @Test
    void aWorkerOpeningAdminOrAnotherUnitsNoteGetsNoAccessNotData() throws Exception {
        other.signInAt("/admin", "anna", DemoSeeder.DEMO_PASSWORD);
        other.visible("no-access");
        assertThat(other.hooks("admin-user-row")).isEmpty();
        assertThat(other.browser.getPageSource()).doesNotContain("Sara Nyström");
        other.screenshot("admin-worker-no-access");

        ApiClient erik = web.server().anonymous();
        erik.post("/api/login", new JsonObject().put("username", "erik").put("password", DemoSeeder.DEMO_PASSWORD));
        JsonObject note = erik.get("/api/notes?caseId=2026-0311").json().getJsonArray("notes").getJsonObject(0);
        String text = note.getJsonArray("sections").getJsonObject(0).getString("text");
        other.open("/anteckning/" + note.getString("id"));
        other.visible("not-found");
        assertThat(other.hooks("section-KONTAKT")).isEmpty();
        assertThat(other.browser.getPageSource()).doesNotContain(text);
        other.screenshot("note-other-unit-not-found");
    }
}
