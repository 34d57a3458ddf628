package se.dikta.structure.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LengthPriorsTest {

    private static List<String> sentence(int length, String word) {
        return new ArrayList<>(Collections.nCopies(length, word));
    }

    /** Notes of 8-word sentences about a mother, prose of 20-word sentences about a government. */
    private static LengthPriors priors() {
        List<List<List<String>>> notes = new ArrayList<>();
        List<List<List<String>>> prose = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            notes.add(List.of(sentence(4, "mamma"), sentence(4, "berättar"), sentence(8, "att")));
            prose.add(List.of(sentence(10, "regeringen"), sentence(10, "att"), sentence(20, "beslutet")));
        }
        return LengthPriors.learn(notes, prose);
    }

    @Test
    void aDictationFullOfNoteWordsGetsTheNotesPriorAndProseTheProsePrior() {
        LengthPriors priors = priors();
        assertThat(priors.noteWords()).contains("mamma", "berättar").doesNotContain("att");
        assertThat(priors.forDictation(List.of("mamma", "berättar", "att", "hon", "sover"))).isSameAs(priors.notes());
        assertThat(priors.forDictation(List.of("regeringen", "beslutet", "att", "skatten", "höjs")))
                .isSameAs(priors.prose());
        assertThat(LengthPriors.NONE.isNote(List.of("mamma", "berättar"))).isFalse();
    }

    @Test
    void aSentenceOfTheUsualLengthCostsLessThanAnUnusualOne() {
        SentenceLengths notes = priors().notes();
        assertThat(notes.cut(8)).isGreaterThan(0.0);
        assertThat(notes.cut(8)).isGreaterThan(notes.cut(1));
        assertThat(notes.cut(8)).isGreaterThan(notes.cut(60));
        SentenceLengths prose = priors().prose();
        assertThat(prose.cut(20)).isGreaterThan(prose.cut(2));
        assertThat(SentenceLengths.NONE.cut(1)).isZero();
    }
}
