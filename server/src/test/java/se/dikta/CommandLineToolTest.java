package se.dikta;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

class CommandLineToolTest {

    @TempDir
    Path dir;

    private int run(String stdin, ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return new Main().run(args, Map.of("DIKTA_DATA_DIR", dir.toString()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void userAddedOnTheCommandLineCanSignInToTheServer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run("Hemligt-lösen-1\n", out, err, "user", "add", "märta", "--role", "worker", "--unit",
                "IFO Barn och unga", "--password-stdin");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("märta");

        ByteArrayOutputStream list = new ByteArrayOutputStream();
        assertThat(run("", list, err, "user", "list")).isZero();
        assertThat(list.toString(StandardCharsets.UTF_8)).contains("märta").contains("IFO Barn och unga");

        try (TestServer server = TestServer.start(Map.of("dataDir", dir.toString()))) {
            ApiClient.Response r = server.anonymous().post("/api/login",
                    new JsonObject().put("username", "märta").put("password", "Hemligt-lösen-1"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().getString("unit")).isEqualTo("IFO Barn och unga");
        }
    }

    @Test
    void badRoleAndMissingPasswordGiveClearErrors() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run("x\n", new ByteArrayOutputStream(), err, "user", "add", "bo", "--role", "chef", "--unit", "U",
                "--password-stdin")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown role");
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        assertThat(run("", new ByteArrayOutputStream(), err2, "user", "add", "bo", "--role", "worker", "--unit", "U",
                "--password-stdin")).isEqualTo(2);
        assertThat(err2.toString(StandardCharsets.UTF_8)).contains("No password");
    }

    @Test
    void invalidConfigurationStopsWithMessageNamingTheKey() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(new Main().run(new String[] {"serve", "--port", "abc"}, Map.of(),
                new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'port'");
    }

    @Test
    void unknownCommandPrintsUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run("", new ByteArrayOutputStream(), err, "frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("user add").contains("serve");
    }
}
