package se.dikta.structure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.corpus.DirectoryCorpusSource;
import se.dikta.structure.model.NlpModelStore;
import se.dikta.structure.model.NlpModels;
import se.dikta.structure.normalize.SpokenNumberNormalizer;
import se.dikta.structure.template.TemplateCatalog;

/**
 * The models trained from the project's corpora (models/nlp), as the server trains them, cached in
 * server/target/nlp-models (the same cache the test servers use), loaded once per test JVM.
 */
public final class TrainedModels {

    private static NlpModels models;

    private TrainedModels() {
    }

    public static Path repoRoot() {
        return Path.of(System.getProperty("dikta.repoRoot", "..")).toAbsolutePath().normalize();
    }

    public static Path modelCache() {
        return repoRoot().resolve("server/target/nlp-models");
    }

    public static synchronized NlpModels models() {
        if (models == null) {
            try {
                models = new NlpModelStore(new DirectoryCorpusSource(repoRoot().resolve("models/nlp")), modelCache(),
                        new NumberWords(new SpokenNumberNormalizer())).loadOrTrain();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return models;
    }

    public static TemplateCatalog templates() {
        try {
            return StructureService.templatesOnClasspath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NoteStructurer structurer() {
        return new NoteStructurer(models(), templates(), new SpokenNumberNormalizer(), 1.0);
    }

    /** The small corpus under src/test/resources/nlp-fixture, for tests that train from scratch. */
    public static Path fixtureCorpus() {
        try {
            return Path.of(TrainedModels.class.getResource("/nlp-fixture/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
