package se.dikta.timelog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.demo.DemoSeeder;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/** The report routes on the real server: roles, parameters, and exports that read back to the JSON figures. */
class TimeSavedApiTest {

    private static final String T1 = "/api/reports/time-saved?from=2025-01-01&to=2025-04-30";
    private static final Map<String, String> CONFIG = Map.of(
            "timelog.defaultWordsPerMinute", "25", "timelog.minTypedNotes", "2", "timelog.minWorkersPerRow", "2");

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = startWithFixture(CONFIG);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Workers anna and bo and manager chef in "Enhet A", cilla in "Enhet B", an admin; fixture rows. */
    private static TestServer startWithFixture(Map<String, String> config) {
        TestServer s = TestServer.start(config);
        AuthUser anna = s.addUser("anna", Role.WORKER, "Enhet A");
        AuthUser bo = s.addUser("bo", Role.WORKER, "Enhet A");
        AuthUser cilla = s.addUser("cilla", Role.WORKER, "Enhet B");
        s.addUser("chef", Role.MANAGER, "Enhet A");
        s.addUser("admin", Role.ADMIN, "IT");
        TimeLog log = new TimeLog(s.database(), Periods.stockholm());
        s.database().txBlocking(c -> TimeSavedFixture.forWorkers(anna.unitId(), cilla.unitId())
                .workers(anna.id(), bo.id(), cilla.id()).insert(c, log));
        return s;
    }

    @Test
    void managerGetsTheUnitsWorkersWithTheHandComputedTotals() {
        ApiClient.Response r = server.login("chef").get(T1 + "&groupBy=worker");
        assertThat(r.status()).isEqualTo(200);
        JsonObject json = r.json();
        assertThat(json.getJsonArray("rows").stream().map(o -> ((JsonObject) o).getString("key")))
                .containsExactly("anna", "bo");
        JsonObject total = json.getJsonObject("total");
        assertThat(total.getLong("notes")).isEqualTo(5);
        assertThat(total.getDouble("savedSeconds")).isEqualTo(630.0);
        assertThat(total.getDouble("baselineSeconds")).isEqualTo(1440.0);
        assertThat(total.getDouble("meanSavedMinutes")).isEqualTo(2.1);
        assertThat(total.getDouble("medianSavedMinutes")).isEqualTo(2.5);
        assertThat(json.getJsonObject("method").getString("source")).isEqualTo("measured");
        assertThat(json.getJsonObject("method").getString("text")).contains("bootstrap");
    }

    @Test
    void headlineQuotesHoursPerNoteAndTheDictatedShareOfSignedNotes() {
        JsonObject headline = server.login("chef").get(T1 + "&groupBy=month").json().getJsonObject("headline");
        assertThat(headline.getDouble("savedHours")).isEqualTo(0.2); // 630 s
        assertThat(headline.getDouble("savedHoursPerWorker")).isEqualTo(0.1); // 630 s / 2 workers
        assertThat(headline.getDouble("savedMinutesPerNote")).isEqualTo(2.1);
        assertThat(headline.getLong("dictatedNotes")).isEqualTo(5);
        // signed in T1 in unit A: D1–D5 dictated, Anna's and Bo's typed notes of March and February
        assertThat(headline.getLong("signedNotes")).isEqualTo(7);
        assertThat(headline.getDouble("dictatedShare")).isEqualTo(0.714);
        assertThat(headline.getInteger("workers")).isEqualTo(2);

        JsonObject own = server.login("bo").get(T1).json().getJsonObject("headline");
        assertThat(own.getLong("dictatedNotes")).isEqualTo(2);
        assertThat(own.getLong("signedNotes")).isEqualTo(3);
    }

    @Test
    void aWorkerGetsOnlyTheirOwnRow() {
        JsonObject json = server.login("anna").get(T1 + "&groupBy=worker").json();
        assertThat(json.getJsonArray("rows")).hasSize(1);
        assertThat(json.getJsonArray("rows").getJsonObject(0).getString("key")).isEqualTo("anna");
        assertThat(json.getJsonObject("total").getDouble("savedSeconds")).isEqualTo(330.0);
    }

