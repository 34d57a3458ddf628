package se.dikta.search;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.function.Function;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.dikta.notes.Person;
import se.dikta.testing.BenchmarkReport;

/**
 * Search at municipal scale: {@code -Dsearch.scale.notes} (default 1,000,000) synthetic notes in 20 units, one
 * big unit holding a fifth of them and 19 of equal size, interleaved in time as a municipality's saves would be.
 *
 * <p>The index is built once per generator parameters and index layout, in {@code java.io.tmpdir}
 * ({@code dikta-search-scale-NOTES-UNITS-LAYOUT}), timed (indexing throughput on one thread, CPU of the thread and
 * of the process with its merge threads, index size) and reused by later runs, whose figures for the build are
 * read from a file beside it. {@code -Dsearch.scale.queries=0} only builds. Then the full search (top hits, exact
 * total, template and section facets, snippets) as a worker of the big unit and of a small one, per word in the
 * big unit, and what a query over the whole index would cost.
 * {@code mvn -o -q -B -pl server -Pbench test -Dtest=SearchScaleBenchmark [-Dsearch.scale.notes=250000]};
 * writes the "search-scale" section of docs/benchmarks.md (not when it only builds).
 */
@Tag("bench")
class SearchScaleBenchmark {

    private static final int NOTES = Integer.getInteger("search.scale.notes", 1_000_000);
    private static final int UNITS = 20;
    private static final int QUERIES = Integer.getInteger("search.scale.queries", 1_000);
    private static final String[] WORDS = {"hembesöket", "bedömningen", "frånvaro", "skolan", "oro", "ekonomin",
        "familjebehandlare", "umgänget", "lägenheten", "missbruk", "kontaktfamilj", "vårdplan", "tolk", "BUP",
        "pappa", "sömn", "placeringen", "riskbedömning", "nätverk", "elevhälsan"};
    private static final String[] PHRASES = {"\"hög frånvaro\"", "\"det finns oro\"", "\"ny lägenhet\"",
        "\"mer stöd i vardagen\"", "\"behov av stöd\"", "\"svårt att koncentrera sig\"", "\"nästa hembesök\"",
        "\"skickar en remiss\"", "\"fått nya vänner\"", "\"hyran inte har betalats\""};
    private static final String[][] SECTION_WORDS = {{"BEDOMNING", "oro"}, {"BEDOMNING", "stöd"},
        {"INFORMATION", "skolan"}, {"INFORMATION", "frånvaro"}, {"OBSERVATION", "lägenheten"},
        {"PLANERING", "hembesök"}, {"PLANERING", "remiss"}};
    private static final int PER_WORD = 40;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    record Latency(double p50, double p95, double cpuP50, double cpuP95, double meanHits) {}

    /** Unit 1 gets every fifth note; the others take turns with the rest. */
    private static int unitOf(int n) {
        return n % 5 == 0 ? 1 : 2 + (n - n / 5 - 1) % (UNITS - 1);
    }

    private static int casesOf(int unit) {
        return unit == 1 ? 5_000 : 1_000;
    }

