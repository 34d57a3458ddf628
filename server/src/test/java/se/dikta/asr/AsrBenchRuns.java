package se.dikta.asr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import se.dikta.testing.StreamClient;
import se.dikta.testing.StreamClient.Connection;
import se.dikta.testing.StreamClient.Message;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/** {@link AsrBenchmark}'s runs through the server: streams as fast as possible and paced streams ({@link AsrBenchLibrary}: without). */
final class AsrBenchRuns {

    static final int RATE = 16000;
    private static final Duration WAIT = Duration.ofMinutes(10);

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

        /** This run's figures and another's of as many streams together (alternating rounds). */
        Paced plus(Paced o) {
            if (o == null) {
                return this;
            }
            Map<String, Double> byThread = new java.util.HashMap<>(threads);
            o.threads.forEach((k, v) -> byThread.merge(k, v, Double::sum));
            return new Paced(streams, sorted(concat(finals, o.finals)), sorted(concat(partials, o.partials)),
                    sorted(concat(acks, o.acks)), sorted(concat(done, o.done)), cpuSeconds + o.cpuSeconds,
                    audioSeconds + o.audioSeconds, Math.max(peakRssMb, o.peakRssMb), byThread);
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

    static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double[] concat(double[] a, double[] b) {
        double[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
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
