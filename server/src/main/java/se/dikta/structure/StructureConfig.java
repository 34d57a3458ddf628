package se.dikta.structure;

import java.nio.file.Path;
import java.util.Optional;
import se.dikta.settings.Settings;

/**
 * Structuring settings.
 *
 * @param modelDir         where trained models are cached, one folder per fingerprint of the training data
 * @param trainingDir      train from this models/nlp folder instead of the copy packaged in the jar (development)
 * @param heldoutDir       the held-out notes for {@code nlp evaluate} (not packaged in the jar)
 * @param maxTextChars     longest transcript {@code POST /api/structure} accepts (longer → 413)
 * @param longPauseSeconds a silence this long between two words ends a sentence when word times are sent
 */
public record StructureConfig(Path modelDir, Optional<Path> trainingDir, Path heldoutDir, int maxTextChars,
                              double longPauseSeconds) {

    public static StructureConfig from(Settings s, Path dataDir) {
        return new StructureConfig(
                s.path("structure.modelDir", dataDir.resolve("nlp-models")),
                s.optionalString("structure.trainingDir").map(Path::of),
                s.path("structure.heldoutDir", Path.of("models", "nlp", "heldout")),
                s.integer("structure.maxTextChars", 200_000, 100, 10_000_000),
                s.decimal("structure.longPauseSeconds", 1.0, 0.1, 30.0));
    }
}
