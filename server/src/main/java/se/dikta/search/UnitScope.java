package se.dikta.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Where the notes a search may see lie in each segment of the unit-sorted index ({@link NoteFields#indexSort()}).
 *
 * <p>Segments are sorted by unit and then template, so the notes of one unit with one template are a contiguous run
 * of doc ids. Each run is read from the {@link NoteFields#UNIT_TEMPLATE} term: its first posting is where the run
 * starts and its doc freq how long it is (doc freq counts deleted documents too, which is what the doc-id layout
 * needs; deleted ones are skipped when searching). The unit's range is the union of its template runs. The search
 * then scores only that range ({@link ScopedSearch}) — the unit filter costs nothing per hit, and the postings of a
 * word jump over the other units' notes with their skip data — and a hit's template is the run it falls in.
 *
 * @param leaf the segment
 * @param start first doc id of the scope (inclusive)
 * @param end last doc id of the scope (exclusive)
 * @param templates per run, the template id; runs in doc-id order
 * @param runStarts per run, its first doc id
 * @param runEnds per run, its end doc id (exclusive)
 */
record UnitScope(LeafReaderContext leaf, int start, int end, String[] templates, int[] runStarts, int[] runEnds) {

    /** The scopes of {@code unitId}'s notes (of {@code template} only, when given), one per segment that has any. */
    static List<UnitScope> of(IndexReader reader, long unitId, Optional<String> template) throws IOException {
        String prefix = NoteFields.unitScoped(unitId, "");
        List<UnitScope> scopes = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            UnitScope scope = runs(leaf, prefix, template);
            if (scope != null) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    /** Every note of every unit (what a search across units would read), as one scope per segment. */
    static List<UnitScope> wholeIndex(IndexReader reader) throws IOException {
        List<UnitScope> scopes = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            UnitScope scope = runs(leaf, "", Optional.empty());
            if (scope != null) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    /** Index of the run holding {@code doc}, which must lie in the scope. */
    int runOf(int doc) {
        int low = 0;
        int high = runStarts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (runStarts[mid] <= doc) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private static UnitScope runs(LeafReaderContext leaf, String prefix, Optional<String> template) throws IOException {
        Terms terms = leaf.reader().terms(NoteFields.UNIT_TEMPLATE);
        if (terms == null) {
            return null;
        }
        if (leaf.reader().getMetaData().getSort() == null) {
            throw new IllegalStateException("The search index segment " + leaf.reader() + " is not sorted by unit");
        }
        BytesRef prefixBytes = new BytesRef(prefix);
        TermsEnum te = terms.iterator();
        List<Run> runs = new ArrayList<>();
        PostingsEnum postings = null;
        BytesRef term = template.isPresent() ? (te.seekExact(new BytesRef(prefix + template.get())) ? te.term() : null)
                : te.seekCeil(prefixBytes) == TermsEnum.SeekStatus.END ? null : te.term();
        while (term != null && StringHelper.startsWith(term, prefixBytes)) {
            postings = te.postings(postings, PostingsEnum.NONE);
            int first = postings.nextDoc();
            String scoped = term.utf8ToString();
            runs.add(new Run(scoped.substring(scoped.indexOf(NoteFields.SCOPE_SEPARATOR) + 1), first,
                    first + te.docFreq()));
            term = template.isPresent() ? null : te.next();
        }
        if (runs.isEmpty()) {
            return null;
        }
        // Terms come in byte order, which is the sort's template order within a unit but not across units.
        runs.sort((a, b) -> Integer.compare(a.start, b.start));
        int[] starts = new int[runs.size()];
        int[] ends = new int[runs.size()];
        String[] templates = new String[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            if (i > 0 && run.start != ends[i - 1]) {
                throw new IllegalStateException("The search index segment " + leaf.reader()
                        + " does not hold a unit's notes in one run");
            }
            templates[i] = run.template;
            starts[i] = run.start;
            ends[i] = run.end;
        }
        return new UnitScope(leaf, starts[0], ends[ends.length - 1], templates, starts, ends);
    }

    private record Run(String template, int start, int end) {}
}
