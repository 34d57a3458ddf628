package se.dikta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import se.dikta.demo.DemoSeeder;
import se.dikta.identity.Role;
import se.dikta.testing.TestServer;

/**
 * What a worker or manager trips over in everyday use, on the demo data in a real Chromium: a phone-width screen,
 * a signed note still on the dictation page, a report period typed the wrong way round.
 */
class EverydayUseBrowserTest {

    @RegisterExtension
    static final BrowserServer web = new BrowserServer(Map.of("demo", "true"));
    static PageDriver page;

    @BeforeAll
    static void start() {
        page = web.newPage();
    }

    @AfterEach
    void desktopAgain() {
        page.browser.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Width of the page's content beyond the viewport, in CSS pixels (0 when nothing scrolls sideways). */
    static long sidewaysOverflow() {
        return (Long) page.js("return Math.max(0, document.documentElement.scrollWidth"
                + " - document.documentElement.clientWidth);");
    }

    @Test
    void caseAndVersionTablesScrollInsideTheirOwnBoxNotThePageOnAPhone() throws Exception {
        page.signInAt("/arenden", "anna", DemoSeeder.DEMO_PASSWORD);
        page.browser.manage().window().setSize(new Dimension(390, 844));
        page.open("/arenden");
        page.await().until(d -> !page.hooks("case-row").isEmpty());
        page.screenshot("phone-cases");
        assertThat(sidewaysOverflow()).as("/arenden scrolls sideways").isZero();

        String caseId = page.hooks("case-row").get(0).getAttribute("data-case");
        page.open("/arenden/" + (caseId == null ? "2026-0142" : caseId));
        page.await().until(d -> !page.hooks("note-row").isEmpty());
        page.screenshot("phone-case-notes");
        assertThat(sidewaysOverflow()).as("/arenden/{id} scrolls sideways").isZero();
        WebElement scroller = page.hooks("note-row").get(0).findElement(By.xpath("ancestor::div[@role='region']"));
        assertThat(scroller.getAttribute("tabindex")).as("a keyboard user can scroll the table").isEqualTo("0");

        page.open("/anteckning/" + page.hooks("note-row").get(0).getAttribute("data-note"));
        page.await().until(d -> !page.hooks("version-row").isEmpty());
        page.screenshot("phone-read-view");
        assertThat(sidewaysOverflow()).as("/anteckning/{id} (version history) scrolls sideways").isZero();
    }

    @Test
    void aSignedNotesContactDateIsLockedOnTheDictationPageLikeItsText() throws Exception {
        page.signInAt("/diktera?case=2026-0157", "anna", DemoSeeder.DEMO_PASSWORD);
        page.visible("section-BEDOMNING").sendKeys("Skolan och familjen samarbetar väl.");
        page.await().until(d -> "saved".equals(page.hook("save-state").getAttribute("data-state"))
                && d.getCurrentUrl().contains("note="));
        page.hook("sign").click();
        page.visible("confirm-sign").click();
        page.await().until(d -> "signed".equals(page.hook("note-status").getAttribute("data-state")));
        page.screenshot("signed-date-locked");

        assertThat(page.hook("section-BEDOMNING").getAttribute("readonly")).isNotNull();
        assertThat(page.hook("event-date").isEnabled())
                .as("a changed date on a signed note would be dropped without a word").isFalse();
    }

    @Test
    void aContactDateAfterTodayIsNotSavedAndTheWorkerReadsWhyWithoutAPromiseToRetry() throws Exception {
        page.signInAt("/diktera?case=2026-0157", "anna", DemoSeeder.DEMO_PASSWORD);
        assertThat(page.hook("event-date").getAttribute("max")).as("the date picker offers no later day")
                .isEqualTo(page.hook("event-date").getAttribute("value"));
        page.visible("section-KONTAKT").sendKeys("Hembesök hos familjen.");
        page.await().until(d -> "saved".equals(page.hook("save-state").getAttribute("data-state")));
        page.js("const d = document.getElementById('event-date'); d.value = '2062-12-07';"
                + "d.dispatchEvent(new Event('change', { bubbles: true }));");

        page.await().until(d -> "error".equals(page.hook("save-state").getAttribute("data-state")));
        page.screenshot("contact-date-after-today");
        assertThat(page.hook("save-state").getText()).contains("Kontaktdatum kan inte ligga efter dagens datum")
                .doesNotContain("försöker igen");

        page.js("const d = document.getElementById('event-date'); d.value = d.max;"
                + "d.dispatchEvent(new Event('change', { bubbles: true }));");
        page.await().until(d -> "saved".equals(page.hook("save-state").getAttribute("data-state")));
    }

    @Test
    void aReportRangeEndingBeforeItStartsIsNamedInAnErrorSummaryThatLeadsToTheField() throws Exception {
        page.signInAt("/rapporter", "maria", DemoSeeder.DEMO_PASSWORD);
        page.await().until(d -> !page.hooks("report-row").isEmpty());
        String shownUrl = page.browser.getCurrentUrl();
        new Select(page.hook("report-period-kind")).selectByValue("custom");
        page.js("document.getElementById('period-from').value = '2026-12-01';"
                + "document.getElementById('period-to').value = '2026-01-31';");
        page.hook("report-run").click();

        WebElement summary = page.await().until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#main > .error-summary")));
        page.screenshot("report-range-error");
        assertThat(summary.getText()).contains("Något behöver rättas", "”Till och med” ligger före ”Från och med”")
                .doesNotContain("(to)", "(from)");
        assertThat(page.browser.getCurrentUrl()).as("nothing was run").isEqualTo(shownUrl);
        summary.findElement(By.cssSelector("a[href='#period-to']")).click();
        assertThat(page.js("return document.activeElement.id;")).isEqualTo("period-to");

        page.js("document.getElementById('period-to').value = '2026-12-31';");
        page.hook("report-run").click();
        page.await().until(d -> d.getCurrentUrl().contains("to=2026-12-31"));
        page.await().until(d -> d.findElements(By.cssSelector("#main > .error-summary")).isEmpty());
    }

    @Test
    void backAfterSigningOutAsksForSignInInsteadOfShowingTheNoteReadBefore() throws Exception {
        page.signInAt("/arenden/2026-0142", "anna", DemoSeeder.DEMO_PASSWORD);
        page.await().until(d -> !page.hooks("note-row").isEmpty());
        page.open("/anteckning/" + page.hooks("note-row").get(0).getAttribute("data-note"));
        page.await().until(d -> page.hook("note-status").getAttribute("data-state") != null
                && !d.findElements(By.cssSelector("[data-testid^='section-']")).isEmpty());
        String noteText = page.browser.findElements(By.cssSelector("[data-testid^='section-']")).get(0).getText();
        assertThat(noteText).isNotBlank();
        page.open("/arenden");
        page.await().until(d -> !page.hooks("case-row").isEmpty());

        page.hook("logout").click();
        page.visible("username");
        page.browser.navigate().back(); // the read view, kept alive by the back/forward cache
        page.await().until(d -> d.getCurrentUrl().contains("/?next="));
        page.visible("username");
        page.screenshot("back-after-sign-out");
        assertThat(page.browser.findElement(By.tagName("body")).getText()).doesNotContain(noteText);
    }

    @Test
    void textTypedBeforeACaseIsChosenIsShownAsNotSavedAndIsSavedOnceTheCaseIsChosen() throws Exception {
        page.signInAt("/diktera", "anna", DemoSeeder.DEMO_PASSWORD);
        page.visible("section-KONTAKT").sendKeys("Telefonsamtal med skolan om frånvaron.");
        page.await().until(d -> "unsaved".equals(page.hook("save-state").getAttribute("data-state"))
                && page.hook("save-state").getText().contains("välj ett ärende"));
        Thread.sleep(2500); // well past the autosave delay: it must still say so, never "saved"
        assertThat(page.hook("save-state").getAttribute("data-state")).isEqualTo("unsaved");
        page.screenshot("typed-before-case");

        page.choose("case-select", "2026-0163");
        page.await().until(d -> "saved".equals(page.hook("save-state").getAttribute("data-state"))
                && d.getCurrentUrl().contains("note="));
        String url = page.browser.getCurrentUrl();
        String noteId = url.substring(url.indexOf("note=") + 5).replaceAll("&.*", "");
        page.open("/anteckning/" + noteId);
        page.await().until(d -> page.hook("section-KONTAKT").getText().equals("Telefonsamtal med skolan om frånvaron."));
    }

    @Test
    void anotherUnitsCaseLinkSaysTheCaseIsNotFoundAndOffersNoDictation() throws Exception {
        page.signInAt("/arenden/2026-0142", "erik", DemoSeeder.DEMO_PASSWORD); // erik works in IFO Vuxen
        assertThat(page.visible("not-found").getText()).contains("2026-0142", "finns inte");
        page.screenshot("case-not-found");
        assertThat(page.hooks("dictate-new")).as("a button to dictate into a case that is not there").isEmpty();
        assertThat(page.browser.findElements(By.cssSelector(".banner"))).isEmpty();
    }

    @Test
    void aWorkerWithNoDictatedNotesYetReadsThatInTheHeadlineNotASentenceOfDashes() throws Exception {
        web.server().addUser("nyanstalld", Role.WORKER, "IFO Barn och unga");
        page.signInAt("/rapporter", "nyanstalld", TestServer.PASSWORD_PREFIX + "nyanstalld");
        page.await().until(d -> !page.hook("headline-quote").getText().isBlank());
        page.screenshot("reports-nothing-dictated");
        assertThat(page.hook("headline-quote").getText())
                .contains("signerades inga dikterade anteckningar", "ingen sparad tid att visa")
                .doesNotContain("–  minuter", "– minuter", "0 dikterade anteckningar");
        page.await().until(d -> page.hook("trend-text").getText().contains("Inga månader med redovisade siffror"));
        assertThat(page.hook("report-trend-chart").isDisplayed()).as("an empty axis over twelve months").isFalse();
        assertThat(page.hook("trend-text").isDisplayed()).as("the text says why there is no curve").isTrue();
    }

    @Test
    void theAuditLogNamesAViewedReportInSwedishNotInTheApisCodes() throws Exception {
        page.signInAt("/rapporter?tertial=2026-T3&groupBy=worker", "maria", DemoSeeder.DEMO_PASSWORD);
        page.await().until(d -> !page.hooks("report-row").isEmpty());
        page.signInAt("/admin", "admin", DemoSeeder.DEMO_PASSWORD);
        // this viewing's row (other tests in this class view reports too)
        By viewed = By.xpath("//*[@data-testid='audit-row' and @data-action='report-view']"
                + "[.//*[@data-col='detail' and text()='2026-09-01–2026-12-31, per medarbetare, visad på sidan']]");
        page.await().until(d -> !d.findElements(viewed).isEmpty());
        WebElement row = page.browser.findElement(viewed);
        page.screenshot("audit-report-view");
        assertThat(row.findElement(By.cssSelector("[data-col='entity']")).getText()).isEqualTo("Rapport Sparad tid");
    }
}
