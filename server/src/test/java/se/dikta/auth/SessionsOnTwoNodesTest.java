package se.dikta.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.PostgresServer;
import se.dikta.testing.TestServer;

/** Two nodes on one PostgreSQL: a session ended on one node (sign-out, deactivation) is over on the other too. */
class SessionsOnTwoNodesTest {

    @Test
    void signOutAndDeactivationOnOneNodeEndTheSessionOnTheOther() {
        Map<String, String> config = Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta");
        try (TestServer first = TestServer.start(config); TestServer second = TestServer.start(config)) {
            first.addUser("anna", Role.WORKER, "IFO Barn och unga");
            first.addUser("admin", Role.ADMIN, "IT");
            ApiClient onFirst = first.login("anna");
            String session = onFirst.cookie("DIKTA_SESSION");
            ApiClient onSecond = second.anonymous().setCookie("DIKTA_SESSION", session);
            assertThat(onSecond.get("/api/me").status()).as("one session, any node").isEqualTo(200);
            assertThat(onFirst.post("/api/logout", null).status()).isEqualTo(200);
            assertThat(onSecond.get("/api/me").status()).as("signed out on the first node").isEqualTo(401);

            ApiClient again = first.login("anna");
            ApiClient againOnSecond = second.anonymous().setCookie("DIKTA_SESSION", again.cookie("DIKTA_SESSION"));
            assertThat(againOnSecond.get("/api/me").status()).isEqualTo(200);
            assertThat(second.login("admin").post("/api/admin/users/anna/deactivate", new JsonObject()).status())
                    .isEqualTo(200);
            assertThat(again.get("/api/me").status()).as("deactivated on the second node").isEqualTo(401);
            assertThat(againOnSecond.get("/api/me").status()).isEqualTo(401);
        }
    }
}
