package se.dikta.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/** An admin keeps a unit's local names on /admin; that unit's dictations are then written with them. */
class LocalNamesAdminBrowserTest {

    @RegisterExtension
    static final BrowserServer web = new BrowserServer(Map.of());
    static PageDriver admin;
    static AuthUser anna;

    @BeforeAll
    static void start() {
        anna = web.server().addUser("anna", Role.WORKER, "IFO Barn och unga");
        web.server().addUser("bo", Role.WORKER, "IFO Vuxen");
        web.server().addUser("admin", Role.ADMIN, "IT");
        admin = web.newPage();
    }

    @Test
    void namesSavedOnTheAdminPageAreUsedWhenTheUnitsWorkersDictate() throws Exception {
        admin.signInAt("/admin", "admin", TestServer.PASSWORD_PREFIX + "admin");
        Select unit = new Select(admin.visible("local-names-unit"));
        unit.selectByVisibleText("IFO Barn och unga");
        admin.hook("local-names-text").clear();
        admin.hook("local-names-text").sendKeys("Organisation: Kvarnbackaskolan\nPerson: Sven Ekdahl\n");
        admin.hook("local-names-save").click();
        admin.await().until(d -> admin.hook("local-names-status").getText().startsWith("Sparat: 2 namn"));
        admin.screenshot("admin-local-names");

        JsonObject saved = web.server().login("admin").get("/api/admin/units/" + anna.unitId() + "/local-names").json();
        assertThat(saved.getJsonArray("names").stream().map(n -> ((JsonObject) n).getString("type") + ":"
                + ((JsonObject) n).getString("written"))).containsExactlyInAnyOrder(
                "ORGANIZATION:Kvarnbackaskolan", "PERSON:Sven Ekdahl");

        // the page shows the saved list again after a reload
        admin.open("/admin");
        new Select(admin.visible("local-names-unit")).selectByVisibleText("IFO Barn och unga");
        admin.await().until(d -> admin.hook("local-names-text").getAttribute("value").contains("Person: Sven Ekdahl"));

        awaitStructuring();
        String text = "möte på kvarnbackaskolan med rektor sven ekdahl";
        assertThat(web.server().login("anna").post("/api/structure", new JsonObject().put("text", text)).json()
                .getString("text")).contains("Kvarnbackaskolan", "Sven Ekdahl");
        assertThat(web.server().login("bo").post("/api/structure", new JsonObject().put("text", text)).json()
                .getString("text")).doesNotContain("Kvarnbackaskolan");
    }

    private static void awaitStructuring() throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        ApiClient health = web.server().anonymous();
        while (!"ready".equals(health.get("/health").json().getJsonObject("structure").getString("models"))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }
}
