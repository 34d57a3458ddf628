package se.dikta.asr;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.audit.AuditEntry;
import se.dikta.audit.AuditLog;
import se.dikta.identity.AuthUser;
import se.dikta.failure.DomainException;

/**
 * {@code POST /api/transcriptions}: reads the WAV header from the body as it arrives, then either
 * decodes the rest while it streams in (short audio: 200 with the transcript) or spools it to disk and
 * answers 202 with a job id (long audio, or a length the header does not tell). Nothing holds the whole
 * body in memory. With {@code ?noteId=} (a draft of the user's), the transcribed audio seconds are added to
 * that draft, which makes it a dictated note; the page then saves the transcript into it.
 */
final class FileTranscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(FileTranscriptions.class);
    private static final Set<String> WAV_TYPES = Set.of(
            "audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave", "application/octet-stream");

    private final Vertx vertx;
    private final VoskEngine engine;
    private final WorkerExecutor pool;
    private final TranscriptionJobs jobs;
    private final AsrConfig config;
    private final AsrMetrics metrics;
    private final DraftSink drafts;
    private final AuditLog audit;
    private final boolean keepAudio;

    FileTranscriptions(Vertx vertx, VoskEngine engine, WorkerExecutor pool, TranscriptionJobs jobs,
            AsrConfig config, AsrMetrics metrics, DraftSink drafts, AuditLog audit, boolean keepAudio) {
        this.drafts = drafts;
        this.audit = audit;
        this.keepAudio = keepAudio;
        this.vertx = vertx;
        this.engine = engine;
        this.pool = pool;
        this.jobs = jobs;
        this.config = config;
        this.metrics = metrics;
    }

    void upload(RoutingContext ctx) {
        Upload upload = new Upload(ctx);
        try {
            upload.start();
        } catch (DomainException e) {
            upload.fail(e);
        }
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("Ogiltig Content-Length");
        }
    }

    /** One request: the header phase, then the inline or the job path. */
    private final class Upload {
        private final RoutingContext ctx;
        private final HttpServerRequest req;
        private SpeechModel model;
        private AuthUser user;
        private String noteId;
        private long contentLength;
        private final WavReader reader = new WavReader();
        private final List<Buffer> head = new ArrayList<>();
        private final List<short[]> samples = new ArrayList<>();
        private long received;
        private boolean decided;
        private boolean failed;

        Upload(RoutingContext ctx) {
            this.ctx = ctx;
            this.req = ctx.request();
        }

        void start() {
            model = engine.model().orElseThrow(() -> DomainException.unavailable(TranscriptionApi.NO_MODEL));
            String type = req.getHeader("Content-Type");
            if (type != null && !WAV_TYPES.contains(type.split(";")[0].trim().toLowerCase(Locale.ROOT))) {
                throw DomainException.unsupported("Skicka ljudet som en WAV-fil (audio/wav), inte " + type);
            }
            String length = req.getHeader("Content-Length");
            contentLength = length == null ? -1 : parseLength(length);
            if (contentLength > config.maxUploadBytes()) {
                throw DomainException.tooLarge(TranscriptionApi.tooLarge(config.maxUploadBytes()));
            }
            user = AuthUser.of(ctx);
            noteId = req.getParam("noteId");
            // the draft's opening is recorded (or refused) by the note service; the upload before any audio is read
            Future<?> draft = noteId == null ? Future.succeededFuture() : drafts.open(user, new DraftSink.Target(
                    java.util.Optional.of(noteId), java.util.Optional.empty(), java.util.Optional.empty(), true));
            draft.compose(v -> audit.recordAlone(AuditEntry.by(user, "transcribe-file").on(noteId == null ? null : "note",
                    noteId).detail("ljudfil, " + (contentLength < 0 ? "okänd längd" : contentLength + " byte"))))
                    .onSuccess(v -> read()).onFailure(this::fail);
        }

        private void read() {
            req.handler(this::onHeaderBytes);
            req.exceptionHandler(this::fail);
            req.endHandler(v -> {
                if (!decided) {
                    try {
                        reader.end();
                        fail(DomainException.invalid("WAV-filens huvud är ofullständigt eller saknar ljuddata"));
                    } catch (AudioFormatException e) {
                        fail(e.failure());
                    }
                }
            });
            req.resume();
        }

        private void onHeaderBytes(Buffer buf) {
            if (decided) {
                return;
            }
            received += buf.length();
            if (received > config.maxUploadBytes()) {
                fail(DomainException.tooLarge(TranscriptionApi.tooLarge(config.maxUploadBytes())));
                return;
            }
            head.add(buf);
            try {
                short[] s = reader.feed(buf.getBytes());
                if (s.length > 0) {
                    samples.add(s);
                }
            } catch (AudioFormatException e) {
                fail(e.failure());
                return;
            }
            reader.format().ifPresent(this::decide);
        }

        private void decide(WavFormat format) {
            decided = true;
            req.pause();
            double seconds = format.dataBytes().isPresent() ? format.declaredSeconds()
                    : contentLength >= 0 ? contentLength / (2.0 * format.channels() * format.sampleRate())
                    : Double.POSITIVE_INFINITY;
            if (seconds <= config.inlineMaxSeconds()) {
                inline();
            } else {
                spool().compose(file -> jobs.create(user.id()).map(id -> {
                    ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json; charset=utf-8")
                            .end(new JsonObject().put("id", id).encode());
                    runJob(id, file, user, noteId);
                    return id;
                }).onFailure(t -> vertx.fileSystem().delete(file.toString()))).onFailure(this::fail);
            }
        }

        private void inline() {
            short[] initial = concat(samples);
            samples.clear();
            head.clear();
            new WavTranscription(pool, model, config, metrics, req, reader, initial, config.maxUploadBytes() - received)
                    .run()
                    .compose(t -> recordAudio(user, noteId, t))
                    .onSuccess(t -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                            .end(t.toJson().encode()))
                    .onFailure(this::fail);
        }

        /** Writes the whole body (the bytes already read first) to a file in the upload directory. */
        private Future<Path> spool() {
            Path file = config.uploadDir().resolve(UUID.randomUUID() + ".wav");
            return vertx.fileSystem().mkdirs(config.uploadDir().toString())
                    .compose(v -> vertx.fileSystem().open(file.toString(), new OpenOptions().setWrite(true).setCreateNew(true)))
                    .compose(out -> {
                        head.forEach(out::write);
                        head.clear();
                        samples.clear();
                        return copyRest(out).eventually(out::close).map(file)
                                .onFailure(t -> vertx.fileSystem().delete(file.toString()));
                    });
        }

        private Future<Void> copyRest(AsyncFile out) {
            io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
            req.handler(buf -> {
                received += buf.length();
                if (received > config.maxUploadBytes()) {
                    done.tryFail(DomainException.tooLarge(TranscriptionApi.tooLarge(config.maxUploadBytes())));
                    return;
                }
                out.write(buf);
                if (out.writeQueueFull()) {
                    req.pause();
                    out.drainHandler(v -> req.resume());
                }
            });
            req.exceptionHandler(done::tryFail);
            req.endHandler(v -> done.tryComplete());
            req.resume();
            return done.future();
        }

        void fail(Throwable t) {
            if (failed || ctx.response().headWritten()) {
                return;
            }
            failed = true;
            if (!(t instanceof DomainException)) {
                LOG.warn("Transcription upload failed: {}", t.toString());
            }
            if (!req.isEnded()) {
                // The client is still sending. HTTP/1.1: answer, then close rather than read the rest.
                // HTTP/2: the connection is shared, so the rest of this stream is read and dropped.
                if (req.version() == HttpVersion.HTTP_2) {
                    req.handler(buf -> { });
                    req.resume();
                } else {
                    ctx.response().putHeader("Connection", "close");
                    ctx.addEndHandler(v -> req.connection().close());
                }
            }
            ctx.fail(t);
        }
    }

    /** Adds the audio seconds to the draft the transcription was for, if any. */
    private Future<FileTranscript> recordAudio(AuthUser user, String noteId, FileTranscript t) {
        return noteId == null ? Future.succeededFuture(t) : drafts.finish(user, noteId, t.audioSeconds()).map(t);
    }

    private void runJob(String id, Path file, AuthUser user, String noteId) {
        long[] size = {1};
        vertx.fileSystem().props(file.toString())
                .compose(props -> {
                    size[0] = Math.max(1, props.size());
                    return vertx.fileSystem().open(file.toString(), new OpenOptions().setRead(true));
                })
                .compose(in -> {
                    WavTranscription t = new WavTranscription(pool, engine.model().orElseThrow(), config, metrics, in,
                            new WavReader(), new short[0], Long.MAX_VALUE);
                    long timer = vertx.setPeriodic(TranscriptionJobs.HEARTBEAT.toMillis(),
                            tick -> jobs.progress(id, 0.99 * t.bytesRead() / size[0]));
                    return t.run().eventually(() -> {
                        vertx.cancelTimer(timer);
                        return in.close();
                    });
                })
                .compose(t -> recordAudio(user, noteId, t))
                .compose(t -> jobs.done(id, t))
                .recover(t -> jobs.failed(id, t instanceof DomainException ? t.getMessage() : "Transkriberingen misslyckades"))
                .onComplete(ar -> {
                    // Audio is not kept unless retention.audio says so; then the retention pass removes it.
                    if (!keepAudio) {
                        vertx.fileSystem().delete(file.toString());
                    }
                });
    }

    private static short[] concat(List<short[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        short[] all = new short[n];
        int off = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, all, off, p.length);
            off += p.length;
        }
        return all;
    }
}
