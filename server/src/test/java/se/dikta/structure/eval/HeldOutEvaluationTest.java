package se.dikta.structure.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.normalize.SpokenNumberNormalizer;

/** The targets on the held-out notes, kept as a guard against regressions in data or code. */
class HeldOutEvaluationTest {

    private static NlpEvaluation.Result result;

    @BeforeAll
    static void evaluate() throws Exception {
        result = new NlpEvaluation(TrainedModels.structurer(), TrainedModels.models(), new SpokenNumberNormalizer(),
                TrainedModels.templates())
                .evaluate(HeldOutNote.readAll(TrainedModels.repoRoot().resolve("models/nlp/heldout")));
    }

    @Test
    void meetsTheTargetsAndBeatsTheKeywordBaseline() {
        assertThat(result.model().sectionAccuracy()).isGreaterThanOrEqualTo(0.90);
        assertThat(result.model().normalisation()).isGreaterThanOrEqualTo(0.97);
        assertThat(result.model().boundaries().f1()).isGreaterThanOrEqualTo(0.90);
        assertThat(result.model().sectionAccuracy()).isGreaterThan(result.baseline().sectionAccuracy());
        assertThat(result.model().boundaries().f1()).isGreaterThan(result.baseline().boundaries().f1());
        assertThat(result.model().allEntities().f1()).isGreaterThan(result.baseline().allEntities().f1());
    }

    @Test
    void reportsEveryFigure() {
        String markdown = EvaluationReport.markdown(result, "0123456789abcdef", 5);
        assertThat(markdown).contains("sentence-boundary F1", "section accuracy", "normalisation exact match",
                "| KONTAKT |", "| PLANERING |", "| PERSON |", "| PHONE |", "keyword baseline");
    }
}
