package se.dikta.search;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.notes.Note;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/**
 * Search figures on 100,000 synthetic notes, written to {@code docs/benchmarks.md} (section {@code search}):
 * indexing throughput on one thread, query latency for word, phrase and filtered queries (the full search:
 * hits, total, facets and snippets), index size, catch-up from the database and save → searchable time.
 */
@Tag("bench")
class SearchBenchmark {

    private static final int NOTES = 100_000;
    private static final int QUERIES = 2_000;
    private static final String[] WORDS = {"hembesöket", "bedömningen", "frånvaro", "skolan", "oro", "ekonomin",
        "familjebehandlare", "umgänget", "lägenheten", "missbruk", "kontaktfamilj", "vårdplan", "tolk", "BUP",
        "pappa", "sömn", "placeringen", "riskbedömning", "nätverk", "elevhälsan"};
    private static final String[] PHRASES = {"\"hög frånvaro\"", "\"det finns oro\"", "\"ny lägenhet\"",
        "\"mer stöd i vardagen\"", "\"behov av stöd\"", "\"svårt att koncentrera sig\"", "\"nästa hembesök\"",
        "\"skickar en remiss\"", "\"fått nya vänner\"", "\"hyran inte har betalats\""};

    private static final String[][] SECTION_WORDS = {{"BEDOMNING", "oro"}, {"BEDOMNING", "stöd"},
        {"INFORMATION", "skolan"}, {"INFORMATION", "frånvaro"}, {"OBSERVATION", "lägenheten"},
        {"OBSERVATION", "soffan"}, {"PLANERING", "hembesök"}, {"PLANERING", "remiss"}};

    @Test
    void searchFigures() throws Exception {
        String index = indexAndQuery();
        String server = saveToSearchable();
        String report = index + "\n" + server;
        System.out.println(report);
        BenchmarkReport.write("search", report);
    }

    /** Indexing throughput, index size and query latency, in-process on one index. */
    private String indexAndQuery() throws IOException {
        Path dir = Files.createTempDirectory("dikta-search-bench");
        SwedishNoteAnalyzer analyzer = new SwedishNoteAnalyzer();
        SyntheticNotes generator = new SyntheticNotes(42, 1, SyntheticNotes.caseIds(5_000),
                SyntheticNotes.authors(200));
        List<Note> notes = new ArrayList<>(NOTES);
        for (int i = 1; i <= NOTES; i++) {
            notes.add(generator.note(i));
        }
        try (NoteIndex index = NoteIndex.open(dir, analyzer)) {
            long start = System.nanoTime();
            for (Note note : notes) {
                index.put(note);
            }
            index.markApplied(NOTES);
            index.commit();
            index.refresh();
            double indexSeconds = (System.nanoTime() - start) / 1e9;
            long size = index.sizeOnDisk();

            NoteSearcher searcher = new NoteSearcher(index, analyzer, 10_000);
            Random random = new Random(7);
            String queryLoad = loadAverage();
            Latency word = measure(searcher, random, r -> NoteSearch.in(1).query(pick(r, WORDS)).build());
            Latency phrase = measure(searcher, random, r -> NoteSearch.in(1).query(pick(r, PHRASES)).build());
            Latency filtered = measure(searcher, random, r -> {
                LocalDate from = LocalDate.of(2022, 1, 1).plusDays(r.nextInt(3 * 365));
                return NoteSearch.in(1).query(pick(r, WORDS))
                        .template(SyntheticNotes.TEMPLATES.get(r.nextInt(SyntheticNotes.TEMPLATES.size())))
                        .dates(from, from.plusDays(180)).build();
            });
            Latency sectioned = measure(searcher, random, r -> {
                String[] pair = SECTION_WORDS[r.nextInt(SECTION_WORDS.length)];
                return NoteSearch.in(1).query(pair[1]).section(pair[0]).build();
            });
            Latency browse = measure(searcher, random, r -> NoteSearch.in(1).caseId(String.format("2024-%04d", 1 + r.nextInt(5_000)))
                    .build());

            String report = String.format(Locale.ROOT, """
                    Measured by `SearchBenchmark` (`mvn -o -q -B -pl server -Pbench test -Dtest=SearchBenchmark`) on \
                    %d synthetic notes (7 sections assembled from varied Swedish sentence fragments, %.0f words per \
                    note on average), all in one unit so every query runs over the whole index; %d cores shared \
                    with other builds (load average %s when the queries started), Java %s.

                    | figure | value | target |
                    | --- | --- | --- |
                    | indexing, one thread (analysis, per-section fields, commit) | %.0f notes/s (%.1f s) | ≥ 1,000 notes/s |
                    | index size on disk | %.1f MB (%.0f bytes/note) | |

                    Query latency: the whole search (top hits, exact total, template and section facets over all hits,
                    snippets for the page of 20), in-process around `NoteSearcher.search`, %d queries each after
                    warm-up. Wall clock includes waiting for a core on this shared machine; CPU time is the search's
                    own cost.

                    | query | mean hits | wall p50 / p95 | CPU p50 / p95 | target |
                    | --- | --- | --- | --- | --- |
                    %s
                    %s
                    %s
                    %s
                    %s
                    """,
                    NOTES, averageWords(notes), Runtime.getRuntime().availableProcessors(), queryLoad,
                    System.getProperty("java.version"), NOTES / indexSeconds, indexSeconds, size / 1e6,
                    (double) size / NOTES, QUERIES,
                    row("word", word, "p95 ≤ 5 ms"),
                    row("phrase", phrase, "p95 ≤ 5 ms"),
                    row("filtered (word + template + 6-month date range)", filtered, "p95 ≤ 5 ms"),
                    row("word within one section", sectioned, ""),
                    row("case listing (no text, newest first)", browse, ""));
            return report;
        } finally {
            NoteIndex.wipe(dir);
            Files.delete(dir);
        }
    }

