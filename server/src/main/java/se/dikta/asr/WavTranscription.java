package se.dikta.asr;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayList;
import java.util.List;
import se.dikta.failure.DomainException;

/**
 * Decodes one WAV body read from a stream (an upload or a spooled file) without holding it in memory:
 * bytes go through the {@link WavReader}, samples into a {@link DecodingQueue}; while the queue is long
 * the source is paused. Runs on the caller's context; parsing the bytes into samples runs on a worker,
 * chunk by chunk in arrival order, so a large inline upload does not hold the event loop.
 */
final class WavTranscription implements DecodingQueue.Listener {

    private final WorkerExecutor pool;
    private final SpeechModel model;
    private final AsrConfig config;
    private final AsrMetrics metrics;
    private final ReadStream<Buffer> source;
    private final WavReader reader;
    private final long maxBytes;
    private final Promise<FileTranscript> result = Promise.promise();
    private final List<short[]> pending = new ArrayList<>();
    private final List<FinalResult> utterances = new ArrayList<>();
    private final long started = System.nanoTime();
    private DecodingQueue queue;
    private boolean opening;
    private boolean ended;
    private long bytes;
    private long seq;
    private DecodingProgress progress;
    private Context context;
    /** The chain of chunks being parsed off the event loop, in arrival order. */
    private Future<Void> fed = Future.succeededFuture();

    /**
     * @param reader   a reader that may already have consumed the start of the body
     * @param initial  samples that reader already produced
     * @param maxBytes the upload limit, counted over the bytes this object reads
     */
    WavTranscription(WorkerExecutor pool, SpeechModel model, AsrConfig config, AsrMetrics metrics,
            ReadStream<Buffer> source, WavReader reader, short[] initial, long maxBytes) {
        this.pool = pool;
        this.model = model;
        this.config = config;
        this.metrics = metrics;
        this.source = source;
        this.reader = reader;
        this.maxBytes = maxBytes;
        if (initial.length > 0) {
            pending.add(initial);
        }
    }

    /** Reads the source to its end; fails with an {@link DomainException} for bad audio or size. */
    Future<FileTranscript> run() {
        context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("WavTranscription runs on a Vert.x context");
        }
        source.handler(this::onBytes);
        source.exceptionHandler(this::fail);
        source.endHandler(v -> onEnd());
        if (reader.format().isPresent()) {
            openIfReady(); // resumes the source once the recogniser exists
        } else {
            source.resume();
        }
        return result.future();
    }

    /** Bytes read so far, for progress. */
    long bytesRead() {
        return bytes;
    }

    private void onBytes(Buffer buf) {
        if (result.future().isComplete()) {
            return;
        }
        bytes += buf.length();
        if (bytes > maxBytes) {
            fail(DomainException.tooLarge(TranscriptionApi.tooLarge(maxBytes)));
            return;
        }
        byte[] data = buf.getBytes();
        // WAV parsing and PCM conversion run on a worker, one chunk after the other.
        fed = fed.compose(v -> context.executeBlocking(() -> reader.feed(data), true))
                .map(samples -> {
                    accept(samples);
                    return (Void) null;
                });
        fed.onFailure(this::failParsing);
    }

    private void failParsing(Throwable t) {
        fail(t instanceof AudioFormatException e ? e.failure() : t);
    }

    private void accept(short[] samples) {
        if (result.future().isComplete()) {
            return;
        }
        if (samples.length > 0) {
            if (queue != null) {
                queue.offer(samples, samples.length, ++seq);
            } else {
                pending.add(samples);
            }
        }
        openIfReady();
    }

    private void openIfReady() {
        if (queue != null || opening || reader.format().isEmpty()) {
            return;
        }
        opening = true;
        source.pause();
        DecodingQueue.open(pool, model, reader.format().get().sampleRate(), config.maxQueuedSeconds(), this)
                .onSuccess(q -> {
                    queue = q;
                    if (result.future().isComplete()) {
                        q.close();
                        return;
                    }
                    for (short[] s : pending) {
                        q.offer(s, s.length, ++seq);
                    }
                    pending.clear();
                    if (ended) {
                        finish();
                    } else {
                        source.resume();
                    }
                })
                .onFailure(this::fail);
    }

    private void onEnd() {
        fed.onSuccess(v -> {
            ended = true;
            try {
                reader.end();
            } catch (AudioFormatException e) {
                fail(e.failure());
                return;
            }
            if (queue != null) {
                finish();
            }
        });
    }

    private void finish() {
        queue.finish(seq).onSuccess(v -> {
            report();
            metrics.finished(queue.audioSeconds(), queue.cpuSeconds());
            result.tryComplete(FileTranscript.of(utterances, queue.audioSeconds(), (System.nanoTime() - started) / 1e9));
        });
    }

    @Override
    public Future<Void> onEvents(List<DecodeEvent> events) {
        for (DecodeEvent e : events) {
            if (e instanceof DecodeEvent.Final f && !f.result().isEmpty()) {
                utterances.add(f.result());
            }
        }
        report();
        return Future.succeededFuture();
    }

    private void report() {
        if (progress == null) {
            progress = new DecodingProgress(metrics, AsrMetrics.Source.FILE);
        }
        progress.report(queue);
    }

    @Override
    public void onBacklog(boolean high) {
        if (high) {
            source.pause();
        } else if (!ended) {
            source.resume();
        }
    }

    @Override
    public void onFailure(Throwable cause) {
        fail(cause);
    }

    private void fail(Throwable cause) {
        if (result.tryFail(cause) && queue != null) {
            queue.close();
        }
    }
}
