package se.dikta.asr;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.identity.AuthUser;
import se.dikta.failure.DomainException;
import se.dikta.speech.WordTiming;

/**
 * One live dictation over a WebSocket (protocol in api.md): start, binary PCM16 frames numbered from 1 (or from
 * resumeFrom + 1), partial/final/ack, stop → done. Runs on the socket's event loop; decoding happens in a
 * {@link DecodingQueue}. A protocol violation answers an error and closes this socket only. The recogniser is
 * freed as soon as the socket goes, even mid-utterance.
 */
final class StreamSession implements DecodingQueue.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);
    static final short NORMAL = 1000;
    static final short POLICY = 1008;
    static final String CSRF_MISSING = "CSRF-token saknas eller är fel – ladda om sidan";
    static final String NO_DRAFT = "Utkastet finns inte"; // any noteId not the user's open draft: no more is told
    static final short TOO_BIG = 1009;
    static final short INTERNAL = 1011;
    private enum State { AWAIT_START, OPENING, STREAMING, STOPPING, CLOSED }

    private final Vertx vertx;
    private final ServerWebSocket ws;
    private final AuthUser user;
    private final StartCsrf csrf;
    private final SpeechModel model;
    private final WorkerExecutor pool;
    private final DraftSink drafts;
    private final AsrConfig config;
    private final Runnable releaseSlot;

    private State state = State.AWAIT_START;
    private DecodingQueue queue;
    private String noteId;
    private int sampleRate;
    private long seq;
    private final EarlyFrames early = new EarlyFrames();
    private boolean stopRequested;
    private boolean backlogged;
    private final List<String> transcript = new ArrayList<>();
    private final StreamAccounting accounting;
    private IdleWatch idle;
    private final StorageWait storage;

    StreamSession(Vertx vertx, ServerWebSocket ws, AuthUser user, StartCsrf csrf, SpeechModel model, WorkerExecutor pool,
            DraftSink drafts, AsrConfig config, AsrMetrics metrics, Runnable releaseSlot) {
        this.vertx = vertx;
        this.ws = ws;
        this.user = user;
        this.csrf = csrf;
        this.model = model;
        this.pool = pool;
        this.drafts = drafts;
        this.config = config;
        this.releaseSlot = releaseSlot;
        this.accounting = new StreamAccounting(metrics, drafts, user);
        this.storage = new StorageWait(vertx, this::send, () -> state == State.CLOSED, () -> idle.touch());
    }

    void start() {
        idle = new IdleWatch(vertx, config.idleTimeout(), () -> fail(POLICY,
                "Ingen aktivitet på " + config.idleTimeout().toSeconds() + " sekunder, anslutningen stängs"));
        ws.textMessageHandler(this::onText);
        ws.binaryMessageHandler(this::onBinary);
        ws.closeHandler(v -> end());
        // Vert.x drops a message over its size limit and reports it only here, leaving the socket open: close it
        ws.exceptionHandler(t -> fail(TOO_BIG, "Meddelandet är för stort eller felaktigt"));
    }

    private void onText(String text) {
        idle.touch();
        JsonObject msg;
        try {
            msg = new JsonObject(text);
        } catch (DecodeException e) {
            fail(POLICY, "Ogiltigt meddelande: förväntade JSON");
            return;
        }
        String type = String.valueOf(msg.getValue("type"));
        switch (type) {
            case "start" -> onStart(msg);
            case "stop" -> onStop();
            default -> fail(POLICY, "Okänd meddelandetyp: " + type);
        }
    }

    private void onStart(JsonObject msg) {
        if (state != State.AWAIT_START) {
            fail(POLICY, "Strömmen har redan startats");
            return;
        }
        if (!csrf.accepts(msg)) {
            state = State.OPENING; // nothing more is read while the refusal is recorded, then the same answer
            updatePause();
            csrf.recordRefusal().onComplete(v -> fail(POLICY, CSRF_MISSING));
            return;
        }
        StartFrame frame;
        try {
            frame = StartFrame.parse(msg);
        } catch (DomainException e) {
            onFailure(e);
            return;
        }
        sampleRate = frame.sampleRate();
        seq = frame.resumeFrom().orElse(0L);
        state = State.OPENING;
        updatePause();
        drafts.open(user, frame.target())
                .recover(e -> Future.failedFuture(e instanceof DomainException && frame.noteId().isPresent()
                        ? DomainException.notFound(NO_DRAFT) : e))
                .compose(id -> {
                    noteId = id;
                    return DecodingQueue.open(pool, model, sampleRate, config.maxQueuedSeconds(), this);
                })
                .onSuccess(this::opened)
                .onFailure(this::onFailure);
    }

    private void opened(DecodingQueue q) {
        if (state == State.CLOSED) {
            q.close();
            return;
        }
        queue = q;
        state = State.STREAMING;
        early.replay(q, seq);
        updatePause();
        if (stopRequested) {
            onStop();
        }
    }

    private void onBinary(Buffer frame) {
        idle.touch();
        int len = frame.length();
        switch (state) {
            case AWAIT_START -> {
                fail(POLICY, "Ljud skickades före start");
                return;
            }
            case STOPPING, CLOSED -> {
                return; // after stop: nothing more is decoded
            }
            default -> { }
        }
        if (len > config.maxFrameBytes()) {
            fail(TOO_BIG, "Ljudramen är för stor (" + len + " byte, högst " + config.maxFrameBytes() + ")");
            return;
        }
        if (len % 2 != 0) {
            fail(POLICY, "Ljudramen har udda längd (" + len + " byte): 16-bitars PCM kräver jämnt antal byte");
            return;
        }
        short[] samples = Pcm16.samples(frame);
        seq++;
        accounting.received(seq, samples.length);
        if (queue == null) {
            early.add(samples); // arrived while the draft and recogniser were being set up
        } else {
            queue.offer(samples, samples.length, seq);
        }
    }

    private void onStop() {
        switch (state) {
            case AWAIT_START -> fail(POLICY, "Strömmen har inte startats");
            case OPENING -> stopRequested = true;
            case STREAMING -> {
                state = State.STOPPING;
                accounting.stopped();
                long last = seq;
                queue.finish(last)
                        .compose(v -> drafts.finish(user, noteId, queue.audioSeconds()))
                        .onFailure(this::onFailure)
                        .onSuccess(v -> {
                            send(new JsonObject().put("type", "done").put("noteId", noteId)
                                    .put("transcript", String.join(" ", transcript))
                                    .put("audioSeconds", WordTiming.round(queue.audioSeconds())));
                            ws.close(NORMAL);
                        });
            }
            default -> { }
        }
    }

    @Override
    public Future<Void> onEvents(List<DecodeEvent> events) {
        idle.touch(); // a long backlog after stop is activity too
        Future<Void> persisted = Future.succeededFuture();
        long ack = -1;
        for (DecodeEvent e : events) {
            if (e instanceof DecodeEvent.Partial p) {
                send(new JsonObject().put("type", "partial").put("text", p.text()));
            } else if (e instanceof DecodeEvent.Final f) {
                FinalResult r = f.result();
                ack = Math.max(ack, r.seq());
                if (!r.isEmpty()) {
                    send(r.toJson());
                    transcript.add(r.text());
                    persisted = persisted.compose(v -> storage.store(() -> drafts.append(user, noteId, r.seq(), r)));
                }
            }
        }
        accounting.decoded(queue);
        if (ack < 0) {
            return persisted;
        }
        long acked = ack;
        return persisted.onSuccess(v -> {
            accounting.acknowledged(acked);
            send(new JsonObject().put("type", "ack").put("seq", acked));
        });
    }

    @Override
    public void onBacklog(boolean high) {
        backlogged = high;
        updatePause();
    }

    @Override
    public void onFailure(Throwable cause) {
        if (cause instanceof DomainException e) {
            // the database unreachable (at start, or past StorageWait's patience): 1013, resume later
            fail(e.kind() == DomainException.Kind.UNAVAILABLE ? LiveStreams.TRY_AGAIN_LATER : POLICY, e.getMessage());
        } else {
            LOG.warn("Live transcription failed: {}", cause.toString());
            fail(INTERNAL, "Taligenkänningen misslyckades");
        }
    }

    private void updatePause() {
        if (state == State.OPENING || backlogged) {
            ws.pause();
        } else {
            ws.resume();
        }
    }

    private void fail(short code, String message) {
        if (state == State.CLOSED) {
            return;
        }
        send(new JsonObject().put("type", "error").put("error", message));
        ws.close(code);
        end();
    }

    /** The socket is gone or going: free the recogniser now (or when its running batch returns). */
    private void end() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        idle.close();
        accounting.dropped(noteId, sampleRate);
        if (queue == null) {
            releaseSlot.run();
            return;
        }
        queue.close();
        queue.released().onComplete(v -> {
            accounting.released(queue);
            releaseSlot.run();
        });
    }

    private void send(JsonObject msg) {
        if (!ws.isClosed()) {
            ws.writeTextMessage(msg.encode());
        }
    }
}
