package se.dikta.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.dikta.db.SqlWork;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/** The audit log's hash chain: intact under concurrent writers, and every kind of tampering is found. */
abstract class AuditChainBehaviour {

    protected abstract Map<String, String> databaseSettings();

    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(databaseSettings());
        server.addUser("anna", Role.WORKER, "IFO Barn och unga");
        server.addUser("bo", Role.WORKER, "IFO Barn och unga");
        ApiClient anna = server.login("anna");
        for (int i = 1; i <= 4; i++) {
            assertThat(anna.post("/api/cases", new JsonObject().put("id", "2026-000" + i).put("title", "Ärende " + i))
                    .status()).isEqualTo(201);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AuditChainVerifier.Result verify() {
        return sql(c -> new AuditChainVerifier().verify(c));
    }

    private <T> T sql(SqlWork<T> work) {
        return server.database().txBlocking(work);
    }

    private void execute(String statement) {
        sql(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate(statement);
            }
            return null;
        });
    }

    @Test
    void concurrentWritersKeepOneValidChain() throws Exception {
        long before = verify().rows();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (String user : List.of("anna", "bo", "anna", "bo")) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        server.login(user);
                    }
                    return 10;
                }));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditChainVerifier.Result result = verify();
        assertThat(result.problem()).isEmpty();
        assertThat(result.rows()).isEqualTo(before + 40);
    }

    @Test
    void anAlteredRowIsFoundAtThatRow() {
        assertThat(verify().intact()).isTrue();
        execute("UPDATE audit_log SET detail = 'ändrad i efterhand' WHERE seq = 3");
        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).contains("rad 3").contains("ändrad"));
    }

    @Test
    void aDeletedRowIsFound() {
        execute("DELETE FROM audit_log WHERE seq = 2");
        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).contains("rad 2").contains("saknas"));
    }

    @Test
    void anInsertedRowIsFound() {
        execute("INSERT INTO audit_log (at, username, action) VALUES (CURRENT_TIMESTAMP, 'inkräktare', 'login')");
        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).contains("infogad"));
    }

    @Test
    void aForgedRowWithACopiedPlaceInTheChainIsFound() {
        execute("UPDATE audit_log SET username = 'någon annan' WHERE seq = (SELECT MAX(seq) FROM audit_log)");
        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).contains("ändrad"));
    }

    @Test
    void rowsCutFromTheEndAreFound() {
        execute("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)");
        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).contains("borttagna i slutet"));
    }

    @Test
    void rowsWrittenBeforeV80StillVerifyBetweenNewerRows() {
        // a row as the application wrote them before V80: no role, unit, address, case or outcome, old hash
        sql(c -> {
            String previous;
            long seq;
            try (Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery("SELECT last_hash, row_count FROM audit_chain WHERE id = 1")) {
                rs.next();
                previous = rs.getString(1);
                seq = rs.getLong(2) + 1;
            }
            AuditRow old = new AuditRow(java.time.Instant.now(), 7L, "gammal", "login", "user", "7", "from 10.0.0.1");
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (at, user_id, username, action, "
                    + "entity, entity_id, detail, seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setTimestamp(1, java.sql.Timestamp.from(old.at()));
                ps.setLong(2, 7L);
                ps.setString(3, "gammal");
                ps.setString(4, "login");
                ps.setString(5, "user");
                ps.setString(6, "7");
                ps.setString(7, "from 10.0.0.1");
                ps.setLong(8, seq);
                ps.setString(9, previous);
                ps.setString(10, old.hash(seq, previous));
                ps.executeUpdate();
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "UPDATE audit_chain SET last_hash = ?, row_count = ? WHERE id = 1")) {
                ps.setString(1, old.hash(seq, previous));
                ps.setLong(2, seq);
                ps.executeUpdate();
            }
            return null;
        });
        server.login("bo");
        assertThat(verify().problem()).isEmpty();

        execute("UPDATE audit_log SET address = '10.9.9.9' WHERE username = 'gammal'");
        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).contains("ändrad"));
    }

    @Test
    void theWhoWhereAndOutcomeOfNewerRowsAreCoveredByTheHash() {
        execute("UPDATE audit_log SET address = '10.9.9.9' WHERE seq = 2");
        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).contains("rad 2").contains("ändrad"));
        execute("UPDATE audit_log SET address = (SELECT address FROM audit_log WHERE seq = 1) WHERE seq = 2");
        assertThat(verify().problem()).isEmpty();

        execute("UPDATE audit_log SET outcome = NULL, role = NULL, unit = NULL, unit_id = NULL, address = NULL "
                + "WHERE seq = 3");
        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).contains("rad 3").contains("ändrad"));
    }

    @Test
    void aDeniedOutcomeCannotBeTurnedIntoAnAllowedOne() {
        server.anonymous().post("/api/login", new JsonObject().put("username", "anna").put("password", "fel"));
        execute("UPDATE audit_log SET outcome = 'allowed' WHERE action = 'login-failed'");
        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).contains("ändrad"));
    }
}
