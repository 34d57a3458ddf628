package se.dikta.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Clock;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import se.dikta.DiktaServer;
import se.dikta.auth.AuthApi;
import se.dikta.auth.UserStore;
import se.dikta.config.DiktaConfig;
import se.dikta.db.Database;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.notes.NoteService;

/**
 * The real server on a free port with a fresh embedded database in a temp directory (or the database
 * given with {@code db.url}). Close it to stop the server and delete the directory.
 */
public final class TestServer implements AutoCloseable {

    public static final String PASSWORD_PREFIX = "losen-";

    private final Path dataDir;
    private final DiktaServer server;

    private TestServer(Path dataDir, DiktaServer server) {
        this.dataDir = dataDir;
        this.server = server;
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /** Starts with configuration overrides given as dotted keys ({@code "asr.maxStreams" -> "2"}). */
    public static TestServer start(Map<String, String> overrides) {
        return start(overrides, Clock.systemUTC());
    }

    /** Starts with overrides and a clock the test controls (e.g. a {@link MutableClock}). */
    public static TestServer start(Map<String, String> overrides, Clock clock) {
        Path dir;
        try {
            dir = Files.createTempDirectory("dikta-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new HashMap<>();
        values.put("auth.failureDelay", "0s");
        // Demo mode would fetch the Swedish model from the internet; tests configure a loopback URL if they want one.
        values.put("asr.downloadUrl", "none");
        // Trained NLP models are shared by all test servers: training them per server would cost seconds each.
        values.put("structure.modelDir", Path.of(System.getProperty("dikta.repoRoot", ".."), "server", "target",
                "nlp-models").toString());
        values.putAll(overrides);
        DiktaConfig config = DiktaConfig.forTest(dir, values);
        try {
            return new TestServer(dir, DiktaServer.start(config, clock).await());
        } catch (RuntimeException e) {
            deleteTree(dir);
            throw e;
        } catch (Exception e) {
            deleteTree(dir);
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The running server's Vert.x instance. */
    public Vertx vertx() {
        return server.services().vertx();
    }

    /** Every route the server's router answers, as {@code "METHOD /path"} (see {@code DiktaServer.routes()}). */
    public java.util.List<String> routes() {
        return server.routes();
    }

    public Database database() {
        return server.services().db();
    }

    /** The one way to read and write notes (live dictation appends to drafts through it). */
    public NoteService notes() {
        return server.services().notes();
    }

    public DiktaConfig config() {
        return server.services().config();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates a user through the API's own service; the password is {@code "losen-" + username}. */
    public AuthUser addUser(String username, Role role, String unit) {
        return server.services().auth().addUserBlocking(new UserStore.NewUser(username, username, AuthApi.defaultTitle(role), role, unit),
                        PASSWORD_PREFIX + username);
    }

    /** A client signed in as {@code username}. */
    public ApiClient login(String username) {
        ApiClient client = anonymous();
        ApiClient.Response r = client.post("/api/login",
                new JsonObject().put("username", username).put("password", PASSWORD_PREFIX + username));
        if (r.status() != 200) {
            throw new IllegalStateException("Login as " + username + " failed: " + r.status() + " " + r.body());
        }
        return client;
    }

    public ApiClient anonymous() {
        return new ApiClient(baseUrl());
    }

    @Override
    public void close() {
        try {
            server.stop().await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            deleteTree(dataDir);
        }
    }

    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
