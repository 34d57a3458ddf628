package se.dikta.structure.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.dikta.structure.eval.HeldOutNote.GoldSentence;

class RecogniserNoiseTest {

    private static final Set<String> VOCABULARY = Set.of("hembesök", "hem", "besök", "utredning", "barnavård",
            "barnavårdsutredning", "mamma", "mammor", "berättar", "berättade", "att", "hon", "sover", "dåligt", "och",
            "pappa", "pappan", "tretton", "trettio", "möte", "mötet", "skolan", "skolor", "i", "på", "det", "ett");

    private static HeldOutNote note() {
        List<GoldSentence> sentences = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sentences.add(new GoldSentence("mamma berättar att hon sover dåligt och att pappan kom på hembesök i det"
                    + " möte på skolan klockan tretton", "x", "INFORMATION", List.of(), List.of(), false));
        }
        return new HeldOutNote("n1", "test", "journalanteckning", sentences);
    }

    @Test
    void derivesConfusionsFromPronunciationNotFromMeaning() {
        SwedishConfusions confusions = SwedishConfusions.derive(VOCABULARY);
        assertThat(confusions.of("mötet")).contains("möte");
        assertThat(confusions.of("pappa")).contains("pappan");
        assertThat(confusions.of("tretton")).contains("trettio");
        assertThat(confusions.of("mamma")).doesNotContain("berättar");
        assertThat(SwedishConfusions.key("skjuta")).isEqualTo(SwedishConfusions.key("sjuta"));
    }

    @Test
    void corruptsAtTheRequestedWordErrorRateTheSameWayEveryTime() {
        RecogniserNoise noise = new RecogniserNoise(SwedishConfusions.derive(VOCABULARY), VOCABULARY);
        HeldOutNote clean = note();
        for (double rate : new double[] {0.05, 0.10, 0.20}) {
            HeldOutNote noisy = noise.corrupt(clean, rate, 16);
            assertThat(RecogniserNoise.wordErrorRate(clean.transcript(), noisy.transcript())).isCloseTo(rate, within(0.01));
            assertThat(noise.corrupt(clean, rate, 16)).isEqualTo(noisy);
        }
        String heard = String.join(" ", noise.corrupt(clean, 0.20, 16).transcript());
        assertThat(heard).contains("hem besök");
        assertThat(noise.corrupt(clean, 0.20, 16).sentences().get(0).written()).isEqualTo("x");
    }
}
