package se.dikta.structure.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * "punkt" said as the full stop against the noun, where the word before allows the noun ("någon", "vilken", "en",
 * "nästa"): the full stop after a clause that already has its verb, before a new clause with the verb before its
 * subject ("... har ännu inte fått någon. Därför ansöker hon igen."); the noun inside a sentence, also before a
 * relative clause and before the verb-second main clause that follows a fronted subordinate clause ("när hon
 * nådde en punkt där hon inte orkade sökte hon hjälp"). Keeping the noun in notes is the other side of every
 * choice that makes "punkt" the command more readily (docs/structuring.md).
 */
class PunktNounOrFullStopTest {

    private final CommandsWritten written = new CommandsWritten();

    private String parse(String text) {
        return written.of(text);
    }

    @Test
    void readsPunktAsTheFullStopBeforeAVerbSecondClauseAfterAMainClause() {
        assertThat(parse("pojken behöver en kontaktperson men har ännu inte fått någon punkt därför ansöker hon igen punkt"))
                .isEqualTo("pojken behöver en kontaktperson men har ännu inte fått någon. därför ansöker hon igen.");
        assertThat(parse("familjen har bott i flera kommuner och det är oklart i vilken punkt nu bor de i göteborg punkt"))
                .isEqualTo("familjen har bott i flera kommuner och det är oklart i vilken. nu bor de i göteborg.");
    }

    @Test
    void readsPunktAsTheFullStopWhereTheNounWouldRunTwoMainClausesTogether() {
        assertThat(parse("det är inte bestämt vilken punkt kan du ringa mamma frågetecken"))
                .isEqualTo("det är inte bestämt vilken. kan du ringa mamma?");
        assertThat(parse("hon vet inte vilken punkt vill du prata med henne frågetecken"))
                .isEqualTo("hon vet inte vilken. vill du prata med henne?");
    }

    @Test
    void keepsPunktAsTheNounInAFrontedPhraseBeforeAnInvertedVerb() {
        assertThat(parse("mamma var lugn och vid en punkt började hon gråta punkt pappa tröstade henne punkt"))
                .isEqualTo("mamma var lugn och vid en punkt började hon gråta. pappa tröstade henne.");
        assertThat(parse("när hon nådde en punkt kände hon sig lugnare punkt sedan sov hon punkt"))
                .isEqualTo("när hon nådde en punkt kände hon sig lugnare. sedan sov hon.");
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
