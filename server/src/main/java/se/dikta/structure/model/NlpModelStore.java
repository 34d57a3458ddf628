package se.dikta.structure.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.structure.classify.SectionClassifier;
import se.dikta.structure.classify.SectionFeatures;
import se.dikta.structure.classify.SectionTransitions;
import se.dikta.structure.commands.CommandModel;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.corpus.DictationCorpus;
import se.dikta.structure.corpus.CorpusSource;
import se.dikta.structure.corpus.SectionCorpus;
import se.dikta.structure.entities.EntityCorpus;
import se.dikta.structure.entities.Lexicon;
import se.dikta.structure.entities.NameRecognizer;
import se.dikta.structure.segment.BoundaryFeatures;
import se.dikta.structure.segment.BoundaryModel;
import se.dikta.structure.segment.LengthPriors;
import se.dikta.structure.segment.PosLexicon;
import se.dikta.structure.segment.WordClasses;

/**
 * Loads the models, in this order: from the cache when the same data was trained before; from the binaries
 * packaged in the jar ({@link PackagedModels}, trained at build time by {@link NlpModelBuild}) when they were
 * trained from the same data; else trains them (seconds to minutes) and caches the result. The cache directory
 * is named by a SHA-256 over the training files and the feature versions, so a change of data or features
 * retrains, and the training is deterministic (files in name order, single-threaded L-BFGS).
 */
public final class NlpModelStore {

    private static final Logger LOG = LoggerFactory.getLogger(NlpModelStore.class);
    private static final List<String> TRAINING_FOLDERS = List.of("sections", "entities", "lexicon", "dictation", "words");
    static final String BOUNDARY_FILE = "boundary.bin";
    static final String SECTIONS_FILE = "sections.bin";
    static final String NAMES_FILE = "names.bin";
    static final String COMMANDS_FILE = "commands.bin";
    private static final String LOCK_FILE = "training.lock";
    private static final long LOCK_RETRY_MILLIS = 250;

    private final CorpusSource source;
    private final Path cacheDir;
    private final NumberWords numbers;
    private final PackagedModels packaged;

    /** Uses the models packaged on the class path when they fit the data. */
    public NlpModelStore(CorpusSource source, Path cacheDir, NumberWords numbers) {
        this(source, cacheDir, numbers, PackagedModels.onClasspath(NlpModelStore.class.getClassLoader()));
    }

    public NlpModelStore(CorpusSource source, Path cacheDir, NumberWords numbers, PackagedModels packaged) {
        this.source = source;
        this.cacheDir = cacheDir;
        this.numbers = numbers;
        this.packaged = packaged;
    }

