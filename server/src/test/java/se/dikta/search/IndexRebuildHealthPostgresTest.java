package se.dikta.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.PostgresServer;
import se.dikta.testing.TestServer;

/**
 * While the index is being built, {@code /health} says {@code "index":"REBUILDING"} over HTTP and search answers
 * 503. The build is held by a lock on the notes table (PostgreSQL), so the state lasts as long as the test needs.
 */
class IndexRebuildHealthPostgresTest {

    @Test
    @org.junit.jupiter.api.Timeout(180)
    void healthShowsRebuildingAndSearchAnswers503UntilTheIndexIsBuilt() throws Exception {
        String url = PostgresServer.shared().createDatabase();
        Map<String, String> db = Map.of("db.url", url, "db.user", "dikta");
        TestServer.start(db).close(); // the schema

        try (Connection lock = DriverManager.getConnection(url, "dikta", "")) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE notes IN ACCESS EXCLUSIVE MODE");
            }
            try (TestServer server = TestServer.start(db)) { // a new data directory: no index, so it is built
                server.addUser("anna", Role.WORKER, "IFO Barn och unga");
                ApiClient anna = server.login("anna");
                ApiClient.Response health = server.anonymous().get("/health");
                assertThat(health.json().getString("index")).as(health.body()).isEqualTo("REBUILDING");
                assertThat(anna.get("/api/search?q=oro").status()).isEqualTo(503);

                lock.rollback();
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (!"UP".equals(server.anonymous().get("/health").json().getString("index"))) {
                    assertThat(System.nanoTime()).as("index UP within 60 s of the lock's release").isLessThan(deadline);
                    Thread.sleep(20);
                }
                assertThat(anna.get("/api/search?q=oro").status()).isEqualTo(200);
            }
        }
    }
}
