package se.dikta.structure.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.dikta.structure.TrainedModels;

/** The held-out notes measure the models only if the models never saw them. */
class HeldOutSeparationTest {

    private final Path nlp = TrainedModels.repoRoot().resolve("models/nlp");

    private Set<String> trainingSentences() throws Exception {
        Set<String> sentences = new HashSet<>();
        try (Stream<Path> files = Files.walk(nlp)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.startsWith(nlp.resolve("heldout")) || file.getFileName().toString().endsWith(".md")) {
                    continue;
                }
                for (String line : Files.readAllLines(file)) {
                    String text = line.contains("\t") && file.toString().endsWith(".tsv")
                            ? line.substring(line.indexOf('\t') + 1) : line;
                    text = text.replaceAll("<START:[a-z]+>|<END>", " ").strip().replaceAll("\\s+", " ");
                    if (!text.isEmpty()) {
                        sentences.add(text);
                    }
                }
            }
        }
        return sentences;
    }

    @Test
    void noHeldOutSentenceOccursInTheTrainingFiles() throws Exception {
        Set<String> training = trainingSentences();
        List<HeldOutNote> notes = HeldOutNote.readAll(nlp.resolve("heldout"));
        assertThat(notes).hasSizeGreaterThanOrEqualTo(30);
        List<String> leaked = notes.stream().flatMap(n -> n.sentences().stream())
                .map(s -> s.spoken().strip().replaceAll("\\s+", " "))
                .filter(training::contains)
                .toList();
        assertThat(leaked).isEmpty();
    }

    @Test
    void theHeldOutNotesAreNotPackagedWithTheTrainingData() {
        assertThat(getClass().getResource("/nlp/README.md")).isNotNull();
        assertThat(getClass().getResource("/nlp/sections")).isNotNull();
        assertThat(getClass().getResource("/nlp/heldout")).isNull();
    }
}
