package se.dikta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.identity.Role;
import se.dikta.testing.TestServer;

/** {@code audit verify} on the command line, the chain's anchor in /metrics, and rows from before the chain. */
class AuditVerifyCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out) {}

    private Run verify() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new Main().run(new String[] {"audit", "verify"}, Map.of("DIKTA_DATA_DIR", dir.toString()),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(se.dikta.db.Dialect.H2.connectUrl("jdbc:h2:file:" + dir.resolve("dikta")), "sa", "");
                Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Test
    void verifyPassesAnIntactLogAndFailsWithTheRowAfterAnEdit() throws Exception {
        try (TestServer server = TestServer.start(Map.of("dataDir", dir.toString()))) {
            server.addUser("anna", Role.WORKER, "IFO Vuxen");
            server.login("anna");
            server.login("anna");
            assertThat(server.anonymous().get("/metrics").body()).containsPattern("dikta_audit_chain_head\\{hash=\"[0-9a-f]{64}\"");
        }
        Run intact = verify();
        assertThat(intact.code()).as(intact.out()).isZero();
        assertThat(intact.out()).contains("Audit log intact");

        sql("UPDATE audit_log SET detail = 'from 10.0.0.1' WHERE seq = 2");
        Run broken = verify();
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.out()).contains("rad 2").contains("ändrad").contains("NOT intact");
    }

    @Test
    void rowsWrittenBeforeTheChainExistedAreChainedByTheMigration() throws Exception {
        String url = se.dikta.db.Dialect.H2.connectUrl("jdbc:h2:file:" + dir.resolve("dikta"));
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("20").load().migrate();
        for (String who : new String[] {"anna", "bo", "cilla"}) {
            sql("INSERT INTO audit_log (at, username, action) VALUES (CURRENT_TIMESTAMP, '" + who + "', 'login')");
        }
        Run run = verify();
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("3 rows");
    }
}
