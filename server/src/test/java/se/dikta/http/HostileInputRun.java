package se.dikta.http;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.StreamClient;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;

/**
 * One bounded, seeded run of every kind of hostile input against a real server with the tone model, while
 * another user keeps searching and reading {@code /health}: their latency before and during the run is the
 * measure of "no slower server for others". Used by {@code HostileInputTest} (a few rounds, default build)
 * and {@code HostileInputBenchmark} (many rounds, {@code -Pbench}).
 */
final class HostileInputRun implements AutoCloseable {

    record Latency(int requests, double p50Millis, double p95Millis, double maxMillis) {
        static Latency of(List<Long> nanos) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return new Latency(0, 0, 0, 0);
            }
            return new Latency(sorted.size(), at(sorted, 0.50), at(sorted, 0.95), sorted.get(sorted.size() - 1) / 1e6);
        }

        private static double at(List<Long> sorted, double q) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
        }
    }

    record Result(FuzzTally tally, Latency before, Latency during, double seconds) {
    }

    private final TestServer server;
    private final ApiClient worker;
    private final ApiClient manager;
    private final ApiClient admin;
    private final ApiClient other;
    private final StreamClient streams;
    private final String noteId;
    private final long unitId;

    HostileInputRun(Path tmp) throws Exception {
        ToneModel tone = new ToneModelGenerator().generate(tmp.resolve("vosk-model-tone"));
        server = TestServer.start(Map.of("asr.model", tone.dir().toString(), "asr.maxStreams", "4",
                "asr.inlineMaxSeconds", "0.5", "asr.maxUploadBytes", "3000000", "asr.idleTimeout", "10s"));
        String unit = "IFO Barn och unga";
        server.addUser("anna", Role.WORKER, unit);
        server.addUser("olle", Role.WORKER, unit);
        server.addUser("chef", Role.MANAGER, unit);
        server.addUser("root", Role.ADMIN, unit);
        worker = server.login("anna");
        other = server.login("olle");
        manager = server.login("chef");
        admin = server.login("root");
        streams = new StreamClient(server.port(), worker);
        check(worker.post("/api/cases", new JsonObject().put("id", "F-1").put("title", "Fuzz")), 201);
        check(other.post("/api/cases", new JsonObject().put("id", "O-1").put("title", "Olles")), 201);
        for (int i = 0; i < 20; i++) {
            check(other.post("/api/notes", new JsonObject().put("caseId", "O-1").put("template", "journalanteckning")
                    .put("sections", new io.vertx.core.json.JsonArray().add(new JsonObject().put("key", "KONTAKT")
                            .put("text", "Hembesök hos familjen, oro för barnets skolgång nummer " + i)))), 201);
        }
        noteId = worker.post("/api/notes", new JsonObject().put("caseId", "F-1").put("template", "journalanteckning"))
                .json().getString("id");
        unitId = admin.get("/api/admin/units").json().getJsonArray("unitList").getJsonObject(0).getLong("id");
    }

    private static void check(ApiClient.Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException(r.status() + " " + r.body());
        }
    }

    /** {@code rounds} of each kind of hostile input, seeded; the other user's latency measured throughout. */
    Result run(long seed, int rounds, int probesBefore) throws Exception {
        for (int i = 0; i < probesBefore; i++) {
            probe(i); // warm-up: the first requests pay for class loading and JIT, not for the fuzz
        }
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < probesBefore; i++) {
            before.add(probe(i));
        }
        FuzzTally tally = new FuzzTally();
        HostileRequests requests = new HostileRequests(worker, admin, noteId, unitId, tally);
        HostileAudio audio = new HostileAudio(worker, streams, tally);
        List<Long> during = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean fuzzing = new AtomicBoolean(true);
        Thread prober = new Thread(() -> {
            for (int i = 0; fuzzing.get(); i++) {
                during.add(probe(i));
            }
        }, "latency-probe");
        long start = System.nanoTime();
        prober.start();
        try {
            Random rnd = new Random(seed);
            ApiClient anonymous = server.anonymous();
            for (int round = 0; round < rounds; round++) {
                requests.json(rnd, anonymous);
                requests.search(rnd);
                requests.ids(rnd);
                requests.reports(rnd, manager);
                audio.upload(rnd);
                audio.stream(rnd);
            }
            audio.awaitJobs(Duration.ofSeconds(60));
        } finally {
            fuzzing.set(false);
            prober.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        tally.http("after:health", "/health", server.anonymous().get("/health"));
        tally.http("after:search", "olle", other.get("/api/search?q=oro"));
        return new Result(tally, Latency.of(before), Latency.of(during), seconds);
    }

    /** One request of the other user: a search or {@code /health}, alternately; its time in nanoseconds. */
    private long probe(int i) {
        long t0 = System.nanoTime();
        ApiClient.Response r = i % 2 == 0 ? other.get("/api/search?q=oro") : other.get("/health");
        long took = System.nanoTime() - t0;
        if (r.status() != 200) {
            throw new IllegalStateException("the other user's request failed: " + r.status() + " " + r.body());
        }
        return took;
    }

    @Override
    public void close() {
        streams.close();
        server.close();
    }
}
