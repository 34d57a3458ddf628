package se.dikta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.structure.TrainedModels;

class NlpEvaluateCommandTest {

    @TempDir
    Path dir;

    @Test
    void evaluatesTheHeldOutNotesAndWritesTheReport() throws Exception {
        Path fixture = TrainedModels.fixtureCorpus();
        Path report = dir.resolve("docs/nlp-evaluation.md");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main().run(new String[] {"nlp", "evaluate", "--heldout", fixture.resolve("heldout").toString(),
                        "--report", report.toString(), "--structure-training-dir", fixture.toString()},
                Map.of("DIKTA_DATA_DIR", dir.toString()), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("# NLP evaluation", "1 notes, 3 sentences", "sentence-boundary F1",
                "normalisation exact match", "| PERSON |");
        assertThat(Files.readString(report)).isEqualTo(printed.substring(0, printed.indexOf("\nWritten to")));
    }

    @Test
    void namesAMissingHeldOutFolder() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main().run(new String[] {"nlp", "evaluate", "--heldout", dir.resolve("none").toString(),
                        "--structure-training-dir", TrainedModels.fixtureCorpus().toString()},
                Map.of("DIKTA_DATA_DIR", dir.toString()), new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("held-out", "none");
    }
}
