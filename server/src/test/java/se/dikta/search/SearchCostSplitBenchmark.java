package se.dikta.search;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.dikta.notes.Person;
import se.dikta.testing.BenchmarkReport;

/**
 * Where the CPU of one search in a big unit goes: {@code -Dsearch.split.big} (default 50,000) notes of one unit
 * and a quarter as many of another, indexed directly through {@link NoteIndex} (no HTTP). For word, section and
 * listing queries as a worker of the big unit, the CPU p50/p95 of cumulative stages: the top 20 hits alone
 * (Lucene may skip non-competitive hits), plus the exact total, plus template facets, plus section facets, and
 * the whole {@link NoteSearcher#search} (adds stored fields and snippets for the page). The differences are each
 * part's share. {@code mvn -o -q -B -pl server -Pbench test -Dtest=SearchCostSplitBenchmark}; writes the
 * "search-scale-split" section of docs/benchmarks.md.
 */
@Tag("bench")
class SearchCostSplitBenchmark {

    private static final int BIG = Integer.getInteger("search.split.big", 50_000);
    private static final int QUERIES = Integer.getInteger("search.split.queries", 600);
    private static final String[] WORDS = {"hembesöket", "bedömningen", "frånvaro", "skolan", "oro", "ekonomin",
        "familjebehandlare", "umgänget", "lägenheten", "missbruk", "kontaktfamilj", "vårdplan", "tolk", "BUP",
        "pappa", "sömn", "placeringen", "riskbedömning", "nätverk", "elevhälsan"};
    private static final String[][] SECTION_WORDS = {{"BEDOMNING", "oro"}, {"BEDOMNING", "stöd"},
        {"INFORMATION", "skolan"}, {"INFORMATION", "frånvaro"}, {"OBSERVATION", "lägenheten"},
        {"PLANERING", "hembesök"}, {"PLANERING", "remiss"}};
    private static final int PER_WORD = 40;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String[] STAGES = {"top 20 only", "+ exact total", "+ template facets",
        "+ section facets by intersection", "+ section facets as searched now", "+ page's stored fields",
        "whole search (+ snippets)"};

    /** One query of the benchmark, as the search and as its parts. */
    record Case(NoteSearch search, Query text, String textField) {}

    @Test
    void costSplitInBigUnit() throws Exception {
        Path dir = Files.createTempDirectory("dikta-search-split");
        SwedishNoteAnalyzer analyzer = new SwedishNoteAnalyzer();
        UserQueryParser parser = new UserQueryParser(analyzer);
        List<Person> authors = SyntheticNotes.authors(200);
        SyntheticNotes big = new SyntheticNotes(101, 1, SyntheticNotes.caseIds(5_000), authors);
        SyntheticNotes small = new SyntheticNotes(102, 2, SyntheticNotes.caseIds(1_000), authors);
        int total = BIG + BIG / 4;
        String indexLoad = loadAverage();
        try (NoteIndex index = NoteIndex.open(dir, analyzer)) {
            long start = System.nanoTime();
            for (int n = 1; n <= total; n++) {
                index.put(n % 5 == 0 ? small.note(n) : big.note(n));
            }
            index.markApplied(total);
            index.commit();
            index.refresh();
            double indexSeconds = (System.nanoTime() - start) / 1e9;
            NoteSearcher searcher = new NoteSearcher(index, analyzer, 10_000);
            Random random = new Random(7);
            String queryLoad = loadAverage();
            StringBuilder rows = new StringBuilder();
            Map<String, Function<Random, Case>> kinds = new LinkedHashMap<>();
            kinds.put("word", r -> {
                String w = WORDS[r.nextInt(WORDS.length)];
                return new Case(NoteSearch.in(1).query(w).build(), parser.parse(w, NoteFields.TEXT), NoteFields.TEXT);
            });
            kinds.put("word within one section", r -> {
                String[] p = SECTION_WORDS[r.nextInt(SECTION_WORDS.length)];
                return new Case(NoteSearch.in(1).query(p[1]).section(p[0]).build(),
                        parser.parse(p[1], NoteFields.sectionField(p[0])), NoteFields.sectionField(p[0]));
            });
            kinds.put("unit listing (no text, newest first)", r -> new Case(NoteSearch.in(1).build(), null, null));
            for (var kind : kinds.entrySet()) {
                double[][] cpu = new double[STAGES.length][];
                for (int stage = 0; stage < STAGES.length; stage++) {
                    int s = stage;
                    cpu[stage] = time(random, r -> run(index, searcher, parser, kind.getValue().apply(r), s));
                }
                StringBuilder cells = new StringBuilder();
                for (double[] c : cpu) {
                    cells.append(f(" %.2f / %.2f |", c[0], c[1]));
                }
                rows.append("| ").append(kind.getKey()).append(" |").append(cells).append('\n');
            }
            StringBuilder perWord = new StringBuilder();
            for (String w : WORDS) {
                long hits = searcher.search(NoteSearch.in(1).query(w).build()).total();
                double[] c = time(PER_WORD, random, r -> searcher.search(NoteSearch.in(1).query(w).build()));
                perWord.append(f("| %s | %d | %.2f / %.2f |%n", w, hits, c[0], c[1]));
            }
            String report = f("""
                    ## search-scale-split

                    Measured by `SearchCostSplitBenchmark` (`mvn -o -q -B -pl server -Pbench test \
                    -Dtest=SearchCostSplitBenchmark`): %,d notes of one unit (5,000 cases) and %,d of another, \
                    indexed directly (%.0f notes/s wall; load average %s), then queries as a worker of the big unit \
                    (load average %s when the queries started), %d per cell after %d of warm-up, Java %s on %d \
                    shared cores. CPU p50 / p95 in ms of the searching thread for cumulative stages; the difference \
                    between two columns is that part's cost.

                    | query | %s |
                    | --- | --- | --- | --- | --- | --- | --- | --- |
                    %s
                    Whole search per word in the big unit (CPU p50 / p95 ms over %d runs each, mean hits):

                    | word | hits | CPU p50 / p95 |
                    | --- | --- | --- |
                    %s""", BIG, BIG / 4, total / indexSeconds, indexLoad, queryLoad, QUERIES, QUERIES / 2,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    String.join(" | ", STAGES), rows, PER_WORD, perWord);
            System.out.println(report);
            BenchmarkReport.writeSection("search-scale-split", report);
        } finally {
            NoteIndex.wipe(dir);
            Files.deleteIfExists(dir);
        }
    }

