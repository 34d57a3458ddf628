package se.dikta.perf;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.dikta.structure.TrainedModels;
import se.dikta.testing.ApiClient;
import se.dikta.testing.BenchmarkReport;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModelGenerator;

/**
 * Start-up time of the real server process (the shaded jar when it is built, else the classes) on a fresh data
 * directory: from launching {@code serve} to {@code /health} answering UP with the structuring models and the
 * speech model ready, and to the first {@code POST /api/structure} that is not 503 (one {@code user add} first,
 * then sign-in). Runs with the models packaged at build time, again on the now used data directory, and with
 * custom training data (what every first start cost before the models were trained at build time). Writes the
 * "startup" section of docs/benchmarks.md.
 */
@Tag("bench")
class StartupBenchmark {

    private static final String TEXT = "hembesök hos familjen mamma berättar att lisa sover dåligt "
            + "jag bedömer att familjen behöver stöd vi planerar ett nytt besök om två veckor";

    record Timing(double healthUp, double ready, double structured, double cpu) {}

    @Test
    void measuresStartUpToReady() throws Exception {
        Path root = TrainedModels.repoRoot();
        Path work = Files.createTempDirectory("dikta-startup-");
        try {
            Path model = new ToneModelGenerator().generate(work.resolve("vosk-model-tone")).dir();
            Path custom = work.resolve("nlp-custom");
            copyTree(root.resolve("models/nlp"), custom);
            Files.writeString(custom.resolve("sections/barn-och-unga.tsv"),
                    "\nKONTAKT\tbesök på kontoret den första juni\n", StandardOpenOption.APPEND);
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

            Path fresh = work.resolve("data-fresh");
            double userAdd = userAdd(fresh);
            Timing first = start(fresh, model, List.of());
            Timing again = start(fresh, model, List.of());
            Path customData = work.resolve("data-custom");
            userAdd(customData);
            Timing trained = start(customData, model, List.of("--structure-training-dir", custom.toString()));

            String report = String.format(Locale.ROOT, """
                    ## startup

                    Measured by `StartupBenchmark` (`mvn -o -q -B -pl server -Pbench test -Dtest=StartupBenchmark`,
                    after `mvn -o -q -B package -DskipTests` so that it launches %s) on 2 cores, run alone through the
                    benchmark queue while builds wait at the lowest CPU priority (load average %.2f at the start),
                    Java %s, H2, the generated tone model as speech model.
                    Seconds from launching `java -jar dikta.jar serve` to: `/health` answering 200 UP; `/health`
                    showing the structuring models and the speech model ready; the first `POST /api/structure`
                    (after sign-in) that is not 503. CPU is the server process's total until then.
                    `user add` (its own JVM, creating the database) took %.1f s before the first start.

                    | start | /health UP | everything ready | first /api/structure | CPU s | target |
                    | --- | --- | --- | --- | --- | --- |
                    | fresh data directory, models packaged in the jar | %.2f | %.2f | %.2f | %.1f | < 5 s |
                    | second start, same data directory | %.2f | %.2f | %.2f | %.1f | |
                    | custom training data (`structure.trainingDir`): trains at start | %.2f | %.2f | %.2f | %.1f | |

                    The models are trained at build time (`NlpModelBuild`, run by exec-maven-plugin in
                    process-classes from the models/nlp copy that goes into the jar) and packaged under
                    `nlp-models/` with the SHA-256 fingerprint of the training data and feature versions. At start the
                    server hashes its training data (the packaged copy, or `structure.trainingDir`) and loads the
                    packaged models when the fingerprints match; otherwise it trains in the background as before
                    (the last row: what every first start cost before) and caches the result in `structure.modelDir`.

                    The server opens the database and the search index, loads the structuring models and loads
                    the speech model side by side on worker threads (`Services.open`) and listens when all three are
                    in, so a start costs the longest of them rather than their sum: on a fresh start the database
                    (JVM start, class loading, H2 and Flyway's check) takes about 2 s from launch, while the speech
                    model and the packaged NLP models load on the other core. The first `/api/structure` comes after
                    the sign-in, whose PBKDF2 hash (210,000 iterations) takes about 0.5 s. With a real speech model
                    (50 MB and more) its load is the part the parallel start hides. The benchmark prints each
                    start's log, whose timestamps show where the time went.
                    """, Files.exists(jar()) ? "the shaded jar" : "the compiled classes", load,
                    System.getProperty("java.version"), userAdd,
                    first.healthUp, first.ready, first.structured, first.cpu,
                    again.healthUp, again.ready, again.structured, again.cpu,
                    trained.healthUp, trained.ready, trained.structured, trained.cpu);
            System.out.println(report);
            BenchmarkReport.writeSection("startup", report);
            assertThat(first.structured).isPositive();
        } finally {
            TestServer.deleteTree(work);
        }
    }

