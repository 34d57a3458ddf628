package se.dikta.asr;

import static se.dikta.asr.AsrBenchRuns.percentile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.dikta.asr.AsrBenchRuns.Paced;
import se.dikta.asr.AsrBenchmark.Result;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/** The "asr" section of docs/benchmarks.md from {@link AsrBenchmark}'s results. */
final class AsrBenchReport {

    private static final List<String> ORDER = List.of("tone", "light", "medium", "heavy");

    private AsrBenchReport() {
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String write(List<Result> results, ToneAudio audio, int streams) throws IOException {
        StringBuilder sb = new StringBuilder("## asr\n\n");
        sb.append(f("Measured by `AsrBenchmark` (`mvn -o -q -B -pl server -Pbench test -Dtest=AsrBenchmark`) on 2 "
                + "cores, run alone through the session's benchmark queue while builds wait at the lowest CPU "
                + "priority (load average at the start of each model in the capacity table; variants may come from "
                + "separate runs, `-Dasr.bench.variants`), "
                + "Java %s. Models: the generated tone model (16 words, 20 mel bands, an 18-state graph) plain and "
                + "with hidden nnet3 layers (affine + ReLU, `ToneModelGenerator.withHiddenLayers`) that keep its "
                + "decoding exact and make it cost what real small models cost; with `-Dasr.bench.model=DIR` the "
                + "same benchmark runs a real model. Audio: a %.1f s 16 kHz melody of dictation-like utterances "
                + "(20 s for paced streams).\n\n", System.getProperty("java.version"), audio.seconds()));
        sb.append("CPU seconds per audio second. The library loop is one Recognizer fed 100 ms chunks on one thread "
                + "(thread CPU, best of 3 runs after a warm-up); the server's decoder is the server's own decoding "
                + "code (`Decoder`: shorts, resampler, a partial after each chunk) run the same way; through the server it is the whole server process "
                + "(event loops, WebSocket, JSON, partials, GC, JIT, other features' background work) while streams "
                + f("send 100 ms frames as fast as it takes them, best of 3 runs (the library, decoder and server runs alternate, so all see the same machine), after a warm-up of such runs at %d "
                + "streams until the JIT compiler has settled (its threads under 0.5 ms CPU per audio second in a run, "
                + "at most 150 s; runs in the table): a server that has dictated for a while. %d streams = "
                + "`asr.maxStreams`' default here (one per core). The server's CPU is split by thread "
                + "(`/proc/PID/task/*/schedstat`): decoding is the `asr-stream` threads (the library plus the Java "
                + "around it); the server's own is every other thread.\n\n", streams, streams));
        sb.append(f("| model | hidden layers | library loop | + partial per chunk | server's decoder | server, 1 stream | server, %d streams "
                + "| ratio 1 / %d streams (target ≥ 0.95) | server − library, ms per audio s (1 / %d) | decoding "
                + "threads, ms per audio s (1 / %d) | own threads, ms per audio s (1 / %d): event loops, JIT, GC and "
                + "VM, other | warm-up runs |\n", streams, streams, streams, streams, streams));
        sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Result r : results.stream().filter(Result::costMeasured).toList()) {
            double raw = r.raw().cpuPerAudio();
            sb.append(f("| %s | %s | %.4f | %.4f | %.4f | %.4f | %.4f | **%.2f** / **%.2f** | %.1f / %.1f | %.1f / %.1f "
                    + "| %s / %s | %d |\n",
                    r.variant().name(), r.variant().shape(), raw, r.rawPartials().cpuPerAudio(),
                    r.decoder().cpuPerAudio(), r.one().cpuPerAudio(), r.many().cpuPerAudio(), raw / r.one().cpuPerAudio(),
                    raw / r.many().cpuPerAudio(), 1000 * (r.one().cpuPerAudio() - raw),
                    1000 * (r.many().cpuPerAudio() - raw), r.one().msPerAudio(AsrBenchThreads.DECODING),
                    r.many().msPerAudio(AsrBenchThreads.DECODING), own(r.one()), own(r.many()), r.warmUpRuns()));
        }
        sb.append("\nAdded latency with streams paced in real time (100 ms frames): a final from the sending of the "
                + "frame it ends with (its seq) to its arrival; a partial from the sending of the latest frame "
                + "before it; an ack from the sending of its frame (it comes after the utterance's text is in the "
                + "draft in the database). Beside them the library alone paced the same way, with as many "
                + "recognisers at once on their own threads: the wall time of the 100 ms chunk (with its partial) "
                + "that produced the same event — a partial whose text changed, a final with text. Vosk runs the "
                + "network every few chunks; most chunks take a fraction of a millisecond and produce nothing, "
                + "partials and finals come from the chunks that ran it, so all chunks' p95 is shown only for "
                + "reference. The library and the server runs alternate, "
                + f("%d rounds pooled, so both see the same machine (load average over the rounds). ",
                        Integer.getInteger("asr.bench.latencyRounds", 3))
                + "Added = the server's p95 − the library's p95 for the same events at the same number of streams "
                + "(`-Dasr.bench.latencyOnly=true` measures this table alone). "
                + "Target: added p95 ≤ 30 ms.\n\n");
        sb.append("| model | streams | load avg | finals p50 / p95 (count) | partials p50 / p95 (count) | acks p50 / p95 "
                + "| library p95: partial chunks / final chunks / all chunks | added p95: partials / finals |\n");
        sb.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Result r : results) {
            AsrBenchmark.Latency l = r.latency();
            for (Paced p : List.of(l.server1(), l.serverN())) {
                AsrBenchLibrary.LibPaced lib = p == l.server1() ? l.library1() : l.libraryN();
                double libPartial = percentile(lib.partials(), 0.95);
                double libFinal = percentile(lib.finals(), 0.95);
                sb.append(f("| %s | %d | %s | %.1f / %.1f ms (%d) | %.1f / %.1f ms (%d) | %.0f / %.0f ms "
                        + "| %.1f / %.1f / %.1f ms | **%.1f** / **%.1f** ms |\n",
                        r.variant().name(), p.streams(), l.load(), percentile(p.finals(), 0.5),
                        percentile(p.finals(), 0.95), p.finals().length, percentile(p.partials(), 0.5),
                        percentile(p.partials(), 0.95), p.partials().length, percentile(p.acks(), 0.5),
                        percentile(p.acks(), 0.95), libPartial, libFinal, percentile(lib.chunks(), 0.95),
                        percentile(p.partials(), 0.95) - libPartial, percentile(p.finals(), 0.95) - libFinal));
            }
        }
        sb.append("\nCapacity: paced streams (starts spread over 1 s) in steps 1, 2, 3, 4, 6, 8, 12, …; the largest "
                + "number the server kept up with — acks p95 < 1 s and every stream's end (`done`) p95 < 2 s after "
                + "`stop` — with `asr.maxStreams` 48. The streams-per-core column divides a core by the server's "
                + "measured CPU per audio second under that real-time load.\n\n");
        sb.append("| model | load avg | capacity here (2 cores) | acks p95 / done p95 there | next step failed with "
                + "| server CPU s per audio s at real-time load | streams per core (100 %) | at 70 % of a core |\n");
        sb.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Result r : results.stream().filter(Result::costMeasured).toList()) {
            Paced c = r.capacity();
            if (c == null && r.failed() == null) {
                double cost = r.latency().serverN().cpuPerAudio();
                sb.append(f("| %s | %s | not measured (decoding too cheap) | | | %.4f | %.0f | %.0f |\n",
                        r.variant().name(), r.load(), cost, 1 / cost, 0.7 / cost));
                continue;
            }
            double cost = (c != null ? c : r.failed()).cpuPerAudio();
            sb.append(f("| %s | %s | %s | %s | %s | %.4f | %.1f | %.1f |\n", r.variant().name(), r.load(),
                    c == null ? "< 1" : String.valueOf(c.streams()),
                    c == null ? "" : f("%.0f / %.0f ms", percentile(c.acks(), 0.95), percentile(c.done(), 0.95)),
                    r.failed() == null ? "(48 kept up)" : f("%d: acks p95 %.0f ms, done p95 %.0f ms",
                            r.failed().streams(), percentile(r.failed().acks(), 0.95),
                            percentile(r.failed().done(), 0.95)), cost, 1 / cost, 0.7 / cost));
        }
        sb.append("\nMemory of the server process (`-Xmx1g`): Java heap after a full GC (`jcmd GC.run`) and resident "
                + "size (heap as used so far, the model and the recognisers in native memory, JIT, threads), idle "
                + "after the model loaded and with N live streams (N = the capacity above, or the default limit).\n\n");
        sb.append("| model | model on disk | idle heap / RSS | N live streams | heap with N | RSS peak with N | "
                + "per live stream: heap / RSS |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Result r : results.stream().filter(Result::costMeasured).toList()) {
            Paced c = r.capacity() != null ? r.capacity() : r.latency().serverN();
            int n = r.loadedStreams();
            sb.append(f("| %s | %.0f MB | %.0f / %.0f MB | %d | %.0f MB | %.0f MB | %.1f / %.1f MB |\n",
                    r.variant().name(), sizeMb(r.variant().dir()), r.idleHeapMb(), r.idleRssMb(), n,
                    r.loadedHeapMb(), c.peakRssMb(), (r.loadedHeapMb() - r.idleHeapMb()) / n,
                    (c.peakRssMb() - r.idleRssMb()) / c.streams()));
        }
        sb.append("\nSizing (also in docs/operations.md): streams per core for a given decoding cost, from the "
                + "server's whole-process CPU per audio second at real-time pace, beside the capacity measured on "
                + "this 2-core machine.\n\n");
        sb.append("| model | decoding cost (library, CPU s per audio s) | server CPU s per audio s | streams per core at "
                + "100 % | at 70 % (recommended) | measured on 2 cores |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Result r : results.stream().filter(Result::costMeasured).toList()) {
            Paced c = r.capacity() != null ? r.capacity() : r.failed() != null ? r.failed() : r.latency().serverN();
            double cost = c.cpuPerAudio();
            sb.append(f("| %s | %.3f | %.4f | %.1f | %.1f | %s |\n", r.variant().name(), r.raw().cpuPerAudio(), cost,
                    1 / cost, 0.7 / cost, r.capacity() != null ? r.capacity().streams() + " streams"
                            : r.failed() != null ? "< 1 stream" : "not measured"));
        }
        return sb.toString();
    }

    /**
     * The section with each table's rows of models this run did not measure for it kept from the previous section
     * (when the table's header is unchanged), so that a benchmark split into several runs by variant, or a run of
     * the latency alone, ends with every model in each table (in {@code ORDER}).
     */
    static String merge(String fresh, String previous) {
        List<String> old = previous == null ? List.of() : previous.lines().toList();
        List<String> out = new ArrayList<>();
        List<String> lines = fresh.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.add(line);
            if (!line.startsWith("| model |") || i + 1 >= lines.size()) {
                continue;
            }
            out.add(lines.get(++i)); // the separator
            List<String> rows = new ArrayList<>();
            while (i + 1 < lines.size() && lines.get(i + 1).startsWith("|")) {
                rows.add(lines.get(++i));
            }
            Set<String> measured = rows.stream().map(AsrBenchReport::model).collect(Collectors.toSet());
            int at = old.indexOf(line);
            for (int j = at + 2; at >= 0 && j < old.size() && old.get(j).startsWith("|"); j++) {
                if (!measured.contains(model(old.get(j)))) {
                    rows.add(old.get(j));
                }
            }
            rows.sort(Comparator.comparingInt(r -> rank(model(r))));
            out.addAll(rows);
        }
        return String.join("\n", out) + "\n";
    }

    private static String own(AsrBenchRuns.Cost c) {
        return f("%.1f: %.1f, %.1f, %.1f, %.1f", c.msPerAudio(null), c.msPerAudio(AsrBenchThreads.EVENT_LOOPS),
                c.msPerAudio(AsrBenchThreads.JIT), c.msPerAudio(AsrBenchThreads.GC),
                c.msPerAudio(AsrBenchThreads.OTHER));
    }

    private static String model(String row) {
        return row.split("\\|")[1].trim();
    }

    private static int rank(String model) {
        int i = ORDER.indexOf(model);
        return i < 0 ? ORDER.size() : i;
    }

    private static double sizeMb(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6;
        }
    }
}
