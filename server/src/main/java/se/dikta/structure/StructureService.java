package se.dikta.structure;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.failure.DomainException;
import se.dikta.health.HealthContributor;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.corpus.ClasspathFolder;
import se.dikta.structure.corpus.CorpusSource;
import se.dikta.structure.corpus.DirectoryCorpusSource;
import se.dikta.structure.localnames.LocalName;
import se.dikta.structure.model.NlpModelStore;
import se.dikta.structure.model.NlpModels;
import se.dikta.structure.normalize.SpokenNumberNormalizer;
import se.dikta.structure.template.Template;
import se.dikta.structure.template.TemplateCatalog;
import se.dikta.work.CpuPool;

/**
 * The structuring service of the running server. The models are trained (first start) or loaded from the
 * cache (later starts) in the background, so start-up is not held up; until they are ready
 * {@link #structure} fails as an unavailable {@link DomainException}. Structuring runs on a pool of its own ({@link CpuPool}).
 */
public final class StructureService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StructureService.class);
    /** Training takes tens of seconds on a busy machine; a dedicated executor keeps it off the shared pool. */
    private static final long TRAINING_LIMIT_MINUTES = 30;

    private enum State { LOADING, READY, FAILED }

    private final Vertx vertx;
    private final StructureConfig config;
    private final TemplateCatalog templates;
    private final SpokenNumberNormalizer normalizer = new SpokenNumberNormalizer();
    private final WorkerExecutor trainer;
    private final WorkerExecutor structuring;
    private volatile State state = State.LOADING;
    private volatile NoteStructurer structurer;

    private StructureService(Vertx vertx, StructureConfig config, TemplateCatalog templates) {
        this.vertx = vertx;
        this.config = config;
        this.templates = templates;
        this.trainer = vertx.createSharedWorkerExecutor("dikta-nlp-training", 1, TRAINING_LIMIT_MINUTES,
                TimeUnit.MINUTES);
        this.structuring = CpuPool.create(vertx, "structuring");
    }

    /** Reads the templates (small) and starts loading the models in the background. */
    public static StructureService start(Vertx vertx, StructureConfig config) throws IOException {
        StructureService service = new StructureService(vertx, config, templatesOnClasspath());
        service.loadModels();
        return service;
    }

    public static TemplateCatalog templatesOnClasspath() throws IOException {
        return TemplateCatalog.read(ClasspathFolder.folderOf(StructureService.class.getClassLoader(),
                "templates/journalanteckning.json"));
    }

    /** The training corpora: the configured folder, else the copy packaged under {@code nlp/}. */
    public static CorpusSource trainingSource(StructureConfig config) {
        return config.trainingDir().<CorpusSource>map(DirectoryCorpusSource::new)
                .orElseGet(() -> ClasspathFolder.folderOf(StructureService.class.getClassLoader(), "nlp/README.md"));
    }

    private void loadModels() {
        long started = System.nanoTime();
        trainer.<NlpModels>executeBlocking(() -> new NlpModelStore(trainingSource(config), config.modelDir(),
                new NumberWords(normalizer)).loadOrTrain()).onComplete(ar -> {
                    if (ar.succeeded()) {
                        structurer = new NoteStructurer(ar.result(), templates, normalizer, config.longPauseSeconds());
                        state = State.READY;
                        LOG.info("Structuring ready after {} ms", (System.nanoTime() - started) / 1_000_000);
                    } else {
                        state = State.FAILED;
                        LOG.error("Structuring models could not be trained or loaded: {}", ar.cause().toString());
                    }
                });
    }

    public TemplateCatalog templates() {
        return templates;
    }

    /** Structures on a worker thread; fails as unavailable while the models load. */
    public Future<StructuredNote> structure(Transcript transcript, Template template) {
        return structure(() -> transcript, template, List.of());
    }

    /**
     * As above, with the transcript built (tokenised, validated) on the structuring pool as well, and the
     * writer's unit's local names.
     */
    public Future<StructuredNote> structure(Supplier<Transcript> transcript, Template template,
                                            List<LocalName> localNames) {
        NoteStructurer current = structurer;
        if (current == null) {
            return Future.failedFuture(DomainException.unavailable(state == State.FAILED
                    ? "Struktureringen kunde inte starta: språkmodellerna saknas eller är trasiga"
                    : "Struktureringen startar, försök igen om en stund"));
        }
        return structuring.executeBlocking(() -> current.structure(transcript.get(), template, localNames), false);
    }

    public Optional<Template> template(String id) {
        return templates.find(id);
    }

    public List<String> templateIds() {
        return templates.ids();
    }

    /** {@code "structure": {"models": "loading|ready|failed"}}; only a failure counts as down. */
    public HealthContributor health() {
        return new HealthContributor() {
            @Override
            public String name() {
                return "structure";
            }

            @Override
            public Future<Health> check() {
                State s = state;
                return Future.succeededFuture(new Health(s != State.FAILED,
                        new JsonObject().put("models", s.name().toLowerCase(Locale.ROOT))));
            }
        };
    }

    @Override
    public void close() {
        trainer.close();
        structuring.close();
    }
}
