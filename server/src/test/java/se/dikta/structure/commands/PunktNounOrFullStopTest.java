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
 * "punkt" said as the full stop against the noun, where the word before allows the noun ("någon", "vilken", "en",
 * "nästa"): the full stop after a clause that already has its verb, before a new clause with the verb before its
 * subject ("... har ännu inte fått någon. Därför ansöker hon igen."); the noun inside a sentence, also before a
 * relative clause and before the verb-second main clause that follows a fronted subordinate clause ("när hon
 * nådde en punkt där hon inte orkade sökte hon hjälp"). Keeping the noun in notes is the other side of every
 * choice that makes "punkt" the command more readily (docs/structuring.md).
 */
class PunktNounOrFullStopTest {

    private final CommandParser parser = new CommandParser(new HeadingVocabulary(Map.of()),
            new NumberWords(new SpokenNumberNormalizer()), TrainedModels.models().commands());

    /** The transcript with each full stop command written as ".". */
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
    void readsPunktAsTheFullStopBeforeAVerbSecondClauseAfterAMainClause() {
        assertThat(parse("pojken behöver en kontaktperson men har ännu inte fått någon punkt därför ansöker hon igen punkt"))
                .isEqualTo("pojken behöver en kontaktperson men har ännu inte fått någon. därför ansöker hon igen.");
        assertThat(parse("familjen har bott i flera kommuner och det är oklart i vilken punkt nu bor de i göteborg punkt"))
                .isEqualTo("familjen har bott i flera kommuner och det är oklart i vilken. nu bor de i göteborg.");
    }

    @Test
    void keepsPunktAsTheNounInsideTheSentence() {
        assertThat(parse("vi gick igenom en viktig punkt i planen punkt mamma höll med punkt"))
                .isEqualTo("vi gick igenom en viktig punkt i planen. mamma höll med.");
        assertThat(parse("hon tog upp en punkt som gällde skolan punkt pappa svarade punkt"))
                .isEqualTo("hon tog upp en punkt som gällde skolan. pappa svarade.");
        assertThat(parse("när hon nådde en punkt där hon inte orkade sökte hon hjälp punkt nu mår hon bättre punkt"))
                .isEqualTo("när hon nådde en punkt där hon inte orkade sökte hon hjälp. nu mår hon bättre.");
        assertThat(parse("nästa punkt är skolan punkt mamma berättar punkt"))
                .isEqualTo("nästa punkt är skolan. mamma berättar.");
    }
}
