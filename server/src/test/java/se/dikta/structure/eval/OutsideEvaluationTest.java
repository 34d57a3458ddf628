package se.dikta.structure.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.template.Template;

/**
 * Issue 19's measures on outside text of another domain (UD Swedish-PUD test part: news and Wikipedia; the
 * models were trained on Talbanken train and dev parts and the project's notes).
 */
class OutsideEvaluationTest {

    private static OutsideEvaluation.Result result;

    @BeforeAll
    static void evaluate() throws Exception {
        OutsideText text = OutsideText.read(TrainedModels.repoRoot().resolve("models/nlp/heldout/outside"));
        result = new OutsideEvaluation(TrainedModels.structurer(),
                TrainedModels.templates().find(Template.DEFAULT_ID).orElseThrow()).evaluate(text);
    }

    @Test
    void trustsTheSpeakersPunctuation() {
        assertThat(result.spoken().boundaries().precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.spoken().boundaries().recall()).isGreaterThanOrEqualTo(0.98);
        // Issue 19's goal is 0 (it measured 27 of about 1,000 before); see docs/nlp-evaluation.md. 2 before a noun
        // reading that would run two main clauses together became the full stop (docs/structuring.md).
        assertThat(result.spoken().punktLeft()).isLessThanOrEqualTo(1);
        // 18 before the command model learned agreement, valency and sentence stretches, 10 before it learned the
        // comma after "och" before an inserted phrase, 2 before "komma" opening an inserted phrase that closes
        // before the verb became the comma (docs/structuring.md)
        assertThat(result.spoken().kommaLeft()).isLessThanOrEqualTo(1);
        assertThat(result.spoken().kommaWordsLost()).isLessThanOrEqualTo(2);
        assertThat(result.plain().kommaWordsLost()).isLessThanOrEqualTo(3);
        assertThat(result.spoken().commandsSaid()).isGreaterThan(1000);
    }

    @Test
    void capitalisesMostProperNounsAndAlmostNothingElse() {
        assertThat(result.spoken().properNounRate()).isGreaterThanOrEqualTo(0.60);
        assertThat(result.spoken().falseCapitalRate()).isLessThanOrEqualTo(0.005);
        assertThat(result.plain().properNounRate()).isGreaterThanOrEqualTo(0.60);
        assertThat(result.plain().falseCapitalRate()).isLessThanOrEqualTo(0.005);
    }

    @Test
    void findsSentenceBoundariesWithoutSpokenPunctuationBetterThanBefore() {
        // Issue 19 measured 0.40 before this work, 0.475 with LinES, 0.518 after the swap to Talbanken train and
        // 0.530 with the part-of-speech and verb-second features, 0.542 with the sentence-length prior, 0.560 with
        // the NTREX news text; its goal of 0.60 is not reached yet (docs/nlp-evaluation.md).
        assertThat(result.plain().boundaries().f1()).isGreaterThanOrEqualTo(0.55);
        assertThat(OutsideReport.markdown(result, "test")).contains("boundary precision", "proper nouns",
                "\"punkt\" said as a command left as a word");
    }

    @Test
    void scoresTheNewsAndTheWikipediaPartsOnTheirOwn() {
        // the boundary model trains on news (NTREX) too, so the Wikipedia part is the one of an unseen domain
        assertThat(result.plain().boundariesByPart()).containsOnlyKeys("n", "w");
        // 0.571 when the parts were first scored apart (news 0.550); the goal of 0.60 is not reached yet
        assertThat(result.plain().boundariesByPart().get("w").f1()).isGreaterThanOrEqualTo(0.56);
        assertThat(result.plain().boundariesByPart().get("n").f1()).isGreaterThanOrEqualTo(0.54);
        assertThat(result.spoken().boundariesByPart().get("w").recall()).isGreaterThanOrEqualTo(0.98);
        assertThat(OutsideReport.markdown(result, "test", java.util.Map.of("w", "Wikipedia")))
                .contains("| Wikipedia | ");
    }
}