    private static Path jar() {
        return TrainedModels.repoRoot().resolve("server/target/dikta.jar");
    }

    private static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dfile.encoding=UTF-8"));
        if (Files.exists(jar())) {
            cmd.addAll(List.of("-jar", jar().toString()));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("surefire.test.class.path",
                    System.getProperty("java.class.path")), "se.dikta.Main"));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static double userAdd(Path dataDir) throws Exception {
        long started = System.nanoTime();
        Process p = new ProcessBuilder(java("user", "add", "anna", "--role", "worker", "--unit", "IFO",
                "--password-stdin", "--data-dir", dataDir.toString())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().write("ett-langt-losenord\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor()).as("user add").isZero();
        return (System.nanoTime() - started) / 1e9;
    }

    private static Timing start(Path dataDir, Path model, List<String> extra) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> args = new ArrayList<>(List.of("serve", "--data-dir", dataDir.toString(), "--port",
                String.valueOf(port), "--host", "127.0.0.1", "--asr-model", model.toString()));
        args.addAll(extra);
        Path log = Files.createTempFile("dikta-startup-", ".log");
        long t0 = System.nanoTime();
        String launched = java.time.LocalTime.now().toString();
        Process p = new ProcessBuilder(java(args.toArray(String[]::new))).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(5)).build();
            double up = -1;
            double ready = -1;
            long deadline = t0 + Duration.ofMinutes(5).toNanos();
            while (ready < 0 && System.nanoTime() < deadline && p.isAlive()) {
                try {
                    HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
                    double t = (System.nanoTime() - t0) / 1e9;
                    if (r.statusCode() == 200 && up < 0) {
                        up = t;
                    }
                    JsonObject body = new JsonObject(r.body());
                    if (r.statusCode() == 200 && "ready".equals(body.getJsonObject("structure").getString("models"))
                            && Boolean.TRUE.equals(body.getJsonObject("asr").getBoolean("loaded"))) {
                        ready = t;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (ready < 0) {
                    Thread.sleep(20);
                }
            }
            ApiClient client = new ApiClient("http://127.0.0.1:" + port);
            assertThat(client.post("/api/login", new JsonObject().put("username", "anna")
                    .put("password", "ett-langt-losenord")).status()).isEqualTo(200);
            int status;
            do {
                status = client.post("/api/structure", new JsonObject().put("text", TEXT)).status();
            } while (status == 503 && System.nanoTime() < deadline);
            double structured = (System.nanoTime() - t0) / 1e9;
            assertThat(status).as(Files.readString(log)).isEqualTo(200);
            double cpu = p.toHandle().info().totalCpuDuration().orElseThrow().toNanos() / 1e9;
            // where the time went: the server's log lines carry their wall-clock time
            System.out.printf(Locale.ROOT, "launched %s, %s%n%s%n", launched, args, Files.readString(log));
            return new Timing(up, ready, structured, cpu);
        } finally {
            p.destroy();
            p.waitFor();
            Files.deleteIfExists(log);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
