package se.dikta.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import se.dikta.identity.Role;

/**
 * A test server in its own JVM, for tests that need a process with other settings (locale, encoding) or
 * its own CPU account. The child is started without se.dikta.Main, so only the services themselves
 * prepare the runtime. It adds the worker "anna" (password "losen-anna"), prints {@code READY <port>}
 * and runs until its standard input closes.
 */
public final class ChildServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final StringBuilder output;

    private ChildServer(Process process, int port, StringBuilder output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** In the child: {@code ChildServer KEY=VALUE...} (configuration overrides). */
    public static void main(String[] args) throws IOException {
        Map<String, String> overrides = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            overrides.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        try (TestServer server = TestServer.start(overrides)) {
            try {
                server.addUser("anna", Role.WORKER, "IFO");
            } catch (IllegalArgumentException e) {
                // a restart on the same database: anna is already there
            }
            System.out.println("READY " + server.port());
            System.out.flush();
            while (System.in.read() != -1) {
                // until the parent closes our stdin
            }
        }
        System.exit(0);
    }

    /** A loopback port free now, for a server that must come back on the same port after a kill. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts a child on the embedded database in {@code dir} and on {@code port}, both outliving the process,
     * so that a test can kill it and start it again where it stopped.
     *
     * @param settings further server configuration, as dotted keys
     */
    public static ChildServer startOn(Path dir, int port, String maxHeap, Map<String, String> settings)
            throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.put("db.url", "jdbc:h2:file:" + dir.resolve("dikta"));
        all.put("port", String.valueOf(port));
        return start(List.of("-Xmx" + maxHeap), env -> { }, all);
    }

    /**
     * Starts a child with this JVM's classpath and waits until it listens.
     *
     * @param jvmArgs     extra JVM options
     * @param environment edits the child's environment
     * @param overrides   server configuration, as dotted keys
     */
    public static ChildServer start(List<String> jvmArgs, Consumer<Map<String, String>> environment,
            Map<String, String> overrides) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", classpath, ChildServer.class.getName()));
        overrides.forEach((k, v) -> cmd.add(k + "=" + v));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        environment.accept(pb.environment());
        Process process = pb.start();
        StringBuilder output = new StringBuilder();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.ISO_8859_1))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.startsWith("READY ")) {
                        ready.complete(Integer.parseInt(line.substring(6).trim()));
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("the child server exited"));
        });
        reader.setDaemon(true);
        reader.start();
        try {
            return new ChildServer(process, ready.get(120, TimeUnit.SECONDS), output);
        } catch (Exception e) {
            process.destroyForcibly();
            synchronized (output) {
                throw new AssertionError("the child server did not start:\n" + output, e);
            }
        }
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /** What the child printed so far (its log included). */
    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    /** A client signed in as "anna". */
    public ApiClient loginAnna() {
        ApiClient anna = new ApiClient("http://127.0.0.1:" + port);
        ApiClient.Response r = anna.post("/api/login",
                new io.vertx.core.json.JsonObject().put("username", "anna").put("password", "losen-anna"));
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r.status() + " " + r.body());
        }
        return anna;
    }

    /** Total CPU time of the child process so far. */
    public double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().orElseThrow().toNanos() / 1e9;
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
