package se.dikta.asr;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vosk.Model;
import org.vosk.Recognizer;
import se.dikta.testing.StreamClient;
import se.dikta.testing.StreamClient.Connection;
import se.dikta.testing.StreamClient.Message;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/** The measurements {@link AsrBenchmark} makes: the library loop, streams as fast as possible, paced streams. */
final class AsrBenchRuns {

    static final int RATE = 16000;
    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AsrBenchRuns() {
    }

    /** {@code threads}: the server's CPU seconds by thread kind ({@link AsrBenchThreads}); empty for the library loop. */
    record Cost(double cpuSeconds, double wallSeconds, double audioSeconds, Map<String, Double> threads) {
        double cpuPerAudio() {
            return cpuSeconds / audioSeconds;
        }

        double throughput() {
            return audioSeconds / wallSeconds;
        }

        /** CPU ms per audio second of one kind of the server's threads (AsrBenchThreads), or of all but decoding. */
        double msPerAudio(String kind) {
            double cpu = kind == null ? AsrBenchThreads.own(threads) : threads.getOrDefault(kind, 0.0);
            return 1000 * cpu / audioSeconds;
        }
    }

    /**
     * Streams as fast as the server takes them until the JIT compiler has settled (its threads used under 0.5 ms
     * CPU per audio second in a run) or {@code maxSeconds} have passed: a server that has dictated for a while, not
     * one that is still compiling its per-frame path (about ten thousand frames). Returns the runs made.
     */
    static int warmUp(AsrBenchServer server, ToneAudio audio, int n, double maxSeconds) throws Exception {
        long end = System.nanoTime() + (long) (maxSeconds * 1e9);
        int runs = 0;
        while (true) {
            Cost c = serverStreams(server, audio, n);
            runs++;
            if (c.msPerAudio(AsrBenchThreads.JIT) < 0.5 || System.nanoTime() > end) {
                return runs;
            }
        }
    }

    /**
     * The library alone paced in real time, {@code n} recognisers on their own threads at once (starts spread over
     * 1 s as in {@link #paced}): the wall time of each 100 ms chunk with its partial, sorted, in ms. What the
     * server's partial and final latencies are measured against: at n streams two decoders share the cores and
     * the memory bandwidth, which no server can avoid.
     */
    static double[] rawPaced(Path modelDir, ToneAudio audio, int n) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try (Model model = new Model(modelDir.toString())) {
            List<Future<double[]>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long delay = 1000L * i / n;
                runs.add(threads.submit(() -> {
                    Thread.sleep(delay);
                    byte[] pcm = audio.pcm();
                    int chunk = RATE / 10 * 2;
                    double[] ms = new double[(pcm.length + chunk - 1) / chunk];
                    try (Recognizer rec = new Recognizer(model, RATE)) {
                        rec.setWords(true);
                        long start = System.nanoTime();
                        for (int off = 0, k = 0; off < pcm.length; off += chunk, k++) {
                            long wait = start + k * 100_000_000L - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                            int len = Math.min(chunk, pcm.length - off);
                            byte[] piece = Arrays.copyOfRange(pcm, off, off + len);
                            long t0 = System.nanoTime();
                            if (rec.acceptWaveForm(piece, len)) {
                                rec.getResult();
                            } else {
                                rec.getPartialResult();
                            }
                            ms[k] = (System.nanoTime() - t0) / 1e6;
                        }
                    }
                    return ms;
                }));
            }
            List<Double> all = new ArrayList<>();
            for (Future<double[]> r : runs) {
                for (double d : r.get()) {
                    all.add(d);
                }
            }
            return sorted(all);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Streams paced in real time. Latencies in ms: a final from the sending of the frame it ends with (its seq)
     * to its arrival, a partial from the sending of the latest frame before it, an ack from the sending of its
     * frame; done = from {@code stop} to the stream's end. CPU is the server's over the run.
     */
    record Paced(int streams, double[] finals, double[] partials, double[] acks, double[] done, double cpuSeconds,
                 double audioSeconds, double peakRssMb, Map<String, Double> threads) {
        boolean keptUp() {
            return percentile(acks, 0.95) < 1000 && percentile(done, 0.95) < 2000;
        }

        double cpuPerAudio() {
            return cpuSeconds / audioSeconds;
        }
    }

