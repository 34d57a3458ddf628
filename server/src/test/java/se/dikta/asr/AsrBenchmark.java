package se.dikta.asr;

import static se.dikta.asr.AsrBenchRuns.RATE;
import static se.dikta.asr.AsrBenchRuns.percentile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import se.dikta.asr.AsrBenchLibrary.LibPaced;
import se.dikta.asr.AsrBenchRuns.Cost;
import se.dikta.asr.AsrBenchRuns.Paced;
import se.dikta.testing.BenchmarkReport;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/**
 * Transcription cost, latency, capacity and memory per speech model: the raw library loop against WebSocket
 * streams through the server (a child JVM, so that its CPU time and memory are its own), on the same model and
 * audio. The models are the generated tone model with hidden layers that make decoding cost what real models
 * cost ({@code -Dasr.bench.variants=name=LAYERSxWIDTH,...}), or a real model with {@code -Dasr.bench.model=DIR}
 * (its words are nonsense on the tone audio, but its decoding cost is the real one).
 * {@code mvn -o -q -B -pl server -Pbench test -Dtest=AsrBenchmark}; writes the "asr" section of docs/benchmarks.md.
 */
@Tag("bench")
class AsrBenchmark {

    /** Streams for the "asr.maxStreams streams" figures: the default limit, one per core. */
    private static final int STREAMS = Integer.getInteger("asr.bench.streams", Runtime.getRuntime().availableProcessors());
    private static final int[] CAPACITY_STEPS = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48};
    private static final int MAX_STREAMS = 48;
    /** Longest warm-up before the measured runs (it ends earlier once the JIT compiler has settled). */
    private static final double WARM_UP_SECONDS = 150;

    @TempDir
    Path tmp;
    ToneModel toneModel;

    record Variant(String name, String shape, Path dir, double generateSeconds) {}

    /**
     * Paced latencies through the server and of the library alone at 1 and N streams, pooled over alternating
     * rounds, and the load average over them.
     */
    record Latency(Paced server1, Paced serverN, LibPaced library1, LibPaced libraryN, String load) {}

    /** One model's figures; with {@code -Dasr.bench.latencyOnly=true} only the latency (the rest null). */
    record Result(Variant variant, Cost raw, Cost rawPartials, Cost decoder, Cost one, Cost many, double idle,
                  Latency latency, Paced capacity, Paced failed, double idleHeapMb, double idleRssMb,
                  double loadedHeapMb, int loadedStreams, String load, int warmUpRuns) {

        boolean costMeasured() {
            return one != null;
        }
    }

    /** 60 s of dictation-like melody: utterances of 2..5 words with pauses. */
    private ToneAudio melody(double seconds) {
        List<String> vocabulary = ToneModelGenerator.VOCABULARY;
        StringBuilder script = new StringBuilder();
        ToneWavWriter writer = new ToneWavWriter(toneModel);
        int i = 0;
        while (writer.render(script.toString().isEmpty() ? "oro" : script.toString(), RATE).seconds() < seconds) {
            int words = 2 + i % 4;
            for (int w = 0; w < words; w++) {
                script.append(vocabulary.get((i * 7 + w * 3) % vocabulary.size())).append(' ');
            }
            script.append("| ");
            i++;
        }
        return writer.render(script.toString().replaceAll("\\|\\s*$", ""), RATE);
    }

    private List<Variant> variants() throws Exception {
        String model = System.getProperty("asr.bench.model");
        if (model != null) {
            return List.of(new Variant(Path.of(model).getFileName().toString(), "real model", Path.of(model), 0));
        }
        List<Variant> variants = new ArrayList<>();
        String spec = System.getProperty("asr.bench.variants", "tone=0x0,light=4x2150,medium=8x2000,heavy=16x2000");
        for (String v : spec.split(",")) {
            String[] nameShape = v.split("=");
            String[] lw = nameShape[1].split("x");
            long t0 = System.nanoTime();
            Path dir = new ToneModelGenerator().withHiddenLayers(Integer.parseInt(lw[0]), Integer.parseInt(lw[1]))
                    .generate(tmp.resolve(nameShape[0])).dir();
            variants.add(new Variant(nameShape[0], nameShape[1].equals("0x0") ? "no hidden layers"
                    : lw[0] + " hidden layers × " + lw[1], dir, (System.nanoTime() - t0) / 1e9));
        }
        return variants;
    }

    @Test
    void measure() throws Exception {
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        toneModel = new ToneModelGenerator().generate(tmp.resolve("vosk-model-tone"));
        ToneAudio audio = melody(60);
        ToneAudio paced = melody(20);
        List<Result> results = new ArrayList<>();
        for (Variant v : variants()) {
            String load = loadAverage();
            boolean latencyOnly = Boolean.getBoolean("asr.bench.latencyOnly");
            // warm-ups, measured again beside the server (not needed for the latency alone)
            Cost raw = latencyOnly ? null : AsrBenchLibrary.rawLoop(v.dir(), audio, false, 1);
            Cost rawPartials = latencyOnly ? null : AsrBenchLibrary.rawLoop(v.dir(), audio, true, 1);
            try (AsrBenchServer server = AsrBenchServer.start(v.dir(), MAX_STREAMS)) {
                double idle = server.awaitIdle(); // the model loads, other features start background work
                double idleHeap = server.heapAfterGcMb();
                double idleRss = server.rssMb();
                int warmUp = AsrBenchRuns.warmUp(server, audio, STREAMS, WARM_UP_SECONDS);
                server.awaitIdle();
                if (Boolean.getBoolean("asr.bench.quick")) { // -Dasr.bench.quick=true: where the CPU goes, no report
                    quick(v, raw, rawPartials, server, audio, paced);
                    continue;
                }
                if (latencyOnly) {
                    results.add(new Result(v, null, null, null, null, null, idle, latency(v, server, paced), null, null,
                            idleHeap, idleRss, Double.NaN, 0, load, warmUp));
                    continue;
                }
                // library, decoder and server runs alternate, best of 3 each: all see the same machine
                Cost decoder = null;
                Cost one = null;
                Cost many = null;
                for (int i = 0; i < 3; i++) {
                    raw = best(raw, AsrBenchLibrary.rawLoop(v.dir(), audio, false, 1), i);
                    rawPartials = best(rawPartials, AsrBenchLibrary.rawLoop(v.dir(), audio, true, 1), i);
                    decoder = best(decoder, AsrBenchLibrary.decoderLoop(v.dir(), audio), i);
                    one = best(one, AsrBenchRuns.serverStreams(server, audio, 1), i);
                    many = best(many, AsrBenchRuns.serverStreams(server, audio, STREAMS), i);
                }
                Latency latency = latency(v, server, paced);
                Paced capacity = null;
                Paced failed = null;
                boolean cheap = raw.cpuPerAudio() < 0.01;
                for (int n : CAPACITY_STEPS) {
                    if (cheap) {
                        break; // hundreds of streams: the client, not the server, would be measured
                    }
                    Paced p = AsrBenchRuns.paced(server, paced, n);
                    System.out.printf(Locale.ROOT, "%s: %d streams ack p95 %.0f ms, done p95 %.0f ms, %.3f CPU s/s%n",
                            v.name(), n, percentile(p.acks(), 0.95), percentile(p.done(), 0.95), p.cpuPerAudio());
                    if (!p.keptUp()) {
                        failed = p;
                        break;
                    }
                    capacity = p;
                }
                int loaded = capacity == null ? STREAMS : capacity.streams();
                CompletableFuture<Paced> run = CompletableFuture.supplyAsync(() -> {
                    try {
                        return AsrBenchRuns.paced(server, paced, loaded);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(10_000);
                double loadedHeap = server.heapAfterGcMb();
                run.get();
                results.add(new Result(v, raw, rawPartials, decoder, one, many, idle, latency, capacity, failed,
                        idleHeap, idleRss, loadedHeap, loaded, load, warmUp));
            }
            if (!results.isEmpty()) {
                System.out.println(AsrBenchReport.write(results, audio, STREAMS));
            }
        }
        if (results.isEmpty()) {
            return; // quick runs: printed only
        }
        BenchmarkReport.writeSection("asr", AsrBenchReport.merge(AsrBenchReport.write(results, audio, STREAMS),
                BenchmarkReport.readSection("asr")));
    }

    /**
     * Paced streams through the server and the library alone paced the same way, at 1 and N streams, in
     * alternating rounds ({@code -Dasr.bench.latencyRounds}, default 3) pooled: both see the same machine, as its
     * other load comes and goes. One untimed paced run first compiles the server's paced path (the warm-up streams
     * as fast as it can).
     */
    private static Latency latency(Variant v, AsrBenchServer server, ToneAudio paced) throws Exception {
        AsrBenchRuns.paced(server, paced, STREAMS);
        String from = loadAverage();
        LibPaced library1 = LibPaced.NONE;
        LibPaced libraryN = LibPaced.NONE;
        Paced server1 = null;
        Paced serverN = null;
        for (int i = 0; i < Integer.getInteger("asr.bench.latencyRounds", 3); i++) {
            library1 = library1.plus(AsrBenchLibrary.rawPaced(v.dir(), paced, 1));
            server1 = AsrBenchRuns.paced(server, paced, 1).plus(server1);
            libraryN = libraryN.plus(AsrBenchLibrary.rawPaced(v.dir(), paced, STREAMS));
            serverN = AsrBenchRuns.paced(server, paced, STREAMS).plus(serverN);
        }
        Latency l = new Latency(server1, serverN, library1, libraryN, from + "–" + loadAverage());
        System.out.printf(Locale.ROOT, "%s latency (load %s): %d streams partials p95 %.1f (library %.1f), finals p95 "
                + "%.1f (library %.1f)%n", v.name(), l.load(), STREAMS, percentile(serverN.partials(), 0.95),
                percentile(libraryN.partials(), 0.95), percentile(serverN.finals(), 0.95),
                percentile(libraryN.finals(), 0.95));
        return l;
    }

    /** Repeated 1- and N-stream runs with the server's CPU by thread kind, and paced latencies; printed only. */
    private static void quick(Variant v, Cost raw, Cost rawPartials, AsrBenchServer server, ToneAudio audio,
            ToneAudio paced) throws Exception {
        System.out.printf(Locale.ROOT, "QUICK %s library %.4f, with partials %.4f (load %s)%n", v.name(),
                raw.cpuPerAudio(), rawPartials.cpuPerAudio(), loadAverage());
        for (int rep = 0; rep < Integer.getInteger("asr.bench.quickRuns", 3); rep++) {
            for (int n : new int[] {1, STREAMS}) {
                String from = java.time.LocalTime.now().toString();
                Cost c = AsrBenchRuns.serverStreams(server, audio, n);
                String by = perAudio(c.threads(), c.audioSeconds());
                System.out.printf(Locale.ROOT, "QUICK %s-%s %s run %d, %d streams: server %.4f ratio %.3f own %.2f ms/s "
                        + "wall %.1f s | ms per audio s: %s%n", from, java.time.LocalTime.now(), v.name(), rep, n, c.cpuPerAudio(),
                        raw.cpuPerAudio() / c.cpuPerAudio(), 1000 * (c.cpuPerAudio() - raw.cpuPerAudio()),
                        c.wallSeconds(), by);
            }
        }
        AsrBenchThreads.Snapshot idle0 = AsrBenchThreads.take(server.pid());
        Thread.sleep(10_000);
        System.out.printf(Locale.ROOT, "QUICK %s idle, ms per wall s: %s%n", v.name(),
                perAudio(AsrBenchThreads.between(idle0, AsrBenchThreads.take(server.pid())), 10));
        for (String steps : System.getProperty("asr.bench.quickPaced", "1," + STREAMS).split(",")) {
            int n = Integer.parseInt(steps);
            AsrBenchRuns.Paced p = AsrBenchRuns.paced(server, paced, n);
            System.out.printf(Locale.ROOT, "QUICK %s paced %d: finals p50 %.1f p95 %.1f (%d), partials p50 %.1f "
                    + "p95 %.1f (%d), acks p95 %.1f, %.4f CPU s/s | ms per audio s: %s%n", v.name(), n,
                    percentile(p.finals(), 0.5), percentile(p.finals(), 0.95), p.finals().length,
                    percentile(p.partials(), 0.5), percentile(p.partials(), 0.95), p.partials().length,
                    percentile(p.acks(), 0.95), p.cpuPerAudio(), perAudio(p.threads(), p.audioSeconds()));
        }
    }

    private static String perAudio(java.util.Map<String, Double> threads, double seconds) {
        StringBuilder by = new StringBuilder();
        threads.forEach((kind, cpu) -> {
            if (1000 * cpu / seconds >= 0.05) {
                by.append(String.format(Locale.ROOT, "%s %.2f; ", kind, 1000 * cpu / seconds));
            }
        });
        return by.toString();
    }

    private static Cost best(Cost best, Cost run, int i) {
        return i == 0 || run.cpuPerAudio() < best.cpuPerAudio() ? run : best;
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
