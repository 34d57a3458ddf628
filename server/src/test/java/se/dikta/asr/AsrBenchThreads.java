package se.dikta.asr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a process's CPU goes, by thread: {@code /proc/PID/task/TID/schedstat} (nanoseconds on a CPU, user and
 * kernel together) grouped by the thread's kind (its name without numbers), so a benchmark can say how much of the
 * server's CPU per audio second is decoding, event loops, the JIT compiler, GC or anything else.
 */
final class AsrBenchThreads {

    /** Nanoseconds on a CPU per thread id, with the thread's kind. */
    record Snapshot(Map<Long, Long> nanos, Map<Long, String> kinds) {}

    private AsrBenchThreads() {
    }

    static Snapshot take(long pid) {
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> kinds = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            tasks.forEach(t -> {
                try {
                    long tid = Long.parseLong(t.getFileName().toString());
                    String stat = Files.readString(t.resolve("schedstat"), StandardCharsets.ISO_8859_1);
                    nanos.put(tid, Long.parseLong(stat.split(" ")[0]));
                    kinds.put(tid, kind(Files.readString(t.resolve("comm"), StandardCharsets.ISO_8859_1).trim()));
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            });
        } catch (IOException e) {
            return new Snapshot(Map.of(), Map.of()); // no /proc (not Linux): no breakdown
        }
        return new Snapshot(nanos, kinds);
    }

    /** CPU seconds by thread kind between two snapshots (threads started in between count from zero). */
    static Map<String, Double> between(Snapshot before, Snapshot after) {
        Map<String, Double> seconds = new TreeMap<>();
        after.nanos().forEach((tid, ns) -> {
            long delta = ns - before.nanos().getOrDefault(tid, 0L);
            if (delta > 0) {
                seconds.merge(after.kinds().get(tid), delta / 1e9, Double::sum);
            }
        });
        return seconds;
    }

    /** The name's kind: "vert.x-eventloo" (names are cut at 15 characters), "asr-stream-#", "C# CompilerThre"... */
    static String kind(String comm) {
        String k = comm.replaceAll("\\d+", "#");
        if (k.startsWith("vert.x-eventloo")) {
            return EVENT_LOOPS;
        }
        if (k.startsWith("asr-stream")) {
            return DECODING;
        }
        if (k.startsWith("C# Compiler") || k.startsWith("Sweeper thread")) {
            return JIT;
        }
        if (k.startsWith("GC ") || k.startsWith("G# ") || k.startsWith("VM ")) {
            return GC;
        }
        return OTHER;
    }

    static final String DECODING = "decoding";
    static final String EVENT_LOOPS = "event loops";
    static final String JIT = "JIT compiler";
    static final String GC = "GC and VM";
    static final String OTHER = "other";

    /** CPU seconds of every kind but decoding: the server's own work beside the library's. */
    static double own(Map<String, Double> threads) {
        return threads.entrySet().stream().filter(e -> !e.getKey().equals(DECODING))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
