package se.dikta.structure.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.corpus.DirectoryCorpusSource;
import se.dikta.structure.model.CommandFolds;
import se.dikta.structure.normalize.SpokenNumberNormalizer;

/**
 * Command words vs the same words on text the command model never saw: three-fold cross-validation over the
 * training treebanks (docs/nlp-evaluation.md). Fails when commands said in any of the contexts, or the
 * words' ordinary uses, regress below what this model reaches.
 */
class CommandEvaluationTest {

    private static CommandEvaluation.Result result;

    @BeforeAll
    static void evaluate() throws Exception {
        NumberWords numbers = new NumberWords(new SpokenNumberNormalizer());
        result = new CommandEvaluation(numbers).evaluate(CommandFolds.train(
                new DirectoryCorpusSource(TrainedModels.repoRoot().resolve("models/nlp")), numbers, 3));
    }

    private static double rate(java.util.Map<String, int[]> counts, String prefix) {
        int[] c = counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst().orElseThrow()
                .getValue();
        assertThat(c[0]).as(prefix).isGreaterThan(0);
        return (double) c[1] / c[0];
    }

    @Test
    void findsTheCommandsASpeakerSays() {
        assertThat(result.spoken().precision()).isGreaterThanOrEqualTo(0.995);
        assertThat(result.spoken().recall()).isGreaterThanOrEqualTo(0.99);
        assertThat(rate(result.commands(), "\"punkt\"")).isGreaterThanOrEqualTo(0.995);
        assertThat(rate(result.commands(), "\"komma\"")).isGreaterThanOrEqualTo(0.97);
        assertThat(rate(result.commands(), "after an adjective")).isGreaterThanOrEqualTo(0.98);
        assertThat(rate(result.commands(), "after a determiner or pronoun")).isGreaterThanOrEqualTo(0.90);
        assertThat(rate(result.commands(), "after a name")).isGreaterThanOrEqualTo(0.98);
        assertThat(rate(result.commands(), "every sentence end said as \"frågetecken\"")).isGreaterThanOrEqualTo(0.99);
        assertThat(rate(result.commands(), "every sentence end said as \"utropstecken\"")).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void keepsTheWordsOrdinaryUses() {
        assertThat(rate(result.wordUses(), "\"punkt\" as the noun after \"en\"")).isGreaterThanOrEqualTo(0.97);
        assertThat(rate(result.wordUses(), "\"komma\" in infinitive slots")).isGreaterThanOrEqualTo(0.83);
        assertThat(rate(result.wordUses(), "the text's own command words, punctuation spoken")).isGreaterThanOrEqualTo(0.78);
        assertThat(rate(result.wordUses(), "the text's own command words, no spoken punctuation")).isGreaterThanOrEqualTo(0.78);
        assertThat(CommandEvaluation.markdown(result, 3)).contains("Command detection", "kept as words");
    }
}
