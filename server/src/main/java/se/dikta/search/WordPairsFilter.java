package se.dikta.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Turns one value's terms into its {@link WordPairs}: every term at a position with every term one and two
 * positions further on, each distinct pair once. Reads the whole value first (a note's section is short).
 */
final class WordPairsFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private Iterator<String> pending;

    WordPairsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending == null) {
            pending = readPairs().iterator();
        }
        if (!pending.hasNext()) {
            return false;
        }
        clearAttributes();
        term.setEmpty().append(pending.next());
        increment.setPositionIncrement(1);
        return true;
    }

    private Set<String> readPairs() throws IOException {
        List<List<String>> byPosition = new ArrayList<>();
        int position = -1;
        while (input.incrementToken()) {
            position += increment.getPositionIncrement();
            while (byPosition.size() <= position) {
                byPosition.add(new ArrayList<>(2));
            }
            byPosition.get(position).add(term.toString());
        }
        Set<String> pairs = new LinkedHashSet<>();
        for (int p = 0; p < byPosition.size(); p++) {
            for (int d = 1; d <= WordPairs.MAX_DISTANCE && p + d < byPosition.size(); d++) {
                for (String first : byPosition.get(p)) {
                    for (String second : byPosition.get(p + d)) {
                        pairs.add(WordPairs.term(first, second, d));
                    }
                }
            }
        }
        return pairs;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
    }
}
