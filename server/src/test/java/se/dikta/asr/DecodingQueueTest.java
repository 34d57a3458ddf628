package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.testing.ToneWavWriter;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/** Backlog signalling and ordering of the per-stream decoding queue. */
class DecodingQueueTest {

    @TempDir
    Path tmp;
    Vertx vertx;
    Context context;
    WorkerExecutor pool;
    SpeechModel model;
    ToneWavWriter writer;

    final List<Boolean> backlog = new CopyOnWriteArrayList<>();
    final List<DecodeEvent> events = new CopyOnWriteArrayList<>();
    /** Failures the queue reported on a Vert.x thread, where a thrown AssertionError would be swallowed. */
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    volatile Promise<Void> gate;
    volatile int batches;

    final DecodingQueue.Listener listener = new DecodingQueue.Listener() {
        @Override
        public Future<Void> onEvents(List<DecodeEvent> batch) {
            events.addAll(batch);
            batches++;
            return gate == null ? Future.succeededFuture() : gate.future();
        }

        @Override
        public void onBacklog(boolean high) {
            backlog.add(high);
        }

        @Override
        public void onFailure(Throwable cause) {
            failures.add(cause);
        }
    };

    @BeforeEach
    void start() throws Exception {
        LoadedToneModel tone = LoadedToneModel.generate(tmp.resolve("tone"));
        writer = tone.writer();
        model = tone.speech();
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        pool = vertx.createSharedWorkerExecutor("test-queue", 1);
    }

    @AfterEach
    void stop() {
        vertx.close().await();
        model.close();
        assertThat(failures).as("failures the queue reported").isEmpty();
    }

    private <T> T on(Callable<Future<T>> action) {
        Promise<T> p = Promise.promise();
        context.runOnContext(v -> {
            try {
                action.call().onComplete(p);
            } catch (Exception e) {
                p.fail(e);
            }
        });
        return p.future().await();
    }

    private static short[][] frames(ToneAudio audio, int samplesPerFrame) {
        ByteBuffer b = ByteBuffer.wrap(audio.pcm()).order(ByteOrder.LITTLE_ENDIAN);
        int n = (audio.pcm().length / 2 + samplesPerFrame - 1) / samplesPerFrame;
        short[][] frames = new short[n][];
        for (int i = 0; i < n; i++) {
            frames[i] = new short[Math.min(samplesPerFrame, b.remaining() / 2)];
            b.asShortBuffer().get(frames[i]);
            b.position(b.position() + frames[i].length * 2);
        }
        return frames;
    }

    @Test
    void signalsABacklogWhileHeldUpAndDeliversEverythingInOrder() {
        gate = Promise.promise();
        ToneAudio audio = writer.render("hallå | mötet | punkt | rubrik", 16000);
        DecodingQueue queue = on(() -> DecodingQueue.open(pool, model, 16000, 0.5, listener));
        short[][] frames = frames(audio, 1600);
        on(() -> {
            for (int i = 0; i < frames.length; i++) {
                queue.offer(frames[i], frames[i].length, i + 1);
            }
            return Future.succeededFuture();
        });
        assertThat(backlog).containsExactly(true); // 5 s queued behind a held batch, over the 0.5 s mark

        gate.complete();
        gate = null;
        on(() -> queue.finish(frames.length));
        assertThat(backlog).containsExactly(true, false);
        List<String> finals = events.stream().filter(e -> e instanceof DecodeEvent.Final f && !f.result().isEmpty())
                .map(e -> ((DecodeEvent.Final) e).result().text()).toList();
        assertThat(finals).containsExactly("hallå", "mötet", "punkt", "rubrik");
        assertThat(on(queue::released)).isNull();
        assertThat(failures).isEmpty();
    }

    @Test
    void closingDuringABatchFreesTheRecognizerWhenTheBatchReturns() {
        gate = Promise.promise();
        DecodingQueue queue = on(() -> DecodingQueue.open(pool, model, 16000, 2.0, listener));
        short[][] frames = frames(writer.render("oro stöd", 16000), 1600);
        on(() -> {
            queue.offer(frames[0], frames[0].length, 1);
            return Future.succeededFuture();
        });
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (batches == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // the batch has been decoded and waits at the gate
        }
        on(() -> {
            queue.close();
            return Future.succeededFuture();
        });
        assertThat(batches).isEqualTo(1);
        assertThat(on(() -> Future.succeededFuture(queue.released().isComplete()))).isFalse();
        gate.complete();
        assertThat(on(queue::released)).isNull();
        assertThat(failures).isEmpty();
    }
}
