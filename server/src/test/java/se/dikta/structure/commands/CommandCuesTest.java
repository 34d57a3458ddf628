package se.dikta.structure.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandCuesTest {

    @Test
    void wordsOfUntaggedTextDoNotDiluteACue() {
        assertThat(nounAfterNyThriceThenTenTimes("X", "X", "X").nounModifiers()).contains("ny");
    }

    @Test
    void aWordSeenMostlyWithoutANounAfterItIsNoModifier() {
        assertThat(nounAfterNyThriceThenTenTimes("PRON", "AUX", "ADJ").nounModifiers()).doesNotContain("ny");
    }

    /** "en ny punkt PUNKT" (a noun after "ny") 3 times, then "det var ny PUNKT" 10 times tagged as given. */
    private static CommandCues nounAfterNyThriceThenTenTimes(String det, String var, String ny) {
        List<List<String>> runs = new ArrayList<>();
        List<List<String>> tags = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            runs.add(List.of("en", "ny", "punkt", "PUNKT"));
            tags.add(List.of("DET", "ADJ", "NOUN", "CMD"));
        }
        for (int k = 0; k < 10; k++) {
            runs.add(List.of("det", "var", "ny", "PUNKT"));
            tags.add(List.of(det, var, ny, "CMD"));
        }
        return CommandCues.of(runs, tags);
    }
}
