package se.dikta.asr;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import se.dikta.audit.AuditEntry;
import se.dikta.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.audit.AuditOutcome;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.db.Database;
import se.dikta.http.ApiException;
import se.dikta.http.ApiModule;
import se.dikta.http.ApiRoutes;
import se.dikta.http.WebSocketOrigin;
import se.dikta.health.HealthContributor;

/**
 * Transcription: live dictation over {@code GET /api/asr/stream} and audio files over
 * {@code POST /api/transcriptions} (+ {@code GET /api/transcriptions/{id}} for long ones). Owns the
 * decoding pools: one thread per allowed live stream, and a separate pool for files so that uploads
 * never slow live dictation down.
 */
public final class TranscriptionApi implements ApiModule, AutoCloseable {

    static final String NO_MODEL = "Ingen taligenkänningsmodell installerad: kör models/fetch-model.sh "
            + "(eller ange --asr-model KATALOG) och starta om tjänsten";
    /** Those who write notes dictate; administrators read no notes and have nothing to dictate. */
    private static final Set<Role> DICTATING = EnumSet.of(Role.WORKER, Role.MANAGER);

    private final WorkerExecutor streamPool;
    private final WorkerExecutor filePool;
    private final StreamSlots slots;
    private final LiveStreams live;
    private final Optional<String> publicOrigin;
    private final FileTranscriptions files;
    private final TranscriptionJobs jobs;
    private final VoskEngine engine;
    private final Vertx vertx;
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptionApi.class);
    private final AuditLog audit;

    private final AsrConfig config;
    private final boolean keepAudio;
    private final Database db;

    /**
     * @param keepAudio keep an uploaded file after its transcription ends (retention.audio is set); the
     *        retention pass removes it when its time is up. By default the file is deleted at once.
     */
    public TranscriptionApi(Vertx vertx, VoskEngine engine, Database db, DraftSink drafts, AsrConfig config,
            MeterRegistry registry, Optional<String> publicOrigin, Clock clock, AuditLog audit, boolean keepAudio) {
        this.engine = engine;
        this.vertx = vertx;
        this.config = config;
        this.keepAudio = keepAudio;
        this.db = db;
        this.audit = audit;
        this.streamPool = vertx.createSharedWorkerExecutor("asr-stream", config.maxStreams());
        this.filePool = vertx.createSharedWorkerExecutor("asr-file", config.maxFileJobs());
        this.slots = new StreamSlots(config.maxStreams());
        AsrMetrics metrics = new AsrMetrics(registry, slots);
        this.jobs = new TranscriptionJobs(db, clock);
        this.live = new LiveStreams(vertx, engine, streamPool, slots, drafts, config, metrics, audit);
        this.publicOrigin = publicOrigin;
        this.files = new FileTranscriptions(vertx, engine, filePool, jobs, config, metrics, drafts, audit, keepAudio);
    }

    /**
     * Loads the model (on a worker; a missing or broken one is reported, not fatal) and removes uploads
     * spooled by an earlier run of this node: their jobs are reported as abandoned.
     */
    public Future<Void> start() {
        Future<Integer> interrupted = db.dialect().isPostgres() ? Future.succeededFuture(0)
                : jobs.failInterrupted().onSuccess(n -> {
                    if (n > 0) {
                        LOG.warn("Marked {} file transcription job(s) failed: they were running when the server "
                                + "stopped (the users are asked to send the files again)", n);
                    }
                });
        return interrupted.compose(n -> engine.start(vertx)).compose(v -> vertx.executeBlocking(() -> {
            Path dir = config.uploadDir();
            if (!keepAudio && Files.isDirectory(dir)) { // kept audio is the retention pass's to remove
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".wav")).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            return null;
        }, false));
    }

    @Override
    public void mount(ApiRoutes api) {
        api.raw(HttpMethod.GET, "/asr/stream", DICTATING, ctx -> {
            if (WebSocketOrigin.allowed(ctx, publicOrigin)) {
                live.handle(ctx);
                return;
            }
            // another site's page using the user's cookie: recorded before the same 403 as ever
            String origin = ctx.request().getHeader("Origin");
            StartCsrf.refused(audit, AuthUser.of(ctx), "Origin från en annan webbplats: "
                    + origin.substring(0, Math.min(origin.length(), 200))).onComplete(ar -> ctx.fail(
                            ApiException.forbidden("Anslutningen kommer från en annan webbplats (Origin)")));
        });
        api.raw(HttpMethod.POST, "/transcriptions", DICTATING, files::upload);
        // finished jobs stay readable even if the model has gone since
        // a finished job holds a transcript: its reading is recorded before it is sent (another user's job: failed)
        api.get("/transcriptions/:id", DICTATING, ctx -> jobs.find(AuthUser.of(ctx).id(), ctx.pathParam("id"))
                .compose(job -> audit.recordAlone(AuditEntry.by(AuthUser.of(ctx), "transcription-read")
                        .on("transcription", ctx.pathParam("id"))
                        .outcome(job.isPresent() ? AuditOutcome.ALLOWED : AuditOutcome.FAILED)).map(job))
                .map(job -> job.orElseThrow(() -> ApiException.notFound("Transkriberingen finns inte"))));
    }

    public HealthContributor health() {
        return new AsrHealth(engine, slots);
    }

    static String tooLarge(long maxBytes) {
        return "Ljudfilen är för stor (högst " + (maxBytes / (1024 * 1024)) + " MB)";
    }

    @Override
    public void close() {
        streamPool.close();
        filePool.close();
    }
}