    private static void run(NoteIndex index, NoteSearcher searcher, UserQueryParser parser, Case c, int stage)
            throws IOException {
        if (stage == STAGES.length - 1) {
            searcher.search(c.search());
            return;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(c.text() == null ? new MatchAllDocsQuery() : c.text(), Occur.MUST)
                .add(new TermQuery(new Term(NoteFields.UNIT, "1")), Occur.FILTER);
        c.search().section().ifPresent(s -> b.add(KeywordField.newExactQuery(NoteFields.SECTION, s), Occur.FILTER));
        Query query = b.build();
        int threshold = stage == 0 ? 20 : Integer.MAX_VALUE;
        CollectorManager<?, ? extends TopDocs> top = c.text() == null
                ? new TopFieldCollectorManager(new Sort(new SortedNumericSortField(NoteFields.DATE, SortField.Type.LONG,
                        true), new SortedNumericSortField(NoteFields.ENTRY, SortField.Type.LONG, true)), 20, null,
                        threshold)
                : new TopScoreDocCollectorManager(20, null, threshold);
        index.withSearcher(s -> {
            if (stage <= 1) {
                return s.search(query, top);
            }
            Map<String, Weight> weights = new LinkedHashMap<>();
            FacetCounter facets;
            if (stage >= 4 && c.text() == null) {
                facets = new FacetCounter(NoteFields.TEMPLATE, NoteFields.SECTION, List.of(SyntheticNotes.SECTION_KEYS));
            } else {
                for (int k = 0; stage >= 3 && k < SyntheticNotes.SECTION_KEYS.length; k++) {
                    String key = SyntheticNotes.SECTION_KEYS[k];
                    Query q = c.text() == null ? KeywordField.newExactQuery(NoteFields.SECTION, key)
                            : parser.parse(c.search().query(), NoteFields.sectionField(key));
                    weights.put(key, weight(s, q));
                }
                facets = new FacetCounter(NoteFields.TEMPLATE, weights);
            }
            Object[] results = s.search(query, new MultiCollectorManager(top, facets));
            if (stage == 5) {
                StoredFields stored = s.storedFields();
                for (ScoreDoc d : ((TopDocs) results[0]).scoreDocs) {
                    stored.document(d.doc);
                }
            }
            return results;
        });
    }

    private static Weight weight(IndexSearcher s, Query q) throws IOException {
        return s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }

    private interface Search {
        void run(Random r) throws IOException;
    }

    private static double[] time(Random random, Search search) throws IOException {
        return time(QUERIES, random, search);
    }

    private static double[] time(int queries, Random random, Search search) throws IOException {
        for (int i = 0; i < queries / 2; i++) {
            search.run(random);
        }
        double[] cpuMillis = new double[queries];
        for (int i = 0; i < queries; i++) {
            long cpuStart = CPU.getCurrentThreadCpuTime();
            search.run(random);
            cpuMillis[i] = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(cpuMillis);
        return new double[] {cpuMillis[queries / 2], cpuMillis[(int) (queries * 0.95)]};
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
