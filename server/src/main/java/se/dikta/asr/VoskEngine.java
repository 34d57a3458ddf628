package se.dikta.asr;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
    private volatile SpeechModel model;
    private volatile String error = "Modellen läses in";

    public VoskEngine(AsrConfig config, ModelVerifier verifier) {
        this.config = config;
        this.verifier = verifier;
    }

    /** Verifies and loads the model off the event loop; always succeeds, the outcome is in {@link #status()}. */
    public Future<Void> start(Vertx vertx) {
        return vertx.executeBlocking(() -> {
            load();
            return null;
        }, false);
    }

    private void load() {
        try {
            ModelInfo info = verifier.verify(config.model());
            long t0 = System.nanoTime();
            model = SpeechModel.load(info);
            error = null;
            LOG.info("Speech model {} loaded ({} Hz) in {} ms", info.name(), info.sampleRate(),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (ModelException e) {
            error = e.getMessage();
            LOG.warn("Transcription disabled: {}", e.getMessage());
        }
    }

    public Optional<SpeechModel> model() {
        return Optional.ofNullable(model);
    }

    public AsrStatus status() {
        SpeechModel m = model;
        String name = m != null ? m.info().name() : String.valueOf(config.model().getFileName());
        return new AsrStatus(name, m != null, Optional.ofNullable(error));
    }

    @Override
    public void close() {
        SpeechModel m = model;
        model = null;
        if (m != null) {
            m.close();
        }
    }
}
