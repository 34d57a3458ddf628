package se.dikta.asr;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vosk.Model;
import org.vosk.Recognizer;
import se.dikta.testing.ChildServer;
import se.dikta.testing.BenchmarkReport;
import se.dikta.testing.StreamClient;
import se.dikta.testing.StreamClient.Connection;
import se.dikta.testing.StreamClient.Message;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/**
 * Transcription cost and latency: the raw library loop against N WebSocket streams through the server,
 * on the same model and audio. The server runs in a child JVM so that its CPU time is its own.
 * {@code mvn -o -q -B -pl server -Pbench test -Dtest=AsrBenchmark} (streams: -Dasr.bench.streams=4;
 * another model, e.g. the real Swedish one, with -Dasr.bench.model=DIR: its words will be nonsense on the
 * tone audio, but its decoding cost is the real one).
 */
@Tag("bench")
class AsrBenchmark {

    private static final int RATE = 16000;
    private static final int STREAMS = Integer.getInteger("asr.bench.streams", 4);
    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path tmp;
    ToneModel toneModel;
    Path modelDir;

    record Cost(double cpuSeconds, double wallSeconds, double audioSeconds) {
        double cpuPerAudio() {
            return cpuSeconds / audioSeconds;
        }

        double throughput() {
            return audioSeconds / wallSeconds;
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

    @Test
    void measure() throws Exception {
        toneModel = new ToneModelGenerator().generate(tmp.resolve("vosk-model-tone"));
        modelDir = Path.of(System.getProperty("asr.bench.model", toneModel.dir().toString()));
        ToneAudio audio = melody(60);
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];

        Cost raw = rawLoop(audio, false);
        Cost rawPartials = rawLoop(audio, true);

        try (BenchServer server = BenchServer.start(modelDir, STREAMS)) {
            serverStreams(server, audio, STREAMS, 0); // warm-up: JIT, connection paths
            serverStreams(server, audio, 1, 0);
            double idleCpuPerSecond = server.awaitIdle(); // other features start background work (model training)
            Cost one = serverStreams(server, audio, 1, 0);
            Cost many = serverStreams(server, audio, STREAMS, 0);
            Latency latency1 = pacedLatency(server, melody(20), 1);
            Latency latencyN = pacedLatency(server, melody(20), STREAMS);
            String report = report(audio, load, raw, rawPartials, idleCpuPerSecond, one, many, latency1, latencyN);
            System.out.println(report);
            BenchmarkReport.writeSection("asr", report);
        }
    }

    /** The library alone: one Recognizer fed the audio in 100 ms chunks on this thread, 5 runs after 2 warm-ups. */
    private Cost rawLoop(ToneAudio audio, boolean partials) throws Exception {
        try (Model model = new Model(modelDir.toString())) {
            Cost best = null;
            for (int run = 0; run < 7; run++) {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                try (Recognizer rec = new Recognizer(model, RATE)) {
                    rec.setWords(true);
                    byte[] pcm = audio.pcm();
                    int chunk = RATE / 10 * 2;
                    for (int off = 0; off < pcm.length; off += chunk) {
                        int len = Math.min(chunk, pcm.length - off);
                        if (rec.acceptWaveForm(Arrays.copyOfRange(pcm, off, off + len), len)) {
                            rec.getResult();
                        } else if (partials) {
                            rec.getPartialResult();
                        }
                    }
                    rec.getFinalResult();
                }
                Cost c = new Cost((THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9, (System.nanoTime() - t0) / 1e9,
                        audio.seconds());
                if (run >= 2 && (best == null || c.cpuSeconds() < best.cpuSeconds())) {
                    best = c;
                }
            }
            return best;
        }
    }

    /** N streams sending the audio as fast as the server takes it; CPU is the server process's. */
    private static Cost serverStreams(BenchServer server, ToneAudio audio, int n, double speed) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try (StreamClient client = new StreamClient(server.port(), server.session())) {
            double cpu0 = server.cpuSeconds();
            long t0 = System.nanoTime();
            List<Future<Connection>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                runs.add(threads.submit(() -> {
                    Connection c = client.connect().start(RATE).sendAudio(audio, 100, speed).stop();
                    c.awaitType("done", WAIT);
                    return c;
                }));
            }
            for (Future<Connection> r : runs) {
                r.get();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            return new Cost(server.cpuSeconds() - cpu0, wall, n * audio.seconds());
        } finally {
            threads.shutdownNow();
        }
    }