    /** Blocking: seconds when it has to train, well under one when the cache or the jar holds the models. */
    public NlpModels loadOrTrain() throws IOException {
        String fingerprint = fingerprint();
        SectionCorpus corpus = SectionCorpus.read(source);
        if (corpus.notes().isEmpty()) {
            throw new IllegalStateException("No section training data under sections/ in " + source.describe());
        }
        Lexicon lexicon = Lexicon.read(source);
        EntityCorpus entities = EntityCorpus.read(source);
        DictationCorpus outside = DictationCorpus.read(source);
        SectionTransitions transitions = SectionTransitions.count(corpus.notes());
        WordClasses classes = WordClasses.harvest(corpus.notes(), outside.finiteVerbs(), lexicon.words("first-names"),
                lexicon.words("surnames"), lexicon.everydayWords("surnames"), numbers);
        List<List<List<String>>> ownRuns = new ArrayList<>();
        corpus.notes().forEach(note -> ownRuns.add(note.sentences().stream().map(s -> s.words()).toList()));
        ownRuns.addAll(entities.documents());
        BoundaryFeatures boundaryFeatures = boundaryFeatures(classes, outside, ownRuns);
        Path dir = cacheDir.resolve(fingerprint.substring(0, 24));
        if (!isCached(dir) && packaged.matches(fingerprint)) {
            long started = System.nanoTime();
            NlpModels models = new NlpModels(
                    packaged.read(BOUNDARY_FILE, in -> BoundaryModel.read(in, boundaryFeatures)),
                    packaged.read(COMMANDS_FILE, in -> CommandModel.read(in, classes::of, CommandTraining.cues(outside))),
                    packaged.read(SECTIONS_FILE, SectionClassifier::read), transitions,
                    packaged.read(NAMES_FILE, in -> NameRecognizer.read(in, lexicon)), lexicon,
                    entities.ordinaryWords(), outside.commonWords(), fingerprint);
            LOG.info("Loaded the NLP models packaged at build time ({}) in {} ms", packaged.describe(),
                    (System.nanoTime() - started) / 1_000_000);
            return models;
        }
        if (!isCached(dir)) {
            Files.createDirectories(cacheDir);
            // One trainer at a time per cache, across threads and processes: the others wait, then load.
            try (FileChannel channel = FileChannel.open(cacheDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lock(channel)) {
                if (!isCached(dir)) {
                    long started = System.nanoTime();
                    List<List<List<String>>> runs = new ArrayList<>(ownRuns);
                    runs.addAll(outside.documents());
                    BoundaryModel boundaries = BoundaryModel.train(runs, ownRuns, boundaryFeatures);
                    CommandModel commands = CommandTraining.train(ownRuns, outside, classes);
                    SectionClassifier sections = SectionClassifier.train(corpus.notes());
                    NameRecognizer names = NameRecognizer.train(entities, lexicon);
                    LOG.info("Trained NLP models from {} ({} notes, {} sentences) in {} ms", source.describe(),
                            corpus.notes().size(), corpus.sentences().size(), (System.nanoTime() - started) / 1_000_000);
                    save(dir, boundaries, commands, sections, names);
                    return new NlpModels(boundaries, commands, sections, transitions, names, lexicon,
                            entities.ordinaryWords(), outside.commonWords(), fingerprint);
                }
            }
        }
        long started = System.nanoTime();
        NlpModels models = new NlpModels(
                read(dir.resolve(BOUNDARY_FILE), in -> BoundaryModel.read(in, boundaryFeatures)),
                read(dir.resolve(COMMANDS_FILE), in -> CommandModel.read(in, classes::of, CommandTraining.cues(outside))),
                read(dir.resolve(SECTIONS_FILE), SectionClassifier::read), transitions,
                read(dir.resolve(NAMES_FILE), in -> NameRecognizer.read(in, lexicon)), lexicon, entities.ordinaryWords(),
                outside.commonWords(), fingerprint);
        LOG.info("Loaded NLP models from {} in {} ms", dir, (System.nanoTime() - started) / 1_000_000);
        return models;
    }

    /**
     * The boundary model's features: the word classes and a part-of-speech lexicon from the tagged outside text;
     * with the sentence-length priors of the notes and of the outside prose, which the decoder adds.
     */
    static BoundaryFeatures boundaryFeatures(WordClasses classes, DictationCorpus outside,
                                             List<List<List<String>>> ownRuns) {
        return new BoundaryFeatures(classes, PosLexicon.learn(outside.spoken(), outside.tags(), outside.finiteVerbs()),
                LengthPriors.learn(ownRuns, outside.documents()));
    }

    private static boolean isCached(Path dir) {
        return Files.isRegularFile(dir.resolve(NAMES_FILE));
    }

    /** Blocks until this process holds the lock; another thread of this process holding it means waiting too. */
    private static FileLock lock(FileChannel channel) throws IOException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                try {
                    Thread.sleep(LOCK_RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the model training lock");
                }
            }
        }
    }

    /**
     * Written to a temporary directory first, so a crash never leaves a half-written cache entry behind, then
     * renamed into place. When another process got there first (the target holds complete models) theirs are kept;
     * a target without complete models (a leftover) is replaced.
     */
    void save(Path dir, BoundaryModel boundaries, CommandModel commands, SectionClassifier sections,
            NameRecognizer names) throws IOException {
        Files.createDirectories(cacheDir);
        Path tmp = Files.createTempDirectory(cacheDir, "training-");
        write(tmp.resolve(BOUNDARY_FILE), boundaries::write);
        write(tmp.resolve(COMMANDS_FILE), commands::write);
        write(tmp.resolve(SECTIONS_FILE), sections::write);
        write(tmp.resolve(NAMES_FILE), names::write);
        for (int attempt = 0; ; attempt++) {
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (FileSystemException e) {
                // Linux's rename(2) onto a non-empty directory fails with ENOTEMPTY, which Java reports as a plain
                // FileSystemException ("Directory not empty"), not as DirectoryNotEmptyException: decide by the target
                if (isCached(dir)) {
                    LOG.info("NLP models for {} were cached by another process meanwhile: keeping theirs", dir);
                    deleteTree(tmp);
                    return;
                }
                if (!Files.exists(dir) || attempt > 0) {
                    deleteTree(tmp);
                    throw e;
                }
                Path stale = cacheDir.resolve("stale-" + tmp.getFileName());
                Files.move(dir, stale, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(stale);
            }
        }
    }

    /** SHA-256 over the training files (path and content, in name order) and the feature versions. */
    public String fingerprint() throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.join("|", BoundaryFeatures.VERSION, SectionFeatures.VERSION, NameRecognizer.VERSION,
                    CommandModel.VERSION, "")
                    .getBytes(StandardCharsets.UTF_8));
            for (String folder : TRAINING_FOLDERS) {
                for (String path : source.list(folder, "")) {
                    digest.update(path.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(source.read(path).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static <T> T read(Path file, Reader<T> reader) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return reader.read(in);
        }
    }

    private static void write(Path file, Writer writer) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            writer.write(out);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (var walk = Files.walk(root)) {
            walk.forEach(paths::add);
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            Files.deleteIfExists(paths.get(i));
        }
    }
}
