package se.dikta.structure.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.commands.DictationItem.Command;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.normalize.SpokenNumberNormalizer;

/**
 * "och komma": the comma said after "och" before an inserted phrase ("och, i slutändan, måste han") against the
 * verb in a coordinated infinitive ("slappna av och komma till ro"), in dictations with spoken punctuation.
 */
class CommaAfterOchTest {

    private final CommandParser parser = new CommandParser(new HeadingVocabulary(Map.of()),
            new NumberWords(new SpokenNumberNormalizer()), TrainedModels.models().commands());

    /** The transcript with each comma command written as "," and each full stop as ".". */
    private String parse(String text) {
        List<String> words = Transcript.of(text).words();
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (DictationItem item : parser.parse(Transcript.of(text))) {
            if (item instanceof Command c) {
                out.append(c.kind() == CommandKind.COMMA ? "," : c.kind() == CommandKind.FULL_STOP ? "." : "?");
                next = c.to();
            } else {
                out.append(out.isEmpty() ? "" : " ").append(words.get(next++));
            }
        }
        return out.toString();
    }

    @Test
    void readsKommaAfterOchBeforeAnInsertedPhraseAsTheComma() {
        assertThat(parse("han står ensam framför publiken och komma i slutändan komma måste han välja punkt"))
                .isEqualTo("han står ensam framför publiken och, i slutändan, måste han välja.");
        assertThat(parse("det bygger broar mellan de levande och de döda och komma i någon mån komma knyter ihop dem punkt"))
                .isEqualTo("det bygger broar mellan de levande och de döda och, i någon mån, knyter ihop dem.");
        assertThat(parse("mamma kom på mötet punkt och komma enligt henne komma går det bra punkt"))
                .isEqualTo("mamma kom på mötet. och, enligt henne, går det bra.");
    }

    @Test
    void keepsKommaAsTheVerbInACoordinatedInfinitive() {
        assertThat(parse("hon behöver slappna av och komma till ro punkt"))
                .isEqualTo("hon behöver slappna av och komma till ro.");
        assertThat(parse("han vill äta och komma hem punkt")).isEqualTo("han vill äta och komma hem.");
        assertThat(parse("de ska packa och komma i tid punkt")).isEqualTo("de ska packa och komma i tid.");
        assertThat(parse("hon orkar inte städa och komma ut punkt")).isEqualTo("hon orkar inte städa och komma ut.");
    }
}
