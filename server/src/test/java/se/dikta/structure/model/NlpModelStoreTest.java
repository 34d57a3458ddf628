package se.dikta.structure.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.corpus.DirectoryCorpusSource;
import se.dikta.structure.normalize.SpokenNumberNormalizer;
import se.dikta.testing.TestServer;

class NlpModelStoreTest {

    private Path corpus;
    private Path cache;

    @BeforeEach
    void copyFixture() throws Exception {
        Path tmp = Files.createTempDirectory("dikta-nlp-store-");
        corpus = tmp.resolve("nlp");
        cache = tmp.resolve("cache");
        Path fixture = TrainedModels.fixtureCorpus();
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path p : files.toList()) {
                Path target = corpus.resolve(fixture.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @AfterEach
    void cleanUp() {
        TestServer.deleteTree(corpus.getParent());
    }

    private NlpModelStore store() {
        return new NlpModelStore(new DirectoryCorpusSource(corpus), cache, new NumberWords(new SpokenNumberNormalizer()));
    }

    private List<Path> cached() throws Exception {
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.filter(Files::isDirectory).toList();
        }
    }

    @Test
    void trainsOnceAndThenLoadsFromTheCache() throws Exception {
        NlpModels trained = store().loadOrTrain();
        assertThat(cached()).hasSize(1);
        Path modelFile = cached().get(0).resolve("sections.bin");
        FileTime written = Files.getLastModifiedTime(modelFile);

        NlpModels loaded = store().loadOrTrain();
        assertThat(loaded.fingerprint()).isEqualTo(trained.fingerprint());
        assertThat(Files.getLastModifiedTime(modelFile)).isEqualTo(written);
        List<String> words = List.of("mamma", "berättar", "att", "ella", "sover", "dåligt");
        assertThat(loaded.sections().probabilities(words, 3, 8))
                .containsExactly(trained.sections().probabilities(words, 3, 8));
        assertThat(loaded.boundaries().probability(words, 2, 3))
                .isEqualTo(trained.boundaries().probability(words, 2, 3));
        assertThat(loaded.names().find(words)).isEqualTo(trained.names().find(words));
    }

    /** Runs {@code work} and returns the trainings it did, as the store logs them ("Trained NLP models ..."). */
    private static long trainingsDuring(java.util.concurrent.Callable<?> work) throws Exception {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(NlpModelStore.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
                new ch.qos.logback.core.read.ListAppender<>();
        ch.qos.logback.classic.Level level = log.getLevel();
        events.start();
        log.addAppender(events);
        log.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            work.call();
        } finally {
            log.setLevel(level);
            log.detachAppender(events);
        }
        return events.list.stream().filter(e -> e.getMessage().startsWith("Trained NLP models")).count();
    }

    @Test
    void concurrentStartsTrainOnceAndShareTheCache() throws Exception {
        assertThat(trainingsDuring(this::threeConcurrentStarts)).isEqualTo(1);
        assertThat(cached()).hasSize(1);
        assertThat(cached().get(0).getFileName().toString()).doesNotStartWith("training-");
        assertThat(trainingsDuring(() -> store().loadOrTrain())).as("a later start loads the cache").isZero();
    }

    @Test
    void aSaveThatFindsTheSameModelsAlreadyCachedKeepsThoseAndLeavesAUsableCache() throws Exception {
        // two processes trained the same data: the first renamed its directory into place, the second's rename
        // finds the target present (on Linux a plain FileSystemException "Directory not empty")
        NlpModels first = store().loadOrTrain();
        Path target = cached().get(0);
        FileTime winners = Files.getLastModifiedTime(target.resolve("names.bin"));
        NlpModels second = store().loadOrTrain();

        store().save(target, second.boundaries(), second.commands(), second.sections(), second.names());

        assertThat(cached()).as("the loser's temporary directory is gone").containsExactly(target);
        assertThat(Files.getLastModifiedTime(target.resolve("names.bin"))).as("the winner's files").isEqualTo(winners);
        assertThat(trainingsDuring(() -> store().loadOrTrain())).as("a later start loads the cache").isZero();
        assertThat(store().loadOrTrain().fingerprint()).isEqualTo(first.fingerprint());
    }

    @Test
    void aSaveThatFindsALeftoverWithoutModelsReplacesIt() throws Exception {
        NlpModels trained = store().loadOrTrain();
        Path target = cached().get(0);
        TestServer.deleteTree(target);
        Files.createDirectories(target);
        Files.writeString(target.resolve("boundary.bin"), "half of an old attempt");

        store().save(target, trained.boundaries(), trained.commands(), trained.sections(), trained.names());

        assertThat(cached()).containsExactly(target);
        assertThat(target.resolve("names.bin")).isRegularFile();
        assertThat(trainingsDuring(() -> store().loadOrTrain())).as("a later start loads the cache").isZero();
    }

    private Void threeConcurrentStarts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<NlpModels>> loads = pool.invokeAll(List.of(() -> store().loadOrTrain(),
                    () -> store().loadOrTrain(), () -> store().loadOrTrain()));
            String fingerprint = loads.get(0).get().fingerprint();
            for (Future<NlpModels> load : loads) {
                assertThat(load.get().fingerprint()).isEqualTo(fingerprint);
            }
        } finally {
            pool.shutdownNow();
        }
        return null;
    }

    @Test
    void aFreshStartWithTheProjectsDataLoadsTheModelsTrainedAtBuildTimeWithoutTraining() throws Exception {
        PackagedModels packaged = PackagedModels.onClasspath(getClass().getClassLoader());
        NlpModelStore store = new NlpModelStore(new DirectoryCorpusSource(TrainedModels.repoRoot().resolve("models/nlp")),
                cache, new NumberWords(new SpokenNumberNormalizer()), packaged);
        assertThat(packaged.matches(store.fingerprint()))
                .as("target/classes/nlp-models was trained from the current models/nlp").isTrue();

        NlpModels models = store.loadOrTrain();

        assertThat(models.fingerprint()).isEqualTo(store.fingerprint());
        assertThat(Files.exists(cache)).as("nothing trained, nothing cached").isFalse();
        List<String> words = List.of("mamma", "berättar", "att", "lisa", "sover", "dåligt");
        assertThat(models.sections().probabilities(words, 0, 3)).isNotEmpty();
    }

    @Test
    void modelsPackagedFromOtherDataAreNotUsedForCustomData() throws Exception {
        PackagedModels packaged = PackagedModels.onClasspath(getClass().getClassLoader());
        assertThat(packaged.matches(store().fingerprint())).isFalse();

        store().loadOrTrain();

        assertThat(cached()).hasSize(1);
        assertThat(PackagedModels.none().matches(store().fingerprint())).isFalse();
    }

    @Test
    void retrainsWhenTheTrainingDataChanges() throws Exception {
        String before = store().loadOrTrain().fingerprint();
        Files.writeString(corpus.resolve("sections/test.tsv"), "\nKONTAKT\tbesök på kontoret den första juni\n",
                StandardOpenOption.APPEND);
        String after = store().loadOrTrain().fingerprint();
        assertThat(after).isNotEqualTo(before);
        assertThat(cached()).hasSize(2);
    }
}
