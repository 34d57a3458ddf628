package se.dikta.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.dikta.demo.DemoSeeder;
import se.dikta.testing.ApiClient;

/** /rapporter in a real browser on the demo's seeded year: table, headline, charts and exports agree with the API. */
class ReportsPageBrowserTest {

    // The demo unit has two workers; a minimum of two lets its month rows show.
    @RegisterExtension
    static final BrowserServer web = new BrowserServer(Map.of("demo", "true", "timelog.minWorkersPerRow", "2"));
    static PageDriver page;

    @BeforeAll
    static void start() {
        page = web.newPage();
    }

    static ApiClient login(String user) {
        ApiClient client = web.server().anonymous();
        assertThat(client.post("/api/login", new JsonObject().put("username", user)
                .put("password", DemoSeeder.DEMO_PASSWORD)).status()).isEqualTo(200);
        return client;
    }

    /** Runs the report through the form's hooks. */
    void run(String tertial, String groupBy) {
        new Select(page.visible("report-period-kind")).selectByValue("tertial");
        new Select(page.hook("report-period")).selectByValue(tertial);
        new Select(page.hook("report-group")).selectByValue(groupBy);
        page.hook("report-run").click();
        page.await().until(d -> d.getCurrentUrl().contains("tertial=" + tertial + "&groupBy=" + groupBy)
                && !page.hooks("report-row").isEmpty()
                && groupBy.equals(d.findElement(PageDriver.testId("report-table")).getAttribute("data-group-by")));
    }

    static String plain(String shown) {
        return shown.replace('\u2212', '-').replaceAll("[\\s\u00a0]", "");
    }

    static String swedish(double value, int decimals) {
        return new java.math.BigDecimal(Double.toString(value)).setScale(decimals, java.math.RoundingMode.HALF_UP)
                .toPlainString().replace('.', ',');
    }

    /** The page's rows as (key, notes, saved seconds), the total last, against the API's. */
    void assertTableEquals(JsonObject api) {
        List<WebElement> rows = page.hooks("report-row");
        JsonArray apiRows = api.getJsonArray("rows");
        assertThat(rows).hasSize(apiRows.size() + 1);
        for (int i = 0; i <= apiRows.size(); i++) {
            JsonObject expected = i < apiRows.size() ? apiRows.getJsonObject(i) : api.getJsonObject("total");
            WebElement row = rows.get(i);
            assertThat(row.getAttribute("data-key")).isEqualTo(expected.getString("key"));
            if (expected.getBoolean("suppressed", false)) {
                assertThat(row.getText()).contains("Redovisas inte");
                continue;
            }
            assertThat(Long.parseLong(row.getAttribute("data-notes"))).isEqualTo(expected.getLong("notes"));
            assertThat(Double.parseDouble(row.getAttribute("data-saved-seconds")))
                    .isEqualTo(expected.getDouble("savedSeconds"));
            assertThat(plain(row.findElement(By.cssSelector("[data-col='savedSeconds']")).getText()))
                    .isEqualTo(swedish(expected.getDouble("savedSeconds") / 60, 1));
        }
        assertThat(rows.get(rows.size() - 1).getAttribute("data-key")).isEqualTo("Totalt");
    }

