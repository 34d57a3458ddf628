package se.dikta.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: {@code initdb} + {@code pg_ctl} from the machine's PostgreSQL on a free
 * port in a temp directory, started once per test JVM and stopped at exit. PostgreSQL refuses to run as root,
 * so under root it runs as {@code nobody}. If it cannot start, tests fail loudly: they never skip.
 *
 * <p>Each caller gets its own empty database from {@link #createDatabase()}.
 */
public final class PostgresServer {

    private static PostgresServer shared;

    private final Path dir;
    private final Path bin;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();
    /** synchronous_commit on (PostgreSQL's default): a commit survives an immediate stop. */
    private volatile boolean durable;

    private PostgresServer(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    /** The JVM-wide server, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "postgres-stop"));
        }
        return shared;
    }

    /** A fresh, empty database; returns its JDBC URL (user {@code dikta}, no password). */
    public String createDatabase() {
        String name = "dikta_test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "dikta", "");
                Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("CREATE DATABASE " + name);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create PostgreSQL test database: " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    private static PostgresServer start() {
        Path bin = findBinDir();
        try {
            Path dir = Files.createTempDirectory("dikta-pg-");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                // nobody must be able to reach and own the data directory
                dir.toFile().setExecutable(true, false);
                dir.toFile().setReadable(true, false);
                dir.toFile().setWritable(true, false);
            }
            Path data = dir.resolve("data");
            int port = freePort();
            run(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "dikta",
                    "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"), dir);
            PostgresServer server = new PostgresServer(dir, bin, port);
            server.startProcess();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start PostgreSQL for tests: " + e.getMessage(), e);
        }
    }

    /**
     * A server of its own, for a test that stops and starts it (a database outage); stopped at JVM exit.
     */
    public static PostgresServer startDedicated() {
        PostgresServer s = start();
        s.stopProcess();
        s.durable = true;
        s.startProcess();
        Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "postgres-stop"));
        return s;
    }

    /** Starts the (stopped) server again on the same port and data. */
    public void startProcess() {
        run("root".equals(System.getProperty("user.name")), List.of(bin.resolve("pg_ctl").toString(), "-D",
                dir.resolve("data").toString(), "-l", dir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off "
                        + "-c synchronous_commit=" + (durable ? "on" : "off")
                        + " -c full_page_writes=off -c max_connections=200",
                "start"), dir);
    }

    /** Stops the server at once, as a crash or a network failure would (its data stays for {@link #startProcess}). */
    public void stopProcess() {
        run("root".equals(System.getProperty("user.name")), List.of(bin.resolve("pg_ctl").toString(), "-D",
                dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"), dir);
    }

    private void stop() {
        try {
            run("root".equals(System.getProperty("user.name")),
                    List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                            "-w", "stop"), dir);
        } catch (RuntimeException e) {
            System.err.println("PostgreSQL stop failed: " + e.getMessage());
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Cannot delete " + dir + ": " + e.getMessage());
        }
    }

    private static void run(boolean asNobody, List<String> command, Path dir) {
        List<String> cmd = new ArrayList<>();
        if (asNobody) {
            cmd.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        }
        cmd.addAll(command);
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("cmd.log").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                String log = Files.readString(dir.resolve("cmd.log"));
                Path pgLog = dir.resolve("postgres.log");
                if (Files.exists(pgLog)) {
                    log += "\n" + Files.readString(pgLog);
                }
                throw new IllegalStateException("PostgreSQL command failed (" + p.exitValue() + "): "
                        + String.join(" ", command) + "\n" + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path findBinDir() {
        Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                var best = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> parseVersion(v.getFileName().toString())));
                if (best.isPresent()) {
                    return best.get().resolve("bin");
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql: "
                + "install the 'postgresql' package (.ci/run does)");
    }

    private static int parseVersion(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
