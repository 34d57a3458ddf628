package se.dikta.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.sv.SwedishMinimalStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Index time, last in the chain: two words next to each other that make a known compound (a word of the compound
 * dictionary or an inflection of one) ("familj behandlare")
 * are also indexed as that compound ("familjebehandlare", and its stem) at the first word's position, with
 * offsets spanning both words. A typed two-part compound is then one term, not "compound OR phrase of its
 * parts", and the highlighter marks the two words. Every term at a position takes part (as written, stemmed,
 * compound parts), so the joined forms are the compounds whose split the old phrase of parts matched. The
 * linking letter is not heard, so each one the splitter accepts is indexed ("familjbehandlare" too).
 * Reads the whole (note-sized) stream first.
 */
final class CompoundJoinFilter extends TokenFilter {

    private static final String[] LINKS = {"", "s", "a", "e", "u", "o"};
    /** Word pairs remembered (a note's words repeat across notes; splitting is the costly part); then forgotten. */
    private static final int SEEN_LIMIT = 50_000;

    private final CompoundSplitter splitter;
    private final SwedishMinimalStemmer stemmer = new SwedishMinimalStemmer();
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final List<Group> groups = new ArrayList<>();
    private final Map<String, List<String>> seen = new HashMap<>();
    private int group;
    private int inGroup;
    private int joined;

    /** The tokens at one position, and the compounds joined from it and the next position. */
    private static final class Group {
        final List<State> states = new ArrayList<>();
        final Set<String> terms = new LinkedHashSet<>();
        final List<String> joins = new ArrayList<>();
        int increment;
        int start;
        int end;
        int joinEnd;
    }

    CompoundJoinFilter(TokenStream input, CompoundSplitter splitter) {
        super(input);
        this.splitter = splitter;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (group < 0) {
            readAll();
        }
        while (group < groups.size()) {
            Group g = groups.get(group);
            if (inGroup < g.states.size()) {
                restoreState(g.states.get(inGroup++));
                return true;
            }
            if (joined < g.joins.size()) {
                restoreState(g.states.get(0));
                term.setEmpty().append(g.joins.get(joined++));
                position.setPositionIncrement(0);
                offset.setOffset(g.start, g.joinEnd);
                return true;
            }
            group++;
            inGroup = 0;
            joined = 0;
        }
        return false;
    }

    private void readAll() throws IOException {
        group = 0;
        Group current = null;
        while (input.incrementToken()) {
            int increment = position.getPositionIncrement();
            if (current == null || increment > 0) {
                current = new Group();
                current.increment = increment;
                current.start = offset.startOffset();
                groups.add(current);
            }
            current.states.add(captureState());
            current.terms.add(term.toString());
            current.end = Math.max(current.end, offset.endOffset());
        }
        for (int i = 0; i + 1 < groups.size(); i++) {
            Group next = groups.get(i + 1);
            if (next.increment == 1) {
                join(groups.get(i), next);
            }
        }
    }

    private void join(Group first, Group second) {
        Set<String> joins = new LinkedHashSet<>();
        for (String written : first.terms) {
            for (String head : second.terms) {
                joins.addAll(seen.computeIfAbsent(written + ' ' + head, k -> joinsOf(written, head)));
            }
        }
        if (seen.size() > SEEN_LIMIT) {
            seen.clear();
        }
        joins.removeAll(first.terms);
        first.joins.addAll(joins);
        first.joinEnd = Math.max(first.end, second.end);
    }

    private List<String> joinsOf(String written, String head) {
        List<String> joins = new ArrayList<>(0);
        for (String modifier : splitter.modifiersFor(written)) {
            if (!splitter.mayJoin(modifier, head)) {
                continue;
            }
            for (String link : LINKS) {
                String compound = modifier + link + head;
                if (splitter.isKnown(compound) && splitter.split(compound).equals(List.of(modifier, head))) {
                    joins.add(compound);
                    char[] chars = compound.toCharArray();
                    joins.add(new String(chars, 0, stemmer.stem(chars, chars.length)));
                }
            }
        }
        return joins.isEmpty() ? List.of() : List.copyOf(joins);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        groups.clear();
        group = -1;
        inGroup = 0;
        joined = 0;
    }
}