    boolean canvasHasInk(String testId) {
        return (Boolean) page.js("const c = arguments[0]; if (!c.width || !c.height) return false;"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) return true; } return false;",
                page.hook(testId));
    }

    byte[] download(ApiClient client, String href) throws Exception {
        HttpResponse<byte[]> r = client.http().send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void managersTertialReportMatchesTheApiInTableHeadlineChartAndDownloads() throws Exception {
        page.signInAt("/rapporter", "maria", DemoSeeder.DEMO_PASSWORD);
        String tertial = new Select(page.visible("report-period")).getOptions().get(0).getAttribute("value");
        run(tertial, "worker");
        ApiClient maria = login("maria");
        JsonObject api = maria.get("/api/reports/time-saved?tertial=" + tertial + "&groupBy=worker").json();
        assertThat(api.getJsonObject("total").getLong("notes")).isPositive();
        assertTableEquals(api);

        JsonObject headline = api.getJsonObject("headline");
        assertThat(plain(page.hook("headline-hours").getText())).isEqualTo(swedish(headline.getDouble("savedHours"), 1));
        assertThat(plain(page.hook("headline-per-note").getText()))
                .isEqualTo(swedish(headline.getDouble("savedMinutesPerNote"), 2));
        assertThat(page.hook("headline-notes").getText()).isEqualTo(String.valueOf(headline.getLong("dictatedNotes")));
        assertThat(page.hook("headline-notes").getText())
                .isEqualTo(String.valueOf(api.getJsonObject("total").getLong("notes")));
        assertThat(page.hook("method-text").getAttribute("textContent")).isEqualTo(api.getJsonObject("method").getString("text"));

        page.await().until(d -> canvasHasInk("report-chart"));
        page.await().until(d -> canvasHasInk("report-trend-chart"));
        assertThat(page.hook("report-chart").getAttribute("aria-label")).contains("Stapeldiagram");
        assertThat(page.hook("chart-text").getAttribute("textContent"))
                .contains(api.getJsonArray("rows").getJsonObject(0).getString("key"));
        page.screenshot("reports-manager-tertial");
        page.js("arguments[0].scrollIntoView()", page.hook("report-table"));
        page.screenshot("reports-manager-table");
        page.js("arguments[0].scrollIntoView()", page.hook("report-chart"));
        page.screenshot("reports-manager-charts");

        String csvHref = page.hook("report-csv").getAttribute("href");
        assertThat(csvHref).endsWith("/api/reports/time-saved.csv?tertial=" + tertial + "&groupBy=worker");
        String csv = new String(download(maria, csvHref), StandardCharsets.UTF_8).replace("\uFEFF", "");
        Map<String, String[]> lines = new HashMap<>();
        for (String line : csv.split("\r\n")) {
            String[] f = line.split(";", -1);
            lines.put(f[0], f);
        }
        List<JsonObject> expected = new ArrayList<>();
        api.getJsonArray("rows").forEach(r -> expected.add((JsonObject) r));
        expected.add(api.getJsonObject("total"));
        for (JsonObject row : expected) {
            String[] f = lines.get(row.getString("key"));
            assertThat(f).as(row.getString("key")).isNotNull();
            assertThat(f[1]).isEqualTo(String.valueOf(row.getLong("notes")));
            assertThat(f[7]).isEqualTo(swedish(row.getDouble("savedSeconds"), 1));
        }
        assertThat(lines).hasSize(expected.size() + 1);

        String pdfHref = page.hook("report-pdf").getAttribute("href");
        assertThat(pdfHref).endsWith("/api/reports/time-saved.pdf?tertial=" + tertial + "&groupBy=worker");
        try (PDDocument pdf = Loader.loadPDF(download(maria, pdfHref))) {
            String text = new PDFTextStripper().getText(pdf);
            for (JsonObject row : expected) {
                assertThat(text).contains(row.getString("key"))
                        .contains(swedish(row.getDouble("savedSeconds") / 60, 1));
            }
        }
    }

    @Test
    void monthGroupingAndTheUrlRoundTrip() throws Exception {
        page.signInAt("/rapporter", "maria", DemoSeeder.DEMO_PASSWORD);
        String tertial = new Select(page.visible("report-period")).getOptions().get(1).getAttribute("value");
        run(tertial, "month");
        JsonObject api = login("maria").get("/api/reports/time-saved?tertial=" + tertial + "&groupBy=month").json();
        assertTableEquals(api);
        assertThat(api.getJsonArray("rows")).hasSize(4);
        page.screenshot("reports-manager-months");

        page.browser.navigate().refresh();
        page.await().until(d -> page.hooks("report-row").size() == 5);
        assertThat(new Select(page.hook("report-group")).getFirstSelectedOption().getAttribute("value")).isEqualTo("month");
        assertTableEquals(api);
    }

    @Test
    void aMonthAndAnIsoWeekChosenInTheFormAskForTheirDates() throws Exception {
        page.signInAt("/rapporter", "maria", DemoSeeder.DEMO_PASSWORD);
        page.visible("report-period");
        new Select(page.hook("report-period-kind")).selectByValue("month");
        page.js("arguments[0].value = '2026-10'", page.visible("report-month"));
        new Select(page.hook("report-group")).selectByValue("worker");
        page.hook("report-run").click();
        page.await().until(d -> d.getCurrentUrl().contains("period=month&from=2026-10-01&to=2026-10-31&groupBy=worker"));
        page.await().until(d -> page.hook("period-heading").getText().contains("1 oktober 2026 – 31 oktober 2026"));
        assertTableEquals(login("maria").get("/api/reports/time-saved?from=2026-10-01&to=2026-10-31&groupBy=worker")
                .json());
        assertThat(page.hook("report-csv").getAttribute("href"))
                .endsWith("/api/reports/time-saved.csv?from=2026-10-01&to=2026-10-31&groupBy=worker");

        new Select(page.hook("report-period-kind")).selectByValue("week");
        page.js("arguments[0].value = '2026-W07'", page.visible("report-week"));
        page.hook("report-run").click();
        // ISO week 7 of 2026: Monday 9 February to Sunday 15 February.
        page.await().until(d -> d.getCurrentUrl().contains("period=week&from=2026-02-09&to=2026-02-15"));
        page.await().until(d -> page.hook("period-heading").getText().contains("9 februari 2026 – 15 februari 2026"));
        assertTableEquals(login("maria").get("/api/reports/time-saved?from=2026-02-09&to=2026-02-15&groupBy=worker")
                .json());
        page.screenshot("reports-manager-week");
    }

    @Test
    void aWorkerSeesOnlyTheirOwnFigures() throws Exception {
        page.signInAt("/rapporter", "anna", DemoSeeder.DEMO_PASSWORD);
        String tertial = new Select(page.visible("report-period")).getOptions().get(0).getAttribute("value");
        run(tertial, "worker");
        List<WebElement> rows = page.hooks("report-row");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getAttribute("data-key")).isEqualTo("Anna Lind");
        JsonObject api = login("anna").get("/api/reports/time-saved?tertial=" + tertial + "&groupBy=worker").json();
        assertTableEquals(api);
        assertThat(page.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mina siffror");
        assertThat(page.browser.getPageSource()).doesNotContain("Karim");
        page.screenshot("reports-worker-own");
    }
}
