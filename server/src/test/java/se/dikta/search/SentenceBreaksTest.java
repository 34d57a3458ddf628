package se.dikta.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {

    private static final String TEXT = "Hembesök kl. 14 hos familjen. Mamma berättar t.ex. om skolan! "
            + "Barnet (8 år) sover dåligt?\nPlanering: nytt möte \"snart\". Slut";

    private static List<String> sentences(BreakIterator it, String text) {
        List<String> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            out.add(text.substring(start, end));
        }
        return out;
    }

    @Test
    void breaksAfterTerminatorsAndLineBreaksButNotAfterAbbreviations() {
        SentenceBreaks it = new SentenceBreaks();
        it.setText(TEXT);

        assertThat(sentences(it, TEXT)).containsExactly("Hembesök kl. 14 hos familjen. ",
                "Mamma berättar t.ex. om skolan! ", "Barnet (8 år) sover dåligt?\n",
                "Planering: nytt möte \"snart\". ", "Slut");
    }

    @Test
    void followingAndPrecedingAnswerLikeAnyBreakIterator() {
        SentenceBreaks it = new SentenceBreaks();
        it.setText(TEXT);
        List<Integer> bounds = new ArrayList<>();
        for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
            bounds.add(b);
        }
        for (int offset = 0; offset <= TEXT.length(); offset++) {
            int o = offset;
            int following = bounds.stream().filter(b -> b > o).findFirst().orElse(BreakIterator.DONE);
            int preceding = bounds.stream().filter(b -> b < o).reduce((a, b) -> b).orElse(BreakIterator.DONE);
            assertThat(it.following(offset)).as("following %d", offset).isEqualTo(following);
            assertThat(it.preceding(offset)).as("preceding %d", offset).isEqualTo(preceding);
            assertThat(it.isBoundary(offset)).as("isBoundary %d", offset).isEqualTo(bounds.contains(offset));
        }
        assertThat(it.last()).isEqualTo(TEXT.length());
        assertThat(it.previous()).isEqualTo(bounds.get(bounds.size() - 2));
        assertThat(it.first()).isZero();
        assertThat(it.previous()).isEqualTo(BreakIterator.DONE);
        assertThat(it.current()).isZero();
    }

    @Test
    void keepsTheOffsetsOfATextThatStartsInsideALongerOne() {
        SentenceBreaks it = new SentenceBreaks();
        it.setText(new StringCharacterIterator("xxxxxEtt. Två.", 5, 14, 5));

        assertThat(it.first()).isEqualTo(5);
        assertThat(it.next()).isEqualTo(10);
        assertThat(it.next()).isEqualTo(14);
        assertThat(it.next()).isEqualTo(BreakIterator.DONE);
        assertThat(it.getText().getBeginIndex()).isEqualTo(5);
    }
}
