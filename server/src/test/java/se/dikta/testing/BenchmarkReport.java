package se.dikta.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a benchmark's own section of docs/benchmarks.md, between its markers, leaving the others alone. */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    /** The body of a section as the last run wrote it, or null. */
    public static String readSection(String name) throws IOException {
        Path file = file();
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String begin = "<!-- bench:" + name + " -->\n";
        int from = text.indexOf(begin);
        int to = text.indexOf("<!-- /bench:" + name + " -->");
        return from >= 0 && to > from ? text.substring(from + begin.length(), to) : null;
    }

    private static Path file() {
        return Path.of(System.getProperty("dikta.repoRoot", ".."), "docs", "benchmarks.md");
    }

    public static void writeSection(String name, String body) throws IOException {
        Path file = file();
        String begin = "<!-- bench:" + name + " -->";
        String end = "<!-- /bench:" + name + " -->";
        String section = begin + "\n" + body + end;
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        String updated = from >= 0 && to > from
                ? text.substring(0, from) + section + text.substring(to + end.length())
                : text.stripTrailing() + "\n\n" + section + "\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
