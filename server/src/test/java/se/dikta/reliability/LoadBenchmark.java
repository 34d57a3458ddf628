package se.dikta.reliability;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.dikta.testing.ApiClient;
import se.dikta.testing.BenchmarkReport;
import se.dikta.testing.ChildServer;
import se.dikta.testing.StreamClient;
import se.dikta.testing.StreamClient.Connection;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/**
 * Load for {@code dikta.loadSeconds} (60) on a server in its own JVM: as many real-time dictation streams as
 * {@code asr.maxStreams} admits, plus searches, saves and time-saved reports in closed loops; then twice as
 * many streams. Figures (throughput, ack/search/save/report latency, errors, lost acks, refusals, heap, RSS)
 * go to docs/benchmarks.md. {@code mvn -B -o verify -pl server -am -Pload}
 */
@Tag("load")
class LoadBenchmark {

    static final int SECONDS = Integer.getInteger("dikta.loadSeconds", 60);
    static final int LIMIT = Integer.getInteger("dikta.loadStreams", Runtime.getRuntime().availableProcessors());
    static final String SCRIPT = "hallå mötet barnet | samtal oro stöd | mamma pappa skolan | bedömning förskola läkare"
            + " | åtgärd socialtjänsten samtal";

    record Phase(int streams, Stats stats, long rssMax, double heapMb, String load) {}

    /** Everything one phase measured. */
    static final class Stats {
        final List<Double> ackMs = Collections.synchronizedList(new ArrayList<>());
        final Map<String, List<Double>> requestMs = new ConcurrentHashMap<>();
        final AtomicInteger streamsDone = new AtomicInteger();
        final AtomicInteger refusals = new AtomicInteger();
        final AtomicInteger refusalsBelowLimit = new AtomicInteger();
        final AtomicInteger streamErrors = new AtomicInteger();
        final AtomicInteger requestErrors = new AtomicInteger();
        final AtomicInteger lostAcks = new AtomicInteger();
        final AtomicLong audioFrames = new AtomicLong();
        final List<String> errorSamples = new CopyOnWriteArrayList<>();
    }

