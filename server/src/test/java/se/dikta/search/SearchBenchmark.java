package se.dikta.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.dikta.notes.Note;

/**
 * Search figures on 100,000 synthetic notes, written to {@code docs/benchmarks.md} (section {@code search}):
 * indexing throughput on one thread, query latency for word, phrase and filtered queries (the full search:
 * hits, total, facets and snippets), index size.
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

    @Test
    void indexAndQueryHundredThousandNotes() throws IOException {
        Path dir = Files.createTempDirectory("dikta-search-bench");
        SwedishNoteAnalyzer analyzer = new SwedishNoteAnalyzer();
        SyntheticNotes generator = new SyntheticNotes(42, 1, 5_000);
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
            Latency word = measure(searcher, random, r -> NoteSearch.in(1).query(pick(r, WORDS)).build());
            Latency phrase = measure(searcher, random, r -> NoteSearch.in(1).query(pick(r, PHRASES)).build());
            Latency filtered = measure(searcher, random, r -> {
                LocalDate from = LocalDate.of(2022, 1, 1).plusDays(r.nextInt(3 * 365));
                return NoteSearch.in(1).query(pick(r, WORDS))
                        .template(SyntheticNotes.TEMPLATES.get(r.nextInt(SyntheticNotes.TEMPLATES.size())))
                        .dates(from, from.plusDays(180)).build();
            });
            Latency sectioned = measure(searcher, random, r -> NoteSearch.in(1).query(pick(r, WORDS))
                    .section(pick(r, SyntheticNotes.SECTION_KEYS)).build());
            Latency browse = measure(searcher, random, r -> NoteSearch.in(1).caseId("2024-" + (10_000 + r.nextInt(5_000)))
                    .build());

            String report = String.format(Locale.ROOT, """
                    Measured by `SearchBenchmark` (`mvn -o -q -B -pl server -Pbench test -Dtest=SearchBenchmark`) on \
                    %d synthetic notes (7 sections assembled from varied Swedish sentence fragments, %.0f words per \
                    note on average), all in one unit so every query runs over the whole index; %d cores, Java %s.

                    | figure | value | target |
                    | --- | --- | --- |
                    | indexing, one thread (analysis, per-section fields, commit) | %.0f notes/s (%.1f s) | ≥ 1,000 notes/s |
                    | index size on disk | %.1f MB (%.0f bytes/note) | |
                    | word query (hits, total, facets, snippets) p50 / p95 | %.2f / %.2f ms | p95 ≤ 5 ms |
                    | phrase query p50 / p95 | %.2f / %.2f ms | p95 ≤ 5 ms |
                    | filtered query (word + template + 6-month date range) p50 / p95 | %.2f / %.2f ms | p95 ≤ 5 ms |
                    | word within one section p50 / p95 | %.2f / %.2f ms | |
                    | case listing (no text, newest first) p50 / p95 | %.2f / %.2f ms | |

                    Latencies are for %d queries each after warm-up, measured in-process around `NoteSearcher.search`
                    (no HTTP), with average hit counts of %.0f (word), %.0f (phrase) and %.0f (filtered).
                    """,
                    NOTES, averageWords(notes), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    NOTES / indexSeconds, indexSeconds, size / 1e6, (double) size / NOTES,
                    word.p50, word.p95, phrase.p50, phrase.p95, filtered.p50, filtered.p95, sectioned.p50,
                    sectioned.p95, browse.p50, browse.p95, QUERIES, word.meanHits, phrase.meanHits, filtered.meanHits);
            System.out.println(report);
            BenchmarkReport.write("search", report);
        } finally {
            NoteIndex.wipe(dir);
            Files.delete(dir);
        }
    }

    private record Latency(double p50, double p95, double meanHits) {}

    private static Latency measure(NoteSearcher searcher, Random random, Function<Random, NoteSearch> queries)
            throws IOException {
        for (int i = 0; i < QUERIES / 2; i++) {
            searcher.search(queries.apply(random));
        }
        double[] millis = new double[QUERIES];
        long hits = 0;
        for (int i = 0; i < QUERIES; i++) {
            NoteSearch search = queries.apply(random);
            long start = System.nanoTime();
            hits += searcher.search(search).total();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Latency(millis[QUERIES / 2], millis[(int) (QUERIES * 0.95)], (double) hits / QUERIES);
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