    @Test
    void searchAtScale() throws Exception {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"),
                f("dikta-search-scale-%d-%d-%s-%s", NOTES, UNITS, NoteIndex.LAYOUT, SwedishNoteAnalyzer.VERSION));
        Path figures = dir.resolveSibling(dir.getFileName() + ".build");
        SwedishNoteAnalyzer analyzer = new SwedishNoteAnalyzer();
        int[] perUnit = new int[UNITS + 1];
        for (int n = 1; n <= NOTES; n++) {
            perUnit[unitOf(n)]++;
        }
        Properties build = new Properties();
        boolean built = Files.exists(figures) && NoteIndex.exists(dir);
        if (!built) {
            NoteIndex.wipe(dir);
            build = buildIndex(dir, analyzer);
            try (var out = Files.newBufferedWriter(figures)) {
                build.store(out, "SearchScaleBenchmark index build");
            }
        } else {
            try (var in = Files.newBufferedReader(figures)) {
                build.load(in);
            }
            System.out.println("reusing the index in " + dir);
        }
        if (QUERIES == 0) {
            return;
        }
        try (NoteIndex index = NoteIndex.open(dir, analyzer)) {
            if (index.committedRevision() != NOTES) {
                throw new IllegalStateException("The index in " + dir + " is incomplete; delete it and " + figures);
            }
            int segments = index.withSearcher(s -> s.getIndexReader().leaves().size());
            NoteSearcher searcher = new NoteSearcher(index, analyzer, 10_000);
            Random random = new Random(7);
            String queryLoad = loadAverage();
            StringBuilder rows = new StringBuilder();
            for (int unit : new int[] {1, 2}) {
                int cases = casesOf(unit);
                String who = unit == 1 ? f("big unit (%,d notes)", perUnit[1]) : f("small unit (%,d notes)", perUnit[2]);
                rows.append(row(who, "word", measure(searcher, random, r -> NoteSearch.in(unit).query(pick(r, WORDS)).build())));
                rows.append(row(who, "phrase", measure(searcher, random, r -> NoteSearch.in(unit).query(pick(r, PHRASES)).build())));
                rows.append(row(who, "filtered (word + template + 6 months)", measure(searcher, random, r -> {
                    LocalDate from = LocalDate.of(2022, 1, 1).plusDays(r.nextInt(3 * 365));
                    return NoteSearch.in(unit).query(pick(r, WORDS))
                            .template(SyntheticNotes.TEMPLATES.get(r.nextInt(SyntheticNotes.TEMPLATES.size())))
                            .dates(from, from.plusDays(180)).build();
                })));
                rows.append(row(who, "word within one section", measure(searcher, random, r -> {
                    String[] pair = SECTION_WORDS[r.nextInt(SECTION_WORDS.length)];
                    return NoteSearch.in(unit).query(pair[1]).section(pair[0]).build();
                })));
                rows.append(row(who, "case listing (no text, newest first)", measure(searcher, random,
                        r -> NoteSearch.in(unit).caseId(f("2024-%04d", 1 + r.nextInt(cases))).build())));
                rows.append(row(who, "unit listing (no text, newest first)", measure(searcher, random,
                        r -> NoteSearch.in(unit).build())));
            }
            for (String word : WORDS) {
                for (int unit : new int[] {1, 2}) {
                    samePageAsLucene(index, searcher, new UserQueryParser(analyzer), word, unit);
                }
            }
            StringBuilder perWord = new StringBuilder();
            for (String word : WORDS) {
                Latency l = time(new Random(1), PER_WORD, r -> searcher.search(NoteSearch.in(1).query(word).build()).total());
                perWord.append(f("| %s | %.0f | %.2f / %.2f |%n", word, l.meanHits(), l.cpuP50(), l.cpuP95()));
            }
            UserQueryParser parser = new UserQueryParser(analyzer);
            Latency whole = time(random, QUERIES, r -> wholeIndex(index, parser.parse(pick(r, WORDS), NoteFields.TEXT)));

            String report = f("""
                    ## search-scale

                    Measured by `SearchScaleBenchmark` (`mvn -o -q -B -pl server -Pbench test -Dtest=SearchScaleBenchmark \
                    -Dsearch.scale.notes=%d`) on %,d synthetic notes in %d units — one big unit of %,d notes (5,000 \
                    cases), 19 of about %,d (1,000 cases each), interleaved in time — on %d cores, Java %s. Index \
                    layout `%s` (sorted by unit, template, newest first), analyzer version %s. The index was built once (load average %s \
                    when indexing started, %s when it ended) and reused; load average %s when the queries started.

                    | figure | value |
                    | --- | --- |
                    | indexing, one thread (analysis, per-section fields, a commit every 100,000; merges on their own threads) | %.0f notes/s wall (%.0f s), %.0f notes per CPU s of the indexing thread, %.0f per CPU s of the process |
                    | index size on disk | %.1f MB (%.0f bytes/note), %d segments |

                    Query latency as a worker of one unit (every search is filtered to the unit): the whole search —
                    top 20 hits, exact total, template and section facets over all hits, snippets for the page —
                    in-process around `NoteSearcher.search`, %d queries each after %d of warm-up. CPU is the
                    searching thread's own time; wall includes waiting for a core. Target: CPU p95 ≤ 5 ms for
                    unit-scoped queries.

                    | searching as a worker of | query | mean hits | wall p50 / p95 | CPU p50 / p95 |
                    | --- | --- | --- | --- | --- |
                    %s
                    Whole search per word in the big unit (CPU p50 / p95 ms over %d runs each after as many of warm-up; \
                    before timing, each word's page of 20, ids and scores, in the big and a small unit was checked \
                    against Lucene's own search of the unit):

                    | word | hits | CPU p50 / p95 |
                    | --- | --- | --- |
                    %s
                    The product has no search across units (a worker sees one unit). What one would cost: a word
                    over the whole index (every unit's range), top 20 by relevance, exact total and template counts,
                    no section counts, no snippets: %.0f hits on average, CPU p50 / p95 %.2f / %.2f ms, wall
                    %.2f / %.2f ms.
                    """, NOTES, NOTES, UNITS, perUnit[1], perUnit[2], Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), NoteIndex.LAYOUT, SwedishNoteAnalyzer.VERSION, build.getProperty("loadStart"),
                    build.getProperty("loadEnd"), queryLoad, NOTES / d(build, "wall"), d(build, "wall"),
                    NOTES / d(build, "threadCpu"), NOTES / d(build, "processCpu"), d(build, "size") / 1e6,
                    d(build, "size") / NOTES, segments, QUERIES, QUERIES / 2, rows, PER_WORD, perWord,
                    whole.meanHits(), whole.cpuP50(), whole.cpuP95(), whole.p50(), whole.p95());
            System.out.println(report);
            BenchmarkReport.writeSection("search-scale", report);
        }
    }

    /** Indexes the notes into {@code dir} and returns the build's figures. */
    private static Properties buildIndex(Path dir, SwedishNoteAnalyzer analyzer) throws IOException {
        List<Person> authors = SyntheticNotes.authors(200);
        List<SyntheticNotes> units = new ArrayList<>();
        for (int u = 1; u <= UNITS; u++) {
            units.add(new SyntheticNotes(100 + u, u, SyntheticNotes.caseIds(casesOf(u)), authors));
        }
        Properties build = new Properties();
        build.setProperty("loadStart", loadAverage());
        try (NoteIndex index = NoteIndex.open(dir, analyzer)) {
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            long processStart = PROCESS.getProcessCpuTime();
            for (int n = 1; n <= NOTES; n++) {
                index.put(units.get(unitOf(n) - 1).note(n));
                if (n % 100_000 == 0) {
                    index.markApplied(n);
                    index.commit();
                    System.out.printf(Locale.ROOT, "indexed %d notes in %.0f s%n", n, (System.nanoTime() - start) / 1e9);
                }
            }
            index.markApplied(NOTES);
            index.commit();
            index.refresh();
            build.setProperty("wall", Double.toString((System.nanoTime() - start) / 1e9));
            build.setProperty("threadCpu", Double.toString((CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9));
            build.setProperty("processCpu", Double.toString((PROCESS.getProcessCpuTime() - processStart) / 1e9));
            build.setProperty("size", Long.toString(index.sizeOnDisk()));
        }
        build.setProperty("loadEnd", loadAverage());
        System.out.println("index built: " + build);
        return build;
    }

    /** A search across units as the product would run one: every unit's range, top 20, exact total, templates. */
    /** A word's page (ids and scores) is the one Lucene's own search of the unit gives, on the big index too. */
    private static void samePageAsLucene(NoteIndex index, NoteSearcher searcher, UserQueryParser parser, String word,
            int unit) throws IOException {
        SearchResult got = searcher.search(NoteSearch.in(unit).query(word).build());
        List<String> want = index.withSearcher(s -> {
            Query q = new BooleanQuery.Builder().add(parser.parse(word, NoteFields.TEXT), BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(NoteFields.UNIT, Integer.toString(unit))), BooleanClause.Occur.FILTER)
                    .build();
            List<String> page = new ArrayList<>();
            for (ScoreDoc d : s.search(q, got.size()).scoreDocs) {
                page.add(s.storedFields().document(d.doc).get(NoteFields.ID) + " " + d.score);
            }
            return page;
        });
        List<String> have = got.hits().stream().map(h -> h.id() + " " + h.score()).toList();
        if (!have.equals(want)) {
            throw new IllegalStateException("'" + word + "' in unit " + unit + ": page " + have + ", Lucene " + want);
        }
    }

    private static long wholeIndex(NoteIndex index, Query query) throws IOException {
        return index.withSearcher(s -> {
            List<UnitScope> all = UnitScope.wholeIndex(s.getIndexReader());
            FacetCounter.Counts counts = FacetCounter.count(new HitBits(s), query, all, List.of(), List.of());
            ScopedSearch.top(s, query, all, NoteSearch.Order.RELEVANCE, 20);
            return counts.total();
        });
    }

    private static double d(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key));
    }

    private static String row(String who, String query, Latency l) {
        return f("| %s | %s | %.0f | %.2f / %.2f ms | %.2f / %.2f ms |\n", who, query, l.meanHits(), l.p50(), l.p95(),
                l.cpuP50(), l.cpuP95());
    }

    private static Latency measure(NoteSearcher searcher, Random random, Function<Random, NoteSearch> queries)
            throws IOException {
        return time(random, QUERIES, r -> searcher.search(queries.apply(r)).total());
    }

    private interface Search {
        long run(Random r) throws IOException;
    }

    private static Latency time(Random random, int queries, Search search) throws IOException {
        for (int i = 0; i < Math.max(1, queries / 2); i++) {
            search.run(random);
        }
        double[] millis = new double[queries];
        double[] cpuMillis = new double[queries];
        long hits = 0;
        for (int i = 0; i < queries; i++) {
            long cpuStart = CPU.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            hits += search.run(random);
            millis[i] = (System.nanoTime() - start) / 1e6;
            cpuMillis[i] = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        int p95 = (int) (queries * 0.95);
        return new Latency(millis[queries / 2], millis[p95], cpuMillis[queries / 2], cpuMillis[p95],
                (double) hits / queries);
    }

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
