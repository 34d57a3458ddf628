package se.dikta.asr;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the one speech model of the process: verifies and loads it once, on a worker thread, at start.
 * A missing or broken model is not fatal: the service runs without transcription and says why.
 */
public final class VoskEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VoskEngine.class);

    private final AsrConfig config;
    private final ModelVerifier verifier;
    private final Optional<ModelDownload> download;
    private volatile SpeechModel model;
    private volatile String error = "Modellen läses in";
    private Future<Void> started;
    private boolean closed;

    public VoskEngine(AsrConfig config, ModelVerifier verifier) {
        this.config = config;
        this.verifier = verifier;
        this.download = config.downloadUrl().map(url -> new ModelDownload(url, config.downloadSha256(), config.model()));
    }

    /**
     * Verifies and loads the model off the event loop; always succeeds, the outcome is in {@link #status()}.
     * When the model directory is missing and a download is configured (demo mode), the download runs in
     * the background after start and the model is loaded when it is installed: the server does not wait.
     * Loads once: a second call (the server starts the load while the database opens, transcription waits
     * for it before listening) returns the same future.
     */
    public synchronized Future<Void> start(Vertx vertx) {
        if (started == null) {
            started = load(vertx);
        }
        return started;
    }

    private Future<Void> load(Vertx vertx) {
        return vertx.<Void>executeBlocking(() -> {
            load();
            return null;
        }, false).andThen(loaded -> {
            if (download.isPresent() && model == null && !Files.exists(config.model())) {
                ModelDownload d = download.get();
                error = "Modellen laddas ned från " + d.url();
                LOG.info("No speech model at {}: downloading {} in the background", config.model(), d.url());
                vertx.executeBlocking(() -> {
                    fetchAndLoad(d);
                    return null;
                }, false);
            }
        });
    }

    private void fetchAndLoad(ModelDownload d) {
        try {
            d.run();
            LOG.info("Speech model downloaded and installed in {}", config.model());
            load();
        } catch (ModelException e) {
            error = e.getMessage() + ". Installera modellen med models/fetch-model.sh (--from FIL.zip på en server utan internet).";
            LOG.warn("Speech model not installed: {}. Install it with models/fetch-model.sh --from FILE.zip "
                    + "(or let the server reach the download address); typed mode works meanwhile.", e.getMessage());
        }
    }

    private void load() {
        ModelArchive.removeStaleLeftovers(config.model().getParent()).forEach(left -> LOG.warn(
                "Removed {}: a speech model install that was interrupted (a crash during download or unpacking)", left));
        try {
            ModelInfo info = verifier.verify(config.model());
            long t0 = System.nanoTime();
            SpeechModel loaded = SpeechModel.load(info);
            synchronized (this) {
                if (closed) { // the start failed elsewhere (the database) while this loaded
                    loaded.close();
                    return;
                }
                model = loaded;
            }
            error = null;
            LOG.info("Speech model {} loaded ({} Hz) in {} ms", info.name(), info.sampleRate(),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (ModelException e) {
            error = e.getMessage();
            if (download.isPresent() && !Files.exists(config.model())) {
                return; // the download that follows says in one line what happened
            }
            LOG.warn("Transcription disabled: {}", e.getMessage());
        }
    }

    public Optional<SpeechModel> model() {
        return Optional.ofNullable(model);
    }

    public AsrStatus status() {
        SpeechModel m = model;
        String name = m != null ? m.info().name() : String.valueOf(config.model().getFileName());
        return new AsrStatus(name, m != null, m != null ? Optional.empty() : Optional.ofNullable(error),
                m != null ? Optional.empty() : download.map(ModelDownload::progress));
    }

    @Override
    public void close() {
        SpeechModel m;
        synchronized (this) {
            closed = true;
            m = model;
            model = null;
        }
        if (m != null) {
            m.close();
        }
    }
}
