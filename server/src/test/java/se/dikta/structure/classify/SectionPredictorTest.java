package se.dikta.structure.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.core.SectionKey;
import se.dikta.structure.model.NlpModels;

class SectionPredictorTest {

    private final NlpModels models = TrainedModels.models();
    private final SectionPredictor predictor = new SectionPredictor(models.sections(), models.transitions());

    private List<SectionDecision> predict(Optional<SectionKey> heading, String... sentences) {
        List<List<String>> words = Arrays.stream(sentences).map(s -> List.of(s.split(" "))).toList();
        return predictor.predict(words, words.stream().map(w -> heading).toList());
    }

    private List<SectionKey> keys(String... sentences) {
        return predict(Optional.empty(), sentences).stream().map(SectionDecision::key).toList();
    }

    @Test
    void placesTheSentencesOfATypicalNote() {
        assertThat(keys(
                "hembesök hos familjen den tredje april klockan tio",
                "närvarande var mamma pappa och undertecknad",
                "syftet med besöket var att följa upp skolsituationen",
                "mamma berättar att pojken inte vill gå till skolan",
                "lägenheten var stökig och det luktade rök i hallen",
                "undertecknad bedömer att familjen behöver mer stöd",
                "nästa hembesök bokas till veckan efter påsk"))
                .containsExactly(SectionKey.KONTAKT, SectionKey.NARVARANDE, SectionKey.SYFTE, SectionKey.INFORMATION,
                        SectionKey.OBSERVATION, SectionKey.BEDOMNING, SectionKey.PLANERING);
    }

    @Test
    void handlesTheHardCasesOfTheSectionGuide() {
        assertThat(keys("mamma berättar att hon är trött",
                "skolan uppger att han har hög frånvaro",
                "mamman behöver mer stöd i vardagen",
                "situationen är ohållbar för barnen",
                "vi kom överens om att ses igen om två veckor"))
                .containsExactly(SectionKey.INFORMATION, SectionKey.INFORMATION, SectionKey.BEDOMNING,
                        SectionKey.BEDOMNING, SectionKey.PLANERING);
    }

    @Test
    void aHeadingOverridesTheModelWithFullConfidence() {
        List<SectionDecision> decisions = predict(Optional.of(SectionKey.BEDOMNING),
                "mamma berättar att hon är trött", "nästa möte bokas i maj");
        assertThat(decisions).allSatisfy(d -> {
            assertThat(d.key()).isEqualTo(SectionKey.BEDOMNING);
            assertThat(d.confidence()).isEqualTo(1.0);
            assertThat(d.forced()).isTrue();
        });
    }

    @Test
    void givesEverySentenceAConfidenceBetweenZeroAndOne() {
        List<SectionDecision> decisions = predict(Optional.empty(), "mamma berättar att hon sover dåligt",
                "hon säger också att grannarna stör", "familjen behöver stöd");
        assertThat(decisions).allSatisfy(d -> {
            assertThat(d.confidence()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
            assertThat(d.forced()).isFalse();
        });
    }

    @Test
    void theNeighbourStepPullsAnAmbiguousSentenceTowardsItsContext() {
        SectionTransitions transitions = models.transitions();
        SectionSequencer sequencer = new SectionSequencer(transitions, 1.0);
        double[] information = probabilities(SectionKey.INFORMATION, 0.9);
        double[] ambiguous = new double[SectionKey.values().length];
        ambiguous[SectionKey.INFORMATION.ordinal()] = 0.45;
        ambiguous[SectionKey.OBSERVATION.ordinal()] = 0.55;
        List<SectionDecision> alone = new SectionSequencer(transitions, 0.0)
                .decide(List.of(information, ambiguous, information), List.of(Optional.empty(), Optional.empty(),
                        Optional.empty()));
        List<SectionDecision> withNeighbours = sequencer.decide(List.of(information, ambiguous, information),
                List.of(Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(alone.get(1).key()).isEqualTo(SectionKey.OBSERVATION);
        assertThat(withNeighbours.get(1).key()).isEqualTo(SectionKey.INFORMATION);
    }

    private static double[] probabilities(SectionKey key, double p) {
        double[] probabilities = new double[SectionKey.values().length];
        Arrays.fill(probabilities, (1 - p) / (probabilities.length - 1));
        probabilities[key.ordinal()] = p;
        return probabilities;
    }
}
