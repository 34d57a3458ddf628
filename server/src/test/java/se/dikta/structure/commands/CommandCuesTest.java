package se.dikta.structure.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandCuesTest {

    @Test
    void wordsOfUntaggedTextDoNotDiluteACue() {
        List<List<String>> runs = new ArrayList<>();
        List<List<String>> tags = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            runs.add(List.of("en", "ny", "punkt", "PUNKT"));
            tags.add(List.of("DET", "ADJ", "NOUN", "CMD"));
        }
        for (int k = 0; k < 10; k++) {
            runs.add(List.of("det", "var", "ny", "PUNKT"));
            tags.add(List.of("X", "X", "X", "CMD"));
        }

        assertThat(CommandCues.of(runs, tags).nounModifiers()).contains("ny");
    }

    @Test
    void aWordSeenMostlyWithoutANounAfterItIsNoModifier() {
        List<List<String>> runs = new ArrayList<>();
        List<List<String>> tags = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            runs.add(List.of("en", "ny", "punkt", "PUNKT"));
            tags.add(List.of("DET", "ADJ", "NOUN", "CMD"));
        }
        for (int k = 0; k < 10; k++) {
            runs.add(List.of("det", "var", "ny", "PUNKT"));
            tags.add(List.of("PRON", "AUX", "ADJ", "CMD"));
        }

        assertThat(CommandCues.of(runs, tags).nounModifiers()).doesNotContain("ny");
    }
}