    record Latency(int streams, double[] finals, double[] partials) {}

    /** Streams paced in real time: final latency = arrival − sending of the frame the final ends with. */
    private static Latency pacedLatency(BenchServer server, ToneAudio audio, int n) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        List<Double> finals = new ArrayList<>();
        List<Double> partials = new ArrayList<>();
        try (StreamClient client = new StreamClient(server.port(), server.session())) {
            List<Future<Connection>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                runs.add(threads.submit(() -> {
                    Connection c = client.connect().start(RATE).sendAudio(audio, 100, 1.0).stop();
                    c.awaitType("done", WAIT);
                    return c;
                }));
            }
            for (Future<Connection> r : runs) {
                Connection c = r.get();
                long frames = (long) Math.ceil(audio.seconds() / 0.1);
                for (Message m : c.messages()) {
                    if (m.type().equals("final") && m.json().getLong("seq") < frames) {
                        finals.add((m.nanos() - c.frameSentAt(m.json().getLong("seq"))) / 1e6);
                    } else if (m.type().equals("partial") && m.nanos() < c.stopSentAt()) {
                        long last = lastFrameBefore(c, frames, m.nanos());
                        if (last > 0) {
                            partials.add((m.nanos() - c.frameSentAt(last)) / 1e6);
                        }
                    }
                }
            }
        } finally {
            threads.shutdownNow();
        }
        return new Latency(n, finals.stream().mapToDouble(Double::doubleValue).sorted().toArray(),
                partials.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    private static long lastFrameBefore(Connection c, long frames, long nanos) {
        long last = 0;
        for (long seq = 1; seq <= frames && c.frameSentAt(seq) <= nanos; seq++) {
            last = seq;
        }
        return last;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private String report(ToneAudio audio, String load, Cost raw, Cost rawPartials, double idle, Cost one,
            Cost many, Latency l1, Latency ln) {
        boolean tone = modelDir.equals(toneModel.dir());
        double overhead1 = one.cpuPerAudio() - raw.cpuPerAudio();
        double overheadN = many.cpuPerAudio() - raw.cpuPerAudio();
        StringBuilder sb = new StringBuilder();
        sb.append("## asr\n\n");
        sb.append(f("Measured by `AsrBenchmark` (`mvn -o -q -B -pl server -Pbench test -Dtest=AsrBenchmark`) with %s "
                + "and a %.1f s 16 kHz melody of dictation-like utterances; 2 cores shared with other builds (load "
                + "average %s at the start), Java %s.\n\n",
                tone ? f("the generated tone model (%d words, 20 mel bands, a 4-layer nnet3, a %d-state graph)",
                        toneModel.words().size(), toneModel.words().size() + 2) : "the model " + modelDir.getFileName(),
                audio.seconds(), load, System.getProperty("java.version")));
        sb.append("CPU seconds per audio second (lower is better). The library loop is one Recognizer fed 100 ms "
                + "chunks on one thread (thread CPU, best of 5 runs after 2 warm-ups); through the server it is "
                + "the whole server process (a child JVM: event loops, WebSocket, JSON, partials, GC, JIT, other "
                + "features' background work) while streams send 100 ms frames as fast as it takes them, after "
                + "warm-up streams and once the process had gone idle.\n\n");
        sb.append("| path | CPU s / audio s | throughput (audio s per s) |\n| --- | --- | --- |\n");
        sb.append(f("| library loop, results only | %.5f | %.0f |\n", raw.cpuPerAudio(), raw.throughput()));
        sb.append(f("| library loop + partial result per chunk | %.5f | %.0f |\n", rawPartials.cpuPerAudio(),
                rawPartials.throughput()));
        sb.append(f("| server, 1 stream | %.5f | %.0f |\n", one.cpuPerAudio(), one.throughput()));
        sb.append(f("| server, %d concurrent streams | %.5f | %.0f |\n", STREAMS, many.cpuPerAudio(), many.throughput()));
        sb.append(f("\nRatio library / server: **%.2f** at 1 stream, **%.2f** at %d streams (target ≥ 0.95). "
                + "The server adds %.1f ms (1 stream) and %.1f ms (%d streams) of CPU per second of audio: "
                + "receiving ten WebSocket frames, handing them to a decoding thread, asking for the partial "
                + "result and sending messages back. The idle server process used %.3f CPU s per second.\n\n",
                raw.cpuPerAudio() / one.cpuPerAudio(), raw.cpuPerAudio() / many.cpuPerAudio(), STREAMS,
                1000 * overhead1, 1000 * overheadN, STREAMS, idle));
        if (tone) {
            double needed = 0.95 * Math.max(overhead1, overheadN) / 0.05;
            sb.append(f("The tone model decodes %.0f times faster than real time, so this fixed overhead is most "
                    + "of the cost here and the target is missed. It is met by any model whose decoding needs "
                    + "%.3f CPU s per audio second or more (ratio = d / (d + overhead)). Whether the Swedish model "
                    + "does could not be measured: it cannot be downloaded on this machine. Where it is installed, "
                    + "run with `-Dasr.bench.model=models/vosk/vosk-model-small-sv-rhasspy-0.15`.\n\n",
                    raw.throughput(), needed));
        }
        sb.append("Added latency with streams paced in real time (100 ms frames, 20 s melody each): a final is timed "
                + "from the sending of the frame it ends with (its seq) to its arrival; a partial from the sending "
                + "of the latest frame before it.\n\n");
        sb.append("| streams | finals p50 / p95 (count) | partials p50 / p95 (count) | target |\n| --- | --- | --- | --- |\n");
        for (Latency l : List.of(l1, ln)) {
            sb.append(f("| %d | %.1f / %.1f ms (%d) | %.1f / %.1f ms (%d) | %s |\n", l.streams(),
                    percentile(l.finals(), 0.5), percentile(l.finals(), 0.95), l.finals().length,
                    percentile(l.partials(), 0.5), percentile(l.partials(), 0.95), l.partials().length,
                    l.streams() == 1 ? "p95 ≤ 30 ms" : ""));
        }
        return sb.toString();
    }

    /** The server in a child JVM (its CPU time is its own), with a signed-in session for "anna". */
    private record BenchServer(ChildServer child, int port, se.dikta.testing.ApiClient session) implements AutoCloseable {

        static BenchServer start(Path model, int streams) throws Exception {
            // e.g. -Dasr.bench.jvmArgs=-XX:StartFlightRecording=filename=/tmp/asr.jfr to profile the server
            String extra = System.getProperty("asr.bench.jvmArgs", "").trim();
            ChildServer child = ChildServer.start(extra.isEmpty() ? List.of() : List.of(extra.split("\\s+")),
                    env -> { }, Map.of("asr.model", model.toString(), "asr.maxStreams", String.valueOf(streams),
                            "asr.idleTimeout", "600s"));
            return new BenchServer(child, child.port(), child.loginAnna());
        }

        double cpuSeconds() {
            return child.cpuSeconds();
        }

        /** Waits (up to 3 minutes) until the process uses under 5 % of a core; returns that idle rate. */
        double awaitIdle() throws InterruptedException {
            double rate = Double.MAX_VALUE;
            for (int i = 0; i < 90 && rate > 0.05; i++) {
                double c0 = cpuSeconds();
                Thread.sleep(2000);
                rate = (cpuSeconds() - c0) / 2.0;
            }
            return rate;
        }

        @Override
        public void close() throws Exception {
            child.close();
        }
    }
}
