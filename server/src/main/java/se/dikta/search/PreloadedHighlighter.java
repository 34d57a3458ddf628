package se.dikta.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * A {@link UnifiedHighlighter} for one page of hits whose texts were already read from the stored fields along
 * with the hit's other fields: it takes them from there instead of reading and decompressing each document a
 * second time.
 */
final class PreloadedHighlighter extends UnifiedHighlighter {

    private final Map<Integer, String> texts;

    /** @param texts the highlighted field's text per document id; every document to highlight must be present */
    PreloadedHighlighter(UnifiedHighlighter.Builder builder, Map<Integer, String> texts) {
        super(builder);
        this.texts = Map.copyOf(texts);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
            throws IOException {
        if (fields.length != 1) {
            return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
        }
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
            String text = texts.get(doc);
            values.add(new CharSequence[] {text == null ? "" : text});
        }
        return values;
    }
}
