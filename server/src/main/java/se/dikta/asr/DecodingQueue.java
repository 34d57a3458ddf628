package se.dikta.asr;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Feeds one {@link Decoder} from an event loop. Audio queues on the event loop; whatever has queued is
 * handed to a worker of the bounded pool as one batch, so the decoder is only ever used by one thread
 * at a time and a slow listener (persistence) holds back decoding instead of piling up results.
 * Every method must be called on the context that created the queue.
 */
final class DecodingQueue {

    /** Receives what decoding produced, on the owner's context. */
    interface Listener {
        /** Handles one batch's events in order; the next batch waits for the returned future. */
        Future<Void> onEvents(List<DecodeEvent> events);

        /** The queued audio crossed the high-water mark (true) or fell back below half of it (false). */
        void onBacklog(boolean high);

        /** Decoding or event handling failed; the queue has closed and freed its recogniser. */
        void onFailure(Throwable cause);
    }

    private record Chunk(short[] samples, long seq) {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final WorkerExecutor pool;
    private final Decoder decoder;
    private final Listener listener;
    private final long highWaterSamples;
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    private final Promise<Void> released = Promise.promise();
    private long queuedSamples;
    private long peakQueuedSamples;
    private final int inputRate;
    private boolean busy;
    private boolean releasing;
    private boolean high;
    private boolean closed;
    private Promise<Void> finish;
    private long finishSeq;
    /** Written by the worker of each batch, read on the owner's context after the batch completed. */
    private volatile long cpuNanos;

    private DecodingQueue(WorkerExecutor pool, Decoder decoder, Listener listener, long highWaterSamples,
            int inputRate) {
        this.pool = pool;
        this.inputRate = inputRate;
        this.decoder = decoder;
        this.listener = listener;
        this.highWaterSamples = highWaterSamples;
    }

    /** Creates the decoder (a native Recognizer) on the pool. */
    static Future<DecodingQueue> open(WorkerExecutor pool, SpeechModel model, int inputRate,
            double maxQueuedSeconds, Listener listener) {
        long highWater = Math.max(1, (long) (maxQueuedSeconds * inputRate));
        return pool.executeBlocking(() -> new DecodingQueue(pool, new Decoder(model, inputRate), listener, highWater,
                inputRate),
                false);
    }

    void offer(short[] samples, int count, long seq) {
        if (closed || finish != null) {
            return;
        }
        queue.add(new Chunk(count == samples.length ? samples : Arrays.copyOf(samples, count), seq));
        queuedSamples += count;
        peakQueuedSamples = Math.max(peakQueuedSamples, queuedSamples);
        backlog();
        pump();
    }

    /** Decodes what is queued, then flushes the recogniser; completes once the last events are handled. */
    Future<Void> finish(long lastSeq) {
        if (finish == null) {
            finish = Promise.promise();
            finishSeq = lastSeq;
            pump();
        }
        return finish.future();
    }

    /** Drops queued audio and frees the recogniser as soon as no worker is using it. */
    void close() {
        closed = true;
        queue.clear();
        queuedSamples = 0;
        if (!busy) {
            release();
        }
    }

    /** Completes when the recogniser has been freed. */
    Future<Void> released() {
        return released.future();
    }

    /** The most audio that was ever queued or being decoded at once (the backlog's high point). */
    double peakQueuedSeconds() {
        return peakQueuedSamples / (double) inputRate;
    }

    double audioSeconds() {
        return decoder.audioSeconds();
    }

    /** CPU time the workers spent decoding for this queue. */
    double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    private void pump() {
        if (busy || closed || (queue.isEmpty() && finish == null)) {
            return;
        }
        List<Chunk> batch = new ArrayList<>(queue);
        queue.clear();
        boolean last = finish != null;
        long seq = finishSeq;
        long batchSamples = batch.stream().mapToLong(c -> c.samples().length).sum();
        busy = true;
        pool.executeBlocking(() -> decode(batch, last, seq), false)
                .compose(listener::onEvents)
                .onComplete(ar -> {
                    busy = false;
                    queuedSamples = Math.max(0, queuedSamples - batchSamples);
                    backlog();
                    if (ar.failed()) {
                        close();
                        if (finish != null) {
                            finish.tryFail(ar.cause());
                        }
                        listener.onFailure(ar.cause());
                    } else if (last) {
                        close();
                        finish.tryComplete();
                    } else if (closed) {
                        release();
                    } else {
                        pump();
                    }
                });
    }

    private List<DecodeEvent> decode(List<Chunk> batch, boolean last, long seq) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        List<DecodeEvent> events = new ArrayList<>();
        for (Chunk c : batch) {
            events.addAll(decoder.accept(c.samples(), c.samples().length, c.seq()));
        }
        if (last) {
            events.addAll(decoder.finish(seq));
        }
        cpuNanos += THREADS.getCurrentThreadCpuTime() - t0;
        return events;
    }

    private void backlog() {
        if (!high && queuedSamples > highWaterSamples) {
            high = true;
            listener.onBacklog(true);
        } else if (high && queuedSamples <= highWaterSamples / 2) {
            high = false;
            listener.onBacklog(false);
        }
    }

    /** Frees the native recogniser on the pool (it can take milliseconds), never on the event loop. */
    private void release() {
        if (releasing) {
            return;
        }
        releasing = true;
        AtomicBoolean freed = new AtomicBoolean();
        Runnable free = () -> {
            if (freed.compareAndSet(false, true)) {
                decoder.close();
            }
        };
        try {
            pool.executeBlocking(() -> {
                free.run();
                return null;
            }, false).onComplete(ar -> {
                free.run(); // only acts when the pool refused the task (shutdown): never leak native memory
                released.tryComplete();
            });
        } catch (RuntimeException e) {
            free.run();
            released.tryComplete();
        }
    }
}
