package se.dikta.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lab, not a benchmark (prints, writes nothing): where a search's CPU time goes in the big unit of the index
 * {@link SearchScaleBenchmark} built (run that first). The parts of one search are timed one after another per
 * query, so a busy machine slows them alike: the counts as they were taken before the parts of the combined text
 * were indexed apart (a word: the counting read of the combined text and the section counts; a phrase: the one
 * scored pass, page and every hit, and the section counts), the counts from the parts' hits alone
 * ({@link FacetCounter#fromParts}), the page by relevance (skipping by block maxima), and the counting read of the
 * combined text alone (hits, total, templates).
 * {@code mvn -o -q -B -pl server -Pbench test -Dtest=SearchCostLab}; with {@code -Dlab.profile=QUERY} (and
 * {@code -Dlab.section=KEY}) it only runs that whole search 3000 times, for a sampling profiler.
 */
@Tag("bench")
class SearchCostLab {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String[] QUERIES = {"skolan", "pappa", "bedömningen", "oro", "BUP", "tolk",
        "\"det finns oro\"", "\"hög frånvaro\"", "\"behov av stöd\"", "\"mer stöd i vardagen\"",
        "\"svårt att koncentrera sig\"", "\"hyran inte har betalats\"", "\"skickar en remiss\""};
    private static final int RUNS = 60;

    @Test
    void costOfEachPart() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), String.format(Locale.ROOT,
                "dikta-search-scale-%d-20-%s-%s", 1_000_000, NoteIndex.LAYOUT, SwedishNoteAnalyzer.VERSION));
        assumeTrue(NoteIndex.exists(dir), "no index in " + dir + "; run SearchScaleBenchmark first");
        SwedishNoteAnalyzer analyzer = new SwedishNoteAnalyzer();
        UserQueryParser parser = new UserQueryParser(analyzer);
        try (NoteIndex index = NoteIndex.open(dir, analyzer)) {
            index.withSearcher(s -> {
                List<UnitScope> scopes = UnitScope.of(s.getIndexReader(), 1, Optional.empty());
                List<String> keys = new ArrayList<>();
                TermsEnum te = MultiTerms.getTerms(s.getIndexReader(), NoteFields.SECTION).iterator();
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    keys.add(t.utf8ToString());
                }
                String profiled = System.getProperty("lab.profile");
                if (profiled != null) { // one whole search over and over, for a sampling profiler
                    NoteSearcher whole = new NoteSearcher(index, analyzer, 10_000);
                    for (int i = 0; i < 3000; i++) {
                        NoteSearch.Builder b = NoteSearch.in(1).query(profiled);
                        String section = System.getProperty("lab.section");
                        whole.search((section == null ? b : b.section(section)).build());
                    }
                    return null;
                }
                for (String text : QUERIES) {
                    Query q = new BooleanQuery.Builder()
                            .add(parser.parse(text, NoteFields.TEXT), BooleanClause.Occur.MUST).build();
                    List<Query> sections = new ArrayList<>();
                    for (String key : keys) {
                        sections.add(parser.parse(text, NoteFields.sectionField(key)));
                    }
                    boolean phrase = !HitBits.fromPostings(q);
                    Map<String, Query> parsed = new HashMap<>();
                    for (int k = 0; k < keys.size(); k++) {
                        String field = NoteFields.sectionField(keys.get(k));
                        parsed.put(field, WordPairs.partQuery(sections.get(k), field));
                    }
                    FacetCounter.PartQuery parts = f -> parsed.computeIfAbsent(f,
                            g -> WordPairs.partQuery(parser.parse(text, g), g));
                    long[][] t = new long[5][RUNS];
                    NoteSearcher whole = new NoteSearcher(index, analyzer, 10_000);
                    for (int i = -RUNS / 2; i < RUNS; i++) {
                        long a = CPU.getCurrentThreadCpuTime();
                        if (phrase) {
                            ScopedSearch.Scored scored = ScopedSearch.topWithHits(s, q, scopes,
                                    NoteSearch.Order.RELEVANCE, 20);
                            FacetCounter.count(new HitBits(s), scored::hitsOf, scopes, keys, sections);
                        } else {
                            FacetCounter.count(new HitBits(s), q, scopes, keys, sections);
                        }
                        long b = CPU.getCurrentThreadCpuTime();
                        FacetCounter.fromParts(new HitBits(s)::withDeleted, scopes, keys, parts);
                        long c = CPU.getCurrentThreadCpuTime();
                        ScopedSearch.top(s, q, scopes, NoteSearch.Order.RELEVANCE, 20);
                        long d = CPU.getCurrentThreadCpuTime();
                        FacetCounter.count(new HitBits(s), q, scopes, List.of(), List.of());
                        long e = CPU.getCurrentThreadCpuTime();
                        whole.search(NoteSearch.in(1).query(text).build());
                        long g = CPU.getCurrentThreadCpuTime();
                        if (i >= 0) {
                            t[0][i] = b - a;
                            t[1][i] = c - b;
                            t[2][i] = d - c;
                            t[3][i] = e - d;
                            t[4][i] = g - e;
                        }
                    }
                    String[] names = {phrase ? "before: scored pass + section counts" : "before: counting read + sections",
                        "counts from the parts", "page by block max", "counting read alone (hits, total, templates)", "whole search"};
                    StringBuilder out = new StringBuilder(text);
                    for (int k = 0; k < 5; k++) {
                        Arrays.sort(t[k]);
                        out.append(String.format(Locale.ROOT, " | %s %.2f / %.2f", names[k], t[k][RUNS / 2] / 1e6,
                                t[k][RUNS * 95 / 100] / 1e6));
                    }
                    System.out.println(out);
                }
                return null;
            });
        }
    }
}