    /**
     * Save → searchable through the running server on a database of {@link #NOTES} notes: the notes are
     * written straight into the store (as another node would), the server's indexer catches up by polling,
     * then notes are saved through {@code POST /api/notes} and searched for through {@code GET /api/search}.
     */
    private String saveToSearchable() throws Exception {
        try (TestServer server = TestServer.start(Map.of())) {
            AuthUser anna = server.addUser("anna", Role.WORKER, "IFO Barn och unga");
            ApiClient client = server.login("anna");
            List<String> caseIds = SaveToSearchableProbe.createCases(client, 100);
            long loadStart = System.nanoTime();
            SaveToSearchableProbe.insertNotes(server, anna, caseIds, NOTES);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long catchUpStart = System.nanoTime();
            SaveToSearchableProbe.awaitIndexed(client, NOTES);
            double catchUpSeconds = (System.nanoTime() - catchUpStart) / 1e9;

            int saves = 200;
            SaveToSearchableProbe.Times times = SaveToSearchableProbe.saveAndFind(client, caseIds, saves, 1_000_000);
            return String.format(Locale.ROOT, """
                    Through the running server (H2, HTTP on localhost), with %d notes in the database:

                    | figure | value | target |
                    | --- | --- | --- |
                    | index catch-up from the database (server start after a crash / another node's notes) | %.0f notes/s (%.1f s) | |
                    | save (`POST /api/notes`, one transaction) p50 / p95 | %.1f / %.1f ms | |
                    | save → searchable (`GET /api/search` finds it) p50 / p95 / max | %.1f / %.1f / %.1f ms | p95 ≤ 1,000 ms |

                    %d saves, each followed by searches until the note is found; writing the %d notes straight into
                    the store took %.1f s. Load average at the end: %s.
                    """, NOTES, NOTES / catchUpSeconds, catchUpSeconds, times.saveP50(),
                    times.saveP95(), times.visibleP50(), times.visibleP95(), times.visibleMax(), saves, NOTES, loadSeconds, loadAverage());
        }
    }

    private static String row(String name, Latency l, String target) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.2f / %.2f ms | %.2f / %.2f ms | %s |", name, l.meanHits,
                l.p50, l.p95, l.cpuP50, l.cpuP95, target);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Wall-clock and CPU-time percentiles (ms); CPU time leaves out waiting for a core on a busy machine. */
    private record Latency(double p50, double p95, double cpuP50, double cpuP95, double meanHits) {}

    private static Latency measure(NoteSearcher searcher, Random random, Function<Random, NoteSearch> queries)
            throws IOException {
        for (int i = 0; i < QUERIES / 2; i++) {
            searcher.search(queries.apply(random));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] millis = new double[QUERIES];
        double[] cpuMillis = new double[QUERIES];
        long hits = 0;
        for (int i = 0; i < QUERIES; i++) {
            NoteSearch search = queries.apply(random);
            long cpuStart = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            hits += searcher.search(search).total();
            millis[i] = (System.nanoTime() - start) / 1e6;
            cpuMillis[i] = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        int p50 = QUERIES / 2;
        int p95 = (int) (QUERIES * 0.95);
        return new Latency(millis[p50], millis[p95], cpuMillis[p50], cpuMillis[p95], (double) hits / QUERIES);
    }

    private static double averageWords(List<Note> notes) {
        return notes.stream().mapToInt(n -> se.dikta.notes.NoteText.words(n.text())).average().orElse(0);
    }

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    /** Replaces this benchmark's section of docs/benchmarks.md, leaving the others alone. */
    static final class BenchmarkReport {
        static void write(String name, String markdown) throws IOException {
            Path file = Path.of(System.getProperty("dikta.repoRoot", "..")).resolve("docs/benchmarks.md");
            String begin = "<!-- bench:" + name + " -->";
            String end = "<!-- /bench:" + name + " -->";
            String section = begin + "\n## " + name + "\n\n" + markdown.strip() + "\n" + end;
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
            int a = text.indexOf(begin);
            int b = text.indexOf(end);
            text = a >= 0 && b > a ? text.substring(0, a) + section + text.substring(b + end.length())
                    : text.stripTrailing() + "\n\n" + section + "\n";
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }
}
