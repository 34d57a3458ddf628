package se.dikta.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Index time: after each compound ("barnavårdsutredningen") also emits its parts (barn, vård, utredningen) at
 * the same position and with the compound's offsets, so a search for one part finds the compound and a
 * highlight marks the whole word. Parts then go through the same stemming as every word.
 */
final class CompoundPartsFilter extends TokenFilter {

    private final CompoundSplitter splitter;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private State compound;

    CompoundPartsFilter(TokenStream input, CompoundSplitter splitter) {
        super(input);
        this.splitter = splitter;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(compound);
            term.setEmpty().append(pending.poll());
            position.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        for (String part : splitter.split(term.toString())) {
            pending.add(part);
        }
        if (!pending.isEmpty()) {
            compound = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        compound = null;
    }
}