    @Test
    void streamsAtTheLimitAndAtTwiceTheLimitBesideSearchesSavesAndReports() throws Exception {
        Path dir = Files.createTempDirectory("dikta-load-");
        try {
            ToneModel model = new ToneModelGenerator().generate(dir.resolve("vosk-model-tone"));
            ToneAudio audio = new ToneWavWriter(model).render(SCRIPT, 16000);
            ChildServer child = ChildServer.start(List.of("-Xmx512m"), env -> { }, Map.of(
                    "asr.model", model.dir().toString(), "asr.maxStreams", String.valueOf(LIMIT),
                    "dataDir", dir.resolve("data").toString()));
            try {
                ApiClient anna = child.loginAnna();
                anna.post("/api/cases", new JsonObject().put("id", "2026-0999").put("title", "Familj Last"));
                List<String> notes = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    notes.add(anna.post("/api/notes", note("Samtal med mamma om skolan och stöd, besök " + i))
                            .json().getString("id"));
                }
                Phase atLimit = run(child, audio, notes, LIMIT);
                Phase twice = run(child, audio, notes, 2 * LIMIT);
                BenchmarkReport.writeSection("load", report(List.of(atLimit, twice), audio));
            } finally {
                child.close();
            }
        } finally {
            TestServer.deleteTree(dir);
        }
    }

    static JsonObject note(String text) {
        return new JsonObject().put("caseId", "2026-0999").put("template", "journalanteckning")
                .put("sections", new JsonArray().add(new JsonObject().put("key", "KONTAKT").put("text", text)));
    }

    static Phase run(ChildServer child, ToneAudio audio, List<String> notes, int streams) throws Exception {
        Stats stats = new Stats();
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        AtomicInteger admitted = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        ApiClient session = child.loginAnna();
        for (int i = 0; i < streams; i++) {
            threads.add(new Thread(() -> speak(child, session, audio, deadline, stats, admitted)));
        }
        Random random = new Random(14);
        ApiClient searcher = child.loginAnna();
        ApiClient saver = child.loginAnna();
        ApiClient reporter = child.loginAnna();
        String[] words = {"samtal", "mamma", "skolan", "stöd", "besök", "oro", "barnet"};
        threads.add(loop(deadline, stats, "search", () -> searcher.get("/api/search?q="
                + words[random.nextInt(words.length)])));
        AtomicInteger saves = new AtomicInteger();
        threads.add(loop(deadline, stats, "save", () -> saver.put("/api/notes/" + notes.get(saves.get() % notes.size()),
                note("Ändrad text " + saves.incrementAndGet()))));
        threads.add(loop(deadline, stats, "report", () -> reporter.get(
                "/api/reports/time-saved?from=2026-01-01&to=2026-12-31&groupBy=worker")));
        long[] rss = {0};
        Thread sampler = new Thread(() -> {
            while (System.nanoTime() < deadline) {
                rss[0] = Math.max(rss[0], rssKb(child.process().pid()));
                sleep(1000);
            }
        });
        threads.add(sampler);
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        double heap = heapMb(child.loginAnna());
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        return new Phase(streams, stats, rss[0], heap, load);
    }

    /** One dictating user: stream the recording in real time, stop, again, until the deadline. */
    static void speak(ChildServer child, ApiClient session, ToneAudio audio, long deadline, Stats stats, AtomicInteger admitted) {
        int frames = (audio.pcm().length + 3199) / 3200;
        try (StreamClient client = new StreamClient(child.port(), session)) {
            while (System.nanoTime() < deadline) {
                Connection c = client.connect();
                try {
                    c.send(new JsonObject().put("type", "start").put("sampleRate", 16000).put("caseId", "2026-0999"));
                } catch (RuntimeException e) {
                    // refused at once: the server closed before the start went out
                }
                sleep(300);
                if (!c.ofType("error").isEmpty()) {
                    short code = c.awaitClose(Duration.ofSeconds(10));
                    if (code != 1013) {
                        stats.streamErrors.incrementAndGet();
                        stats.errorSamples.add("stream refused with " + code + ": " + c.ofType("error"));
                    }
                    stats.refusals.incrementAndGet();
                    if (admitted.get() < LIMIT) {
                        stats.refusalsBelowLimit.incrementAndGet();
                    }
                    sleep(2000);
                    continue;
                }
                admitted.incrementAndGet();
                try {
                    c.sendAudio(audio, 100, 1.0).stop();
                    c.awaitType("done", Duration.ofSeconds(60));
                    long lastAck = 0;
                    for (StreamClient.Message m : c.messages()) {
                        if ("ack".equals(m.type())) {
                            long seq = m.json().getLong("seq");
                            lastAck = Math.max(lastAck, seq);
                            stats.ackMs.add((m.nanos() - c.frameSentAt(seq)) / 1e6);
                        }
                    }
                    if (lastAck < frames) {
                        stats.lostAcks.incrementAndGet();
                    }
                    stats.audioFrames.addAndGet(frames);
                    stats.streamsDone.incrementAndGet();
                } catch (AssertionError | RuntimeException e) {
                    stats.streamErrors.incrementAndGet();
                    stats.errorSamples.add("stream: " + e.getMessage());
                } finally {
                    admitted.decrementAndGet();
                }
            }
        }
    }

    static Thread loop(long deadline, Stats stats, String kind, java.util.function.Supplier<ApiClient.Response> call) {
        return new Thread(() -> {
            while (System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                ApiClient.Response r = call.get();
                stats.requestMs.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
                        .add((System.nanoTime() - t0) / 1e6);
                if (r.status() != 200) {
                    stats.requestErrors.incrementAndGet();
                    stats.errorSamples.add(kind + ": " + r.status() + " " + r.body());
                }
                sleep(100);
            }
        });
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // the process is gone
        }
        return 0;
    }

    /** Heap in use from the server's Prometheus metrics. */
    static double heapMb(ApiClient client) {
        double bytes = 0;
        for (String line : client.get("/metrics").body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return bytes / 1e6;
    }

    static double pct(List<Double> values, double p) {
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }

    static String report(List<Phase> phases, ToneAudio audio) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "## Load: live dictation beside searches, saves and reports (`LoadBenchmark`, `-Pload`)%n%n"
                + "%d s per phase on this 2-core machine, `asr.maxStreams` = %d, embedded H2, a server JVM of its own "
                + "(-Xmx512m). Each stream sends a %.1f s tone-model recording in real time (100 ms frames), stops, "
                + "and starts again; one user each searches, saves and asks for the time-saved report in a closed "
                + "loop with 100 ms pauses. **The machine is shared with other builds and helpers** — the load "
                + "average is given per phase; latencies on a dedicated server are lower.%n%n", SECONDS, LIMIT, audio.seconds()));
        sb.append("| streams offered | streams done | audio s per s | ack p50 / p95 / p99 ms | search p50 / p95 ms "
                + "| save p50 / p95 ms | report p50 / p95 ms | requests/s | errors | lost acks | refusals (below limit) "
                + "| heap MB | RSS max MB | load average (1/5/15 min) |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Phase p : phases) {
            Stats s = p.stats();
            int requests = s.requestMs.values().stream().mapToInt(List::size).sum();
            sb.append(String.format(Locale.ROOT, "| %d | %d | %.2f | %.0f / %.0f / %.0f | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f "
                    + "| %.1f | %d | %d | %d (%d) | %.0f | %.0f | %s |%n", p.streams(), s.streamsDone.get(),
                    s.audioFrames.get() * 0.1 / SECONDS, pct(s.ackMs, 50), pct(s.ackMs, 95), pct(s.ackMs, 99),
                    pct(list(s, "search"), 50), pct(list(s, "search"), 95), pct(list(s, "save"), 50),
                    pct(list(s, "save"), 95), pct(list(s, "report"), 50), pct(list(s, "report"), 95),
                    requests / (double) SECONDS, s.requestErrors.get() + s.streamErrors.get(), s.lostAcks.get(),
                    s.refusals.get(), s.refusalsBelowLimit.get(), p.heapMb(), p.rssMax() / 1024.0,
                    String.join(" / ", List.of(p.load().split(" ")).subList(0, 3))));
        }
        sb.append("\nAck latency: from handing the frame an ack names to the socket to that ack's arrival (decoding "
                + "the queued audio plus committing the utterance's text to the draft). A refusal is a `start` "
                + "answered with an error and close 1013.\n");
        for (Phase p : phases) {
            p.stats().errorSamples.stream().limit(5).forEach(e -> sb.append("\n- error sample (").append(p.streams())
                    .append(" streams): ").append(e.length() > 200 ? e.substring(0, 200) : e));
        }
        return sb.append('\n').toString();
    }

    static List<Double> list(Stats s, String kind) {
        return s.requestMs.getOrDefault(kind, List.of());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
