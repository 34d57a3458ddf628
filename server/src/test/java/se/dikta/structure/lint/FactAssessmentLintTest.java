package se.dikta.structure.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.dikta.structure.core.SectionKey;

class FactAssessmentLintTest {

    private final FactAssessmentLint lint = new FactAssessmentLint();

    private static List<String> words(String s) {
        return List.of(s.split(" "));
    }

    @Test
    void warnsAboutEvaluativeWordsAmongFacts() {
        assertThat(lint.check(SectionKey.INFORMATION, words("mamma verkar trött")))
                .hasValueSatisfying(f -> {
                    assertThat(f.word()).isEqualTo("verkar");
                    assertThat(f.message()).contains("Information", "\"verkar\"", "Bedömning");
                });
        assertThat(lint.check(SectionKey.OBSERVATION, words("det var uppenbart att han hade druckit"))).isPresent();
        assertThat(lint.check(SectionKey.OBSERVATION, words("pojken troligen rädd"))).isPresent();
    }

    @Test
    void leavesAssessmentsAndPlainFactsAlone() {
        assertThat(lint.check(SectionKey.BEDOMNING, words("undertecknad bedömer att mamma verkar trött"))).isEmpty();
        assertThat(lint.check(SectionKey.INFORMATION, words("mamma berättar att hon sover dåligt"))).isEmpty();
        assertThat(lint.check(SectionKey.PLANERING, words("troligen bokas ett möte"))).isEmpty();
    }
}
