package se.dikta.structure.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.corpus.DirectoryCorpusSource;
import se.dikta.structure.normalize.SpokenNumberNormalizer;

/**
 * Build step (exec-maven-plugin, phase process-classes): trains the models from the models/nlp copy that goes
 * into the jar and writes the binaries with the data's fingerprint to {@code target/classes/nlp-models/}, so a
 * fresh server loads them instead of training. Skips the training when the output already holds the models of
 * the same fingerprint (an unchanged models/nlp and unchanged features), so incremental builds stay fast.
 *
 * <p>Arguments: the corpus folder (models/nlp as packaged) and the output folder.
 */
public final class NlpModelBuild {

    private NlpModelBuild() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: NlpModelBuild <corpus folder> <output folder>");
        }
        Path corpus = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path tmpCache = Files.createTempDirectory("dikta-nlp-build-");
        try {
            NlpModelStore store = new NlpModelStore(new DirectoryCorpusSource(corpus), tmpCache,
                    new NumberWords(new SpokenNumberNormalizer()), PackagedModels.none());
            String fingerprint = store.fingerprint();
            Path fingerprintFile = out.resolve(PackagedModels.FINGERPRINT_FILE);
            if (Files.isRegularFile(fingerprintFile)
                    && Files.readString(fingerprintFile, StandardCharsets.UTF_8).trim().equals(fingerprint)) {
                System.out.println("NLP models in " + out + " are up to date (" + fingerprint.substring(0, 12) + ")");
                return;
            }
            long started = System.nanoTime();
            store.loadOrTrain();
            Files.createDirectories(out);
            Files.deleteIfExists(fingerprintFile);
            try (Stream<Path> entries = Files.list(tmpCache)) {
                Path trained = entries.filter(Files::isDirectory).findFirst().orElseThrow();
                for (String file : List.of(NlpModelStore.BOUNDARY_FILE, NlpModelStore.COMMANDS_FILE,
                        NlpModelStore.SECTIONS_FILE, NlpModelStore.NAMES_FILE)) {
                    Files.copy(trained.resolve(file), out.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            // Written last: a build interrupted before this line leaves no fingerprint, so the next one retrains.
            Files.writeString(fingerprintFile, fingerprint + "\n", StandardCharsets.UTF_8);
            System.out.printf("Trained the NLP models from %s into %s in %.1f s (%s)%n", corpus, out,
                    (System.nanoTime() - started) / 1e9, fingerprint.substring(0, 12));
        } finally {
            deleteTree(tmpCache);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
