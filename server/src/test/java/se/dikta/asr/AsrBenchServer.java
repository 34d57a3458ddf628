package se.dikta.asr;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.dikta.testing.ApiClient;
import se.dikta.testing.ChildServer;

/** The server in a child JVM (its CPU time and memory are its own), with "anna" signed in (session cookie and CSRF token). */
record AsrBenchServer(ChildServer child, int port, ApiClient anna) implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    static AsrBenchServer start(Path model, int maxStreams) throws Exception {
        // e.g. -Dasr.bench.jvmArgs=-XX:StartFlightRecording=filename=/tmp/asr.jfr to profile the server
        String extra = System.getProperty("asr.bench.jvmArgs", "-Xmx1g").trim();
        ChildServer child = ChildServer.start(extra.isEmpty() ? List.of() : List.of(extra.split("\\s+")),
                env -> { }, Map.of("asr.model", model.toString(), "asr.maxStreams", String.valueOf(maxStreams),
                        "asr.idleTimeout", "600s"));
        return new AsrBenchServer(child, child.port(), child.loginAnna()); // its CSRF token goes on each start
    }

    long pid() {
        return child.process().pid();
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

    /** Resident set size of the process in MB (Java heap, native model and recognisers, JIT, threads). */
    double rssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(child.process().pid()), "status"),
                StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** Live Java heap in MB after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}). */
    double heapAfterGcMb() throws Exception {
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
    }

    private String jcmd(String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(child.process().pid()), command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() throws Exception {
        child.close();
    }
}
