package se.dikta.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/**
 * The audit log's CSV export streams any number of rows: they arrive complete, newest first, each once, read page
 * by page (over a hundred pages; on PostgreSQL more than 100,000 rows — the old limit — while H2, whose bulk
 * insert is slow, gets 12,000 long rows and a smaller page); a client that stops reading holds the export back
 * rather than making the server read ahead, and one that goes away ends it without leaving anything behind. The
 * same suite on each database (subclasses say which, and how big).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditExportBehaviour {

    protected abstract Map<String, String> databaseSettings();

    /**
     * How big the export is: {@code rows} note reads whose CSV lines are about {@code lineBytes} long (well over
     * what socket buffers hold, so that a client can leave mid-export), read {@code pageSize} rows a page.
     */
    record Bulk(int rows, int pageSize, int lineBytes) {
        int versionRows() {
            return pageSize * 5 / 2;
        }
    }

    protected abstract Bulk bulk();

    private TestServer server;
    private ApiClient root;

    @BeforeAll
    void startServer() {
        Map<String, String> settings = new HashMap<>(databaseSettings());
        settings.put("audit.exportPageSize", Integer.toString(bulk().pageSize()));
        server = TestServer.start(settings);
        server.addUser("root", Role.ADMIN, "IT");
        server.addUser("anna", Role.WORKER, "IFO Barn och unga");
        root = server.login("root");
        insertBulkRows();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    /**
     * Appends the rows in one statement straight into the table, numbered on from the chain's head (their hashes
     * are not real: this suite never verifies the chain): the note reads (one with a field that needs quoting),
     * then two and a half pages of version lists.
     */
    private void insertBulkRows() {
        int bulkRows = bulk().rows();
        int all = bulkRows + bulk().versionRows();
        server.database().txBlocking(c -> {
            long head;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT row_count FROM audit_chain")) {
                rs.next();
                head = rs.getLong(1);
            }
            String numbers = (server.database().dialect().isPostgres() ? "generate_series" : "SYSTEM_RANGE")
                    + "(1, " + all + ") AS g(x)";
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (at, user_id, username, role, unit_id, "
                    + "unit, address, action, entity, entity_id, detail, outcome, seq, prev_hash, hash) "
                    + "SELECT CAST(? AS TIMESTAMP WITH TIME ZONE), 7, "
                    + "CASE WHEN x = 777 THEN 'anna; \"bulk\"' ELSE 'anna' END, 'worker', 3, 'IFO Barn och unga', '203.0.113.7', CASE WHEN x <= ? THEN 'note-read' ELSE 'note-versions' END, "
                    + "'note', CONCAT('00000000-0000-0000-0000-', LPAD(CAST(x AS VARCHAR(12)), 12, '0')), "
                    + "CONCAT('version 1 av en anteckning i ärendet, rad ', CAST(x AS VARCHAR(12)), "
                    + "' av massinläsningen till exporten ', REPEAT('a', ?)), 'allowed', ? + x, 'x', 'x' "
                    + "FROM " + numbers + " ORDER BY x")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now()));
                ps.setInt(2, bulkRows);
                ps.setInt(3, Math.max(0, bulk().lineBytes() - 190));
                ps.setLong(4, head);
                assertThat(ps.executeUpdate()).isEqualTo(all);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_chain SET row_count = ?")) {
                ps.setLong(1, head + all);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The seq of every row older than the newest audit-export row, newest first: what that export had to hold. */
    private List<Long> rowsBeforeTheLastExport() {
        return server.database().txBlocking(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT seq FROM audit_log WHERE id < "
                    + "(SELECT MAX(id) FROM audit_log WHERE action = 'audit-export') ORDER BY id DESC")) {
                List<Long> seqs = new ArrayList<>();
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
                return seqs;
            }
        });
    }

    private double metric(String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(server.anonymous().get("/metrics").body());
        assertThat(m.find()).as(name + " in /metrics").isTrue();
        return Double.parseDouble(m.group(2));
    }

    @Test
    void everyRowStreamsOnceNewestFirstAcrossPages() {
        ApiClient.Response csv = root.get("/api/audit.csv");
        assertThat(bulk().rows()).as("more rows than pages hold").isGreaterThan(10 * bulk().pageSize());
        assertThat(csv.status()).as(csv.body().length() < 500 ? csv.body() : "a long body").isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment; filename=\"atkomstlogg_");
        assertThat(csv.headers().firstValue("Transfer-Encoding")).as("streamed, not sized in memory").hasValue("chunked");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFLöpnummer;Tid;Användar-id;Användare;");
        List<Long> seqs = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            seqs.add(Long.parseLong(lines[i].substring(0, lines[i].indexOf(';'))));
        }
        List<Long> expected = rowsBeforeTheLastExport();
        assertThat(expected).hasSizeGreaterThan(bulk().rows());
        assertThat(seqs).as("every row once, newest first, across %d pages", expected.size() / bulk().pageSize() + 1)
                .hasSize(expected.size()).isEqualTo(expected);
        assertThat(csv.body()).contains(";\"anna; \"\"bulk\"\"\";worker;");

        Map<String, Object> row = server.database().txBlocking(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT username, role, outcome, detail "
                    + "FROM audit_log WHERE action = 'audit-export' ORDER BY id DESC")) {
                rs.next();
                return Map.of("username", rs.getString(1), "role", rs.getString(2), "outcome", rs.getString(3),
                        "detail", rs.getString(4));
            }
        });
        assertThat(row).containsEntry("username", "root").containsEntry("role", "admin").containsEntry("outcome", "allowed");
        assertThat((String) row.get("detail")).isEqualTo("alla; " + expected.size() + " rader exporteras");
    }

    @Test
    void theFiltersApplyToEveryPageAndTheRouteStaysAdminOnly() {
        ApiClient.Response one = root.get("/api/audit.csv?note=00000000-0000-0000-0000-000000001234");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().split("\r\n")).hasSize(2);
        assertThat(one.body()).contains("00000000-0000-0000-0000-000000001234").doesNotContain("000000001235");
        ApiClient.Response versions = root.get("/api/audit.csv?action=note-versions&user=anna");
        String[] lines = versions.body().split("\r\n");
        assertThat(lines).as("header + every version-list row, three pages").hasSize(bulk().versionRows() + 1);
        assertThat(lines[1]).contains(String.format("%012d", bulk().rows() + bulk().versionRows()));
        assertThat(lines[bulk().versionRows()]).contains(String.format("%012d", bulk().rows() + 1));
        assertThat(server.login("anna").get("/api/audit.csv").status()).isEqualTo(403);
        assertThat(root.get("/api/audit.csv?outcome=kanske").status()).isEqualTo(400);
    }

    @Test
    void aClientThatStopsReadingHoldsTheExportBackAndOneThatLeavesEndsIt() throws Exception {
        double rowsBefore = metric("dikta_audit_export_rows_total");
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096); // before connecting: the window stays small
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/audit.csv HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nCookie: DIKTA_SESSION="
                    + root.cookie("DIKTA_SESSION") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(64 * 1024);
            assertThat(new String(start, 0, 15, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK");

            double sent = waitUntilSteady("dikta_audit_export_rows_total");
            assertThat(sent - rowsBefore).as("rows sent to a client that stopped reading").isLessThan(bulk().rows() / 2.0);
            assertThat(metric("dikta_audit_exports_active")).isEqualTo(1.0);
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (metric("dikta_audit_exports_active") != 0.0) {
            assertThat(System.nanoTime()).as("the export ended after its client left").isLessThan(deadline);
            Thread.sleep(50);
        }
        double afterLeaving = metric("dikta_audit_export_rows_total");
        Thread.sleep(500);
        assertThat(metric("dikta_audit_export_rows_total")).as("no page read after it ended").isEqualTo(afterLeaving);

        for (int i = 0; i < 12; i++) { // more than the database pool's connections: none is held by a left export
            leaveMidExport();
        }
        ApiClient.Response whole = root.get("/api/audit.csv?action=note-versions");
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body().split("\r\n")).hasSize(bulk().versionRows() + 1);
        assertThat(root.get("/api/audit?size=1").status()).isEqualTo(200);
    }

    /** Starts an export, reads its first bytes and closes the connection. */
    private void leaveMidExport() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET /api/audit.csv HTTP/1.1\r\nHost: x\r\nCookie: DIKTA_SESSION="
                    + root.cookie("DIKTA_SESSION") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().readNBytes(20_000)).hasSize(20_000);
        }
    }

    /** The metric once it has stopped changing for a second. */
    private double waitUntilSteady(String name) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        double last = metric(name);
        while (true) {
            Thread.sleep(1000);
            double now = metric(name);
            if (now == last) {
                return now;
            }
            assertThat(System.nanoTime()).as(name + " still growing after 30 s").isLessThan(deadline);
            last = now;
        }
    }
}