    @Test
    void adminsGetNoReport() {
        ApiClient.Response r = server.login("admin").get(T1);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).isNotBlank();
        assertThat(server.login("admin").get(T1.replace("time-saved?", "time-saved.csv?")).status()).isEqualTo(403);
    }

    @Test
    void signedOutCallersAreRefused() {
        assertThat(server.anonymous().get(T1).status()).isEqualTo(401);
    }

    @Test
    void aManagerCannotAskForAnotherUnit() {
        ApiClient.Response r = server.login("chef").get(T1 + "&unit=Enhet%20B");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).contains("egen enhet");
        assertThat(server.login("chef").get(T1 + "&unit=Enhet%20A").status()).isEqualTo(200);
    }

    @Test
    void malformedParametersAreRejectedWith400() {
        ApiClient chef = server.login("chef");
        for (String query : List.of("?from=2025-13-01&to=2025-04-30", "?from=2025-01-01&to=igår",
                "?from=2025-05-01&to=2025-04-30", "?from=2025-01-01", "?tertial=2025-T4",
                "?tertial=2025-T1&from=2025-01-01", "?groupBy=year", "?from=2019-01-01&to=2025-01-01")) {
            ApiClient.Response r = chef.get("/api/reports/time-saved" + query);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.error()).as(query).isNotBlank();
        }
        assertThat(chef.get("/api/reports/time-saved.pdf?groupBy=daily").status()).isEqualTo(400);
    }

    @Test
    void aTertialParameterIsTheSameAsItsDates() {
        ApiClient chef = server.login("chef");
        JsonObject byTertial = chef.get("/api/reports/time-saved?tertial=2025-T1&groupBy=month").json();
        JsonObject byDates = chef.get(T1 + "&groupBy=month").json();
        assertThat(byTertial).isEqualTo(byDates);
        assertThat(byTertial.getString("from")).isEqualTo("2025-01-01");
        assertThat(byTertial.getString("to")).isEqualTo("2025-04-30");
    }

    @Test
    void csvForSwedishExcelParsesBackToTheJsonFigures() throws Exception {
        ApiClient chef = server.login("chef");
        for (String groupBy : List.of("worker", "week")) {
            JsonObject json = chef.get(T1 + "&groupBy=" + groupBy).json();
            HttpResponse<byte[]> csv = download(chef, T1.replace("time-saved?", "time-saved.csv?") + "&groupBy=" + groupBy);
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=UTF-8");
            assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("sparad-tid_2025-T1");
            byte[] body = csv.body();
            assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);

            String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
            JsonArray rows = json.getJsonArray("rows");
            assertThat(lines).hasSize(rows.size() + 2);
            assertThat(lines[0]).startsWith(groupBy.equals("worker") ? "Medarbetare;Anteckningar;" : "Vecka;Anteckningar;");
            for (int i = 0; i < rows.size(); i++) {
                assertRowMatches(fields(lines[i + 1]), rows.getJsonObject(i));
            }
            assertRowMatches(fields(lines[lines.length - 1]), json.getJsonObject("total"));
        }
    }

    /** Week rows with a single worker are suppressed (minimum 2): in the CSV they carry only a remark. */
    private static void assertRowMatches(List<String> f, JsonObject row) {
        assertThat(f.get(0)).isEqualTo(row.getString("key"));
        if (row.getBoolean("suppressed", false)) {
            assertThat(f.subList(1, 14)).allMatch(String::isEmpty);
            assertThat(f.get(14)).startsWith("Redovisas inte");
            return;
        }
        assertThat(Long.parseLong(f.get(1))).isEqualTo(row.getLong("notes"));
        assertThat(Integer.parseInt(f.get(2))).isEqualTo(row.getInteger("workers"));
        assertThat(Long.parseLong(f.get(3))).isEqualTo(row.getLong("words"));
        assertThat(number(f.get(4))).isEqualTo(row.getDouble("audioSeconds"));
        assertThat(number(f.get(5))).isEqualTo(row.getDouble("editSeconds"));
        assertThat(number(f.get(6))).isEqualTo(row.getDouble("baselineSeconds"));
        assertThat(number(f.get(7))).isEqualTo(row.getDouble("savedSeconds"));
        assertThat(number(f.get(8))).isEqualTo(row.getDouble("meanSavedMinutes"));
        assertThat(number(f.get(9))).isEqualTo(row.getDouble("medianSavedMinutes"));
        assertThat(number(f.get(10))).isEqualTo(row.getJsonObject("ci95").getDouble("low"));
        assertThat(number(f.get(11))).isEqualTo(row.getJsonObject("ci95").getDouble("high"));
        assertThat(number(f.get(12))).isEqualTo(row.getJsonObject("baseline").getDouble("wordsPerMinute"));
    }

    @Test
    void pdfOpensAndShowsPeriodMethodAndTotals() throws Exception {
        ApiClient chef = server.login("chef");
        HttpResponse<byte[]> pdf = download(chef, "/api/reports/time-saved.pdf?tertial=2025-T1&groupBy=worker");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Sparad dokumentationstid", "tertial 2025-T1", "Enhet A", "Metod", "anna", "bo");
            // total: 5 notes, 650 words, 24,0 baseline minutes, 10,5 saved minutes, 2,10 mean, 2,50 median
            assertThat(text).containsPattern("Totalt\\s+5\\s+650\\s+5,5\\s+8,0\\s+24,0\\s+10,5\\s+2,10\\s+2,50");
            assertThat(text).contains("Sparade minuter per anteckning");
        }
    }

    @Test
    void pseudonymisedManagerExportsShowNoNamesAndSuppressSmallGroups() throws Exception {
        Map<String, String> config = new java.util.HashMap<>(CONFIG);
        config.putAll(Map.of("timelog.pseudonymise", "true", "timelog.minWorkersPerRow", "3",
                "timelog.pseudonymSecret", "a secret agreed for this test"));
        try (TestServer pseudonymised = startWithFixture(config)) {
            ApiClient chef = pseudonymised.login("chef");
            String csv = new String(download(chef, T1.replace("time-saved?", "time-saved.csv?") + "&groupBy=worker").body(),
                    StandardCharsets.UTF_8);
            assertThat(csv).doesNotContain("anna").doesNotContain("bo;");
            assertThat(csv.lines().skip(1).limit(2)).allMatch(l -> l.matches("Medarbetare [0-9A-F]{4};.*"));

            JsonObject unit = chef.get(T1 + "&groupBy=unit").json();
            assertThat(unit.getJsonArray("rows").getJsonObject(0).getBoolean("suppressed")).isTrue();
            assertThat(unit.getJsonObject("total").getBoolean("suppressed")).isTrue();
            assertThat(unit.getJsonObject("total").containsKey("savedSeconds")).isFalse();

            // a worker's own report is never pseudonymised or suppressed
            JsonObject own = pseudonymised.login("bo").get(T1 + "&groupBy=unit").json();
            assertThat(own.getJsonObject("total").getDouble("savedSeconds")).isEqualTo(300.0);
        }
    }

    @Test
    void demoModeSeedsAYearOfRowsTheDemoManagerCanReport() {
        try (TestServer demo = TestServer.start(Map.of("demo", "true"))) {
            long rows = demo.database().txBlocking(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM time_log")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(rows).isGreaterThan(1000);
            ApiClient maria = demo.anonymous();
            assertThat(maria.post("/api/login", new JsonObject().put("username", "maria")
                    .put("password", DemoSeeder.DEMO_PASSWORD)).status()).isEqualTo(200);
            JsonObject report = maria.get("/api/reports/time-saved?groupBy=worker&from="
                    + java.time.LocalDate.now().minusYears(1) + "&to=" + java.time.LocalDate.now()).json();
            assertThat(report.getJsonArray("rows").stream().map(o -> ((JsonObject) o).getString("key")))
                    .containsExactly("Anna Lind", "Karim Haddad");
            assertThat(report.getJsonObject("total").getLong("notes")).isGreaterThan(100);
            assertThat(report.getJsonObject("total").getDouble("meanSavedMinutes")).isPositive();
        }
    }

    private static HttpResponse<byte[]> download(ApiClient client, String path) throws Exception {
        return client.http().send(HttpRequest.newBuilder(URI.create(client.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static double number(String field) {
        return Double.parseDouble(field.replace(',', '.'));
    }

    /** Semicolon-separated fields with RFC 4180 quotes. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ';' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
