package se.dikta.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import se.dikta.audit.AuditChainVerifier;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/**
 * A running server whose users sign in from the addresses a trusted proxy reports, on the database a subclass names,
 * and ways to read its audit rows: the set-up of {@link NoteAuditTrailBehaviour} and {@link AccessAuditTrailBehaviour}.
 * One server per class; every test works in cases of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditTrailFixture {

    static final String UNIT_A = "IFO Barn och unga";
    static final String UNIT_B = "Ekonomiskt bistånd";
    static final String SECRET_TEXT = "Pojken berättade om sin mormor Gunhild";

    protected abstract Map<String, String> databaseSettings();

    private final AtomicInteger cases = new AtomicInteger();
    TestServer server;
    AuthUser annaUser;
    private AuthUser rootUser;
    ApiClient anna;
    ApiClient david;
    ApiClient root;

    @BeforeAll
    void startServer() {
        Map<String, String> settings = new HashMap<>(databaseSettings());
        settings.put("search.pollInterval", "0.1");
        settings.put("http.trustedProxies", "127.0.0.1, ::1");
        server = TestServer.start(settings);
        annaUser = server.addUser("anna", Role.WORKER, UNIT_A);
        server.addUser("david", Role.WORKER, UNIT_B);
        server.addUser("cecilia", Role.MANAGER, UNIT_A);
        rootUser = server.addUser("root", Role.ADMIN, "IT");
        anna = loginFrom("anna", "203.0.113.7");
        david = loginFrom("david", "198.51.100.9");
        root = loginFrom("root", "192.0.2.44");
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    ApiClient loginFrom(String username, String address) {
        ApiClient client = server.anonymous().withHeader("X-Forwarded-For", address);
        ApiClient.Response r = client.post("/api/login", new JsonObject().put("username", username)
                .put("password", TestServer.PASSWORD_PREFIX + username));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return client;
    }

    String newCase() {
        String id = "A-" + cases.incrementAndGet();
        assertThat(anna.post("/api/cases", new JsonObject().put("id", id).put("title", "Ärende")).status()).isEqualTo(201);
        return id;
    }

    String newNote(String caseId) {
        ApiClient.Response r = anna.post("/api/notes", new JsonObject().put("caseId", caseId)
                .put("template", "journalanteckning").put("sections", new JsonArray()
                        .add(new JsonObject().put("key", "KONTAKT").put("text", SECRET_TEXT))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    /** The audit rows of {@code action}, newest first, each as column → value. */
    List<Map<String, Object>> rows(String action) {
        return server.database().txBlocking(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM audit_log WHERE action = ? ORDER BY seq DESC")) {
                ps.setString(1, action);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Map<String, Object>> out = new ArrayList<>();
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            row.put(md.getColumnLabel(i).toLowerCase(), v instanceof Number n && !(v instanceof Double)
                                    ? (Object) n.longValue() : v);
                        }
                        out.add(row);
                    }
                    return out;
                }
            }
        });
    }

    Map<String, Object> latest(String action) {
        List<Map<String, Object>> all = rows(action);
        assertThat(all).as("rows of " + action).isNotEmpty();
        return all.get(0);
    }

    /** The row says who (anna of unit A, worker), from where, and the outcome. */
    static void byAnna(Map<String, Object> row, AuthUser anna, String outcome) {
        assertThat(row.get("user_id")).isEqualTo(anna.id());
        assertThat(row.get("username")).isEqualTo("anna");
        assertThat(row.get("role")).isEqualTo("worker");
        assertThat(row.get("unit")).isEqualTo(UNIT_A);
        assertThat(row.get("unit_id")).isEqualTo(anna.unitId());
        assertThat(row.get("address")).isEqualTo("203.0.113.7");
        assertThat(row.get("outcome")).isEqualTo(outcome);
    }

    void assertChainIntact() {
        AuditChainVerifier.Result result = server.database().txBlocking(c -> new AuditChainVerifier().verify(c));
        assertThat(result.problem()).isEmpty();
    }
}