    /** The library alone: one Recognizer fed the audio in 100 ms chunks on this thread; best of the runs after one warm-up. */
    static Cost rawLoop(Path modelDir, ToneAudio audio, boolean partials, int runs) throws Exception {
        try (Model model = new Model(modelDir.toString())) {
            Cost best = null;
            for (int run = 0; run < runs + 1; run++) {
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
                        audio.seconds(), Map.of());
                if (run >= 1 && (best == null || c.cpuSeconds() < best.cpuSeconds())) {
                    best = c;
                }
            }
            return best;
        }
    }

    /**
     * The server's own decoding code ({@link Decoder}: frames as shorts, the resampler, a partial after each
     * chunk) on this thread, without the server around it: thread CPU of one pass, as {@link #rawLoop}'s.
     */
    static Cost decoderLoop(Path modelDir, ToneAudio audio) throws Exception {
        try (SpeechModel model = SpeechModel.load(new ModelVerifier().verify(modelDir))) {
            short[] samples = new short[audio.pcm().length / 2];
            java.nio.ByteBuffer.wrap(audio.pcm()).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            try (Decoder decoder = new Decoder(model, RATE)) {
                long seq = 0;
                for (int off = 0; off < samples.length; off += RATE / 10) {
                    short[] frame = Arrays.copyOfRange(samples, off, Math.min(samples.length, off + RATE / 10));
                    decoder.accept(frame, frame.length, ++seq);
                }
                decoder.finish(seq);
            }
            return new Cost((THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9, (System.nanoTime() - t0) / 1e9,
                    audio.seconds(), Map.of());
        }
    }

    /** N streams sending the audio as fast as the server takes it; CPU is the server process's. */
    static Cost serverStreams(AsrBenchServer server, ToneAudio audio, int n) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try (StreamClient client = new StreamClient(server.port(), server.anna())) {
            AsrBenchThreads.Snapshot threads0 = AsrBenchThreads.take(server.pid());
            double cpu0 = server.cpuSeconds();
            long t0 = System.nanoTime();
            List<Future<Connection>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                runs.add(threads.submit(() -> {
                    Connection c = client.connect().start(RATE).sendAudio(audio, 100, 0).stop();
                    c.awaitType("done", WAIT);
                    return c;
                }));
            }
            for (Future<Connection> r : runs) {
                r.get();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = server.cpuSeconds() - cpu0;
            return new Cost(cpu, wall, n * audio.seconds(),
                    AsrBenchThreads.between(threads0, AsrBenchThreads.take(server.pid())));
        } finally {
            threads.shutdownNow();
        }
    }

    /** N streams paced in real time, their starts spread over one second as independent workers' would be. */
    static Paced paced(AsrBenchServer server, ToneAudio audio, int n) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        List<Double> finals = new ArrayList<>();
        List<Double> partials = new ArrayList<>();
        List<Double> acks = new ArrayList<>();
        List<Double> done = new ArrayList<>();
        double peakRss = 0;
        try (StreamClient client = new StreamClient(server.port(), server.anna())) {
            AsrBenchThreads.Snapshot threads0 = AsrBenchThreads.take(server.pid());
            double cpu0 = server.cpuSeconds();
            List<Future<Connection>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long delay = 1000L * i / n;
                runs.add(threads.submit(() -> {
                    Thread.sleep(delay);
                    Connection c = client.connect().start(RATE).sendAudio(audio, 100, 1.0).stop();
                    c.awaitType("done", WAIT);
                    return c;
                }));
            }
            while (runs.stream().anyMatch(r -> !r.isDone())) {
                peakRss = Math.max(peakRss, server.rssMb());
                Thread.sleep(500);
            }
            double cpu = server.cpuSeconds() - cpu0;
            Map<String, Double> byThread = AsrBenchThreads.between(threads0, AsrBenchThreads.take(server.pid()));
            long frames = (long) Math.ceil(audio.seconds() / 0.1);
            for (Future<Connection> r : runs) {
                Connection c = r.get();
                for (Message m : c.messages()) {
                    switch (m.type()) {
                        case "final" -> {
                            if (m.json().getLong("seq") < frames) {
                                finals.add((m.nanos() - c.frameSentAt(m.json().getLong("seq"))) / 1e6);
                            }
                        }
                        case "partial" -> {
                            long last = lastFrameBefore(c, frames, m.nanos());
                            if (m.nanos() < c.stopSentAt() && last > 0) {
                                partials.add((m.nanos() - c.frameSentAt(last)) / 1e6);
                            }
                        }
                        case "ack" -> {
                            long seq = m.json().getLong("seq");
                            if (seq >= 1 && seq <= frames) {
                                acks.add((m.nanos() - c.frameSentAt(seq)) / 1e6);
                            }
                        }
                        case "done" -> done.add((m.nanos() - c.stopSentAt()) / 1e6);
                        default -> { }
                    }
                }
            }
            return new Paced(n, sorted(finals), sorted(partials), sorted(acks), sorted(done), cpu,
                    n * audio.seconds(), peakRss, byThread);
        } finally {
            threads.shutdownNow();
        }
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static long lastFrameBefore(Connection c, long frames, long nanos) {
        long last = 0;
        for (long seq = 1; seq <= frames && c.frameSentAt(seq) <= nanos; seq++) {
            last = seq;
        }
        return last;
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
