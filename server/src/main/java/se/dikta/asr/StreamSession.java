package se.dikta.asr;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.identity.AuthUser;
import se.dikta.failure.DomainException;
import se.dikta.speech.WordTiming;

/**
 * One live dictation over a WebSocket (protocol in api.md): start, binary PCM16 frames numbered from
 * 1 (or from resumeFrom + 1), partial/final/ack, stop → done. Runs on the socket's event loop; decoding
 * happens in a {@link DecodingQueue}. Any protocol violation answers an error message and closes this
 * socket only. The recogniser is freed as soon as the socket goes, even mid-utterance.
 */
final class StreamSession implements DecodingQueue.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);

    static final short NORMAL = 1000;
    static final short POLICY = 1008;
    static final short TOO_BIG = 1009;
    static final short INTERNAL = 1011;

    private enum State { AWAIT_START, OPENING, STREAMING, STOPPING, CLOSED }

    private final Vertx vertx;
    private final ServerWebSocket ws;
    private final AuthUser user;
    private final SpeechModel model;
    private final WorkerExecutor pool;
    private final DraftSink drafts;
    private final AsrConfig config;
    private final AsrMetrics metrics;
    private final Runnable releaseSlot;

    private State state = State.AWAIT_START;
    private DecodingQueue queue;
    private String noteId;
    private int sampleRate;
    private long seq;
    private final List<short[]> early = new ArrayList<>();
    private boolean stopRequested;
    private boolean backlogged;
    private final List<String> transcript = new ArrayList<>();
    /** {seq, samples received up to and including that frame} of frames not yet acknowledged. */
    private final ArrayDeque<long[]> unacked = new ArrayDeque<>();
    private long receivedSamples;
    private long ackedSamples;
    private boolean audioRecorded;
    private double reportedAudio;
    private double reportedCpu;
    private long lastActivity;
    private long idleTimer;

    StreamSession(Vertx vertx, ServerWebSocket ws, AuthUser user, SpeechModel model, WorkerExecutor pool,
            DraftSink drafts, AsrConfig config, AsrMetrics metrics, Runnable releaseSlot) {
        this.vertx = vertx;
        this.ws = ws;
        this.user = user;
        this.model = model;
        this.pool = pool;
        this.drafts = drafts;
        this.config = config;
        this.metrics = metrics;
        this.releaseSlot = releaseSlot;
    }

    void start() {
        lastActivity = System.nanoTime();
        ws.textMessageHandler(this::onText);
        ws.binaryMessageHandler(this::onBinary);
        ws.closeHandler(v -> end());
        ws.exceptionHandler(t -> end());
        long checkMillis = Math.max(100, Math.min(1000, config.idleTimeout().toMillis() / 2));
        idleTimer = vertx.setPeriodic(checkMillis, t -> {
            if (System.nanoTime() - lastActivity > config.idleTimeout().toNanos()) {
                fail(POLICY, "Ingen aktivitet på " + config.idleTimeout().toSeconds() + " sekunder, anslutningen stängs");
            }
        });
    }

    private void onText(String text) {
        lastActivity = System.nanoTime();
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
        Object rate = msg.getValue("sampleRate");
        if (!(rate instanceof Number n) || n.doubleValue() != n.intValue()
                || n.intValue() < WavReader.MIN_RATE || n.intValue() > WavReader.MAX_RATE) {
            fail(POLICY, "Ogiltig samplingsfrekvens: ange sampleRate mellan " + WavReader.MIN_RATE + " och "
                    + WavReader.MAX_RATE);
            return;
        }
        Object resume = msg.getValue("resumeFrom");
        if (resume != null && (!(resume instanceof Number r) || r.longValue() < 0 || r.doubleValue() != r.longValue())) {
            fail(POLICY, "Ogiltigt resumeFrom: ange numret på den senast kvitterade ramen");
            return;
        }
        Object note = msg.getValue("noteId");
        Object caseId = msg.getValue("caseId");
        Object template = msg.getValue("template");
        if (note != null && !(note instanceof String) || caseId != null && !(caseId instanceof String)
                || template != null && !(template instanceof String)) {
            fail(POLICY, "Ogiltigt noteId, caseId eller template");
            return;
        }
        sampleRate = n.intValue();
        seq = resume == null ? 0 : ((Number) resume).longValue();
        state = State.OPENING;
        updatePause();
        drafts.open(user, new DraftSink.Target(Optional.ofNullable((String) note),
                        Optional.ofNullable((String) caseId), Optional.ofNullable((String) template), resume != null))
                .compose(id -> {
                    noteId = id;
                    return DecodingQueue.open(pool, model, sampleRate, config.maxQueuedSeconds(), this);
                })
                .onSuccess(this::opened)
                .onFailure(t -> fail(t instanceof DomainException ? POLICY : INTERNAL, message(t)));
    }

    private void opened(DecodingQueue q) {
        if (state == State.CLOSED) {
            q.close();
            return;
        }
        queue = q;
        state = State.STREAMING;
        long first = seq - early.size();
        for (int i = 0; i < early.size(); i++) {
            short[] s = early.get(i);
            q.offer(s, s.length, first + i + 1);
        }
        early.clear();
        updatePause();
        if (stopRequested) {
            onStop();
        }
    }

    private void onBinary(Buffer frame) {
        lastActivity = System.nanoTime();
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
        short[] samples = new short[len / 2];
        ByteBuffer.wrap(frame.getBytes()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        seq++;
        receivedSamples += samples.length;
        unacked.addLast(new long[] {seq, receivedSamples});
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
                audioRecorded = true;
                long last = seq;
                queue.finish(last)
                        .compose(v -> drafts.finish(user, noteId, queue.audioSeconds()))
                        .onFailure(t -> fail(t instanceof DomainException ? POLICY : INTERNAL, message(t)))
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
        lastActivity = System.nanoTime(); // a long backlog after stop is activity too
        Future<Void> persisted = Future.succeededFuture();
        long ack = -1;
        for (DecodeEvent e : events) {
            if (e instanceof DecodeEvent.Partial p) {
                send(new JsonObject().put("type", "partial").put("text", p.text()));
            } else if (e instanceof DecodeEvent.Final f) {
                FinalResult r = f.result();
                ack = Math.max(ack, r.seq());
                if (!r.isEmpty()) {
                    send(finalMessage(r));
                    transcript.add(r.text());
                    persisted = persisted.compose(v -> drafts.append(user, noteId, r.seq(), r));
                }
            }
        }
        reportProgress();
        if (ack < 0) {
            return persisted;
        }
        long acked = ack;
        return persisted.onSuccess(v -> {
            while (!unacked.isEmpty() && unacked.peekFirst()[0] <= acked) {
                ackedSamples = unacked.pollFirst()[1];
            }
            send(new JsonObject().put("type", "ack").put("seq", acked));
        });
    }

    private static JsonObject finalMessage(FinalResult r) {
        JsonArray words = new JsonArray(r.words().stream().map(WordTiming::toJson).toList());
        return new JsonObject().put("type", "final").put("text", r.text()).put("words", words).put("seq", r.seq());
    }

    @Override
    public void onBacklog(boolean high) {
        backlogged = high;
        updatePause();
    }

    @Override
    public void onFailure(Throwable cause) {
        fail(cause instanceof DomainException ? POLICY : INTERNAL, message(cause));
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
        vertx.cancelTimer(idleTimer);
        recordAcknowledgedAudio();
        if (queue == null) {
            releaseSlot.run();
            return;
        }
        queue.close();
        queue.released().onComplete(v -> {
            reportProgress();
            metrics.finished(queue.audioSeconds(), queue.cpuSeconds());
            releaseSlot.run();
        });
    }

    /**
     * A socket that drops without {@code stop} still counts its audio for the draft: the part up to the last
     * {@code ack}, which the client will not send again (a resumed stream re-sends and counts the rest).
     */
    private void recordAcknowledgedAudio() {
        if (audioRecorded || noteId == null || ackedSamples == 0) {
            return;
        }
        audioRecorded = true;
        drafts.finish(user, noteId, ackedSamples / (double) sampleRate)
                .onFailure(t -> LOG.warn("Audio seconds of a dropped stream not recorded: {}", t.toString()));
    }

    private void reportProgress() {
        double audio = queue.audioSeconds();
        double cpu = queue.cpuSeconds();
        metrics.decoded(AsrMetrics.Source.STREAM, audio - reportedAudio, cpu - reportedCpu);
        reportedAudio = audio;
        reportedCpu = cpu;
    }

    private void send(JsonObject msg) {
        if (!ws.isClosed()) {
            ws.writeTextMessage(msg.encode());
        }
    }

    private static String message(Throwable t) {
        if (t instanceof DomainException e) {
            return e.getMessage();
        }
        LOG.warn("Live transcription failed: {}", t.toString());
        return "Taligenkänningen misslyckades";
    }
}
